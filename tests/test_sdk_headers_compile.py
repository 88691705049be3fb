"""The reference SDK headers compile cleanly as C++ and have the SDK's layouts.

Compiles tests/native/layout_check.cpp (which includes steam/steam_api.h and
steam/steam_api_flat.h from sdk/public and static_asserts sizes, offsets and
callback ids) with warnings as errors, then links and runs it so that the
inline CSteamID / CGameID members are checked too.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SDK_PUBLIC = ROOT / "sdk" / "public"
SOURCE = ROOT / "tests" / "native" / "layout_check.cpp"
WARNING_FLAGS = ["-Wall", "-Wextra", "-Werror"]


def _compiler() -> list[str]:
    cxx = shlex.split(os.environ.get("CXX", "c++"))
    if not cxx or shutil.which(cxx[0]) is None:
        pytest.skip(f"no C++ compiler found (CXX={os.environ.get('CXX', 'c++')!r})")
    return cxx


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _assert_clean(proc: subprocess.CompletedProcess[str], cmd: list[str]) -> None:
    output = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0 and not output, (
        f"command failed or printed diagnostics:\n  {shlex.join(cmd)}\n{output}"
    )


@pytest.mark.parametrize("std", ["c++11", "c++17"])
def test_reference_headers_compile_without_warnings(std: str) -> None:
    cmd = [
        *_compiler(),
        f"-std={std}",
        *WARNING_FLAGS,
        f"-I{SDK_PUBLIC}",
        "-fsyntax-only",
        str(SOURCE),
    ]
    _assert_clean(_run(cmd), cmd)


def test_reference_headers_compile_for_an_exporting_library() -> None:
    # The emulator defines STEAM_API_EXPORTS, which changes S_API and STEAM_PRIVATE_API.
    cmd = [
        *_compiler(),
        "-std=c++17",
        *WARNING_FLAGS,
        "-DSTEAM_API_EXPORTS",
        f"-I{SDK_PUBLIC}",
        "-fsyntax-only",
        str(SOURCE),
    ]
    _assert_clean(_run(cmd), cmd)


def test_inline_steamid_and_gameid_members(tmp_path: Path) -> None:
    exe = tmp_path / "layout_check"
    cmd = [
        *_compiler(),
        "-std=c++17",
        *WARNING_FLAGS,
        f"-I{SDK_PUBLIC}",
        str(SOURCE),
        "-o",
        str(exe),
    ]
    _assert_clean(_run(cmd), cmd)
    proc = _run([str(exe)])
    assert proc.returncode == 0, (
        f"layout_check exited {proc.returncode}: {proc.stdout}{proc.stderr}"
    )
