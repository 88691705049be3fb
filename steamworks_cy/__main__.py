"""Command line: ``python -m steamworks_cy progress [STEAM_ID]`` fetches and prints a player's progress."""

from __future__ import annotations

import argparse
import datetime
import math
import os
import sys
import time
from typing import Any, List, Optional, Sequence, Tuple

import steamworks_cy as steamworks
from steamworks_cy import loader
from steamworks_cy.steamid import parse_user_steam_id

EXIT_OK = 0
EXIT_ERROR_RESULT = 1
EXIT_USAGE = 2
EXIT_TIMEOUT = 3
EXIT_INIT_FAILED = 4

# Stats of Valve's public sample app Spacewar (480): Steam has no call that lists an app's stats.
SPACEWAR_APP_ID = 480
SPACEWAR_STATS = [
    ("NumGames", "int"),
    ("NumWins", "int"),
    ("NumLosses", "int"),
    ("FeetTraveled", "float"),
    ("MaxFeetTraveled", "float"),
    ("AverageSpeed", "averageRate"),
]
_EMULATOR_STAT_TYPES = {"INT": "int", "FLOAT": "float", "AVGRATE": "averageRate"}


def result_name(code: int) -> str:
    """Steam's EResult name for ``code`` (e.g. 2 -> 'k_EResultFail'), from the generated enums."""
    from steamworks_cy._generated import flat

    names = getattr(flat, "ENUMS", {}).get("EResult", {})
    for name, value in names.items():
        if value == code:
            return str(name)
    return f"EResult {code}"


def choose_backend(backend: str) -> Tuple[Optional[str], str]:
    """(library to pass to init, a line saying which backend and why)."""
    if backend == "emulator":
        return loader.EMULATOR, "backend: emulator (bundled emulated Steam, chosen with --backend)"
    if backend == "steam":
        return None, "backend: steam (Valve's library, chosen with --backend)"
    if loader.is_emulator(os.environ.get(loader.LIBRARY_ENV)):
        return loader.EMULATOR, f"backend: emulator (${loader.LIBRARY_ENV}=emulator)"
    try:
        path = loader.load(None)
    except steamworks.LibraryLoadError:
        return loader.EMULATOR, "backend: emulator (no Valve libsteam_api found)"
    from steamworks_cy._generated import flat

    try:
        running = bool(flat.SteamAPI_IsSteamRunning())
    except steamworks.MissingFunctionError:
        running = False
    if running:
        return path, f"backend: steam ({path}; Steam is running)"
    return loader.EMULATOR, f"backend: emulator (found {path}, but Steam is not running)"


_STAT_KINDS = ("int", "float", "averageRate")


def _stat_spec(text: str) -> Tuple[str, str]:
    """--stat NAME[:int|float|averageRate]"""
    name, _, kind = text.partition(":")
    kind = kind or "int"
    if not name or kind not in _STAT_KINDS:
        raise argparse.ArgumentTypeError(f"expected NAME[:{'|'.join(_STAT_KINDS)}], got {text!r}")
    return name, kind


def _stats_to_show(
    requested: Sequence[Tuple[str, str]], backend_library: Optional[str]
) -> List[Tuple[str, str]]:
    if requested:
        return list(requested)
    if backend_library == loader.EMULATOR:
        from steamworks_cy import emulator

        return [
            (stat["name"], _EMULATOR_STAT_TYPES.get(str(stat.get("type", "INT")).upper(), "int"))
            for stat in emulator.current_data().get("stats", [])
        ]
    if steamworks.appId == SPACEWAR_APP_ID:
        return list(SPACEWAR_STATS)
    return []


def _format_time(unix_seconds: Optional[int]) -> str:
    if not unix_seconds:
        return ""
    moment = datetime.datetime.fromtimestamp(unix_seconds, tz=datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    for row in rows:
        lines.append("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    return "\n".join(lines)


def print_progress(steam_id: str, stats: Sequence[Tuple[str, str]]) -> None:
    names = steamworks.getAchievementNames() or []
    rows = []
    for name in names:
        info = steamworks.getAchievementInfo(name, steam_id)
        if info is None:
            rows.append([name, "?", "unreadable", ""])
            continue
        rows.append(
            [
                name,
                info.localizedName,
                "yes" if info.unlocked else "no",
                _format_time(info.unlockTime),
            ]
        )
    print(f"\nAchievements ({sum(1 for row in rows if row[2] == 'yes')} of {len(rows)} unlocked)")
    print(_table(["api name", "name", "unlocked", "when"], rows))
    stat_rows = []
    for name, kind in stats:
        value = steamworks.getUserStatValue(
            {"statName": name, "type": kind, "userSteamId": steam_id}
        )
        stat_rows.append([name, kind, "unavailable" if value is None else repr(value)])
    print(f"\nStats ({len(stat_rows)})")
    if stat_rows:
        print(_table(["stat", "type", "value"], stat_rows))
    else:
        print(
            "  (Steam cannot list an app's stats; name them with --stat NAME[:int|float|averageRate])"
        )


def run_progress(args: argparse.Namespace) -> int:
    if args.steam_id is not None and parse_user_steam_id(args.steam_id) is None:
        print(f"error: {args.steam_id} is not a valid individual Steam id", file=sys.stderr)
        return EXIT_USAGE
    library, line = choose_backend(args.backend)
    print(line, flush=True)
    if not steamworks.init(args.app_id, library=library):
        print(f"error: init failed: {steamworks.getLastError()}", file=sys.stderr)
        return EXIT_INIT_FAILED
    try:
        target = args.steam_id or steamworks.userSteamId
        if target is None or parse_user_steam_id(target) is None:
            print(
                f"error: {args.steam_id or 'the current user'} is not a valid individual Steam id",
                file=sys.stderr,
            )
            return EXIT_USAGE
        results: List[Any] = []

        def on_progress(event: Any) -> None:
            if event.userSteamId == str(parse_user_steam_id(target)) and not results:
                results.append(event)

        steamworks.addEventListener("userProgressUpdate", on_progress)
        if not steamworks.requestUserProgress(target):
            print("error: the request could not be sent (not logged on?)", file=sys.stderr)
            return EXIT_ERROR_RESULT
        print(f"requested progress of {target}; waiting up to {args.timeout:g} s", flush=True)
        deadline = time.monotonic() + args.timeout
        while True:  # pumps at least once, also with --timeout 0
            steamworks.runCallbacks()
            if results or time.monotonic() >= deadline:
                break
            time.sleep(1 / 60)
        if not results:
            print(
                f"error: no userProgressUpdate for {target} within {args.timeout:g} s",
                file=sys.stderr,
            )
            return EXIT_TIMEOUT
        event = results[0]
        if event.isError:
            print(
                f"error: Steam answered {event.resultCode} ({result_name(event.resultCode)}) "
                f"for {target}",
                file=sys.stderr,
            )
            return EXIT_ERROR_RESULT
        print(
            f"userProgressUpdate: isError={event.isError} resultCode={event.resultCode} "
            f"({result_name(event.resultCode)}) userSteamId={event.userSteamId}"
        )
        print_progress(event.userSteamId, _stats_to_show(args.stat, library))
        return EXIT_OK
    finally:
        steamworks.shutdown()


def _seconds(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds >= 0: {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m steamworks_cy",
        description="Steamworks from Python. 'progress' fetches a player's achievements and stats.",
        epilog="Exit status: 0 success, 1 Steam answered with an error result, 2 usage error or "
        "invalid Steam id, 3 timeout, 4 init failed.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    progress = commands.add_parser(
        "progress", help="fetch a player's achievements and stats (Solar2D requestUserProgress)"
    )
    progress.add_argument("steam_id", nargs="?", help="64-bit Steam id (default: the current user)")
    progress.add_argument(
        "--backend",
        choices=("auto", "steam", "emulator"),
        default="auto",
        help="auto: Valve's library when found and Steam is running, else the emulator",
    )
    progress.add_argument(
        "--timeout", type=_seconds, default=10.0, help="seconds to wait (default 10)"
    )
    progress.add_argument(
        "--app-id", type=int, default=None, help="app id (default: Steam's choice)"
    )
    progress.add_argument(
        "--stat",
        type=_stat_spec,
        action="append",
        default=[],
        help="a stat to show, NAME[:int|float|averageRate] (repeatable)",
    )
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "progress":
        return run_progress(args)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `... | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
