"""Compile bench/floor.c with the system C compiler into a temporary folder and load it."""

from __future__ import annotations

import ctypes
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional, Tuple

SOURCE = Path(__file__).resolve().parent / "floor.c"

_i64 = ctypes.c_int64
_p = ctypes.c_void_p

SIGNATURES = {
    "floor_get_stat_int32": [_p, _p, ctypes.c_char_p, _i64],
    "floor_get_achievement_and_unlock_time": [_p, _p, ctypes.c_char_p, _i64],
    "floor_achievement_info": [_p, _p, _p, _p, ctypes.c_char_p, _i64],
    "floor_get_num_achievements": [_p, _p, _i64],
    "floor_get_achievement_name": [_p, _p, ctypes.c_uint32, _i64],
    "floor_set_achievement": [_p, _p, ctypes.c_char_p, _i64],
    "floor_idle_frame": [_p, _p, ctypes.c_int32, _i64],
    "floor_dispatch": [_p, _p, _p, _p, ctypes.c_int32, ctypes.c_int, ctypes.POINTER(_i64)],
}


def _compiler() -> Optional[list]:
    given = os.environ.get("CC")
    if given:
        return shlex.split(given)
    for name in ("cc", "gcc", "clang"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def build(workdir: str) -> Tuple[Optional[ctypes.CDLL], str]:
    """(library, "") or (None, why not)."""
    if sys.platform == "win32":
        return None, "the C floor helper is built on Linux and macOS only"
    compiler = _compiler()
    if compiler is None:
        return None, "no C compiler found (cc, gcc, clang or $CC)"
    suffix = ".dylib" if sys.platform == "darwin" else ".so"
    target = Path(workdir) / f"swcy_bench_floor{suffix}"
    command = compiler + ["-O2", "-shared", "-fPIC", "-o", str(target), str(SOURCE)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        return None, f"{shlex.join(command)} failed: {error}"
    if done.returncode != 0:
        return None, f"{shlex.join(command)} failed:\n{done.stderr.strip()}"
    lib = ctypes.CDLL(str(target))
    for name, argtypes in SIGNATURES.items():
        fn = getattr(lib, name)
        fn.argtypes = argtypes
        fn.restype = _i64
    return lib, ""


def temporary_dir() -> str:
    return tempfile.mkdtemp(prefix="steamworks_cy_bench_")
