"""asyncio helpers on the emulator (real clock, short latency)."""

from __future__ import annotations

import asyncio

import pytest

from steamworks_cy import aio
from steamworks_cy.errors import SteamworksError
from tests.conftest import CURRENT_USER, FRIEND, PRIVATE_FRIEND


@pytest.fixture
def live_steam(steam, emu):
    emu.use_manual_clock(False)
    emu.set_latency(0.02)
    return steam


def test_await_friend_progress(live_steam):
    event = asyncio.run(aio.request_user_progress(FRIEND, timeout=5))
    assert (event.isError, event.resultCode, event.userSteamId) == (False, 1, FRIEND)
    assert live_steam.getUserStatValue({"statName": "NumWins", "userSteamId": FRIEND}) == 42


def test_await_current_user_and_private_friend(live_steam):
    async def both():
        return await asyncio.gather(
            aio.request_user_progress(timeout=5),
            aio.request_user_progress(PRIVATE_FRIEND, timeout=5),
        )

    mine, private = asyncio.run(both())
    assert (mine.isError, mine.userSteamId) == (False, CURRENT_USER)
    assert (private.isError, private.resultCode) == (True, 2)


def test_invalid_id_raises(live_steam):
    with pytest.raises(SteamworksError):
        asyncio.run(aio.request_user_progress("not-an-id"))


def test_timeout_offline(live_steam, emu):
    emu.set_online(False)
    with pytest.raises(asyncio.TimeoutError):
        asyncio.run(aio.request_user_progress(FRIEND, timeout=0.2))


def test_pump_task_delivers_events(live_steam):
    received = []
    live_steam.addEventListener("userProgressUpdate", received.append)

    async def scenario():
        pump = asyncio.create_task(aio.pump_callbacks(0.005))
        live_steam.requestUserProgress(FRIEND)
        for _ in range(200):
            if received:
                break
            await asyncio.sleep(0.005)
        pump.cancel()

    asyncio.run(scenario())
    assert [e.userSteamId for e in received] == [FRIEND]


def test_listener_errors_do_not_stop_the_pump(live_steam):
    reported = []

    def broken(event):
        raise RuntimeError("listener bug")

    live_steam.addEventListener("userProgressUpdate", broken)

    async def scenario():
        asyncio.get_running_loop().set_exception_handler(
            lambda loop, context: reported.append(context)
        )
        pump = asyncio.create_task(aio.pump_callbacks(0.005))
        first = await aio.request_user_progress(FRIEND, timeout=5)
        second = await aio.request_user_progress(PRIVATE_FRIEND, timeout=5)
        pump.cancel()
        return first, second

    first, second = asyncio.run(scenario())
    assert (first.userSteamId, second.resultCode) == (FRIEND, 2)
    assert reported and all(isinstance(c["exception"], RuntimeError) for c in reported)
