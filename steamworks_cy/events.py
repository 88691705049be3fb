"""Event listeners with Solar2D's semantics: duplicates allowed, snapshot dispatch, errors not lost."""

from __future__ import annotations

import sys
from typing import Any, Callable, Dict, List, Optional, Union

Listener = Union[Callable[[Any], Any], object]
ErrorHandler = Callable[[BaseException, str, Listener], Any]


class _Entry:
    """One registration; ``removed`` lets a dispatch in progress skip it without copying flags around."""

    __slots__ = ("listener", "removed")

    def __init__(self, listener: Listener) -> None:
        self.listener = listener
        self.removed = False


class EventDispatcher:
    """Listeners per event name.

    - A listener is a callable, or an object with a method named like the event (preferred when both).
    - Adding the same listener twice registers it twice; removal takes out the first identical entry.
    - Dispatch iterates a snapshot: a listener removed meanwhile is skipped, one added meanwhile waits
      for the next event.
    - A listener that raises does not stop the others; the exception is handed to the error handler,
      or kept and raised by :meth:`raise_errors` (what ``runCallbacks()`` does after its pump).
    """

    def __init__(self) -> None:
        self._entries: Dict[str, List[_Entry]] = {}
        self._errors: List[BaseException] = []
        self.error_handler: Optional[ErrorHandler] = None

    def add(self, name: str, listener: Listener) -> bool:
        if not isinstance(name, str) or not name:
            raise TypeError("event name must be a non-empty string")
        if not (callable(listener) or callable(getattr(listener, name, None))):
            raise TypeError(
                f"listener must be callable or have a method named {name!r}, got {listener!r}"
            )
        self._entries.setdefault(name, []).append(_Entry(listener))
        return True

    def remove(self, name: str, listener: Listener) -> bool:
        entries = self._entries.get(name)
        if not entries:
            return False
        for index, entry in enumerate(entries):
            if entry.listener is listener:
                entry.removed = True
                del entries[index]
                return True
        return False

    def has_listeners(self, name: str) -> bool:
        return bool(self._entries.get(name))

    def clear(self) -> None:
        for entries in self._entries.values():
            for entry in entries:
                entry.removed = True
        self._entries.clear()

    def dispatch(self, event: Any) -> None:
        name = event["name"]
        entries = self._entries.get(name)
        if not entries:
            return
        for entry in tuple(entries):
            if entry.removed:
                continue
            listener = entry.listener
            try:
                method = getattr(listener, name, None)
                if method is not None and callable(method):
                    method(event)
                else:
                    listener(event)  # type: ignore[operator]
            except Exception as error:  # noqa: BLE001 - one listener's bug must not stop the others
                handler = self.error_handler
                if handler is None:
                    self._errors.append(error)
                else:
                    try:
                        handler(error, name, listener)
                    except Exception:  # noqa: BLE001 - a failing handler falls back to the default path
                        self._errors.append(error)

    def raise_errors(self) -> None:
        """Raise the first kept listener error; report any others on stderr so none vanish."""
        if not self._errors:
            return
        errors, self._errors = self._errors, []
        for extra in errors[1:]:
            sys.excepthook(type(extra), extra, extra.__traceback__)
        raise errors[0]
