"""steamworks_cy: Steamworks for Python games, with the Solar2D plugin.steamworks API.

    import steamworks_cy as steamworks
    steamworks.init(480)
    steamworks.addEventListener("userProgressUpdate", print)
    while running:
        steamworks.runCallbacks()      # once per frame

Properties ``isLoggedOn``, ``userSteamId`` and ``appId`` are read fresh from Steam on every access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from steamworks_cy._core import Event
from steamworks_cy.api import (
    PROPERTIES as _PROPERTIES,
)
from steamworks_cy.api import (
    add_event_listener,
    addEventListener,
    get_achievement_info,
    get_achievement_names,
    get_last_error,
    get_user_stat_value,
    getAchievementInfo,
    getAchievementNames,
    getLastError,
    getUserStatValue,
    init,
    remove_event_listener,
    removeEventListener,
    request_user_progress,
    requestUserProgress,
    run_callbacks,
    runCallbacks,
    set_listener_error_handler,
    set_raw_callback_handler,
    setListenerErrorHandler,
    setRawCallbackHandler,
    shutdown,
)
from steamworks_cy.errors import (
    LibraryLoadError,
    MissingFunctionError,
    SteamworksError,
)
from steamworks_cy.records import AchievementInfo

__version__ = "0.1.0"

__all__ = [
    "AchievementInfo",
    "Event",
    "LibraryLoadError",
    "MissingFunctionError",
    "SteamworksError",
    "addEventListener",
    "add_event_listener",
    "getAchievementInfo",
    "getAchievementNames",
    "getLastError",
    "getUserStatValue",
    "get_achievement_info",
    "get_achievement_names",
    "get_last_error",
    "get_user_stat_value",
    "init",
    "removeEventListener",
    "remove_event_listener",
    "requestUserProgress",
    "request_user_progress",
    "runCallbacks",
    "run_callbacks",
    "setListenerErrorHandler",
    "setRawCallbackHandler",
    "set_listener_error_handler",
    "set_raw_callback_handler",
    "shutdown",
]

isLoggedOn: bool
is_logged_on: bool
userSteamId: str | None
user_steam_id: str | None
appId: int | None
app_id: int | None


if not TYPE_CHECKING:  # type checkers see the annotated properties above, not a catch-all

    def __getattr__(name: str) -> Any:
        getter = _PROPERTIES.get(name)
        if getter is None:
            raise AttributeError(f"module 'steamworks_cy' has no attribute {name!r}")
        return getter()


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PROPERTIES))
