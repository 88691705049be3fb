"""Control surface of the bundled Steam emulator (libsteamworks_cy_emulator), through ctypes.

The emulator implements Valve's flat C API over JSON data (see ``emulator/README.md``). This
module drives its ``SteamEmu_`` control functions: data, network conditions, scripted results,
posted callbacks, a manual clock and the log of calls the game made. It loads the library from
the same path the binding opens for ``"emulator"``, so both talk to one instance.

Not performance critical; every function takes the emulator's lock once.
"""

from __future__ import annotations

import ctypes
import json
import os
import pathlib
import re
import sys
import threading
from typing import Any, NamedTuple

__all__ = [
    "Call",
    "EmulatorDataError",
    "EmulatorNotBuiltError",
    "advance_clock",
    "call_log",
    "clear_call_log",
    "current_data",
    "default_data",
    "is_initialised",
    "last_error",
    "library_filename",
    "library_path",
    "now",
    "pending_call_count",
    "post_callback",
    "post_user_stats_received",
    "post_user_stats_unloaded",
    "protocol_errors",
    "ready_callback_count",
    "reset",
    "set_call_log",
    "set_latency",
    "set_log_dispatch",
    "set_logged_on",
    "set_next_result",
    "set_offline_timeout",
    "set_online",
    "set_state_file",
    "set_steam_running",
    "use_manual_clock",
]

_LIBRARY_DIR = pathlib.Path(__file__).resolve().parent / "_emulator"
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_UINT64_MAX = (1 << 64) - 1


class EmulatorNotBuiltError(FileNotFoundError):
    """The emulator library is not in the package (it is built by setup.py or emulator/build.py)."""


class EmulatorDataError(ValueError):
    """Emulator data was rejected; the message names the JSON path and the problem."""


class Call(NamedTuple):
    """One entry of the call log: the flat function's name and its arguments (self omitted).

    Strings are ``str`` (``None`` for NULL), 64-bit ids plain ``int``, pointers ``"ptr"`` or
    ``None``, floats ``float`` with their exact value.
    """

    function: str
    args: tuple[Any, ...]


def library_filename(platform: str = sys.platform) -> str:
    """File name of the emulator library on `platform` (a ``sys.platform`` value)."""
    if platform.startswith("win") or platform == "cygwin":
        return "steamworks_cy_emulator.dll"
    if platform == "darwin":
        return "libsteamworks_cy_emulator.dylib"
    return "libsteamworks_cy_emulator.so"


def library_path() -> str:
    """Absolute path of the bundled emulator library.

    Raises EmulatorNotBuiltError (a FileNotFoundError) naming the path and how to build it.
    """
    path = _LIBRARY_DIR / library_filename()
    if not path.is_file():
        raise EmulatorNotBuiltError(
            f"the Steam emulator library is not built: {path} does not exist; build it with "
            f"'python emulator/build.py --out steamworks_cy/_emulator' or by installing the package"
        )
    return str(path)


_lock = threading.Lock()
_lib: ctypes.CDLL | None = None

_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "SteamEmu_ControlVersion": (ctypes.c_int, []),
    "SteamEmu_LoadDataJSON": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]),
    "SteamEmu_LoadDataFile": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]),
    "SteamEmu_DefaultDataJSON": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_int]),
    "SteamEmu_CurrentDataJSON": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_int]),
    "SteamEmu_Reset": (None, []),
    "SteamEmu_SetOnline": (None, [ctypes.c_int]),
    "SteamEmu_SetLoggedOn": (None, [ctypes.c_int]),
    "SteamEmu_SetSteamRunning": (None, [ctypes.c_int]),
    "SteamEmu_SetLatencyMs": (None, [ctypes.c_int64]),
    "SteamEmu_SetOfflineTimeoutMs": (None, [ctypes.c_int64]),
    "SteamEmu_SetNextResult": (ctypes.c_int, [ctypes.c_uint64, ctypes.c_int, ctypes.c_int]),
    "SteamEmu_PostCallback": (
        ctypes.c_int,
        [ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int64],
    ),
    "SteamEmu_PostUserStatsReceived": (
        ctypes.c_int,
        [ctypes.c_uint64, ctypes.c_int, ctypes.c_uint64, ctypes.c_int],
    ),
    "SteamEmu_UnloadUser": (ctypes.c_int, [ctypes.c_uint64]),
    "SteamEmu_UseManualClock": (None, [ctypes.c_int]),
    "SteamEmu_AdvanceClockMs": (None, [ctypes.c_int64]),
    "SteamEmu_NowMs": (ctypes.c_int64, []),
    "SteamEmu_CallLogJSON": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_int]),
    "SteamEmu_ClearCallLog": (None, []),
    "SteamEmu_SetCallLog": (None, [ctypes.c_int]),
    "SteamEmu_SetLogDispatch": (None, [ctypes.c_int]),
    "SteamEmu_ProtocolErrors": (ctypes.c_int, []),
    "SteamEmu_IsInitialised": (ctypes.c_int, []),
    "SteamEmu_ReadyCallbackCount": (ctypes.c_int, []),
    "SteamEmu_PendingCallCount": (ctypes.c_int, []),
    "SteamEmu_LastError": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_int]),
    "SteamEmu_SetStateFile": (None, [ctypes.c_char_p]),
}


def _library() -> ctypes.CDLL:
    """The emulator library, loaded on first use (same path as the binding's "emulator")."""
    global _lib
    with _lock:
        if _lib is None:
            lib = ctypes.CDLL(library_path())
            for name, (restype, argtypes) in _SIGNATURES.items():
                fn = getattr(lib, name)
                fn.restype = restype
                fn.argtypes = argtypes
            _lib = lib
        return _lib


def _read_sized(fn: Any) -> str:
    """Calls a size-protocol function (returns the size needed, writes only when it fits)."""
    need = int(fn(None, 0))
    while True:
        buf = ctypes.create_string_buffer(need)
        got = int(fn(buf, need))
        if got <= need:
            return buf.value.decode("utf-8", errors="replace")
        need = got  # it grew in between


def _steam_id(value: int | str) -> int:
    """A 64-bit Steam id from an int or a string of ASCII digits (never through a float)."""
    if isinstance(value, bool):
        raise TypeError("a Steam id must be an int or a decimal string, not bool")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        if not _DIGITS.fullmatch(value):
            raise ValueError(f"not a decimal Steam id: {value!r}")
        number = int(value)
    else:
        raise TypeError(
            f"a Steam id must be an int or a decimal string, not {type(value).__name__}"
        )
    if not 0 <= number <= _UINT64_MAX:
        raise ValueError(f"Steam id out of the 64-bit range: {value!r}")
    return number


def _milliseconds(seconds: float) -> int:
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        raise ValueError(f"not a finite number of seconds: {seconds!r}")
    return max(0, round(seconds * 1000))


def _load(data: dict[str, Any] | str | os.PathLike[str]) -> None:
    lib = _library()
    err = ctypes.create_string_buffer(2048)
    if isinstance(data, dict):
        ok = lib.SteamEmu_LoadDataJSON(json.dumps(data).encode("utf-8"), err, len(err))
    elif isinstance(data, str) and data.lstrip().startswith("{"):
        ok = lib.SteamEmu_LoadDataJSON(data.encode("utf-8"), err, len(err))
    elif isinstance(data, (str, os.PathLike)):
        ok = lib.SteamEmu_LoadDataFile(os.fsencode(data), err, len(err))
    else:
        raise TypeError(f"data must be a dict, JSON text or a path, not {type(data).__name__}")
    if not ok:
        raise EmulatorDataError(err.value.decode("utf-8", errors="replace"))


def reset(data: dict[str, Any] | str | os.PathLike[str] | None = None) -> None:
    """Return the emulator to a known state, with the default data (None) or `data`.

    `data` is a dict in the emulator's JSON format, JSON text (a str starting with "{"), or the
    path of a JSON file. Resets the configuration (online, latency 50 ms, offline timeout 70 s,
    logged on, Steam running, real clock, no state file, call log on without the dispatch
    calls) and then applies the data's "network"
    section; clears queued callbacks, pending calls, scripted results and the call log.
    Does not shut the API down. Raises EmulatorDataError when the data is invalid (the emulator
    is then left with the default data).
    """
    _library().SteamEmu_Reset()
    if data is not None:
        _load(data)


def default_data() -> dict[str, Any]:
    """The embedded default data (Spacewar, app 480) as a dict."""
    result: dict[str, Any] = json.loads(_read_sized(_library().SteamEmu_DefaultDataJSON))
    return result


def current_data() -> dict[str, Any]:
    """The data as the emulator's "server" knows it now, in the data format: the loaded data
    plus stored stats, uploaded scores and created leaderboards."""
    result: dict[str, Any] = json.loads(_read_sized(_library().SteamEmu_CurrentDataJSON))
    return result


def set_online(online: bool) -> None:
    """Network up or down; while down, requests complete only after the offline timeout."""
    _library().SteamEmu_SetOnline(1 if online else 0)


def set_logged_on(logged_on: bool) -> None:
    """What BLoggedOn() answers; while logged off, RequestUserStats returns 0."""
    _library().SteamEmu_SetLoggedOn(1 if logged_on else 0)


def set_steam_running(running: bool) -> None:
    """Whether a Steam client runs; when not, SteamAPI_InitFlat returns 2 (NoSteamClient)."""
    _library().SteamEmu_SetSteamRunning(1 if running else 0)


def set_latency(seconds: float) -> None:
    """Round-trip time of online requests (default 0.05 s)."""
    _library().SteamEmu_SetLatencyMs(_milliseconds(seconds))


def set_offline_timeout(seconds: float) -> None:
    """Time after which an offline request fails (default 70 s)."""
    _library().SteamEmu_SetOfflineTimeoutMs(_milliseconds(seconds))


def set_next_result(steam_id: int | str, result: int = 2, *, io_failure: bool = False) -> None:
    """Script the outcome of the next RequestUserStats for `steam_id` (0: for any player).

    `result` is any EResult value; `io_failure` makes the call fail at the transport level
    (GetAPICallResult reports *pbFailed, no broadcast copy).
    """
    sid = _steam_id(steam_id)
    if not _library().SteamEmu_SetNextResult(sid, int(result), 1 if io_failure else 0):
        raise ValueError(f"not a valid individual Steam account id: {steam_id!r}")


def post_callback(callback_id: int, payload: bytes, delay: float = 0.0) -> None:
    """Queue any callback with a raw payload, ready after `delay` seconds.

    A UserStatsUnloaded_t (1108) also evicts that user's stats; a UserStatsReceived_t (1101)
    with result 1 for this app loads a readable player's stats.
    """
    data = bytes(payload)
    buf = ctypes.create_string_buffer(data, len(data)) if data else None
    if not _library().SteamEmu_PostCallback(int(callback_id), buf, len(data), _milliseconds(delay)):
        raise ValueError("callback rejected")


def post_user_stats_received(
    steam_id: int | str, result: int = 1, game_id: int | None = None
) -> None:
    """Post a broadcast UserStatsReceived_t (1101); `game_id` defaults to the app's."""
    sid = _steam_id(steam_id)
    use_app = game_id is None
    gid = 0 if game_id is None else int(game_id)
    if not 0 <= gid <= _UINT64_MAX:
        raise ValueError(f"game id out of the 64-bit range: {game_id!r}")
    _library().SteamEmu_PostUserStatsReceived(sid, int(result), gid, 1 if use_app else 0)


def post_user_stats_unloaded(steam_id: int | str) -> None:
    """Evict `steam_id`'s cached stats and post UserStatsUnloaded_t (1108) for them."""
    _library().SteamEmu_UnloadUser(_steam_id(steam_id))


def use_manual_clock(enabled: bool = True) -> None:
    """Manual clock: time stands still until advance_clock(). Off: real time resumes."""
    _library().SteamEmu_UseManualClock(1 if enabled else 0)


def advance_clock(seconds: float) -> None:
    """Advance the manual clock; callbacks and results that become due are queued."""
    _library().SteamEmu_AdvanceClockMs(_milliseconds(seconds))


def now() -> float:
    """The emulator's clock in seconds."""
    return int(_library().SteamEmu_NowMs()) / 1000.0


def call_log() -> list[Call]:
    """Every flat call made so far (dispatch calls only with set_log_dispatch(True))."""
    entries = json.loads(_read_sized(_library().SteamEmu_CallLogJSON))
    return [Call(e["fn"], tuple(e["args"])) for e in entries]


def clear_call_log() -> None:
    """Forget the calls logged so far."""
    _library().SteamEmu_ClearCallLog()


def set_call_log(enabled: bool) -> None:
    """Keep the call log (True, the default; reset() turns it back on) or not (False).

    While it is off, no flat call is logged or formatted, so each call costs only its own work
    (the benchmarks time with it off). Entries logged before are kept.
    """
    _library().SteamEmu_SetCallLog(1 if enabled else 0)


def set_log_dispatch(include: bool) -> None:
    """Also log RunCallbacks, ManualDispatch_RunFrame/GetNextCallback/FreeLastCallback and
    GetAPICallResult while the call log is on (off by default)."""
    _library().SteamEmu_SetLogDispatch(1 if include else 0)


def protocol_errors() -> int:
    """Manual-dispatch protocol violations counted since the last reset()."""
    return int(_library().SteamEmu_ProtocolErrors())


def is_initialised() -> bool:
    """True between a successful SteamAPI_InitFlat and SteamAPI_Shutdown."""
    return bool(_library().SteamEmu_IsInitialised())


def ready_callback_count() -> int:
    """Callbacks that GetNextCallback would return now."""
    return int(_library().SteamEmu_ReadyCallbackCount())


def pending_call_count() -> int:
    """Asynchronous calls issued and not yet completed."""
    return int(_library().SteamEmu_PendingCallCount())


def last_error() -> str:
    """The last error the emulator recorded (e.g. a failed state-file write), or ""."""
    return _read_sized(_library().SteamEmu_LastError)


def set_state_file(path: str | os.PathLike[str] | None) -> None:
    """Persist StoreStats to `path` (atomically); None: no file. Read at SteamAPI_InitFlat."""
    _library().SteamEmu_SetStateFile(None if path is None else os.fsencode(path))
