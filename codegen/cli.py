"""The generator's command line and its one-call API, `generate()`.

    python -m codegen --sdk SDK --out DIR [--sdk-version V] [--json FILE] [--strict]
    python -m codegen check --sdk SDK --json steam_api.json
    python -m codegen diff OLD_SDK NEW_SDK

SDK is an SDK root (the folder Valve's zip unpacks to, or its `sdk` folder) or its
`public/steam` folder. When Valve's steam_api.json sits next to the headers (or `--json` names
it), generation also cross-checks the headers with it and reports each difference; `--strict`
makes a difference an error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import List, Optional, Tuple

from . import model
from .parse import HeaderParseError, parse_sdk
from .render import write
from .scan import ScanError

#: Where a steam/ folder of headers may sit below the path a user gives.
_HEADER_FOLDERS = ("", "steam", "public/steam", "sdk/public/steam")


def find_headers(path: str) -> str:
    """The `public/steam` folder holding steam_api_flat.h at or below `path` (an SDK root, its
    `sdk` or `public` folder, or the headers folder itself)."""
    for sub in _HEADER_FOLDERS:
        candidate = os.path.join(path, sub) if sub else path
        if os.path.isfile(os.path.join(candidate, "steam_api_flat.h")):
            return os.path.normpath(candidate)
    if os.path.isdir(path) and any(name.endswith(".h") for name in os.listdir(path)):
        return path  # a folder of headers without the flat header (fixtures)
    raise FileNotFoundError(f"{path}: no steam_api_flat.h in it or in its public/steam folder")


def _display_path(path: str) -> str:
    """`path` relative to the working directory when it lies below it (banners stay portable)."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute == cwd or absolute.startswith(cwd + os.sep):
        return os.path.relpath(absolute, cwd).replace(os.sep, "/")
    return path.replace(os.sep, "/")


def regenerate_command(sdk_dir: str, out_dir: str, sdk_version: str | None = None) -> str:
    """The exact command that regenerates `out_dir`, as printed in every banner."""
    command = f"python -m codegen --sdk {_display_path(sdk_dir)} --out {_display_path(out_dir)}"
    if sdk_version:
        command += f" --sdk-version {sdk_version}"
    return command


def generate(
    sdk_dir: str, out_dir: str, sdk_version: str | None = None, command: str | None = None
) -> Tuple[model.Api, List[str]]:
    """Parse the headers in `sdk_dir` and write the bindings into `out_dir`.

    Returns the model and the names of the files that changed (empty when all were current).
    """
    api = parse_sdk(sdk_dir, sdk_version)
    changed = write(api, out_dir, command or regenerate_command(sdk_dir, out_dir, sdk_version))
    return api, changed


def json_next_to(headers: str) -> Optional[str]:
    """Valve's steam_api.json next to the headers, if it is there."""
    path = os.path.join(headers, "steam_api.json")
    return path if os.path.isfile(path) else None


def main(argv: List[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        from .crosscheck import main as check_main

        return check_main(argv[1:])
    if argv and argv[0] == "diff":
        from .diff import main as diff_main

        return diff_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description="Generate the Cython bindings from a Steamworks SDK's headers. "
        "Subcommands: `check --sdk SDK --json steam_api.json` compares the headers with "
        "Valve's JSON; `diff OLD_SDK NEW_SDK` lists what changed between two SDKs.",
    )
    parser.add_argument("--sdk", required=True, help="SDK root or its public/steam folder")
    parser.add_argument("--out", required=True, help="output folder (steamworks_cy/_generated)")
    parser.add_argument("--sdk-version", help="SDK version when neither headers nor path say")
    parser.add_argument(
        "--json",
        help="Valve's steam_api.json to cross-check with (default: the one next to the headers)",
    )
    parser.add_argument("--no-check", action="store_true", help="skip the cross-check")
    parser.add_argument(
        "--strict", action="store_true", help="fail when the cross-check finds a difference"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        headers = find_headers(args.sdk)
        api, changed = generate(
            headers,
            args.out,
            args.sdk_version,
            regenerate_command(args.sdk, args.out, args.sdk_version),
        )
    except (HeaderParseError, ScanError, FileNotFoundError) as exc:
        print(f"codegen: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    flat = sum(1 for f in api.functions if f.header == "steam_api_flat.h")
    print(
        f"codegen: SDK {api.sdk_version} ({api.sdk_version_source}): {len(api.functions)} "
        f"functions ({flat} flat), {len(api.callbacks)} callbacks, {len(api.structs)} structs, "
        f"{sum(1 for e in api.enums if e.name)} enums, {len(api.constants)} constants, "
        f"{len(api.skipped)} skipped; "
        + (f"wrote {', '.join(changed)}" if changed else "all files up to date")
        + f" ({elapsed:.2f} s)"
    )
    status = 0
    json_path = args.json or json_next_to(headers)
    if json_path and not args.no_check:
        from .crosscheck import crosscheck

        with open(json_path, encoding="utf-8") as fh:
            report = crosscheck(api, json.load(fh))
        for line in report.differences:
            print(f"codegen: check: {line}")
        print(
            f"codegen: cross-check with {_display_path(json_path)}: "
            f"{len(report.differences)} difference(s)"
        )
        if report.differences and args.strict:
            status = 1
    if api.sdk_version == "unknown":
        print("codegen: SDK version unknown: pass --sdk-version (it is printed in errors)")
    return status
