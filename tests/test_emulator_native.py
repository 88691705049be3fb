"""Tests of libsteamworks_cy_emulator through its C ABI only (ctypes), with exact values."""

from __future__ import annotations

import ctypes
import json
import os
import pathlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emulator.build import (  # noqa: E402
    SANITIZE_FLAGS,
    SDK_INCLUDE,
    build_emulator,
    compiler_command,
    library_filename,
    source_files,
)

PLAYER_ONE = 76561197960266729
FRIEND = 76561197960266730
PRIVATE = 76561197960266731
STRANGER = 76561198000000001  # valid individual id the data does not know

PIPE = 1
k_uAPICallInvalid = 0


# ---- payload layouts (Linux/macOS pack 4); every size read is checked against the C size --------


class CallbackMsg(ctypes.Structure):
    _pack_ = 4
    _fields_ = [
        ("m_hSteamUser", ctypes.c_int32),
        ("m_iCallback", ctypes.c_int),
        ("m_pubParam", ctypes.c_void_p),
        ("m_cubParam", ctypes.c_int),
    ]


class SteamAPICallCompleted(ctypes.Structure):
    _pack_ = 4
    _fields_ = [
        ("m_hAsyncCall", ctypes.c_uint64),
        ("m_iCallback", ctypes.c_int),
        ("m_cubParam", ctypes.c_uint32),
    ]


class UserStatsReceived(ctypes.Structure):
    _pack_ = 4
    _fields_ = [
        ("m_nGameID", ctypes.c_uint64),
        ("m_eResult", ctypes.c_int),
        ("m_steamIDUser", ctypes.c_uint64),
    ]


class UserStatsStored(ctypes.Structure):
    _pack_ = 4
    _fields_ = [("m_nGameID", ctypes.c_uint64), ("m_eResult", ctypes.c_int)]


class UserAchievementStored(ctypes.Structure):
    _pack_ = 4
    _fields_ = [
        ("m_nGameID", ctypes.c_uint64),
        ("m_bGroupAchievement", ctypes.c_bool),
        ("m_rgchAchievementName", ctypes.c_char * 128),
        ("m_nCurProgress", ctypes.c_uint32),
        ("m_nMaxProgress", ctypes.c_uint32),
    ]


class UserStatsUnloaded(ctypes.Structure):
    _pack_ = 4
    _fields_ = [("m_steamIDUser", ctypes.c_uint64)]


class LeaderboardFindResult(ctypes.Structure):
    _pack_ = 4
    _fields_ = [("m_hSteamLeaderboard", ctypes.c_uint64), ("m_bLeaderboardFound", ctypes.c_uint8)]


class LeaderboardScoresDownloaded(ctypes.Structure):
    _pack_ = 4
    _fields_ = [
        ("m_hSteamLeaderboard", ctypes.c_uint64),
        ("m_hSteamLeaderboardEntries", ctypes.c_uint64),
        ("m_cEntryCount", ctypes.c_int),
    ]


class LeaderboardEntry(ctypes.Structure):
    _pack_ = 4
    _fields_ = [
        ("m_steamIDUser", ctypes.c_uint64),
        ("m_nGlobalRank", ctypes.c_int32),
        ("m_nScore", ctypes.c_int32),
        ("m_cDetails", ctypes.c_int32),
        ("m_hUGC", ctypes.c_uint64),
    ]


# ---- the library --------------------------------------------------------------------------------

c_bool_p = ctypes.POINTER(ctypes.c_bool)
c_int32_p = ctypes.POINTER(ctypes.c_int32)
c_uint32_p = ctypes.POINTER(ctypes.c_uint32)
c_float_p = ctypes.POINTER(ctypes.c_float)
vp = ctypes.c_void_p
cp = ctypes.c_char_p
u64 = ctypes.c_uint64
i64 = ctypes.c_int64
cint = ctypes.c_int
cbool = ctypes.c_bool

SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "SteamAPI_InitFlat": (cint, [vp]),
    "SteamAPI_Shutdown": (None, []),
    "SteamAPI_IsSteamRunning": (cbool, []),
    "SteamAPI_RestartAppIfNecessary": (cbool, [ctypes.c_uint32]),
    "SteamAPI_GetHSteamPipe": (ctypes.c_int32, []),
    "SteamAPI_GetHSteamUser": (ctypes.c_int32, []),
    "SteamAPI_ManualDispatch_Init": (None, []),
    "SteamAPI_ManualDispatch_RunFrame": (None, [ctypes.c_int32]),
    "SteamAPI_ManualDispatch_GetNextCallback": (
        cbool,
        [ctypes.c_int32, ctypes.POINTER(CallbackMsg)],
    ),
    "SteamAPI_ManualDispatch_FreeLastCallback": (None, [ctypes.c_int32]),
    "SteamAPI_ManualDispatch_GetAPICallResult": (
        cbool,
        [ctypes.c_int32, u64, vp, cint, cint, c_bool_p],
    ),
    "SteamAPI_SteamUser_v023": (vp, []),
    "SteamAPI_SteamUtils_v011": (vp, []),
    "SteamAPI_SteamUserStats_v013": (vp, []),
    "SteamAPI_ISteamUser_GetSteamID": (u64, [vp]),
    "SteamAPI_ISteamUser_BLoggedOn": (cbool, [vp]),
    "SteamAPI_ISteamUser_GetHSteamUser": (ctypes.c_int32, [vp]),
    "SteamAPI_ISteamUtils_GetAppID": (ctypes.c_uint32, [vp]),
    "SteamAPI_ISteamUtils_IsOverlayEnabled": (cbool, [vp]),
    "SteamAPI_ISteamUtils_GetAPICallFailureReason": (cint, [vp, u64]),
    "SteamAPI_ISteamUtils_IsAPICallCompleted": (cbool, [vp, u64, c_bool_p]),
    "SteamAPI_ISteamUtils_GetAPICallResult": (cbool, [vp, u64, vp, cint, cint, c_bool_p]),
    "SteamAPI_ISteamUtils_GetSecondsSinceAppActive": (ctypes.c_uint32, [vp]),
    "SteamAPI_ISteamUtils_GetServerRealTime": (ctypes.c_uint32, [vp]),
    "SteamAPI_ISteamUserStats_GetStatInt32": (cbool, [vp, cp, c_int32_p]),
    "SteamAPI_ISteamUserStats_GetStatFloat": (cbool, [vp, cp, c_float_p]),
    "SteamAPI_ISteamUserStats_SetStatInt32": (cbool, [vp, cp, ctypes.c_int32]),
    "SteamAPI_ISteamUserStats_SetStatFloat": (cbool, [vp, cp, ctypes.c_float]),
    "SteamAPI_ISteamUserStats_UpdateAvgRateStat": (
        cbool,
        [vp, cp, ctypes.c_float, ctypes.c_double],
    ),
    "SteamAPI_ISteamUserStats_GetAchievement": (cbool, [vp, cp, c_bool_p]),
    "SteamAPI_ISteamUserStats_SetAchievement": (cbool, [vp, cp]),
    "SteamAPI_ISteamUserStats_ClearAchievement": (cbool, [vp, cp]),
    "SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime": (cbool, [vp, cp, c_bool_p, c_uint32_p]),
    "SteamAPI_ISteamUserStats_StoreStats": (cbool, [vp]),
    "SteamAPI_ISteamUserStats_GetAchievementIcon": (cint, [vp, cp]),
    "SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute": (cp, [vp, cp, cp]),
    "SteamAPI_ISteamUserStats_IndicateAchievementProgress": (
        cbool,
        [vp, cp, ctypes.c_uint32, ctypes.c_uint32],
    ),
    "SteamAPI_ISteamUserStats_GetNumAchievements": (ctypes.c_uint32, [vp]),
    "SteamAPI_ISteamUserStats_GetAchievementName": (cp, [vp, ctypes.c_uint32]),
    "SteamAPI_ISteamUserStats_RequestUserStats": (u64, [vp, u64]),
    "SteamAPI_ISteamUserStats_GetUserStatInt32": (cbool, [vp, u64, cp, c_int32_p]),
    "SteamAPI_ISteamUserStats_GetUserStatFloat": (cbool, [vp, u64, cp, c_float_p]),
    "SteamAPI_ISteamUserStats_GetUserAchievement": (cbool, [vp, u64, cp, c_bool_p]),
    "SteamAPI_ISteamUserStats_GetUserAchievementAndUnlockTime": (
        cbool,
        [vp, u64, cp, c_bool_p, c_uint32_p],
    ),
    "SteamAPI_ISteamUserStats_ResetAllStats": (cbool, [vp, cbool]),
    "SteamAPI_ISteamUserStats_GetAchievementProgressLimitsInt32": (
        cbool,
        [vp, cp, c_int32_p, c_int32_p],
    ),
    "SteamAPI_ISteamUserStats_GetAchievementProgressLimitsFloat": (
        cbool,
        [vp, cp, c_float_p, c_float_p],
    ),
    "SteamAPI_ISteamUserStats_FindLeaderboard": (u64, [vp, cp]),
    "SteamAPI_ISteamUserStats_FindOrCreateLeaderboard": (u64, [vp, cp, cint, cint]),
    "SteamAPI_ISteamUserStats_GetLeaderboardName": (cp, [vp, u64]),
    "SteamAPI_ISteamUserStats_GetLeaderboardEntryCount": (cint, [vp, u64]),
    "SteamAPI_ISteamUserStats_DownloadLeaderboardEntries": (u64, [vp, u64, cint, cint, cint]),
    "SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry": (
        cbool,
        [vp, u64, cint, ctypes.POINTER(LeaderboardEntry), c_int32_p, cint],
    ),
    "SteamAPI_ISteamUserStats_UploadLeaderboardScore": (
        u64,
        [vp, u64, cint, ctypes.c_int32, c_int32_p, cint],
    ),
    "SteamAPI_ISteamUserStats_GetNumberOfCurrentPlayers": (u64, [vp]),
    "SteamEmu_Reset": (None, []),
    "SteamEmu_LoadDataJSON": (cint, [cp, cp, cint]),
    "SteamEmu_DefaultDataJSON": (cint, [cp, cint]),
    "SteamEmu_CurrentDataJSON": (cint, [cp, cint]),
    "SteamEmu_SetOnline": (None, [cint]),
    "SteamEmu_SetLoggedOn": (None, [cint]),
    "SteamEmu_SetSteamRunning": (None, [cint]),
    "SteamEmu_SetLatencyMs": (None, [i64]),
    "SteamEmu_SetOfflineTimeoutMs": (None, [i64]),
    "SteamEmu_SetNextResult": (cint, [u64, cint, cint]),
    "SteamEmu_PostCallback": (cint, [cint, vp, cint, i64]),
    "SteamEmu_PostUserStatsReceived": (cint, [u64, cint, u64, cint]),
    "SteamEmu_UnloadUser": (cint, [u64]),
    "SteamEmu_UseManualClock": (None, [cint]),
    "SteamEmu_AdvanceClockMs": (None, [i64]),
    "SteamEmu_NowMs": (i64, []),
    "SteamEmu_CallLogJSON": (cint, [cp, cint]),
    "SteamEmu_ClearCallLog": (None, []),
    "SteamEmu_SetCallLog": (None, [cint]),
    "SteamEmu_SetLogDispatch": (None, [cint]),
    "SteamEmu_ProtocolErrors": (cint, []),
    "SteamEmu_IsInitialised": (cint, []),
    "SteamEmu_ReadyCallbackCount": (cint, []),
    "SteamEmu_SetStateFile": (None, [cp]),
    "SteamEmu_LastError": (cint, [cp, cint]),
}


def _fresh(path: pathlib.Path) -> bool:
    if not path.is_file():
        return False
    built = path.stat().st_mtime
    return all(src.stat().st_mtime <= built for src in source_files() if src.exists())


@pytest.fixture(scope="session")
def lib_path(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The bundled library when it is up to date (shared with the binding), else a fresh build."""
    bundled = ROOT / "steamworks_cy" / "_emulator" / library_filename()
    if _fresh(bundled):
        return bundled
    return build_emulator(tmp_path_factory.mktemp("emulator"))


@pytest.fixture(scope="session")
def lib(lib_path: pathlib.Path) -> ctypes.CDLL:
    handle = ctypes.CDLL(str(lib_path))
    for name, (restype, argtypes) in SIGNATURES.items():
        fn = getattr(handle, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return handle


class Steam:
    """A thin test-side session: init, accessors and manual dispatch helpers."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self.lib = lib
        self.user: int | None = None
        self.utils: int | None = None
        self.stats: int | None = None

    def init(self) -> tuple[int, str]:
        err = ctypes.create_string_buffer(1024)
        rc = self.lib.SteamAPI_InitFlat(err)
        if rc == 0:
            self.lib.SteamAPI_ManualDispatch_Init()
            self.user = self.lib.SteamAPI_SteamUser_v023()
            self.utils = self.lib.SteamAPI_SteamUtils_v011()
            self.stats = self.lib.SteamAPI_SteamUserStats_v013()
        return rc, err.value.decode()

    def drain(self) -> list[tuple[int, bytes]]:
        """All ready callbacks as (id, payload), freeing each."""
        out = []
        self.lib.SteamAPI_ManualDispatch_RunFrame(PIPE)
        msg = CallbackMsg()
        while self.lib.SteamAPI_ManualDispatch_GetNextCallback(PIPE, ctypes.byref(msg)):
            out.append((msg.m_iCallback, ctypes.string_at(msg.m_pubParam, msg.m_cubParam)))
            self.lib.SteamAPI_ManualDispatch_FreeLastCallback(PIPE)
        return out

    def call_result(
        self, call: int, struct: type[ctypes.Structure], callback_id: int
    ) -> tuple[bool, bool, Any]:
        buf = struct()
        failed = ctypes.c_bool(False)
        ok = self.lib.SteamAPI_ManualDispatch_GetAPICallResult(
            PIPE, call, ctypes.byref(buf), ctypes.sizeof(buf), callback_id, ctypes.byref(failed)
        )
        return ok, failed.value, buf

    def stat_int(self, name: bytes, steam_id: int | None = None) -> int | None:
        v = ctypes.c_int32()
        if steam_id is None:
            ok = self.lib.SteamAPI_ISteamUserStats_GetStatInt32(self.stats, name, ctypes.byref(v))
        else:
            ok = self.lib.SteamAPI_ISteamUserStats_GetUserStatInt32(
                self.stats, steam_id, name, ctypes.byref(v)
            )
        return v.value if ok else None

    def stat_float(self, name: bytes, steam_id: int | None = None) -> float | None:
        v = ctypes.c_float()
        if steam_id is None:
            ok = self.lib.SteamAPI_ISteamUserStats_GetStatFloat(self.stats, name, ctypes.byref(v))
        else:
            ok = self.lib.SteamAPI_ISteamUserStats_GetUserStatFloat(
                self.stats, steam_id, name, ctypes.byref(v)
            )
        return v.value if ok else None

    def achievement(self, name: bytes, steam_id: int | None = None) -> tuple[bool, int] | None:
        got = ctypes.c_bool()
        when = ctypes.c_uint32()
        if steam_id is None:
            ok = self.lib.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(
                self.stats, name, ctypes.byref(got), ctypes.byref(when)
            )
        else:
            ok = self.lib.SteamAPI_ISteamUserStats_GetUserAchievementAndUnlockTime(
                self.stats, steam_id, name, ctypes.byref(got), ctypes.byref(when)
            )
        return (got.value, when.value) if ok else None

    def request(self, steam_id: int) -> int:
        return int(self.lib.SteamAPI_ISteamUserStats_RequestUserStats(self.stats, steam_id))

    def call_log(self) -> list[dict[str, Any]]:
        need = self.lib.SteamEmu_CallLogJSON(None, 0)
        buf = ctypes.create_string_buffer(need)
        assert self.lib.SteamEmu_CallLogJSON(buf, need) == need
        entries: list[dict[str, Any]] = json.loads(buf.value.decode())
        return entries


@pytest.fixture
def steam(
    lib: ctypes.CDLL, monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> Iterator[Steam]:
    """A clean emulator with the manual clock; not yet initialised."""
    for var in ("SteamAppId", "STEAMWORKS_CY_EMULATOR_DATA", "STEAMWORKS_CY_EMULATOR_STATE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    lib.SteamAPI_Shutdown()
    lib.SteamEmu_Reset()
    lib.SteamEmu_UseManualClock(1)
    yield Steam(lib)
    lib.SteamAPI_Shutdown()
    lib.SteamEmu_Reset()


@pytest.fixture
def live(steam: Steam) -> Steam:
    """An initialised emulator with the default (Spacewar) data."""
    rc, msg = steam.init()
    assert (rc, msg) == (0, "")
    return steam


def received(payload: bytes) -> UserStatsReceived:
    assert len(payload) == ctypes.sizeof(UserStatsReceived)
    return UserStatsReceived.from_buffer_copy(payload)


# ---- init and shutdown --------------------------------------------------------------------------


def test_init_shutdown_and_clean_reinit(steam: Steam) -> None:
    lib = steam.lib
    assert lib.SteamAPI_SteamUserStats_v013() is None
    assert lib.SteamAPI_GetHSteamPipe() == 0
    assert steam.init() == (0, "")
    assert lib.SteamEmu_IsInitialised() == 1
    assert steam.user and steam.utils and steam.stats
    assert lib.SteamAPI_GetHSteamPipe() == PIPE
    assert lib.SteamAPI_GetHSteamUser() == 1
    assert lib.SteamAPI_IsSteamRunning() is True
    assert lib.SteamAPI_RestartAppIfNecessary(480) is False
    assert lib.SteamAPI_ISteamUser_GetHSteamUser(steam.user) == 1
    old_stats, old_user = steam.stats, steam.user
    assert steam.request(FRIEND) != 0

    lib.SteamAPI_Shutdown()
    assert lib.SteamEmu_IsInitialised() == 0
    assert lib.SteamAPI_SteamUserStats_v013() is None
    assert lib.SteamAPI_SteamUser_v023() is None
    assert lib.SteamAPI_SteamUtils_v011() is None
    assert lib.SteamAPI_GetHSteamPipe() == 0
    # Stale interface pointers answer failure.
    assert lib.SteamAPI_ISteamUser_BLoggedOn(old_user) is False
    assert lib.SteamAPI_ISteamUser_GetSteamID(old_user) == 0
    assert (
        lib.SteamAPI_ISteamUserStats_GetStatInt32(
            old_stats, b"NumGames", ctypes.byref(ctypes.c_int32())
        )
        is False
    )
    assert lib.SteamAPI_ISteamUserStats_RequestUserStats(old_stats, FRIEND) == k_uAPICallInvalid
    assert lib.SteamAPI_ISteamUserStats_GetAchievementName(old_stats, 0) is None
    lib.SteamEmu_AdvanceClockMs(1000)
    assert steam.drain() == []  # the pending request was dropped
    lib.SteamAPI_Shutdown()  # twice is harmless

    assert steam.init() == (0, "")
    assert steam.stat_int(b"NumGames") == 12
    assert steam.drain() == []


def test_null_error_buffer_and_unmodified_when_ok(steam: Steam) -> None:
    assert steam.lib.SteamAPI_InitFlat(None) == 0


def test_steam_not_running_returns_2_naming_steamclient(steam: Steam) -> None:
    steam.lib.SteamEmu_SetSteamRunning(0)
    assert steam.lib.SteamAPI_IsSteamRunning() is False
    rc, msg = steam.init()
    assert rc == 2
    assert "steamclient.so" in msg
    assert steam.lib.SteamAPI_SteamUserStats_v013() is None
    steam.lib.SteamEmu_SetSteamRunning(1)
    assert steam.init() == (0, "")


def test_app_id_from_environment_must_match_data(
    steam: Steam, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SteamAppId", "730")
    rc, msg = steam.init()
    assert rc == 1
    assert "730" in msg and "480" in msg and "SteamAppId" in msg
    monkeypatch.setenv("SteamAppId", "480")
    assert steam.init() == (0, "")


def test_app_id_from_steam_appid_txt(steam: Steam, tmp_path: pathlib.Path) -> None:
    (tmp_path / "steam_appid.txt").write_text("440\n")
    rc, msg = steam.init()
    assert rc == 1 and "steam_appid.txt" in msg and "440" in msg
    (tmp_path / "steam_appid.txt").write_text("480\n")
    assert steam.init() == (0, "")


# ---- Spacewar data ------------------------------------------------------------------------------


def test_spacewar_current_user(live: Steam) -> None:
    lib = live.lib
    assert lib.SteamAPI_ISteamUser_GetSteamID(live.user) == PLAYER_ONE
    assert lib.SteamAPI_ISteamUser_BLoggedOn(live.user) is True
    assert lib.SteamAPI_ISteamUtils_GetAppID(live.utils) == 480
    assert lib.SteamAPI_ISteamUtils_IsOverlayEnabled(live.utils) is False
    assert live.stat_int(b"NumGames") == 12
    assert live.stat_int(b"NumWins") == 3
    assert live.stat_int(b"NumLosses") == 0
    assert live.stat_float(b"FeetTraveled") == 0.0
    assert live.stat_float(b"AverageSpeed") == 0.0
    assert live.achievement(b"ACH_WIN_ONE_GAME") == (True, 1700000000)
    assert live.achievement(b"ACH_WIN_100_GAMES") == (False, 0)
    got = ctypes.c_bool(True)
    assert lib.SteamAPI_ISteamUserStats_GetAchievement(
        live.stats, b"ACH_HEAVY_FIRE", ctypes.byref(got)
    )
    assert got.value is False


def test_spacewar_achievement_definitions(live: Steam) -> None:
    lib = live.lib
    assert lib.SteamAPI_ISteamUserStats_GetNumAchievements(live.stats) == 5
    names = [lib.SteamAPI_ISteamUserStats_GetAchievementName(live.stats, i) for i in range(5)]
    assert names == [
        b"ACH_WIN_ONE_GAME",
        b"ACH_WIN_100_GAMES",
        b"ACH_HEAVY_FIRE",
        b"ACH_TRAVEL_FAR_ACCUM",
        b"ACH_TRAVEL_FAR_SINGLE",
    ]
    assert lib.SteamAPI_ISteamUserStats_GetAchievementName(live.stats, 5) is None
    attr = lib.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute
    display = [attr(live.stats, n, b"name") for n in names]
    assert display == [b"Winner", b"Champion", b"Heavy Fire", b"Interstellar", b"Orbiter"]
    assert all(attr(live.stats, n, b"desc") for n in names)
    assert attr(live.stats, b"ACH_HEAVY_FIRE", b"hidden") == b"1"
    assert attr(live.stats, b"ACH_WIN_ONE_GAME", b"hidden") == b"0"
    assert attr(live.stats, b"ACH_WIN_ONE_GAME", b"nonsense") == b""
    assert attr(live.stats, b"NO_SUCH", b"name") == b""
    assert lib.SteamAPI_ISteamUserStats_GetAchievementIcon(live.stats, b"ACH_WIN_ONE_GAME") == 0
    lo, hi = ctypes.c_int32(), ctypes.c_int32()
    assert lib.SteamAPI_ISteamUserStats_GetAchievementProgressLimitsInt32(
        live.stats, b"ACH_WIN_100_GAMES", ctypes.byref(lo), ctypes.byref(hi)
    )
    assert (lo.value, hi.value) == (0, 100)
    flo, fhi = ctypes.c_float(), ctypes.c_float()
    assert not lib.SteamAPI_ISteamUserStats_GetAchievementProgressLimitsFloat(
        live.stats, b"ACH_WIN_100_GAMES", ctypes.byref(flo), ctypes.byref(fhi)
    )
    assert lib.SteamAPI_ISteamUserStats_GetAchievementProgressLimitsFloat(
        live.stats, b"ACH_TRAVEL_FAR_ACCUM", ctypes.byref(flo), ctypes.byref(fhi)
    )
    assert (flo.value, fhi.value) == (0.0, 5280.0)
    assert not lib.SteamAPI_ISteamUserStats_GetAchievementProgressLimitsInt32(
        live.stats, b"ACH_HEAVY_FIRE", ctypes.byref(lo), ctypes.byref(hi)
    )


def test_default_data_json_is_the_spacewar_file(lib: ctypes.CDLL) -> None:
    need = lib.SteamEmu_DefaultDataJSON(None, 0)
    small = ctypes.create_string_buffer(b"untouched", 10)
    assert lib.SteamEmu_DefaultDataJSON(small, 10) == need
    assert small.value == b"untouched"
    buf = ctypes.create_string_buffer(need)
    assert lib.SteamEmu_DefaultDataJSON(buf, need) == need
    assert buf.value == (ROOT / "emulator" / "data" / "spacewar.json").read_bytes()


# ---- getters ------------------------------------------------------------------------------------


def test_getters_fail_on_type_mismatch_unknown_names_and_null(live: Steam) -> None:
    lib = live.lib
    assert live.stat_float(b"NumGames") is None
    assert live.stat_int(b"FeetTraveled") is None
    assert live.stat_int(b"AverageSpeed") is None
    assert live.stat_float(b"AverageSpeed") == 0.0
    assert live.stat_int(b"NoSuchStat") is None
    assert live.stat_int(b"numgames") is None  # names are case-sensitive
    assert live.achievement(b"NO_SUCH_ACH") is None
    assert not lib.SteamAPI_ISteamUserStats_GetStatInt32(
        live.stats, None, ctypes.byref(ctypes.c_int32())
    )
    assert not lib.SteamAPI_ISteamUserStats_GetStatInt32(live.stats, b"NumGames", None)
    assert not lib.SteamAPI_ISteamUserStats_GetAchievement(live.stats, b"ACH_WIN_ONE_GAME", None)
    assert not lib.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(
        live.stats, b"ACH_WIN_ONE_GAME", ctypes.byref(ctypes.c_bool()), None
    )
    # The wrong interface pointer is rejected.
    assert not lib.SteamAPI_ISteamUserStats_GetStatInt32(
        live.user, b"NumGames", ctypes.byref(ctypes.c_int32())
    )
    assert lib.SteamAPI_ISteamUser_GetSteamID(live.stats) == 0


def test_setters_and_avgrate(live: Steam) -> None:
    lib = live.lib
    assert lib.SteamAPI_ISteamUserStats_SetStatInt32(live.stats, b"NumGames", 13)
    assert live.stat_int(b"NumGames") == 13
    assert not lib.SteamAPI_ISteamUserStats_SetStatInt32(
        live.stats, b"NumGames", 5
    )  # increment only
    assert not lib.SteamAPI_ISteamUserStats_SetStatFloat(live.stats, b"NumGames", 14.0)
    assert not lib.SteamAPI_ISteamUserStats_SetStatInt32(live.stats, b"FeetTraveled", 1)
    assert lib.SteamAPI_ISteamUserStats_SetStatFloat(live.stats, b"FeetTraveled", 12.25)
    assert live.stat_float(b"FeetTraveled") == 12.25
    assert not lib.SteamAPI_ISteamUserStats_SetStatFloat(live.stats, b"FeetTraveled", -1.0)  # min 0
    assert not lib.SteamAPI_ISteamUserStats_SetStatFloat(live.stats, b"AverageSpeed", 1.0)
    assert lib.SteamAPI_ISteamUserStats_UpdateAvgRateStat(live.stats, b"AverageSpeed", 100.0, 10.0)
    assert live.stat_float(b"AverageSpeed") == 10.0
    assert lib.SteamAPI_ISteamUserStats_UpdateAvgRateStat(live.stats, b"AverageSpeed", 20.0, 10.0)
    assert live.stat_float(b"AverageSpeed") == 6.0
    assert not lib.SteamAPI_ISteamUserStats_UpdateAvgRateStat(live.stats, b"AverageSpeed", 1.0, 0.0)
    assert not lib.SteamAPI_ISteamUserStats_UpdateAvgRateStat(live.stats, b"NumGames", 1.0, 1.0)
    assert lib.SteamAPI_ISteamUserStats_ClearAchievement(live.stats, b"ACH_WIN_ONE_GAME")
    assert live.achievement(b"ACH_WIN_ONE_GAME") == (False, 0)
    now = live.lib.SteamAPI_ISteamUtils_GetServerRealTime(live.utils)
    assert lib.SteamAPI_ISteamUserStats_SetAchievement(live.stats, b"ACH_HEAVY_FIRE")
    assert live.achievement(b"ACH_HEAVY_FIRE") == (True, now)
    assert not lib.SteamAPI_ISteamUserStats_SetAchievement(live.stats, b"NO_SUCH")


# ---- RequestUserStats ---------------------------------------------------------------------------


def test_request_completes_after_latency_with_703_and_broadcast(live: Steam) -> None:
    lib = live.lib
    call = live.request(FRIEND)
    assert call != k_uAPICallInvalid
    assert live.drain() == []
    failed = ctypes.c_bool()
    assert (
        lib.SteamAPI_ISteamUtils_IsAPICallCompleted(live.utils, call, ctypes.byref(failed)) is False
    )
    assert failed.value is False
    assert lib.SteamAPI_ISteamUtils_GetAPICallFailureReason(live.utils, call) == -1
    assert live.call_result(call, UserStatsReceived, 1101)[0] is False  # not complete yet
    assert live.stat_int(b"NumWins", FRIEND) is None
    lib.SteamEmu_AdvanceClockMs(49)
    assert live.drain() == []
    lib.SteamEmu_AdvanceClockMs(1)
    got = live.drain()
    assert [cb for cb, _ in got] == [703, 1101]
    assert len(got[0][1]) == ctypes.sizeof(SteamAPICallCompleted) == 16
    done = SteamAPICallCompleted.from_buffer_copy(got[0][1])
    assert (done.m_hAsyncCall, done.m_iCallback, done.m_cubParam) == (call, 1101, 20)
    assert ctypes.sizeof(UserStatsReceived) == done.m_cubParam
    broadcast = received(got[1][1])
    assert (broadcast.m_nGameID, broadcast.m_eResult, broadcast.m_steamIDUser) == (480, 1, FRIEND)
    assert (
        lib.SteamAPI_ISteamUtils_IsAPICallCompleted(live.utils, call, ctypes.byref(failed)) is True
    )
    ok, io_failed, res = live.call_result(call, UserStatsReceived, 1101)
    assert (ok, io_failed) == (True, False)
    assert (res.m_nGameID, res.m_eResult, res.m_steamIDUser) == (480, 1, FRIEND)
    # The friend's values are readable now.
    assert live.stat_int(b"NumWins", FRIEND) == 42
    assert live.stat_float(b"FeetTraveled", FRIEND) == 6000.5
    assert live.stat_int(b"NumGames", FRIEND) == 0
    assert live.stat_float(b"NumWins", FRIEND) is None
    assert live.achievement(b"ACH_WIN_ONE_GAME", FRIEND) == (True, 1690000000)
    assert live.achievement(b"ACH_TRAVEL_FAR_ACCUM", FRIEND) == (True, 1695000000)
    assert live.achievement(b"ACH_WIN_100_GAMES", FRIEND) == (False, 0)
    got_b = ctypes.c_bool()
    assert lib.SteamAPI_ISteamUserStats_GetUserAchievement(
        live.stats, FRIEND, b"ACH_WIN_ONE_GAME", ctypes.byref(got_b)
    )
    assert got_b.value is True


def test_handles_are_fresh_and_distinct(live: Steam) -> None:
    calls = [live.request(FRIEND) for _ in range(3)] + [live.request(PLAYER_ONE)]
    assert len(set(calls)) == 4 and all(calls)


@pytest.mark.parametrize("who", [PRIVATE, STRANGER])
def test_private_and_unknown_players_complete_with_2(live: Steam, who: int) -> None:
    call = live.request(who)
    live.lib.SteamEmu_AdvanceClockMs(50)
    got = live.drain()
    assert [cb for cb, _ in got] == [703, 1101]
    assert received(got[1][1]).m_eResult == 2
    ok, failed, res = live.call_result(call, UserStatsReceived, 1101)
    assert (ok, failed, res.m_eResult, res.m_steamIDUser) == (True, False, 2, who)
    assert live.stat_int(b"NumWins", who) is None
    assert live.achievement(b"ACH_WIN_ONE_GAME", who) is None


def test_own_stats_available_at_once_and_own_request_completes_with_1(live: Steam) -> None:
    assert live.stat_int(b"NumGames", PLAYER_ONE) == 12
    assert live.achievement(b"ACH_WIN_ONE_GAME", PLAYER_ONE) == (True, 1700000000)
    call = live.request(PLAYER_ONE)
    live.lib.SteamEmu_AdvanceClockMs(50)
    assert [cb for cb, _ in live.drain()] == [703, 1101]
    ok, _, res = live.call_result(call, UserStatsReceived, 1101)
    assert ok and res.m_eResult == 1 and res.m_steamIDUser == PLAYER_ONE


def test_configurable_latency(live: Steam) -> None:
    live.lib.SteamEmu_SetLatencyMs(250)
    live.request(FRIEND)
    live.lib.SteamEmu_AdvanceClockMs(249)
    assert live.drain() == []
    live.lib.SteamEmu_AdvanceClockMs(1)
    assert len(live.drain()) == 2


def test_offline_completes_with_3_after_the_timeout(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_SetOnline(0)
    assert lib.SteamAPI_ISteamUser_BLoggedOn(live.user) is True
    call = live.request(FRIEND)
    assert call != k_uAPICallInvalid
    lib.SteamEmu_AdvanceClockMs(69_999)
    assert live.drain() == []
    lib.SteamEmu_AdvanceClockMs(1)
    got = live.drain()
    assert [cb for cb, _ in got] == [703, 1101]
    assert received(got[1][1]).m_eResult == 3
    ok, failed, res = live.call_result(call, UserStatsReceived, 1101)
    assert (ok, failed, res.m_eResult) == (True, False, 3)
    assert live.stat_int(b"NumWins", FRIEND) is None


def test_next_result_scripts_one_request(live: Steam) -> None:
    lib = live.lib
    assert lib.SteamEmu_SetNextResult(FRIEND, 84, 0) == 1
    assert lib.SteamEmu_SetNextResult(12345, 2, 0) == 0  # not an individual account
    first, second = live.request(FRIEND), live.request(FRIEND)
    lib.SteamEmu_AdvanceClockMs(50)
    live.drain()
    assert live.call_result(first, UserStatsReceived, 1101)[2].m_eResult == 84
    assert live.call_result(second, UserStatsReceived, 1101)[2].m_eResult == 1


def test_io_failure(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_SetNextResult(FRIEND, 1, 1)
    call = live.request(FRIEND)
    lib.SteamEmu_AdvanceClockMs(50)
    got = live.drain()
    assert [cb for cb, _ in got] == [703]  # no broadcast copy
    done = SteamAPICallCompleted.from_buffer_copy(got[0][1])
    assert (done.m_hAsyncCall, done.m_iCallback, done.m_cubParam) == (call, 1101, 20)
    failed = ctypes.c_bool()
    assert (
        lib.SteamAPI_ISteamUtils_IsAPICallCompleted(live.utils, call, ctypes.byref(failed)) is True
    )
    assert failed.value is True
    buf = (ctypes.c_uint8 * 20)()
    failed = ctypes.c_bool(False)
    assert (
        lib.SteamAPI_ManualDispatch_GetAPICallResult(
            PIPE, call, buf, 20, 1101, ctypes.byref(failed)
        )
        is True
    )
    assert failed.value is True
    assert bytes(buf) == b"\xcd" * 20
    assert lib.SteamAPI_ISteamUtils_GetAPICallFailureReason(live.utils, call) == 1
    assert live.stat_int(b"NumWins", FRIEND) is None


def test_get_api_call_result_mismatch_and_once_only(live: Steam) -> None:
    lib = live.lib
    call = live.request(FRIEND)
    lib.SteamEmu_AdvanceClockMs(50)
    live.drain()
    buf = (ctypes.c_uint8 * 64)()
    failed = ctypes.c_bool()
    assert (
        lib.SteamAPI_ManualDispatch_GetAPICallResult(
            PIPE, call, buf, 24, 1101, ctypes.byref(failed)
        )
        is False
    )
    assert lib.SteamAPI_ISteamUtils_GetAPICallFailureReason(live.utils, call) == 3
    assert (
        lib.SteamAPI_ManualDispatch_GetAPICallResult(
            PIPE, call, buf, 20, 1102, ctypes.byref(failed)
        )
        is False
    )
    assert lib.SteamAPI_ISteamUtils_GetAPICallFailureReason(live.utils, call) == 3
    ok, io_failed, res = live.call_result(call, UserStatsReceived, 1101)
    assert (ok, io_failed, res.m_steamIDUser) == (True, False, FRIEND)
    assert live.call_result(call, UserStatsReceived, 1101)[0] is False  # once only
    assert lib.SteamAPI_ISteamUtils_GetAPICallFailureReason(live.utils, call) == 2
    assert live.call_result(0xDEAD, UserStatsReceived, 1101)[0] is False
    # ISteamUtils::GetAPICallResult works the same way.
    call2 = live.request(FRIEND)
    lib.SteamEmu_AdvanceClockMs(50)
    res2 = UserStatsReceived()
    assert (
        lib.SteamAPI_ISteamUtils_GetAPICallResult(
            live.utils, call2, ctypes.byref(res2), 20, 1101, ctypes.byref(failed)
        )
        is True
    )
    assert res2.m_steamIDUser == FRIEND


def test_logged_off_invalid_ids_and_uninitialised_return_0(live: Steam) -> None:
    lib = live.lib
    for bad in (
        0,
        1,
        76561197960265728,
        0x0110000100000001 & ~(0xFFFFF << 32),
        90071996842377216 + 5,
        (1 << 64) - 1,
    ):
        assert live.request(bad) == k_uAPICallInvalid, bad
    lib.SteamEmu_SetLoggedOn(0)
    assert lib.SteamAPI_ISteamUser_BLoggedOn(live.user) is False
    assert live.request(FRIEND) == k_uAPICallInvalid
    lib.SteamEmu_SetLoggedOn(1)
    assert live.request(FRIEND) != k_uAPICallInvalid
    stats = live.stats
    lib.SteamAPI_Shutdown()
    assert lib.SteamAPI_ISteamUserStats_RequestUserStats(stats, FRIEND) == k_uAPICallInvalid


def test_unload_evicts_cached_stats(live: Steam) -> None:
    lib = live.lib
    live.request(FRIEND)
    lib.SteamEmu_AdvanceClockMs(50)
    live.drain()
    assert live.stat_int(b"NumWins", FRIEND) == 42
    assert lib.SteamEmu_UnloadUser(FRIEND) == 1
    assert live.stat_int(b"NumWins", FRIEND) is None
    got = live.drain()
    assert [cb for cb, _ in got] == [1108]
    assert len(got[0][1]) == ctypes.sizeof(UserStatsUnloaded)
    assert UserStatsUnloaded.from_buffer_copy(got[0][1]).m_steamIDUser == FRIEND
    # Loaded again, then evicted by a posted 1108.
    live.request(FRIEND)
    lib.SteamEmu_AdvanceClockMs(50)
    live.drain()
    assert live.stat_int(b"NumWins", FRIEND) == 42
    payload = bytes(UserStatsUnloaded(FRIEND))
    assert lib.SteamEmu_PostCallback(1108, payload, len(payload), 0) == 1
    assert live.stat_int(b"NumWins", FRIEND) is None
    assert [cb for cb, _ in live.drain()] == [1108]


def test_posted_callbacks_with_delay_and_fifo(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_PostCallback(4242, b"late", 4, 100)
    lib.SteamEmu_PostCallback(4243, b"first", 5, 0)
    lib.SteamEmu_PostCallback(4244, b"second", 6, 0)
    assert live.drain() == [(4243, b"first"), (4244, b"second")]
    lib.SteamEmu_AdvanceClockMs(99)
    assert live.drain() == []
    lib.SteamEmu_AdvanceClockMs(1)
    assert live.drain() == [(4242, b"late")]
    lib.SteamEmu_PostUserStatsReceived(FRIEND, 1, 0, 1)
    lib.SteamEmu_PostUserStatsReceived(FRIEND, 1, 999, 0)
    got = live.drain()
    assert [(r.m_nGameID, r.m_eResult, r.m_steamIDUser) for r in (received(p) for _, p in got)] == [
        (480, 1, FRIEND),
        (999, 1, FRIEND),
    ]


def test_fifo_order_and_payloads_across_queue_growth(live: Steam) -> None:
    """Small (inline) and large payloads, a queue that wraps around and grows, empty payloads."""
    lib = live.lib

    def payload(k: int) -> bytes:
        return bytes((k + i) % 256 for i in range(1 + (k * 37) % 300))

    for k in range(40):
        lib.SteamEmu_PostCallback(8000 + k, payload(k), len(payload(k)), 0)
    msg = CallbackMsg()
    got = []
    for _ in range(10):
        assert lib.SteamAPI_ManualDispatch_GetNextCallback(PIPE, ctypes.byref(msg))
        got.append((msg.m_iCallback, ctypes.string_at(msg.m_pubParam, msg.m_cubParam)))
        lib.SteamAPI_ManualDispatch_FreeLastCallback(PIPE)
    for k in range(40, 100):
        lib.SteamEmu_PostCallback(8000 + k, payload(k), len(payload(k)), 0)
    got += live.drain()
    assert got == [(8000 + k, payload(k)) for k in range(100)]
    lib.SteamEmu_PostCallback(8100, None, 0, 0)
    assert lib.SteamAPI_ManualDispatch_GetNextCallback(PIPE, ctypes.byref(msg))
    assert (msg.m_iCallback, msg.m_cubParam, msg.m_pubParam) == (8100, 0, None)
    lib.SteamAPI_ManualDispatch_FreeLastCallback(PIPE)
    assert lib.SteamEmu_ProtocolErrors() == 0


def test_callback_pointer_valid_until_free(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_PostCallback(5000, b"abcdef", 6, 0)
    lib.SteamEmu_PostCallback(5001, b"xyz", 3, 0)
    msg = CallbackMsg()
    assert lib.SteamAPI_ManualDispatch_GetNextCallback(PIPE, ctypes.byref(msg))
    assert (msg.m_hSteamUser, msg.m_iCallback, msg.m_cubParam) == (1, 5000, 6)
    assert ctypes.sizeof(CallbackMsg) == 20
    lib.SteamEmu_PostCallback(5002, b"more", 4, 0)  # queue activity does not move the current one
    assert ctypes.string_at(msg.m_pubParam, 6) == b"abcdef"
    lib.SteamAPI_ManualDispatch_FreeLastCallback(PIPE)
    assert lib.SteamEmu_ProtocolErrors() == 0


def test_protocol_violations_are_counted(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_PostCallback(7000, b"a", 1, 0)
    lib.SteamEmu_PostCallback(7001, b"b", 1, 0)
    msg = CallbackMsg()
    assert lib.SteamAPI_ManualDispatch_GetNextCallback(PIPE, ctypes.byref(msg))
    assert lib.SteamEmu_ProtocolErrors() == 0
    assert lib.SteamAPI_ManualDispatch_GetNextCallback(
        PIPE, ctypes.byref(msg)
    )  # previous not freed
    assert msg.m_iCallback == 7001
    assert lib.SteamEmu_ProtocolErrors() == 1
    lib.SteamAPI_ManualDispatch_FreeLastCallback(PIPE)
    lib.SteamAPI_ManualDispatch_FreeLastCallback(PIPE)  # nothing to free
    assert lib.SteamEmu_ProtocolErrors() == 2
    assert (
        lib.SteamAPI_ManualDispatch_GetNextCallback(PIPE + 1, ctypes.byref(msg)) is False
    )  # wrong pipe
    lib.SteamAPI_ManualDispatch_RunFrame(7)
    assert lib.SteamEmu_ProtocolErrors() == 4
    lib.SteamEmu_Reset()
    assert lib.SteamEmu_ProtocolErrors() == 0


# ---- call log -----------------------------------------------------------------------------------


def test_call_log_exact_arguments(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_ClearCallLog()
    live.request(76561198000000001)
    live.stat_int(b'we"ird\n\xc3\xa9')
    lib.SteamAPI_ISteamUserStats_SetStatFloat(live.stats, b"FeetTraveled", 0.1)
    lib.SteamAPI_ISteamUserStats_GetStatInt32(live.stats, None, None)
    lib.SteamEmu_AdvanceClockMs(50)
    live.drain()  # dispatch calls are not logged by default
    log = live.call_log()
    assert log[0] == {
        "fn": "SteamAPI_ISteamUserStats_RequestUserStats",
        "args": [76561198000000001],
    }
    assert isinstance(log[0]["args"][0], int)
    need = lib.SteamEmu_CallLogJSON(None, 0)
    raw = ctypes.create_string_buffer(need)
    lib.SteamEmu_CallLogJSON(raw, need)
    assert b"[76561198000000001]" in raw.value  # a plain integer, never through a double
    assert log[1] == {"fn": "SteamAPI_ISteamUserStats_GetStatInt32", "args": ['we"ird\né', "ptr"]}
    assert log[2]["args"] == ["FeetTraveled", ctypes.c_float(0.1).value]
    assert log[3]["args"] == [None, None]
    assert len(log) == 4
    lib.SteamEmu_SetLogDispatch(1)
    lib.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert live.call_log()[-1] == {"fn": "SteamAPI_ManualDispatch_RunFrame", "args": [1]}
    lib.SteamEmu_ClearCallLog()
    assert live.call_log() == []


def test_call_log_switch(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_ClearCallLog()
    live.stat_int(b"NumGames")
    lib.SteamEmu_SetCallLog(0)
    lib.SteamEmu_SetLogDispatch(
        1
    )  # the log as a whole is off: dispatch calls are not logged either
    assert live.stat_int(b"NumWins") == 3
    lib.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert live.request(FRIEND) != 0
    lib.SteamEmu_AdvanceClockMs(50)
    assert [cb for cb, _ in live.drain()] == [703, 1101]
    log = live.call_log()  # entries from before are kept
    assert log == [{"fn": "SteamAPI_ISteamUserStats_GetStatInt32", "args": ["NumGames", "ptr"]}]
    lib.SteamEmu_SetCallLog(1)
    lib.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert live.call_log()[1:] == [{"fn": "SteamAPI_ManualDispatch_RunFrame", "args": [1]}]
    lib.SteamEmu_SetCallLog(0)
    lib.SteamEmu_Reset()  # back to the default: on, without dispatch calls
    live.stat_int(b"NumGames")
    lib.SteamAPI_ManualDispatch_RunFrame(PIPE)
    assert [e["fn"] for e in live.call_log()] == ["SteamAPI_ISteamUserStats_GetStatInt32"]


def test_returned_strings_and_lookups(live: Steam) -> None:
    """Name lookups and returned strings, repeated (no state carried between calls)."""
    lib = live.lib
    attr = lib.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute
    for _ in range(3):
        assert lib.SteamAPI_ISteamUserStats_GetAchievementName(live.stats, 2) == b"ACH_HEAVY_FIRE"
        assert attr(live.stats, b"ACH_HEAVY_FIRE", b"name") == b"Heavy Fire"
        assert attr(live.stats, b"ACH_HEAVY_FIRE", b"hidden") == b"1"
        assert attr(live.stats, b"ACH_WIN_ONE_GAME", b"hidden") == b"0"
        assert (
            attr(live.stats, b"ACH_WIN_ONE_GAME", b"desc") == b"Come out on top in a single match."
        )
        assert attr(live.stats, b"ACH_WIN_ONE_GAM", b"name") == b""
        assert attr(live.stats, b"ACH_WIN_ONE_GAME_", b"name") == b""
        assert attr(live.stats, b"ACH_WIN_ONE_GAME", b"nam") == b""
        assert attr(live.stats, b"ACH_WIN_ONE_GAME", None) == b""
    assert live.stat_int(b"NumGame") is None
    assert live.stat_int(b"NumGamesX") is None
    assert live.stat_int(b"") is None
    assert [live.stat_int(n) for n in (b"NumGames", b"NumWins", b"NumLosses")] == [12, 3, 0]
    assert live.achievement(b"ACH_TRAVEL_FAR_SINGLE") == (False, 0)
    assert lib.SteamAPI_ISteamUserStats_SetAchievement(live.stats, b"ACH_TRAVEL_FAR_SINGLE")
    now = lib.SteamAPI_ISteamUtils_GetServerRealTime(live.utils)  # the manual clock stands still
    assert live.achievement(b"ACH_TRAVEL_FAR_SINGLE") == (True, now)


def test_call_log_size_protocol(live: Steam) -> None:
    need = live.lib.SteamEmu_CallLogJSON(None, 0)
    buf = ctypes.create_string_buffer(b"keep", need)
    assert live.lib.SteamEmu_CallLogJSON(buf, need - 1) == need
    assert buf.value == b"keep"


# ---- StoreStats, state file ---------------------------------------------------------------------


def test_store_stats_posts_1102_and_1103_for_new_unlocks(live: Steam) -> None:
    lib = live.lib
    assert lib.SteamAPI_ISteamUserStats_SetAchievement(live.stats, b"ACH_HEAVY_FIRE")
    assert lib.SteamAPI_ISteamUserStats_SetAchievement(
        live.stats, b"ACH_WIN_ONE_GAME"
    )  # already unlocked
    assert lib.SteamAPI_ISteamUserStats_StoreStats(live.stats)
    assert live.drain() == []
    lib.SteamEmu_AdvanceClockMs(50)
    got = live.drain()
    assert [cb for cb, _ in got] == [1102, 1103]
    assert len(got[0][1]) == ctypes.sizeof(UserStatsStored)
    stored = UserStatsStored.from_buffer_copy(got[0][1])
    assert (stored.m_nGameID, stored.m_eResult) == (480, 1)
    assert len(got[1][1]) == ctypes.sizeof(UserAchievementStored)
    ach = UserAchievementStored.from_buffer_copy(got[1][1])
    assert (ach.m_nGameID, ach.m_rgchAchievementName, ach.m_nCurProgress, ach.m_nMaxProgress) == (
        480,
        b"ACH_HEAVY_FIRE",
        0,
        0,
    )
    # Nothing new: only 1102.
    lib.SteamAPI_ISteamUserStats_StoreStats(live.stats)
    lib.SteamEmu_AdvanceClockMs(50)
    assert [cb for cb, _ in live.drain()] == [1102]
    # Progress notification.
    assert lib.SteamAPI_ISteamUserStats_IndicateAchievementProgress(
        live.stats, b"ACH_WIN_100_GAMES", 3, 100
    )
    assert not lib.SteamAPI_ISteamUserStats_IndicateAchievementProgress(
        live.stats, b"ACH_WIN_ONE_GAME", 0, 1
    )
    assert not lib.SteamAPI_ISteamUserStats_IndicateAchievementProgress(
        live.stats, b"ACH_WIN_100_GAMES", 100, 100
    )
    lib.SteamEmu_AdvanceClockMs(50)
    got = live.drain()
    ach = UserAchievementStored.from_buffer_copy(got[0][1])
    assert (got[0][0], ach.m_rgchAchievementName, ach.m_nCurProgress, ach.m_nMaxProgress) == (
        1103,
        b"ACH_WIN_100_GAMES",
        3,
        100,
    )


def test_stored_values_survive_reinit(live: Steam) -> None:
    lib = live.lib
    lib.SteamAPI_ISteamUserStats_SetStatInt32(live.stats, b"NumGames", 20)
    lib.SteamAPI_ISteamUserStats_StoreStats(live.stats)
    lib.SteamAPI_ISteamUserStats_SetStatInt32(live.stats, b"NumWins", 9)  # not stored
    lib.SteamAPI_Shutdown()
    live.init()
    assert (live.stat_int(b"NumGames"), live.stat_int(b"NumWins")) == (20, 3)


def test_reset_all_stats(live: Steam) -> None:
    lib = live.lib
    assert lib.SteamAPI_ISteamUserStats_ResetAllStats(live.stats, False)
    assert live.stat_int(b"NumGames") == 0
    assert live.achievement(b"ACH_WIN_ONE_GAME") == (True, 1700000000)
    assert lib.SteamAPI_ISteamUserStats_ResetAllStats(live.stats, True)
    assert live.achievement(b"ACH_WIN_ONE_GAME") == (False, 0)
    lib.SteamEmu_AdvanceClockMs(50)
    assert [cb for cb, _ in live.drain()] == [1102, 1102]


def test_state_file_persists_atomically_and_is_read_at_init(
    steam: Steam, tmp_path: pathlib.Path
) -> None:
    lib = steam.lib
    state = tmp_path / "state.json"
    lib.SteamEmu_SetStateFile(str(state).encode())
    assert steam.init()[0] == 0
    assert not state.exists()  # nothing written before StoreStats
    lib.SteamAPI_ISteamUserStats_SetAchievement(steam.stats, b"ACH_TRAVEL_FAR_SINGLE")
    lib.SteamAPI_ISteamUserStats_SetStatFloat(steam.stats, b"MaxFeetTraveled", 512.5)
    assert lib.SteamAPI_ISteamUserStats_StoreStats(steam.stats)
    saved = json.loads(state.read_text())
    assert saved["app_id"] == 480 and saved["steam_id"] == str(PLAYER_ONE)
    assert saved["stats"]["MaxFeetTraveled"] == 512.5 and saved["stats"]["NumGames"] == 12
    assert set(saved["achievements"]) == {"ACH_WIN_ONE_GAME", "ACH_TRAVEL_FAR_SINGLE"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("state.json.tmp")] == []
    lib.SteamAPI_Shutdown()
    lib.SteamEmu_Reset()  # forget everything but the file
    lib.SteamEmu_SetStateFile(str(state).encode())
    assert steam.init()[0] == 0
    assert steam.stat_float(b"MaxFeetTraveled") == 512.5
    assert steam.achievement(b"ACH_TRAVEL_FAR_SINGLE") == (
        True,
        saved["achievements"]["ACH_TRAVEL_FAR_SINGLE"],
    )


def test_state_file_from_environment_and_bad_state(
    steam: Steam, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "env-state.json"
    state.write_text("{not json")
    monkeypatch.setenv("STEAMWORKS_CY_EMULATOR_STATE", str(state))
    rc, msg = steam.init()
    assert rc == 1 and str(state) in msg
    state.write_text(
        json.dumps({"app_id": 480, "steam_id": str(PLAYER_ONE), "stats": {"NumWins": 77}})
    )
    assert steam.init()[0] == 0
    assert steam.stat_int(b"NumWins") == 77


def test_failed_state_write_reports_io_failure(steam: Steam, tmp_path: pathlib.Path) -> None:
    lib = steam.lib
    lib.SteamEmu_SetStateFile(str(tmp_path / "missing-dir" / "state.json").encode())
    steam.init()
    assert lib.SteamAPI_ISteamUserStats_StoreStats(steam.stats)
    lib.SteamEmu_AdvanceClockMs(50)
    got = steam.drain()
    assert [cb for cb, _ in got] == [1102]
    assert UserStatsStored.from_buffer_copy(got[0][1]).m_eResult == 15
    need = lib.SteamEmu_LastError(None, 0)
    buf = ctypes.create_string_buffer(need)
    lib.SteamEmu_LastError(buf, need)
    assert b"missing-dir" in buf.value


# ---- data files ---------------------------------------------------------------------------------

CUSTOM_DATA = {
    "app": {"id": 123456, "name": "Tiny Test Game"},
    "achievements": [{"api_name": "ACH_ONE", "name": "One", "desc": "First"}],
    "stats": [{"name": "Score", "type": "INT", "default": 5}, {"name": "Ratio", "type": "FLOAT"}],
    "current_user": "76561197960287930",
    "players": [
        {
            "steam_id": "76561197960287930",
            "persona_name": "Tester",
            "achievements": {"ACH_ONE": 1600000000},
        },
        {"steam_id": "76561197960287931", "stats": {"Score": -7, "Ratio": 0.5}},
    ],
    "network": {"latency_ms": 10},
}


def test_data_file_from_environment(
    steam: Steam, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(CUSTOM_DATA))
    monkeypatch.setenv("STEAMWORKS_CY_EMULATOR_DATA", str(path))
    assert steam.init() == (0, "")
    lib = steam.lib
    assert lib.SteamAPI_ISteamUtils_GetAppID(steam.utils) == 123456
    assert lib.SteamAPI_ISteamUser_GetSteamID(steam.user) == 76561197960287930
    assert steam.stat_int(b"Score") == 5
    assert steam.achievement(b"ACH_ONE") == (True, 1600000000)
    assert lib.SteamAPI_ISteamUserStats_GetNumAchievements(steam.stats) == 1
    steam.request(76561197960287931)
    lib.SteamEmu_AdvanceClockMs(10)  # the data's latency
    assert len(steam.drain()) == 2
    assert steam.stat_int(b"Score", 76561197960287931) == -7
    assert steam.stat_float(b"Ratio", 76561197960287931) == 0.5
    lib.SteamAPI_Shutdown()
    monkeypatch.delenv("STEAMWORKS_CY_EMULATOR_DATA")
    assert steam.init() == (0, "")  # back to the default data
    assert lib.SteamAPI_ISteamUtils_GetAppID(steam.utils) == 480


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"app": {"id": 480}', "line 1"),
        ("[]", "expected an object"),
        (
            json.dumps({**CUSTOM_DATA, "current_user": 76561197960287930}),
            "current_user: a Steam id must be a decimal string",
        ),
        (
            json.dumps({**CUSTOM_DATA, "players": [{"steam_id": "123"}]}),
            "players[0].steam_id: not a valid individual",
        ),
        (json.dumps({**CUSTOM_DATA, "stats": [{"name": "X", "type": "DOUBLE"}]}), "stats[0].type"),
        (
            json.dumps(
                {
                    **CUSTOM_DATA,
                    "players": [{"steam_id": "76561197960287930", "stats": {"Score": 1.5}}],
                }
            ),
            "players[0].stats.Score: expected an integer",
        ),
        (json.dumps({**CUSTOM_DATA, "colour": 1}), "colour: unknown key"),
    ],
)
def test_bad_data_file_message_names_file_and_error(
    steam: Steam, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    monkeypatch.setenv("STEAMWORKS_CY_EMULATOR_DATA", str(path))
    rc, msg = steam.init()
    assert rc == 1
    assert str(path) in msg
    assert expected in msg
    assert steam.lib.SteamAPI_SteamUserStats_v013() is None


def test_missing_data_file(
    steam: Steam, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEAMWORKS_CY_EMULATOR_DATA", str(tmp_path / "nope.json"))
    rc, msg = steam.init()
    assert rc == 1 and "nope.json" in msg and "No such file" in msg


def test_load_data_json_control(steam: Steam) -> None:
    lib = steam.lib
    err = ctypes.create_string_buffer(256)
    assert lib.SteamEmu_LoadDataJSON(json.dumps(CUSTOM_DATA).encode(), err, 256) == 1
    assert steam.init() == (0, "")
    assert lib.SteamAPI_ISteamUtils_GetAppID(steam.utils) == 123456
    assert lib.SteamEmu_LoadDataJSON(b"{}", err, 256) == 0
    assert err.value.startswith(b"invalid emulator data: app: missing")
    tiny = ctypes.create_string_buffer(8)
    assert lib.SteamEmu_LoadDataJSON(b"{}", tiny, 8) == 0
    assert len(tiny.value) == 7  # bounded, NUL-terminated


def test_current_data_round_trips_and_shows_stored_changes(live: Steam) -> None:
    lib = live.lib
    lib.SteamEmu_CurrentDataJSON.restype = ctypes.c_int
    lib.SteamEmu_CurrentDataJSON.argtypes = [ctypes.c_char_p, ctypes.c_int]

    def current() -> str:
        need = lib.SteamEmu_CurrentDataJSON(None, 0)
        buf = ctypes.create_string_buffer(need)
        assert lib.SteamEmu_CurrentDataJSON(buf, need) == need
        return buf.value.decode()

    first = json.loads(current())
    default = json.loads((ROOT / "emulator" / "data" / "spacewar.json").read_text())
    assert [a["name"] for a in first["achievements"]] == [
        a["name"] for a in default["achievements"]
    ]
    assert [(s["name"], s["type"]) for s in first["stats"]] == [
        (s["name"], s["type"]) for s in default["stats"]
    ]
    assert first["players"][1]["stats"]["FeetTraveled"] == 6000.5
    lib.SteamAPI_ISteamUserStats_SetStatInt32(live.stats, b"NumGames", 40)
    lib.SteamAPI_ISteamUserStats_StoreStats(live.stats)
    text = current()
    assert json.loads(text)["players"][0]["stats"]["NumGames"] == 40
    err = ctypes.create_string_buffer(512)
    assert lib.SteamEmu_LoadDataJSON(text.encode(), err, 512) == 1, err.value
    assert current() == text  # the format reads back to the same data


def test_build_rejects_bad_exclude_names(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError):
        build_emulator(tmp_path, exclude_symbols=["x; global: *"])


# ---- leaderboards and global data ---------------------------------------------------------------


def test_leaderboards(live: Steam) -> None:
    lib = live.lib
    find = lib.SteamAPI_ISteamUserStats_FindLeaderboard(live.stats, b"Quickest Win")
    missing = lib.SteamAPI_ISteamUserStats_FindLeaderboard(live.stats, b"Nope")
    lib.SteamEmu_AdvanceClockMs(50)
    live.drain()
    ok, _, found = live.call_result(find, LeaderboardFindResult, 1104)
    assert ok and found.m_bLeaderboardFound == 1
    board = found.m_hSteamLeaderboard
    assert live.call_result(missing, LeaderboardFindResult, 1104)[2].m_bLeaderboardFound == 0
    assert lib.SteamAPI_ISteamUserStats_GetLeaderboardName(live.stats, board) == b"Quickest Win"
    assert lib.SteamAPI_ISteamUserStats_GetLeaderboardEntryCount(live.stats, board) == 5

    details = (ctypes.c_int32 * 2)(4, 2)
    up = lib.SteamAPI_ISteamUserStats_UploadLeaderboardScore(live.stats, board, 1, 90, details, 2)
    down = lib.SteamAPI_ISteamUserStats_DownloadLeaderboardEntries(live.stats, board, 0, 1, 3)
    lib.SteamEmu_AdvanceClockMs(50)
    live.drain()
    assert live.call_result(up, LeaderboardFindResult, 1106)[0] is False  # wrong struct size
    ok, _, res = live.call_result(down, LeaderboardScoresDownloaded, 1105)
    assert ok and res.m_cEntryCount == 3
    rows = []
    for i in range(3):
        entry = LeaderboardEntry()
        got = (ctypes.c_int32 * 4)()
        assert lib.SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry(
            live.stats, res.m_hSteamLeaderboardEntries, i, ctypes.byref(entry), got, 4
        )
        rows.append(
            (
                entry.m_nGlobalRank,
                entry.m_steamIDUser,
                entry.m_nScore,
                list(got)[: entry.m_cDetails],
            )
        )
    assert rows == [
        (1, 76561197960266801, 73, []),
        (2, PLAYER_ONE, 90, [4, 2]),
        (3, FRIEND, 95, [3, 1]),
    ]
    assert not lib.SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry(
        live.stats, res.m_hSteamLeaderboardEntries, 3, ctypes.byref(LeaderboardEntry()), None, 0
    )


def test_number_of_current_players(live: Steam) -> None:
    class NumberOfCurrentPlayers(ctypes.Structure):
        _pack_ = 4
        _fields_ = [("m_bSuccess", ctypes.c_uint8), ("m_cPlayers", ctypes.c_int32)]

    call = live.lib.SteamAPI_ISteamUserStats_GetNumberOfCurrentPlayers(live.stats)
    live.lib.SteamEmu_AdvanceClockMs(50)
    got = live.drain()
    done = SteamAPICallCompleted.from_buffer_copy(got[0][1])
    assert (done.m_iCallback, done.m_cubParam) == (1107, ctypes.sizeof(NumberOfCurrentPlayers))
    ok, _, res = live.call_result(call, NumberOfCurrentPlayers, 1107)
    assert ok and (res.m_bSuccess, res.m_cPlayers) == (1, 1337)


def test_clock_and_server_time(live: Steam) -> None:
    lib = live.lib
    t0 = lib.SteamAPI_ISteamUtils_GetServerRealTime(live.utils)
    assert lib.SteamAPI_ISteamUtils_GetSecondsSinceAppActive(live.utils) == 0
    before = lib.SteamEmu_NowMs()
    lib.SteamEmu_AdvanceClockMs(5000)
    assert lib.SteamEmu_NowMs() == before + 5000
    assert lib.SteamAPI_ISteamUtils_GetSecondsSinceAppActive(live.utils) == 5
    assert lib.SteamAPI_ISteamUtils_GetServerRealTime(live.utils) in (t0 + 5, t0 + 4, t0 + 6)


# ---- sanitizers ---------------------------------------------------------------------------------


def _asan_available(cxx: list[str], work: pathlib.Path) -> bool:
    probe = work / "probe.cpp"
    probe.write_text("int main() { int* p = new int(1); int v = *p; delete p; return v - 1; }\n")
    exe = work / "probe"
    try:
        proc = subprocess.run(
            [*cxx, *SANITIZE_FLAGS, str(probe), "-o", str(exe)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if proc.returncode != 0:
            return False
        return subprocess.run([str(exe)], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sanitizer driver runs on Linux"
)
def test_sanitized_build_with_cpp_driver(tmp_path: pathlib.Path) -> None:
    cxx = compiler_command()
    if not shutil.which(cxx[0]):
        pytest.skip(f"no C++ compiler ({cxx[0]})")
    if not _asan_available(cxx, tmp_path):
        pytest.skip("the C++ compiler cannot build and run AddressSanitizer/UBSan programs here")
    lib = build_emulator(tmp_path / "asan", sanitize=True)
    driver = tmp_path / "driver"
    subprocess.run(
        [
            *cxx,
            "-std=c++17",
            "-g",
            *SANITIZE_FLAGS,
            "-I",
            str(SDK_INCLUDE),
            "-I",
            str(ROOT / "emulator"),
            str(ROOT / "emulator" / "tests" / "driver.cpp"),
            str(lib),
            f"-Wl,-rpath,{lib.parent}",
            "-lpthread",
            "-o",
            str(driver),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "LD_PRELOAD",
            "SteamAppId",
            "STEAMWORKS_CY_EMULATOR_DATA",
            "STEAMWORKS_CY_EMULATOR_STATE",
        )
    }
    env["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1"
    env["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0"
    run = subprocess.run(
        [str(driver)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    if run.returncode != 0 and "LeakSanitizer does not work under ptrace" in run.stderr:
        env["ASAN_OPTIONS"] = "detect_leaks=0"
        run = subprocess.run(
            [str(driver)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "all checks passed" in run.stdout
    assert "runtime error" not in run.stderr
