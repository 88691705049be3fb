"""Build: the Cython extensions (generated flat layer + hand-written core) and the emulator library.

By default the committed bindings in steamworks_cy/_generated (made from our reference SDK in
sdk/public/steam) are compiled. With STEAMWORKS_SDK=<SDK root or its public/steam folder> the bindings
are generated from that SDK first and compiled against its headers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def _sdk_headers() -> Path:
    """The folder holding steam/*.h: the one named by STEAMWORKS_SDK, else our reference SDK."""
    given = os.environ.get("STEAMWORKS_SDK")
    if not given:
        return ROOT / "sdk" / "public"
    path = Path(given).expanduser().resolve()
    for candidate in (path / "public", path, path.parent):
        if (candidate / "steam" / "steam_api_flat.h").is_file():
            return candidate
    raise SystemExit(f"STEAMWORKS_SDK={given}: no steam/steam_api_flat.h under it")


class BuildExt(build_ext):
    """Also builds the emulator shared library into the package (steamworks_cy/_emulator/)."""

    def run(self) -> None:
        super().run()
        from emulator.build import build_emulator

        if self.inplace:
            target = ROOT / "steamworks_cy" / "_emulator"
        else:
            target = Path(self.build_lib) / "steamworks_cy" / "_emulator"
        build_emulator(target)


HEADERS = _sdk_headers()

COMPILE_ARGS = [] if sys.platform == "win32" else ["-std=c++17", "-O2"]


def _extension(name: str, source: str) -> Extension:
    return Extension(
        name,
        [source],
        include_dirs=[str(HEADERS), str(ROOT / "steamworks_cy")],
        language="c++",
        extra_compile_args=COMPILE_ARGS,
    )


def _extensions() -> list:
    from Cython.Build import cythonize

    return cythonize(
        [
            _extension("steamworks_cy._generated.flat", "steamworks_cy/_generated/flat.pyx"),
            _extension("steamworks_cy._core", "steamworks_cy/_core.pyx"),
        ],
        compiler_directives={"language_level": "3", "embedsignature": True},
        include_path=[str(ROOT)],
        quiet=True,
    )


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildExt})
