"""Result records: dicts (like Solar2D's Lua tables) that also read as attributes.

Events are ``steamworks_cy._core.Event``: built for every callback, so they live in the core."""

from __future__ import annotations

from typing import Any, Optional

# PEP 8 spellings accepted as attribute aliases of the Solar2D keys.
_ALIASES = {
    "unlock_time": "unlockTime",
    "localized_name": "localizedName",
    "localized_description": "localizedDescription",
}


class Record(dict):  # type: ignore[type-arg]
    """A dict whose keys can also be read as attributes (``event.isError`` or ``event["isError"]``)."""

    __slots__ = ()

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            try:
                return self[_ALIASES[key]]
            except KeyError:
                raise AttributeError(f"{type(self).__name__} has no field {key!r}") from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"


class AchievementInfo(Record):
    """What getAchievementInfo returns. ``unlockTime`` is Unix seconds, or None while locked."""

    __slots__ = ()
    unlocked: bool
    unlockTime: Optional[int]
    localizedName: str
    localizedDescription: str
    hidden: bool
