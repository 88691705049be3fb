"""Event listener types. The dispatcher itself (Solar2D semantics) is in the Cython core, because
runCallbacks() calls it for every event: see ``steamworks_cy._core.EventDispatcher``."""

from __future__ import annotations

from typing import Any, Callable, Union

#: A callable taking the event, or an object with a method named like the event.
Listener = Union[Callable[[Any], Any], object]
#: Receives listener exceptions: ``handler(error, event_name, listener)``.
ErrorHandler = Callable[[BaseException, str, Listener], Any]
