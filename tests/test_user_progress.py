"""requestUserProgress end to end on the emulated Steam: events, getters, ids, offline, logged off."""

from __future__ import annotations

import pytest

from tests.conftest import CURRENT_USER, FRIEND, PRIVATE_FRIEND, Recorder, pump

RequestUserStats = "SteamAPI_ISteamUserStats_RequestUserStats"


def requests_sent(emu):
    return [call.args for call in emu.call_log() if call.function == RequestUserStats]


def test_friend_progress_arrives_as_exactly_one_event(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    assert steam.requestUserProgress(FRIEND) is True
    assert steam.runCallbacks() == 0  # never inside the call, nor before the latency
    assert events.events == []
    pump(emu, 1.0)
    pump(emu, 1.0)  # a later pump must not repeat it (the broadcast twin is swallowed)
    assert len(events.events) == 1
    event = events.events[0]
    assert event.name == "userProgressUpdate"
    assert event.isError is False
    assert event.resultCode == 1
    assert event.userSteamId == FRIEND
    assert event["userSteamId"] == FRIEND and event.user_steam_id == FRIEND

    info = steam.getAchievementInfo("ACH_WIN_ONE_GAME", FRIEND)
    assert info.unlocked is True
    assert isinstance(info.unlockTime, int) and info.unlockTime > 1_000_000_000
    assert info.localizedName == "Winner"
    locked = steam.getAchievementInfo("ACH_WIN_100_GAMES", FRIEND)
    assert locked.unlocked is False and locked.unlockTime is None
    assert locked.localizedName == "Champion"

    wins = steam.getUserStatValue({"statName": "NumWins", "type": "int", "userSteamId": FRIEND})
    assert wins == 42 and type(wins) is int
    feet = steam.getUserStatValue(
        {"statName": "FeetTraveled", "type": "float", "userSteamId": FRIEND}
    )
    assert feet == 6000.5 and type(feet) is float


def test_current_user_values(steam):
    info = steam.getAchievementInfo("ACH_WIN_ONE_GAME")
    assert info.unlocked is True and info.localizedName == "Winner"
    assert steam.getUserStatValue({"statName": "NumGames", "type": "int"}) == 12
    assert steam.getUserStatValue(statName="NumWins") == 3
    assert steam.get_user_stat_value(stat_name="NumWins", user_steam_id=CURRENT_USER) == 3
    assert steam.userSteamId == CURRENT_USER
    assert steam.appId == 480
    assert steam.isLoggedOn is True
    names = steam.getAchievementNames()
    assert names == [
        "ACH_WIN_ONE_GAME",
        "ACH_WIN_100_GAMES",
        "ACH_HEAVY_FIRE",
        "ACH_TRAVEL_FAR_ACCUM",
        "ACH_TRAVEL_FAR_SINGLE",
    ]


def test_getters_fail_with_none(steam):
    assert steam.getAchievementInfo("NO_SUCH_ACHIEVEMENT") is None
    assert steam.getAchievementInfo("ACH\0WIN") is None
    assert steam.getAchievementInfo(42) is None
    assert steam.getUserStatValue({"statName": "NoSuchStat", "type": "int"}) is None
    # type mismatch: an INT stat read as float and a FLOAT stat read as int
    assert steam.getUserStatValue({"statName": "NumGames", "type": "float"}) is None
    assert steam.getUserStatValue({"statName": "FeetTraveled", "type": "int"}) is None
    # another user whose progress was never requested
    assert steam.getAchievementInfo("ACH_WIN_ONE_GAME", FRIEND) is None
    assert steam.getUserStatValue({"statName": "NumWins", "userSteamId": FRIEND}) is None
    # an invalid id is not an error, just no value
    assert steam.getAchievementInfo("ACH_WIN_ONE_GAME", "FRIEND_ID") is None
    assert steam.getUserStatValue({"statName": "NumWins", "userSteamId": "x"}) is None


def test_malformed_stat_requests_raise(steam):
    with pytest.raises(TypeError):
        steam.getUserStatValue(["NumWins"])
    with pytest.raises(TypeError):
        steam.getUserStatValue({"type": "int"})
    with pytest.raises(ValueError):
        steam.getUserStatValue({"statName": "NumWins", "type": "double"})


def test_private_friend_gives_error_event_and_no_values(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    assert steam.requestUserProgress(PRIVATE_FRIEND)
    pump(emu, 1.0)
    assert [(e.isError, e.resultCode, e.userSteamId) for e in events.events] == [
        (True, 2, PRIVATE_FRIEND)
    ]
    assert steam.getAchievementInfo("ACH_WIN_ONE_GAME", PRIVATE_FRIEND) is None
    assert steam.getUserStatValue({"statName": "NumWins", "userSteamId": PRIVATE_FRIEND}) is None


def test_unknown_player_gives_result_2(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    stranger = str(76561197960265728 + 123456)
    assert steam.requestUserProgress(int(stranger))
    pump(emu, 1.0)
    assert [(e.isError, e.resultCode, e.userSteamId) for e in events.events] == [
        (True, 2, stranger)
    ]


def test_exact_64_bit_id_reaches_steam_and_comes_back(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    assert steam.requestUserProgress("76561198000000001")
    assert requests_sent(emu) == [(76561198000000001,)]
    pump(emu, 1.0)
    assert [e.userSteamId for e in events.events] == ["76561198000000001"]


ARABIC_INDIC = "".join(chr(0x0660 + int(d)) for d in FRIEND)
CLAN_ID = str((1 << 56) | (7 << 52) | 4)  # universe public, type clan, account 4
INVALID_IDS = [
    "",
    "0",
    "-1",
    " " + FRIEND,
    FRIEND + " ",
    "+" + FRIEND,
    "76_561_197_960_266_730",
    ARABIC_INDIC,
    FRIEND + "x",
    "0x110000100000001",
    "18446744073709551616",
    76561197960266730.0,
    CLAN_ID,
    "FRIEND_ID",
    True,
    b"76561197960266730",
    -1,
    1 << 64,
]


@pytest.mark.parametrize("bad", INVALID_IDS, ids=repr)
def test_invalid_ids_are_rejected_before_steam(steam, emu, bad):
    assert steam.requestUserProgress(bad) is False
    assert requests_sent(emu) == []


def test_none_and_no_argument_mean_the_current_user(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    assert steam.requestUserProgress() is True
    assert steam.requestUserProgress(None) is True
    assert requests_sent(emu) == [(int(CURRENT_USER),), (int(CURRENT_USER),)]
    pump(emu, 1.0)
    assert [(e.isError, e.userSteamId) for e in events.events] == [
        (False, CURRENT_USER),
        (False, CURRENT_USER),
    ]


def test_int_ids_are_accepted(steam, emu):
    assert steam.requestUserProgress(int(FRIEND))
    assert requests_sent(emu) == [(int(FRIEND),)]


def test_init_requests_the_current_users_progress(emu):
    import steamworks_cy as steam

    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    assert steam.init(480, library="emulator")
    assert requests_sent(emu) == [(int(CURRENT_USER),)]
    assert steam.runCallbacks() == 0
    pump(emu, 1.0)
    assert [(e.isError, e.resultCode, e.userSteamId) for e in events.events] == [
        (False, 1, CURRENT_USER)
    ]


def _assert_logged_off(steam):
    assert steam.isLoggedOn is False
    assert steam.requestUserProgress(FRIEND) is False
    assert steam.requestUserProgress() is False
    assert steam.getAchievementInfo("ACH_WIN_ONE_GAME") is None
    assert steam.getUserStatValue({"statName": "NumWins", "type": "int"}) is None
    assert steam.runCallbacks() == 0


def test_not_logged_on_before_init(emu):
    import steamworks_cy as steam

    _assert_logged_off(steam)
    assert steam.userSteamId is None and steam.appId is None
    assert steam.getAchievementNames() is None


def test_not_logged_on_after_shutdown(steam, emu):
    steam.shutdown()
    _assert_logged_off(steam)
    assert steam.userSteamId is None
    steam.shutdown()  # twice is harmless


def test_emulator_logged_off(steam, emu):
    emu.set_logged_on(False)
    _assert_logged_off(steam)
    assert requests_sent(emu) == []
    emu.set_logged_on(True)
    assert steam.requestUserProgress(FRIEND) is True


def test_offline_request_fails_only_after_the_timeout(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    emu.set_online(False)
    assert steam.requestUserProgress(FRIEND) is True
    pump(emu, 69.0, steps=23)
    assert events.events == []
    pump(emu, 2.0)
    assert [(e.isError, e.resultCode, e.userSteamId) for e in events.events] == [(True, 3, FRIEND)]


def test_io_failure_takes_the_id_from_our_record(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    emu.set_next_result(FRIEND, io_failure=True)
    assert steam.requestUserProgress(FRIEND)
    pump(emu, 1.0)
    assert [(e.isError, e.userSteamId) for e in events.events] == [(True, FRIEND)]
    assert events.events[0].resultCode == 15  # k_EResultIOFailure


@pytest.mark.parametrize("result", [2, 3, 8, 16, 19, 21, 84])
def test_any_result_code_is_passed_through(steam, emu, result):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    emu.set_next_result(FRIEND, result)
    assert steam.requestUserProgress(FRIEND)
    pump(emu, 1.0)
    assert [(e.isError, e.resultCode) for e in events.events] == [(True, result)]


def test_results_for_another_game_are_dropped(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    emu.post_user_stats_received(FRIEND, 1, game_id=440)
    pump(emu, 0.5)
    assert events.events == []
    emu.post_user_stats_received(FRIEND, 1)  # unsolicited news for this game is delivered
    pump(emu, 0.5)
    assert [(e.isError, e.userSteamId) for e in events.events] == [(False, FRIEND)]


def test_unload_evicts_and_fires_userProgressUnload(steam, emu):
    unloads = Recorder()
    steam.addEventListener("userProgressUnload", unloads)
    steam.requestUserProgress(FRIEND)
    pump(emu, 1.0)
    assert steam.getUserStatValue({"statName": "NumWins", "userSteamId": FRIEND}) == 42
    emu.post_user_stats_unloaded(FRIEND)
    pump(emu, 0.5)
    assert [e.userSteamId for e in unloads.events] == [FRIEND]
    assert steam.getUserStatValue({"statName": "NumWins", "userSteamId": FRIEND}) is None


def test_many_requests_each_give_one_event(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    for _ in range(20):
        assert steam.requestUserProgress(FRIEND)
    pump(emu, 1.0)
    pump(emu, 1.0)
    assert len(events.events) == 20
    assert emu.protocol_errors() == 0


def test_raw_callback_handler_sees_every_callback(steam, emu):
    raw = []
    steam.setRawCallbackHandler(raw.append)
    steam.requestUserProgress(FRIEND)
    pump(emu, 1.0)
    ids = [obj.CALLBACK_ID for obj in raw]
    assert ids == [703, 1101]  # the call-completed notice and the broadcast copy
    assert raw[1].m_steamIDUser == int(FRIEND) and raw[1].m_eResult == 1
    assert raw[1].m_nGameID == 480


def test_broadcast_after_a_delivered_request_is_news(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    steam.requestUserProgress(FRIEND)
    pump(emu, 1.0)
    emu.advance_clock(60.0)
    emu.post_user_stats_received(FRIEND, 1)  # Steam refreshed the friend's stats on its own
    emu.post_user_stats_received(CURRENT_USER, 1)  # and the current user's (requested by init)
    pump(emu, 0.5)
    assert [e.userSteamId for e in events.events] == [FRIEND, FRIEND, CURRENT_USER]


def test_broadcast_before_its_failed_call_result_does_not_leak(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)
    emu.set_next_result(FRIEND, io_failure=True)
    assert steam.requestUserProgress(FRIEND)
    emu.post_user_stats_received(FRIEND, 1)  # arrives while the call is in flight: held back
    pump(emu, 1.0)
    assert [(e.resultCode, e.userSteamId) for e in events.events] == [(15, FRIEND)]
    assert steam.requestUserProgress(FRIEND)  # the next result is one event, its twin swallowed
    pump(emu, 1.0)
    emu.post_user_stats_received(FRIEND, 1)  # and news afterwards is still news
    pump(emu, 0.5)
    assert [e.resultCode for e in events.events] == [15, 1, 1]


def test_raw_handler_error_loses_no_event(steam, emu):
    events = Recorder()
    steam.addEventListener("userProgressUpdate", events)

    def broken(obj):
        raise RuntimeError("raw handler bug")

    steam.setRawCallbackHandler(broken)
    steam.requestUserProgress(FRIEND)
    emu.advance_clock(1.0)
    with pytest.raises(RuntimeError, match="raw handler bug"):
        steam.runCallbacks()
    assert [e.userSteamId for e in events.events] == [FRIEND]


def test_names_that_cannot_be_utf8_are_unknown_names(steam):
    assert steam.getAchievementInfo("\udc80") is None
    assert steam.getUserStatValue({"statName": "\udc80", "type": "int"}) is None
