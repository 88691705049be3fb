"""python -m bench [--check] [--quick] [--rounds N] [--cases raw,high,...] [--json PATH] [--update-readme]"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import List, Optional

from bench import cases as cases_mod
from bench import floor as floor_mod
from bench import machine as machine_mod
from bench import report
from bench.ctypes_impl import CtypesSteam

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"


def _parse(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="steamworks_cy side by side with ctypes, a peer binding (steamworks-swig) and a C "
        "loop, all on the bundled emulator. Prints a table and writes it as JSON.",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target is missed or not measured"
    )
    parser.add_argument(
        "--rounds", type=int, default=7, help="rounds per case; the median is reported (7)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: 3 rounds, fewer operations"
    )
    parser.add_argument(
        "--cases",
        default=",".join(cases_mod.ALL),
        help=f"comma-separated subset of {','.join(cases_mod.ALL)}",
    )
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"JSON output ({DEFAULT_JSON})"
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help="write the table into README.md's Performance section",
    )
    args = parser.parse_args(argv)
    unknown = [c for c in args.cases.split(",") if c and c not in cases_mod.ALL]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}")
    return args


def main(argv: Optional[List[str]] = None) -> int:
    args = _parse(argv)
    settings = cases_mod.Settings(rounds=max(1, args.rounds))
    if args.quick:
        settings = cases_mod.Settings(rounds=3, scale=0.1, dispatch_events=1_000)

    import steamworks_cy
    import steamworks_cy.flat as flat
    from steamworks_cy import emulator

    emulator.reset()
    emulator.use_manual_clock(True)
    if not steamworks_cy.init(480, library="emulator"):
        print(
            f"steamworks_cy.init on the emulator failed: {steamworks_cy.getLastError()}",
            file=sys.stderr,
        )
        return 2
    emulator.advance_clock(1.0)
    steamworks_cy.runCallbacks()  # the current user's progress, requested by init()
    # The call log exists for tests; a game's Steam has none. Off for every side alike (ours, the
    # baselines and the C floor), so the floor column stays what the emulator itself costs.
    emulator.set_call_log(False)
    emulator.clear_call_log()

    workdir = floor_mod.temporary_dir()
    floor_lib, floor_note = floor_mod.build(workdir)
    ctx = cases_mod.Context(
        settings=settings,
        sw=steamworks_cy,
        flat=flat,
        emulator=emulator,
        ct=CtypesSteam(emulator.library_path()),
        floor=floor_lib,
        floor_note=floor_note,
        stats_ptr=flat.SteamAPI_SteamUserStats_v013(),
        user_ptr=flat.SteamAPI_SteamUser_v023(),
        pipe=flat.SteamAPI_GetHSteamPipe(),
    )
    ctx.cleanup.append(lambda: shutil.rmtree(workdir, ignore_errors=True))
    if floor_lib is None:
        ctx.notes.append(f"C floor not measured: {floor_note}")
        print(f"floor: {floor_note}", file=sys.stderr)

    machine = machine_mod.describe()
    print(f"steamworks_cy bench on {machine_mod.one_line(machine)}", file=sys.stderr)
    rows: List[report.Row] = []
    try:
        for name in [c for c in args.cases.split(",") if c]:
            print(f"  {name} ...", file=sys.stderr, flush=True)
            try:
                rows.extend(cases_mod.ALL[name](ctx))
            except Exception as error:  # noqa: BLE001 - one broken case must not hide the others
                rows.extend(cases_mod.failed_rows(name, error))
            emulator.clear_call_log()
    finally:
        steamworks_cy.shutdown()
        emulator.reset()
        for step in ctx.cleanup:
            step()

    notes = _notes(rows, ctx.notes)
    print()
    print(report.text_table(rows))
    print()
    for line in notes:
        print(f"- {line}")
    print()
    for line in report.comparisons(rows):
        print(f"  {line}")

    shown = [a for a in (sys.argv[1:] if argv is None else argv) if a != "--update-readme"]
    command = " ".join(["python -m bench"] + shown)
    if os.environ.get("STEAMWORKS_SDK_DIR"):
        command = "STEAMWORKS_SDK_DIR=<SDK 1.65a> " + command
    report.write_json(
        args.json,
        machine,
        {
            "rounds": settings.rounds,
            "scale": settings.scale,
            "dispatch_events": settings.dispatch_events,
            "command": command,
        },
        rows,
        notes,
    )
    print(f"\nwrote {args.json}")
    if args.update_readme:
        if report.update_readme(
            ROOT / "README.md", machine_mod.one_line(machine), command, rows, notes
        ):
            print("updated README.md")
        else:
            print("README.md has no bench markers; not updated", file=sys.stderr)

    sys.stdout.flush()
    failing = [row for row in rows if row.status in report.FAILING]
    if failing:
        print(f"\n{len(failing)} target(s) not met:", file=sys.stderr)
        for row in failing:
            if row.ratio is not None:
                detail = f"ratio {row.ratio_text}, target {row.target_text}"
            else:
                group = row.case.split(":")[0] + ": "
                detail = row.note[len(group) :] if row.note.startswith(group) else row.note
            print(f"  {row.status}: {row.case}: {detail}", file=sys.stderr)
    if args.check and failing:
        return 1
    return 0


def _notes(rows: List[report.Row], extra: List[str]) -> List[str]:
    notes = [
        "Per operation, median of the rounds; ours and the baseline interleaved in one process on the "
        "bundled emulator; times include the Python for-loop (a few ns), the same on both sides.",
        "Ratio: baseline/ours for '>= Nx faster' targets; ours/baseline for '<= Nx baseline' targets. "
        "C floor: the same emulator functions called from a C loop (what the emulator itself costs).",
    ]
    notes += extra
    for row in rows:
        if row.note and row.status not in (report.PASS, report.MISS):
            line = row.note if row.case.split(":")[0] in row.note else f"{row.case}: {row.note}"
            if line not in notes:
                notes.append(line)
    return notes


if __name__ == "__main__":
    sys.exit(main())
