"""The generator's command line and its one-call API, `generate()`."""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Tuple

from . import model
from .parse import HeaderParseError, parse_sdk
from .render import write
from .scan import ScanError


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


def main(argv: List[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        from .crosscheck import main as check_main

        return check_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description="Generate the Cython bindings from a Steamworks SDK's public/steam headers. "
        "`python -m codegen check --sdk DIR --json steam_api.json` compares them with "
        "Valve's JSON.",
    )
    parser.add_argument("--sdk", required=True, help="folder of the SDK headers (public/steam)")
    parser.add_argument("--out", required=True, help="output folder (steamworks_cy/_generated)")
    parser.add_argument("--sdk-version", help="SDK version when no header names it")
    args = parser.parse_args(argv)
    try:
        api, changed = generate(args.sdk, args.out, args.sdk_version)
    except (HeaderParseError, ScanError) as exc:
        print(f"codegen: {exc}", file=sys.stderr)
        return 1
    print(
        f"codegen: SDK {api.sdk_version}: {len(api.functions)} functions, "
        f"{len(api.callbacks)} callbacks, "
        f"{len(api.structs)} structs, {len(api.enums)} enums; "
        + (f"wrote {', '.join(changed)}" if changed else "all files up to date")
    )
    return 0
