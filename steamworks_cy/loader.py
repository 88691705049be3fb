"""Where the Steam API library comes from: explicit path, environment, beside the program, the system."""

from __future__ import annotations

import os
import struct
import sys
from typing import List, Optional, Tuple

from steamworks_cy import _core
from steamworks_cy.errors import LibraryLoadError

#: Environment variable naming the library to load (a path, a folder, or "emulator").
LIBRARY_ENV = "STEAMWORKS_CY_LIBRARY"
EMULATOR = "emulator"


def library_file_name(platform: str = sys.platform) -> str:
    """File name of Valve's redistributable for this platform and pointer size."""
    if platform.startswith("win"):
        return "steam_api64.dll" if struct.calcsize("P") == 8 else "steam_api.dll"
    if platform == "darwin":
        return "libsteam_api.dylib"
    return "libsteam_api.so"


def is_emulator(spec: Optional[str]) -> bool:
    """True for the word that selects the bundled emulator (any case)."""
    return spec is not None and spec.strip().lower() == EMULATOR


def _expand(spec: str) -> str:
    if is_emulator(spec):
        from steamworks_cy import emulator

        return emulator.library_path()
    if os.path.isdir(spec):
        return os.path.join(spec, library_file_name())
    return spec


def candidates(library: Optional[str] = None) -> List[Tuple[str, str]]:
    """(path, why) pairs in search order. An explicit choice (argument or environment) is the only one."""
    if library is not None:
        return [(_expand(os.fspath(library)), "argument")]
    from_env = os.environ.get(LIBRARY_ENV)
    if from_env:
        return [(_expand(from_env), f"${LIBRARY_ENV}")]
    name = library_file_name()
    found: List[Tuple[str, str]] = []
    seen = set()
    program_dirs = []
    if getattr(sys, "frozen", False):  # PyInstaller and friends: the game's executable
        program_dirs.append(os.path.dirname(os.path.abspath(sys.executable)))
    if sys.argv and sys.argv[0] and sys.argv[0] != "-c":
        program_dir = os.path.dirname(os.path.abspath(sys.argv[0]))
        # `python -m steamworks_cy` runs a file of this package: that folder is not the game's.
        if program_dir != os.path.dirname(os.path.abspath(__file__)):
            program_dirs.append(program_dir)
    for folder, why in [(d, "beside the program") for d in program_dirs] + [
        (os.getcwd(), "working directory")
    ]:
        path = os.path.join(folder, name)
        if path not in seen:
            seen.add(path)
            found.append((path, why))
    found.append((name, "system library search path"))
    return found


def load(library: Optional[str] = None) -> str:
    """Load the first library that works and bind the generated function table to it.

    Returns the path loaded; raises LibraryLoadError naming every path tried and why each failed.
    """
    tried: List[str] = []
    reasons: List[str] = []
    for path, why in candidates(library):
        tried.append(path)
        if os.sep in path and not os.path.exists(path):
            reasons.append(f"  {path} ({why}): no such file")
            continue
        try:
            _core.load_library(path)
        except LibraryLoadError as error:
            reasons.append(f"  {path} ({why}): {error}")
            continue
        return path
    hint = (
        ""
        if library is not None or os.environ.get(LIBRARY_ENV)
        else f"\nPut Valve's {library_file_name()} (from the Steamworks SDK's redistributable_bin) next "
        f"to the game, set ${LIBRARY_ENV} to its path, or use the bundled emulated Steam with "
        f"library='emulator' (${LIBRARY_ENV}=emulator)."
    )
    raise LibraryLoadError(
        "could not load a Steam API library; tried:\n" + "\n".join(reasons) + hint, tuple(tried)
    )
