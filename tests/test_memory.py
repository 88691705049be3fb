"""Memory: what init costs, and that getters and request/dispatch cycles do not leak.

Each measurement runs in a fresh interpreter (subprocess) so that other tests' objects and the
pytest machinery do not blur it. Resident memory is read from /proc/self/status (VmRSS), Python
objects from gc.get_objects() and sys.getallocatedblocks(). The loops run after a warm-up long
enough for every bounded cache to reach its size (the emulator keeps the last 100,000 calls in
its call log and the last 16,384 call results).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    not os.path.exists("/proc/self/status"), reason="reads VmRSS from /proc/self/status (Linux)"
)

KB_PER_MB = 1024

PRELUDE = textwrap.dedent(
    """
    import gc, json, sys

    def rss_kb():
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def snapshot():
        gc.collect()
        return {"rss_kb": rss_kb(), "objects": len(gc.get_objects()),
                "blocks": sys.getallocatedblocks()}
    """
)

SETUP = textwrap.dedent(
    """
    import steamworks_cy as steamworks
    from steamworks_cy import emulator
    emulator.reset()
    emulator.use_manual_clock(True)
    assert steamworks.init(480, library="emulator"), steamworks.getLastError()
    emulator.advance_clock(1.0)
    steamworks.runCallbacks()
    """
)


def _run(code: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STEAMWORKS_CY_")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _min_rss(code: str, runs: int = 3) -> int:
    return min(_run(PRELUDE + code)["rss_kb"] for _ in range(runs))


def test_init_costs_at_most_10_mb_over_a_bare_interpreter():
    bare = _min_rss('print(json.dumps({"rss_kb": rss_kb()}))')
    initialised = _min_rss(
        "import steamworks_cy\n"
        'assert steamworks_cy.init(480, library="emulator"), steamworks_cy.getLastError()\n'
        'print(json.dumps({"rss_kb": rss_kb()}))'
    )
    grown = initialised - bare
    assert grown <= 10 * KB_PER_MB, (
        f"init added {grown} kB of RSS (bare {bare} kB, after init {initialised} kB)"
    )


def _assert_flat(result: dict, calls: int) -> None:
    before, after = result["before"], result["after"]
    grown_rss = after["rss_kb"] - before["rss_kb"]
    grown_objects = after["objects"] - before["objects"]
    grown_blocks = after["blocks"] - before["blocks"]
    detail = f"over {calls:,} calls: before {before}, after {after}"
    # A leak of one object per call would add at least `calls` blocks and tens of MB.
    assert grown_rss <= 2 * KB_PER_MB, f"RSS grew by {grown_rss} kB {detail}"
    assert grown_objects <= 100, f"{grown_objects} more GC-tracked objects {detail}"
    assert grown_blocks <= 2_000, f"{grown_blocks} more allocated blocks {detail}"


GETTERS = textwrap.dedent(
    """
    import steamworks_cy.flat as flat
    FRIEND = "76561197960266730"
    steamworks.requestUserProgress(FRIEND)
    emulator.advance_clock(1.0)
    steamworks.runCallbacks()
    stats = flat.SteamAPI_SteamUserStats_v013()
    info = steamworks.getAchievementInfo
    value = steamworks.getUserStatValue
    int_stat = {"statName": "NumGames", "type": "int"}
    float_stat = {"statName": "FeetTraveled", "type": "float", "userSteamId": FRIEND}
    get_int = flat.SteamAPI_ISteamUserStats_GetStatInt32
    get_achievement = flat.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime
    assert info("ACH_WIN_ONE_GAME")["unlocked"] is True
    assert info("ACH_TRAVEL_FAR_ACCUM", FRIEND)["unlocked"] is True
    assert value(int_stat) == 12 and value(float_stat) == 6000.5
    assert get_int(stats, "NumGames") == (True, 12)

    def loop(rounds):  # 6 getter calls per round
        for _ in range(rounds):
            info("ACH_WIN_ONE_GAME")
            info("ACH_TRAVEL_FAR_ACCUM", FRIEND)
            value(int_stat)
            value(float_stat)
            get_int(stats, "NumGames")
            get_achievement(stats, "ACH_WIN_ONE_GAME")

    ROUNDS = 1_000_000 // 6 + 1
    loop(40_000)  # warm-up: fills the emulator's bounded call log
    before = snapshot()
    loop(ROUNDS)
    after = snapshot()
    print(json.dumps({"before": before, "after": after, "calls": ROUNDS * 6}))
    """
)


def test_a_million_getter_calls_leave_memory_flat():
    result = _run(PRELUDE + SETUP + GETTERS)
    assert result["calls"] >= 1_000_000
    _assert_flat(result, result["calls"])


CYCLES = textwrap.dedent(
    """
    PLAYERS = ["76561197960266730", "76561197960266731", None]  # readable, private (error), current
    received = []
    steamworks.addEventListener("userProgressUpdate", lambda event: received.append(event))
    request = steamworks.requestUserProgress
    advance = emulator.advance_clock
    pump = steamworks.runCallbacks

    def cycles(count):
        for i in range(count):
            assert request(PLAYERS[i % 3])
            advance(0.1)
            assert pump() == 1
            received.pop()

    cycles(60_000)  # warm-up: the emulator's call log and result ring reach their bounds
    before = snapshot()
    cycles(100_000)
    after = snapshot()
    assert steamworks._core.pending_requests() == 0
    print(json.dumps({"before": before, "after": after, "calls": 100_000}))
    """
)


def test_a_hundred_thousand_request_and_dispatch_cycles_leave_memory_flat():
    result = _run(PRELUDE + SETUP + CYCLES)
    _assert_flat(result, result["calls"])
