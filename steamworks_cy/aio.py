"""asyncio helpers: await a player's progress, or pump Steam's callbacks from a background task."""

from __future__ import annotations

import asyncio
from typing import Optional, Union

from steamworks_cy import api
from steamworks_cy._core import Event
from steamworks_cy.errors import SteamworksError
from steamworks_cy.steamid import parse_user_steam_id

FRAME = 1 / 60


def _pump_once() -> None:
    """runCallbacks(); a listener's error goes to the event loop's exception handler, so one bug
    neither stops the pump nor surfaces in an unrelated awaiting coroutine."""
    try:
        api.runCallbacks()
    except Exception as error:  # noqa: BLE001 - reported, not swallowed
        asyncio.get_running_loop().call_exception_handler(
            {
                "message": "steamworks_cy: a listener raised during runCallbacks()",
                "exception": error,
            }
        )


async def pump_callbacks(interval: float = FRAME) -> None:
    """Call runCallbacks() every ``interval`` seconds until cancelled: ``asyncio.create_task(...)``.

    Listener errors are reported through the event loop's exception handler; pumping goes on.
    """
    while True:
        _pump_once()
        await asyncio.sleep(interval)


async def request_user_progress(
    userSteamId: Optional[Union[str, int]] = None,
    *,
    timeout: Optional[float] = 30.0,
    interval: float = FRAME,
) -> Event:
    """Request a player's progress and return its ``userProgressUpdate`` event.

    Listeners registered with addEventListener see the same event. The coroutine pumps
    runCallbacks() itself while it waits, so it works with or without :func:`pump_callbacks`.
    Raises SteamworksError when the request cannot be sent (invalid id, not logged on) and
    asyncio.TimeoutError when no result arrives within ``timeout`` seconds (None: wait forever).
    Check ``event.isError`` for Steam's answer.
    """
    if userSteamId is None:
        target = api._user_steam_id()
    else:
        parsed = parse_user_steam_id(userSteamId)
        target = None if parsed is None else str(parsed)
    if target is None:
        raise SteamworksError(
            f"cannot request progress of {userSteamId!r}: invalid id or not logged on"
        )
    loop = asyncio.get_running_loop()
    result: asyncio.Future[Event] = loop.create_future()

    def on_progress(event: Event) -> None:
        if event.userSteamId == target and not result.done():
            result.set_result(event)

    api.addEventListener("userProgressUpdate", on_progress)
    try:
        if not api.requestUserProgress(target):
            raise SteamworksError(f"the request for {target} was not sent (not logged on?)")

        async def wait() -> Event:
            while not result.done():
                _pump_once()
                if result.done():
                    break
                await asyncio.sleep(interval)
            return result.result()

        return await asyncio.wait_for(wait(), timeout)
    finally:
        api.removeEventListener("userProgressUpdate", on_progress)
