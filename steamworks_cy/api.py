"""The Solar2D ``plugin.steamworks`` API in Python: names, arguments and event semantics."""

from __future__ import annotations

import atexit
import logging
import os
from typing import Any, List, Mapping, Optional, Union

from steamworks_cy import _core, loader
from steamworks_cy.events import Listener
from steamworks_cy.records import AchievementInfo
from steamworks_cy.steamid import parse_user_steam_id

logger = logging.getLogger("steamworks_cy")

SteamId = Union[str, int]

_dispatcher = _core.dispatcher()
_last_error: Optional[str] = None
_UINT32_MAX = (1 << 32) - 1


def _fail(message: str) -> bool:
    global _last_error
    _last_error = message
    # init() answers False and getLastError() says why; the log is for those who collect it.
    logger.info("steamworks_cy.init failed: %s", message)
    return False


def init(app_id: Optional[int] = None, *, library: Optional[str] = None) -> bool:
    """Load the Steam API library and initialise it. True on success (also when already initialised).

    ``app_id`` is set as ``SteamAppId`` before init; without it Steam takes the id from the environment
    or ``steam_appid.txt``. ``library`` is a path, a folder, or ``"emulator"`` for the bundled emulator;
    by default the ``STEAMWORKS_CY_LIBRARY`` variable, the program's folder, the working directory and
    the system are searched. On failure the reason is in :func:`getLastError` and logged.
    After a successful init the current user's progress is requested, so one ``userProgressUpdate``
    for them arrives on a later :func:`runCallbacks`.
    """
    global _last_error
    if _core.is_initialized():
        return True
    saved_environment = {name: os.environ.get(name) for name in _APP_ID_VARIABLES}
    if app_id is not None:
        if isinstance(app_id, bool) or not isinstance(app_id, int) or not 0 < app_id <= _UINT32_MAX:
            return _fail(f"app_id must be a positive 32-bit int, got {app_id!r}")
        for name in _APP_ID_VARIABLES:
            os.environ[name] = str(app_id)
    try:
        loader.load(library)
        problem = _core.init_api()
    except Exception as error:  # noqa: BLE001 - LibraryLoadError, or an emulator that was not built
        problem = str(error)
    if problem:
        _restore_environment(saved_environment)
        return _fail(
            problem if app_id is None else f"{problem} (app_id={app_id} was passed to init)"
        )
    _last_error = None
    for warning in _core.interface_warnings():
        logger.warning("steamworks_cy: %s", warning)
    _core.request_user_stats(0)
    return True


# Where Steam reads the app id at init; init(app_id) sets them and puts them back if init fails.
_APP_ID_VARIABLES = ("SteamAppId", "SteamGameId")


def _restore_environment(saved: Mapping[str, Optional[str]]) -> None:
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def shutdown() -> None:
    """Shut the Steam API down. Safe at any time, also inside a listener; init() may be called again."""
    _core.shutdown_api()


atexit.register(_core.shutdown_api)

#: Pump Steam's callbacks and deliver events; call once per frame. Returns the number of events.
runCallbacks = _core.run_callbacks


def getLastError() -> Optional[str]:
    """Why the last init() failed, or None."""
    return _last_error


def requestUserProgress(userSteamId: Optional[SteamId] = None) -> bool:
    """Ask Steam for a player's achievements and stats (default: the current user).

    True when the request was sent; False for an invalid id or when not logged on. The result comes
    later as a ``userProgressUpdate`` event (``isError``, ``resultCode``, ``userSteamId``).
    """
    if userSteamId is None:
        return bool(_core.request_user_stats(0))
    steam_id = parse_user_steam_id(userSteamId)
    if steam_id is None:
        return False
    return bool(_core.request_user_stats(steam_id))


def _user_arg(userSteamId: Optional[SteamId]) -> Optional[int]:
    """0 for the current user, the id for a valid user, None for an invalid argument."""
    if userSteamId is None:
        return 0
    return parse_user_steam_id(userSteamId)


def getAchievementInfo(
    achievementName: str, userSteamId: Optional[SteamId] = None
) -> Optional[AchievementInfo]:
    """``unlocked``, ``unlockTime``, ``localizedName``, ``localizedDescription``, ``hidden``; or None
    for an unknown name, when not logged on, or for another user whose progress is not loaded."""
    steam_id = _user_arg(userSteamId)
    if steam_id is None:
        return None
    info: Optional[AchievementInfo] = _core.achievement_info(achievementName, steam_id)
    return info


def getAchievementNames() -> Optional[List[str]]:
    """API names of all the app's achievements, or None when Steam is not initialised."""
    names: Optional[List[str]] = _core.achievement_names()
    return names


_STAT_TYPES = ("int", "float", "averageRate")


def getUserStatValue(
    params: Optional[Mapping[str, Any]] = None, /, **fields: Any
) -> Union[int, float, None]:
    """A stat's value: ``getUserStatValue({"statName": "NumWins", "type": "int"})``.

    Keys (or keyword arguments): ``statName``, ``type`` ("int", "float" or "averageRate"; default
    "int"), ``userSteamId`` (default: the current user); PEP 8 spellings ``stat_name`` and
    ``user_steam_id`` work too. Returns an int for "int", a float otherwise, or None when Steam's getter
    fails (unknown stat, type mismatch, progress not loaded, not logged on). A malformed request
    (not a mapping, no string statName, unknown type) raises TypeError or ValueError.
    """
    if params is None:
        params = fields
    elif not isinstance(params, Mapping):
        raise TypeError(f"getUserStatValue takes a mapping, got {type(params).__name__}")
    elif fields:
        params = {**params, **fields}
    name = params.get("statName", params.get("stat_name"))
    if not isinstance(name, str):
        raise TypeError(f"statName must be a string, got {name!r}")
    kind = params.get("type", "int")
    if kind not in _STAT_TYPES:
        raise ValueError(f"type must be one of {', '.join(_STAT_TYPES)}; got {kind!r}")
    steam_id = _user_arg(params.get("userSteamId", params.get("user_steam_id")))
    if steam_id is None:
        return None
    if kind == "int":
        value: Union[int, float, None] = _core.stat_int(name, steam_id)
    else:
        value = _core.stat_float(name, steam_id)
    return value


def addEventListener(eventName: str, listener: Listener) -> bool:
    """Register ``listener`` (a callable, or an object with a method named like the event)."""
    return _dispatcher.add(eventName, listener)


def removeEventListener(eventName: str, listener: Listener) -> bool:
    """Remove the first registration identical to ``listener``; False when there was none."""
    return _dispatcher.remove(eventName, listener)


def setListenerErrorHandler(handler: Any) -> None:
    """Send listener exceptions to ``handler(error, event_name, listener)`` instead of having
    runCallbacks() raise them after its pump. None restores the default."""
    _dispatcher.error_handler = handler


def setRawCallbackHandler(handler: Any) -> None:
    """Also receive every Steam callback as the generated struct object (``obj.CALLBACK_ID``, fields
    named as in C), on the thread that calls runCallbacks(). None removes the handler."""
    _core.set_raw_callback_handler(handler)


# Properties, read fresh on each access through the package's module __getattr__.
def _is_logged_on() -> bool:
    return bool(_core.is_logged_on())


def _user_steam_id() -> Optional[str]:
    steam_id = _core.user_steam_id()
    return None if steam_id is None else str(steam_id)


def _app_id() -> Optional[int]:
    value: Optional[int] = _core.app_id()
    return value


PROPERTIES = {
    "isLoggedOn": _is_logged_on,
    "is_logged_on": _is_logged_on,
    "userSteamId": _user_steam_id,
    "user_steam_id": _user_steam_id,
    "appId": _app_id,
    "app_id": _app_id,
}

# PEP 8 aliases: the same function objects under snake_case names.
run_callbacks = runCallbacks
get_last_error = getLastError
request_user_progress = requestUserProgress
get_achievement_info = getAchievementInfo
get_achievement_names = getAchievementNames
get_user_stat_value = getUserStatValue
add_event_listener = addEventListener
remove_event_listener = removeEventListener
set_listener_error_handler = setListenerErrorHandler
set_raw_callback_handler = setRawCallbackHandler
