"""Shared fixtures: a fresh emulated Steam per test, driven by its manual clock."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, List

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_JSON = ROOT.parent / "shared" / "sdk-json"

FRIEND = "76561197960266730"
PRIVATE_FRIEND = "76561197960266731"
CURRENT_USER = "76561197960266729"


def sdk_json_path(version: str = "1.65a") -> Path:
    """Valve's steam_api.json (test data, never copied into the project)."""
    override = os.environ.get("STEAMWORKS_SDK_JSON")
    if override and version == "1.65a":
        return Path(override)
    return SHARED_JSON / f"steam_api-{version}.json"


@pytest.fixture
def emu():
    """The emulator control module, reset to the default Spacewar data and a manual clock."""
    from steamworks_cy import emulator

    emulator.reset()
    emulator.use_manual_clock(True)
    yield emulator
    import steamworks_cy

    steamworks_cy.shutdown()
    steamworks_cy.api._dispatcher.clear()
    steamworks_cy.setListenerErrorHandler(None)
    steamworks_cy.setRawCallbackHandler(None)
    emulator.reset()


@pytest.fixture
def steam(emu):
    """steamworks_cy initialised on the emulator (app 480), with the init-time request delivered."""
    import steamworks_cy

    assert steamworks_cy.init(480, library="emulator"), steamworks_cy.getLastError()
    emu.advance_clock(1.0)
    steamworks_cy.runCallbacks()  # the current user's progress requested by init()
    emu.clear_call_log()
    yield steamworks_cy


class Recorder:
    """A listener that keeps the events it receives."""

    def __init__(self) -> None:
        self.events: List[Any] = []

    def __call__(self, event: Any) -> None:
        self.events.append(event)


def pump(emu, seconds: float = 0.25, steps: int = 5) -> int:
    """Advance the emulator clock in steps, pumping callbacks after each; events delivered."""
    import steamworks_cy

    delivered = 0
    for _ in range(steps):
        emu.advance_clock(seconds / steps)
        delivered += steamworks_cy.runCallbacks()
    return delivered


@pytest.fixture
def recorder() -> Callable[[], Recorder]:
    return Recorder


def run_python(code: str, timeout: float = 60, **env: str):
    """Run ``code`` in a fresh interpreter; the CompletedProcess."""
    import subprocess

    environment = dict(os.environ, **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        cwd=str(ROOT),
    )
