"""The generated raw layer on the emulator: typed results, argument checks, no crash on bad input."""

from __future__ import annotations

import pytest


@pytest.fixture
def flat(steam):
    from steamworks_cy import flat

    return flat


def test_out_parameters_come_back_as_typed_tuples(flat):
    stats = flat.SteamAPI_SteamUserStats_v013()
    result = flat.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(stats, "ACH_WIN_ONE_GAME")
    assert isinstance(result, tuple) and tuple(result) == (True, True, result.unlock_time)
    assert (result.ok, result.achieved) == (True, True) and result.unlock_time > 0
    assert hash(result) == hash(tuple(result)) and {result: 1}[tuple(result)] == 1
    ok, value = flat.SteamAPI_ISteamUserStats_GetStatInt32(stats, "NumGames")
    assert (ok, value) == (True, 12)
    assert flat.SteamAPI_ISteamUserStats_GetStatInt32(stats, b"NoSuchStat") == (False, 0)


def test_null_self_is_refused_before_reaching_steam(flat):
    with pytest.raises(ValueError, match="self is NULL"):
        flat.SteamAPI_ISteamUserStats_GetNumAchievements(0)
    with pytest.raises(ValueError, match="self is NULL"):
        flat.SteamAPI_ISteamUserStats_GetStatInt32(None, "NumGames")


def test_strings_with_nul_or_wrong_types_are_refused(flat):
    stats = flat.SteamAPI_SteamUserStats_v013()
    with pytest.raises(ValueError, match="NUL"):
        flat.SteamAPI_ISteamUserStats_GetStatInt32(stats, "Num\0Games")
    with pytest.raises(TypeError):
        flat.SteamAPI_ISteamUserStats_GetStatInt32(stats, 42)


def test_64_bit_ids_never_pass_through_a_float(flat):
    stats = flat.SteamAPI_SteamUserStats_v013()
    with pytest.raises(TypeError):
        flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, 76561197960266730.0)
    assert flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, 76561197960266730) != 0


def test_enums_are_int_enums(flat):
    assert flat.EResult(2).name == "k_EResultFail"
    assert flat.ENUMS["EResult"]["k_EResultOK"] == 1
