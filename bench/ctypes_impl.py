"""The baseline: what a Python developer would write with ctypes against the same library.

Straightforward code, written the way ctypes is meant to be used (argtypes and restype set once,
out-parameters through byref, Structures for callback payloads), calling the very functions of the
emulator that steamworks_cy calls. It produces the same results as steamworks_cy (the bench checks
that before timing).
"""

from __future__ import annotations

import ctypes as C
import sys
from typing import Any, Callable, Dict, Optional

PACK = (
    8 if sys.platform == "win32" else 4
)  # Valve's callback structs: pack(8) on Windows, 4 elsewhere

CB_API_CALL_COMPLETED = 703
CB_USER_STATS_RECEIVED = 1101
RESULT_OK = 1
RESULT_IO_FAILURE = 15


class CallbackMsg_t(C.Structure):
    _pack_ = PACK
    _fields_ = [
        ("m_hSteamUser", C.c_int32),
        ("m_iCallback", C.c_int),
        ("m_pubParam", C.c_void_p),
        ("m_cubParam", C.c_int),
    ]


class SteamAPICallCompleted_t(C.Structure):
    _pack_ = PACK
    _fields_ = [
        ("m_hAsyncCall", C.c_uint64),
        ("m_iCallback", C.c_int),
        ("m_cubParam", C.c_uint32),
    ]


class UserStatsReceived_t(C.Structure):
    _pack_ = PACK
    _fields_ = [
        ("m_nGameID", C.c_uint64),
        ("m_eResult", C.c_int),
        ("m_steamIDUser", C.c_uint64),
    ]


_SIGNATURES: Dict[str, Any] = {
    "SteamAPI_SteamUser_v023": (C.c_void_p, []),
    "SteamAPI_SteamUserStats_v013": (C.c_void_p, []),
    "SteamAPI_SteamUtils_v011": (C.c_void_p, []),
    "SteamAPI_GetHSteamPipe": (C.c_int32, []),
    "SteamAPI_ISteamUser_BLoggedOn": (C.c_bool, [C.c_void_p]),
    "SteamAPI_ISteamUtils_GetAppID": (C.c_uint32, [C.c_void_p]),
    "SteamAPI_ISteamUserStats_GetStatInt32": (
        C.c_bool,
        [C.c_void_p, C.c_char_p, C.POINTER(C.c_int32)],
    ),
    "SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime": (
        C.c_bool,
        [C.c_void_p, C.c_char_p, C.POINTER(C.c_bool), C.POINTER(C.c_uint32)],
    ),
    "SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute": (
        C.c_char_p,
        [C.c_void_p, C.c_char_p, C.c_char_p],
    ),
    "SteamAPI_ISteamUserStats_RequestUserStats": (C.c_uint64, [C.c_void_p, C.c_uint64]),
    "SteamAPI_ManualDispatch_RunFrame": (None, [C.c_int32]),
    "SteamAPI_ManualDispatch_GetNextCallback": (C.c_bool, [C.c_int32, C.POINTER(CallbackMsg_t)]),
    "SteamAPI_ManualDispatch_FreeLastCallback": (None, [C.c_int32]),
    "SteamAPI_ManualDispatch_GetAPICallResult": (
        C.c_bool,
        [C.c_int32, C.c_uint64, C.c_void_p, C.c_int, C.c_int, C.POINTER(C.c_bool)],
    ),
}


class CtypesSteam:
    """ctypes bindings of the functions used, plus the same operations as steamworks_cy's."""

    def __init__(self, path: str) -> None:
        self.lib = C.CDLL(path)
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(self.lib, name)
            fn.restype = restype
            fn.argtypes = argtypes
        lib = self.lib
        self.user = lib.SteamAPI_SteamUser_v023()
        self.stats = lib.SteamAPI_SteamUserStats_v013()
        self.pipe = lib.SteamAPI_GetHSteamPipe()
        self.game_id = lib.SteamAPI_ISteamUtils_GetAppID(lib.SteamAPI_SteamUtils_v011())
        self.pending: Dict[int, int] = {}  # call handle -> steam id
        self.twins: Dict[int, int] = {}  # steam id -> broadcasts still to swallow
        self.msg = CallbackMsg_t()

    def address(self, name: str) -> int:
        """The address of a flat function (what the C floor helper calls)."""
        value = C.cast(getattr(self.lib, name), C.c_void_p).value
        assert value is not None
        return value

    # -- raw calls: the same return shape as the generated wrappers

    def get_stat_int32(self, stats: int, name: bytes) -> tuple:
        value = C.c_int32()
        ok = self.lib.SteamAPI_ISteamUserStats_GetStatInt32(stats, name, C.byref(value))
        return (ok, value.value)

    def get_achievement_and_unlock_time(self, stats: int, name: bytes) -> tuple:
        achieved = C.c_bool()
        when = C.c_uint32()
        ok = self.lib.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(
            stats, name, C.byref(achieved), C.byref(when)
        )
        return (ok, achieved.value, when.value)

    # -- high layer: getAchievementInfo(name)

    def achievement_info(self, name: str) -> Optional[dict]:
        lib = self.lib
        if not lib.SteamAPI_ISteamUser_BLoggedOn(self.user):
            return None
        cname = name.encode("utf-8")
        achieved = C.c_bool()
        when = C.c_uint32()
        if not lib.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(
            self.stats, cname, C.byref(achieved), C.byref(when)
        ):
            return None
        attribute = lib.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute
        title = attribute(self.stats, cname, b"name")
        description = attribute(self.stats, cname, b"desc")
        hidden = attribute(self.stats, cname, b"hidden")
        return {
            "unlocked": achieved.value,
            "unlockTime": when.value if achieved.value else None,
            "localizedName": (title or b"").decode("utf-8", "replace"),
            "localizedDescription": (description or b"").decode("utf-8", "replace"),
            "hidden": hidden == b"1",
        }

    def achievement_info_cached(self, name: str, _cache: Dict[str, tuple] = {}) -> Optional[dict]:  # noqa: B006
        """The same, with the display attributes cached per name as steamworks_cy does."""
        lib = self.lib
        if not lib.SteamAPI_ISteamUser_BLoggedOn(self.user):
            return None
        cname = name.encode("utf-8")
        achieved = C.c_bool()
        when = C.c_uint32()
        if not lib.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(
            self.stats, cname, C.byref(achieved), C.byref(when)
        ):
            return None
        display = _cache.get(name)
        if display is None:
            attribute = lib.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute
            display = _cache[name] = (
                (attribute(self.stats, cname, b"name") or b"").decode("utf-8", "replace"),
                (attribute(self.stats, cname, b"desc") or b"").decode("utf-8", "replace"),
                attribute(self.stats, cname, b"hidden") == b"1",
            )
        return {
            "unlocked": achieved.value,
            "unlockTime": when.value if achieved.value else None,
            "localizedName": display[0],
            "localizedDescription": display[1],
            "hidden": display[2],
        }

    # -- dispatch: requestUserProgress + one manual-dispatch pump

    def request_user_stats(self, steam_id: int) -> bool:
        call = self.lib.SteamAPI_ISteamUserStats_RequestUserStats(self.stats, steam_id)
        if not call:
            return False
        self.pending[call] = steam_id
        return True

    def run_callbacks(self, listener: Callable[[dict], Any]) -> int:
        """RunFrame, then every callback: a completed RequestUserStats becomes one
        userProgressUpdate dict; its broadcast copy is swallowed. Returns the events delivered."""
        lib = self.lib
        pipe = self.pipe
        msg = self.msg
        pending = self.pending
        twins = self.twins
        delivered = 0
        lib.SteamAPI_ManualDispatch_RunFrame(pipe)
        while lib.SteamAPI_ManualDispatch_GetNextCallback(pipe, C.byref(msg)):
            event = None
            try:
                if msg.m_iCallback == CB_API_CALL_COMPLETED:
                    done = SteamAPICallCompleted_t.from_address(msg.m_pubParam)
                    steam_id = pending.pop(done.m_hAsyncCall, None)
                    if steam_id is not None:
                        result = UserStatsReceived_t()
                        failed = C.c_bool()
                        got = lib.SteamAPI_ManualDispatch_GetAPICallResult(
                            pipe,
                            done.m_hAsyncCall,
                            C.byref(result),
                            C.sizeof(result),
                            CB_USER_STATS_RECEIVED,
                            C.byref(failed),
                        )
                        if not got or failed.value:
                            code = RESULT_IO_FAILURE
                        elif result.m_nGameID == self.game_id:
                            code = result.m_eResult
                            twins[steam_id] = twins.get(steam_id, 0) + 1
                        else:
                            code = None
                        if code is not None:
                            event = {
                                "name": "userProgressUpdate",
                                "isError": code != RESULT_OK,
                                "resultCode": code,
                                "userSteamId": str(steam_id),
                            }
                elif msg.m_iCallback == CB_USER_STATS_RECEIVED:
                    received = UserStatsReceived_t.from_address(msg.m_pubParam)
                    if received.m_nGameID == self.game_id:
                        steam_id = received.m_steamIDUser
                        if twins.get(steam_id):
                            twins[steam_id] -= 1  # the twin of a call result already delivered
                        else:
                            event = {
                                "name": "userProgressUpdate",
                                "isError": received.m_eResult != RESULT_OK,
                                "resultCode": received.m_eResult,
                                "userSteamId": str(steam_id),
                            }
            finally:
                lib.SteamAPI_ManualDispatch_FreeLastCallback(pipe)
            if event is not None:
                listener(event)
                delivered += 1
        return delivered
