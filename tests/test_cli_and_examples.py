"""The main job (python -m steamworks_cy progress) and the examples, run as a user would."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import FRIEND, PRIVATE_FRIEND, ROOT


def run(*args: str, timeout: float = 60):
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, cwd=str(ROOT)
    )


def test_progress_of_a_friend_prints_the_table():
    result = run("-m", "steamworks_cy", "progress", FRIEND, "--backend", "emulator")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("backend: emulator")
    out = result.stdout
    assert "resultCode=1" in out and f"userSteamId={FRIEND}" in out
    assert "ACH_WIN_ONE_GAME" in out and "Winner" in out
    assert "Achievements (2 of 5 unlocked)" in out
    row = next(line for line in lines if line.startswith("NumWins"))
    assert row.split() == ["NumWins", "int", "42"]
    row = next(line for line in lines if line.startswith("FeetTraveled"))
    assert row.split() == ["FeetTraveled", "float", "6000.5"]


def test_progress_auto_backend_falls_back_to_the_emulator_and_says_so():
    result = run("-m", "steamworks_cy", "progress")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("backend: emulator (")
    assert "userSteamId=76561197960266729" in result.stdout


def test_progress_of_a_private_friend_is_an_error():
    result = run("-m", "steamworks_cy", "progress", PRIVATE_FRIEND, "--backend", "emulator")
    assert result.returncode == 1
    assert "k_EResultFail" in result.stderr and "2" in result.stderr


def test_progress_with_an_invalid_id_is_a_usage_error():
    result = run("-m", "steamworks_cy", "progress", "FRIEND_ID", "--backend", "emulator")
    assert result.returncode == 2
    assert "not a valid individual Steam id" in result.stderr


def test_progress_times_out_offline():
    result = run(
        "-c",
        "import sys; from steamworks_cy import emulator, __main__ as m;"
        "emulator.reset(); emulator.set_online(False);"
        f"sys.exit(m.main(['progress', '{FRIEND}', '--backend', 'emulator', '--timeout', '0.5']))",
    )
    assert result.returncode == 3, result.stderr
    assert "no userProgressUpdate" in result.stderr


def test_example_request_user_progress_runs():
    result = run("examples/request_user_progress.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Winner: unlocked=True" in result.stdout
    assert "NumWins=42" in result.stdout


def test_invalid_id_is_rejected_before_init_even_for_steam():
    result = run("-m", "steamworks_cy", "progress", "abc", "--backend", "steam")
    assert result.returncode == 2
    assert "not a valid individual Steam id" in result.stderr


def test_bad_timeouts_are_usage_errors():
    for value in ("-5", "nan", "inf"):
        result = run("-m", "steamworks_cy", "progress", FRIEND, "--timeout", value)
        assert result.returncode == 2, (value, result.stderr)


def test_steam_backend_without_steam_fails_init_with_advice():
    result = run("-m", "steamworks_cy", "progress", "--backend", "steam")
    assert result.returncode == 4
    assert result.stderr.count("could not load a Steam API library") == 1
    assert "library='emulator'" in result.stderr


def test_readme_game_example_runs():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.findall(r"```python\n(.*?)```", readme, re.S)[0]
    result = run("-c", example)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "76561197960266729 Winner True 1700000000 3",
        "76561197960266730 Winner True 1690000000 42",
    ]
