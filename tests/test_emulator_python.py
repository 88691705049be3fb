"""Tests of steamworks_cy.emulator, the ctypes control surface of the bundled emulator."""

from __future__ import annotations

import ctypes
import json
import pathlib
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emulator.build import build_emulator, source_files  # noqa: E402

FRIEND = 76561197960266730
PRIVATE = 76561197960266731
PIPE = 1


def _emulator_module() -> ModuleType:
    from steamworks_cy import emulator

    return emulator


def _bundled_path(emulator: ModuleType) -> pathlib.Path:
    return pathlib.Path(str(emulator.__file__)).parent / "_emulator" / emulator.library_filename()


def _bundled_is_fresh(emulator: ModuleType) -> bool:
    path = _bundled_path(emulator)
    if not path.is_file():
        return False
    built = path.stat().st_mtime
    return all(src.stat().st_mtime <= built for src in source_files() if src.exists())


@pytest.fixture(scope="module")
def emu():  # type: ignore[no-untyped-def]
    """steamworks_cy.emulator, with the bundled library built when missing or stale."""
    emulator = _emulator_module()
    if not _bundled_is_fresh(emulator):
        build_emulator(_bundled_path(emulator).parent)
    return emulator


@pytest.fixture(scope="module")
def flat(emu):  # type: ignore[no-untyped-def]
    """The same library instance, for the few flat calls these tests need."""
    lib = ctypes.CDLL(emu.library_path())
    lib.SteamAPI_InitFlat.argtypes = [ctypes.c_char_p]
    lib.SteamAPI_SteamUserStats_v013.restype = ctypes.c_void_p
    lib.SteamAPI_ISteamUserStats_RequestUserStats.argtypes = [ctypes.c_void_p, ctypes.c_uint64]
    lib.SteamAPI_ISteamUserStats_RequestUserStats.restype = ctypes.c_uint64
    lib.SteamAPI_ISteamUserStats_GetUserStatInt32.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint64,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int32),
    ]
    lib.SteamAPI_ISteamUserStats_GetUserStatInt32.restype = ctypes.c_bool
    lib.SteamAPI_ManualDispatch_GetNextCallback.restype = ctypes.c_bool
    return lib


@pytest.fixture
def clean(emu, flat, monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    for var in ("SteamAppId", "STEAMWORKS_CY_EMULATOR_DATA", "STEAMWORKS_CY_EMULATOR_STATE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    flat.SteamAPI_Shutdown()
    emu.reset()
    yield
    flat.SteamAPI_Shutdown()
    emu.reset()


def _init(flat: ctypes.CDLL) -> int:
    err = ctypes.create_string_buffer(1024)
    assert flat.SteamAPI_InitFlat(err) == 0, err.value
    stats = flat.SteamAPI_SteamUserStats_v013()
    assert stats
    return int(stats)


class _Msg(ctypes.Structure):
    _pack_ = 4
    _fields_ = [
        ("user", ctypes.c_int32),
        ("id", ctypes.c_int),
        ("param", ctypes.c_void_p),
        ("size", ctypes.c_int),
    ]


def _drain(flat: ctypes.CDLL) -> list[int]:
    ids = []
    msg = _Msg()
    while flat.SteamAPI_ManualDispatch_GetNextCallback(PIPE, ctypes.byref(msg)):
        ids.append(msg.id)
        flat.SteamAPI_ManualDispatch_FreeLastCallback(PIPE)
    return ids


def test_library_path_and_missing_library_message(
    emu,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    tmp_path: pathlib.Path,
) -> None:
    path = pathlib.Path(emu.library_path())
    assert path.is_file() and path.name == "libsteamworks_cy_emulator.so"
    monkeypatch.setattr(emu, "_LIBRARY_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match="not built.*emulator/build.py"):
        emu.library_path()
    assert emu.library_filename("win32") == "steamworks_cy_emulator.dll"
    assert emu.library_filename("darwin") == "libsteamworks_cy_emulator.dylib"


def test_default_data(emu, clean) -> None:  # type: ignore[no-untyped-def]
    data = emu.default_data()
    assert data == json.loads((ROOT / "emulator" / "data" / "spacewar.json").read_text())
    assert data["app"]["id"] == 480
    assert data["current_user"] == "76561197960266729"
    current = emu.current_data()
    assert current["app"] == {**data["app"]}
    assert [s["name"] for s in current["stats"]] == [s["name"] for s in data["stats"]]


def test_request_flow_with_manual_clock(emu, flat, clean) -> None:  # type: ignore[no-untyped-def]
    stats = _init(flat)
    emu.use_manual_clock()
    start = emu.now()
    call = flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, FRIEND)
    assert call != 0
    assert emu.pending_call_count() == 1
    emu.advance_clock(0.049)
    assert emu.ready_callback_count() == 0
    emu.advance_clock(0.001)
    assert emu.now() == pytest.approx(start + 0.05)
    assert emu.ready_callback_count() == 2
    assert _drain(flat) == [703, 1101]
    v = ctypes.c_int32()
    assert flat.SteamAPI_ISteamUserStats_GetUserStatInt32(
        stats, FRIEND, b"NumWins", ctypes.byref(v)
    )
    assert v.value == 42
    emu.post_user_stats_unloaded(str(FRIEND))
    assert not flat.SteamAPI_ISteamUserStats_GetUserStatInt32(
        stats, FRIEND, b"NumWins", ctypes.byref(v)
    )
    assert _drain(flat) == [1108]
    assert emu.protocol_errors() == 0


def test_set_next_result_and_ids(emu, flat, clean) -> None:  # type: ignore[no-untyped-def]
    stats = _init(flat)
    emu.use_manual_clock(True)
    emu.set_next_result(str(FRIEND), 84)
    with pytest.raises(ValueError):
        emu.set_next_result("７６５６１１９７９６０２６６７３０")  # non-ASCII digits
    with pytest.raises(ValueError):
        emu.set_next_result(" 76561197960266730")
    with pytest.raises(ValueError):
        emu.set_next_result(12345)  # not an individual account
    with pytest.raises(TypeError):
        emu.set_next_result(7.6e16)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        emu.set_next_result(True)
    emu.clear_call_log()
    flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, FRIEND)
    log = emu.call_log()
    assert log == [emu.Call("SteamAPI_ISteamUserStats_RequestUserStats", (FRIEND,))]
    assert log[0].function == "SteamAPI_ISteamUserStats_RequestUserStats"
    emu.set_log_dispatch(True)
    flat.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert emu.call_log()[-1] == ("SteamAPI_ManualDispatch_RunFrame", (1,))


def test_set_call_log(emu, flat, clean) -> None:  # type: ignore[no-untyped-def]
    stats = _init(flat)
    emu.use_manual_clock()
    emu.clear_call_log()
    request = flat.SteamAPI_ISteamUserStats_RequestUserStats
    request(stats, FRIEND)
    emu.set_call_log(False)
    emu.set_log_dispatch(True)
    request(stats, FRIEND)
    flat.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert emu.call_log() == [("SteamAPI_ISteamUserStats_RequestUserStats", (FRIEND,))]
    emu.set_call_log(True)
    flat.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert emu.call_log()[-1] == ("SteamAPI_ManualDispatch_RunFrame", (1,))
    emu.set_call_log(False)
    emu.reset()  # the default again: on, without the dispatch calls
    request(stats, FRIEND)
    flat.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert emu.call_log() == [("SteamAPI_ISteamUserStats_RequestUserStats", (FRIEND,))]


def test_network_settings(emu, flat, clean) -> None:  # type: ignore[no-untyped-def]
    stats = _init(flat)
    emu.use_manual_clock()
    emu.set_online(False)
    emu.set_offline_timeout(2.5)
    flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, FRIEND)
    emu.advance_clock(2.499)
    assert _drain(flat) == []
    emu.advance_clock(0.001)
    assert _drain(flat) == [703, 1101]
    emu.set_online(True)
    emu.set_latency(0.2)
    flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, FRIEND)
    emu.advance_clock(0.199)
    assert _drain(flat) == []
    emu.advance_clock(0.001)
    assert _drain(flat) == [703, 1101]
    emu.set_logged_on(False)
    assert flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, FRIEND) == 0
    with pytest.raises(ValueError):
        emu.set_latency(float("nan"))


def test_steam_not_running(emu, flat, clean) -> None:  # type: ignore[no-untyped-def]
    emu.set_steam_running(False)
    err = ctypes.create_string_buffer(1024)
    assert flat.SteamAPI_InitFlat(err) == 2
    assert b"steamclient" in err.value
    assert not emu.is_initialised()


def test_post_callbacks(emu, flat, clean) -> None:  # type: ignore[no-untyped-def]
    _init(flat)
    emu.use_manual_clock()
    emu.post_callback(9999, b"\x01\x02", delay=1.0)
    emu.post_user_stats_received(FRIEND)
    emu.post_user_stats_received(FRIEND, 2, game_id=730)
    assert _drain(flat) == [1101, 1101]
    emu.advance_clock(1.0)
    assert _drain(flat) == [9999]


def test_reset_with_data_dict_text_and_path(emu, flat, clean, tmp_path: pathlib.Path) -> None:  # type: ignore[no-untyped-def]
    data = emu.default_data()
    data["app"]["id"] = 4000
    data["network"]["latency_ms"] = 5
    emu.reset(data)
    err = ctypes.create_string_buffer(1024)
    assert flat.SteamAPI_InitFlat(err) == 0
    flat.SteamAPI_ISteamUtils_GetAppID.argtypes = [ctypes.c_void_p]
    flat.SteamAPI_SteamUtils_v011.restype = ctypes.c_void_p
    assert flat.SteamAPI_ISteamUtils_GetAppID(flat.SteamAPI_SteamUtils_v011()) == 4000
    flat.SteamAPI_Shutdown()
    emu.reset(json.dumps(data))
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data))
    emu.reset(path)
    emu.reset(str(path))
    with pytest.raises(emu.EmulatorDataError, match="players"):
        emu.reset({**data, "players": [{"steam_id": 1}]})
    with pytest.raises(emu.EmulatorDataError, match="cannot read"):
        emu.reset(tmp_path / "missing.json")
    with pytest.raises(TypeError):
        emu.reset(42)  # type: ignore[arg-type]
    emu.reset()
    assert emu.default_data()["app"]["id"] == 480


def test_state_file(emu, flat, clean, tmp_path: pathlib.Path) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "s.json"
    emu.set_state_file(state)
    stats = _init(flat)
    flat.SteamAPI_ISteamUserStats_StoreStats.argtypes = [ctypes.c_void_p]
    assert flat.SteamAPI_ISteamUserStats_StoreStats(stats)
    assert json.loads(state.read_text())["stats"]["NumGames"] == 12
    assert emu.last_error() == ""
