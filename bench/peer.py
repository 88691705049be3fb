"""The peer: steamworks-swig (PyPI) loading our emulator in place of its bundled libsteam_api.so.

steamworks-swig's extension links ``libsteam_api.so`` through ``RUNPATH $ORIGIN``. The installed
package is copied into a temporary folder (nothing of it is ever written into this checkout) and
its ``libsteam_api.so`` replaced by a symlink to the emulator library; the dynamic loader sees the
same file as the emulator that steamworks_cy already loaded and reuses it, so both bindings talk to
one emulator instance. The extension references the whole flat API of SDK 1.65 while the emulator
exports a subset, so it is imported with lazy symbol binding (RTLD_LAZY); only functions that are
called must exist. Its own ``SWS_Steam_Init()`` fails on the emulator (it checks interface versions,
e.g. SteamNetworkingUtils004, that the emulator does not provide), so it runs in the Steam session
steamworks_cy initialised; its getters call the versioned flat accessor
(``SteamAPI_SteamUserStats_v013()``) and then the method, every call.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Optional, Tuple

DISTRIBUTION = "steamworks-swig"
VERSION = "0.1.2"
INSTALL_HINT = f"pip install {DISTRIBUTION}=={VERSION} (tox -e bench installs it)"


def _package_dir() -> Tuple[Optional[Path], str]:
    try:
        from importlib import metadata
    except ImportError:  # pragma: no cover - Python < 3.8
        return None, "importlib.metadata is unavailable"
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None, f"{DISTRIBUTION} is not installed: {INSTALL_HINT}"
    if dist.version != VERSION:
        note = f"{DISTRIBUTION} {dist.version} is installed, the bench expects {VERSION}"
    else:
        note = ""
    init = Path(str(dist.locate_file("steamworks/__init__.py")))
    if not init.is_file():
        return None, f"{DISTRIBUTION} is installed but has no steamworks/__init__.py ({init})"
    return init.parent, note


def installed_version() -> str:
    try:
        from importlib import metadata

        return metadata.version(DISTRIBUTION)
    except Exception:  # noqa: BLE001 - only for the report
        return "?"


def load(emulator_library: str) -> Tuple[Optional[ModuleType], str, Optional[str]]:
    """(the peer's raw module ``steamworks.steamworks``, note, temporary folder) or (None, why, dir)."""
    if sys.platform != "linux":
        return (
            None,
            "the peer is set up on Linux only (its library is swapped through RUNPATH)",
            None,
        )
    package, note = _package_dir()
    if package is None:
        return None, note, None
    if "steamworks" in sys.modules:
        return None, "a module named 'steamworks' is already imported in this process", None
    bundled = package / "libsteam_api.so"
    if not bundled.exists():
        return (
            None,
            f"{bundled} is missing: the installed {DISTRIBUTION} is not the expected wheel",
            None,
        )
    workdir = tempfile.mkdtemp(prefix="steamworks_cy_bench_peer_")
    copy = Path(workdir) / "steamworks"
    shutil.copytree(
        package, copy, ignore=shutil.ignore_patterns("__pycache__", "libsteam_api.so", "*.pyc")
    )
    os.symlink(os.path.realpath(emulator_library), copy / "libsteam_api.so")
    flags = sys.getdlopenflags()
    sys.path.insert(0, workdir)
    try:
        sys.setdlopenflags(os.RTLD_LAZY)
        raw = importlib.import_module("steamworks.steamworks")
    except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
        return (
            None,
            f"importing the copy of {DISTRIBUTION} failed: {type(error).__name__}: {error}",
            workdir,
        )
    finally:
        sys.setdlopenflags(flags)
        sys.path.remove(workdir)
    loaded = _mapped_path(copy / "libsteam_api.so")
    if loaded:
        return (
            None,
            f"the loader mapped {loaded} as a second library instead of reusing the emulator",
            workdir,
        )
    return raw, note, workdir


def _mapped_path(path: Path) -> Optional[str]:
    """`path` when it shows in /proc/self/maps under its own name (a separate load), else None."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            text = maps.read()
    except OSError:
        return None
    return str(path) if str(path) in text else None


def cleanup(workdir: Optional[str]) -> None:
    if workdir:
        shutil.rmtree(workdir, ignore_errors=True)
