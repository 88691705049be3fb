"""Build: the Cython extensions (generated flat layer + hand-written core) and the emulator library.

By default the committed bindings in steamworks_cy/_generated (made from our reference SDK in
sdk/public/steam) are compiled. With STEAMWORKS_SDK=<SDK root or its public/steam folder> the bindings
are generated from that SDK first, into build/steamworks_sdk/<input hash>/ (never over the committed
ones), and compiled against its headers; the wheel's steamworks_cy._generated comes from there.
STEAMWORKS_SDK_VERSION names the SDK version when its path does not (e.g. .../1.65a/...).
STEAMWORKS_CY_FLAT_OPT sets the optimisation of the large generated module (default -O1: a full SDK
compiles in about a minute instead of several; its wrappers are thin call-throughs).
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
    """Also builds the emulator shared library into the package (steamworks_cy/_emulator/);
    compiles the extensions in parallel."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1

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
# The generated module is large and thin: -O1 without debug info compiles a full SDK in about
# a minute (-O2 with -g takes several).
FLAT_COMPILE_ARGS = (
    []
    if sys.platform == "win32"
    else ["-std=c++17", os.environ.get("STEAMWORKS_CY_FLAT_OPT", "-O1"), "-g0"]
)


def _generated_tree() -> Path | None:
    """With STEAMWORKS_SDK: generate the bindings of that SDK into build/steamworks_sdk/<hash>/
    (a tree holding steamworks_cy/_generated and a copy of the core's source, so that the core
    cimports these bindings and not the committed ones) and return it; else None."""
    if not os.environ.get("STEAMWORKS_SDK"):
        return None
    if "--inplace" in sys.argv or "-i" in sys.argv or "develop" in sys.argv:
        raise SystemExit(
            "STEAMWORKS_SDK builds a package from that SDK's headers: install it with "
            "`STEAMWORKS_SDK=... pip install .` (an in-place build would mix its compiled "
            "modules with the committed bindings of steamworks_cy/_generated)"
        )
    from codegen.cli import main as codegen
    from codegen.scan import input_hash

    headers = HEADERS / "steam"
    tree = ROOT / "build" / "steamworks_sdk" / input_hash(str(headers))
    out = tree / "steamworks_cy" / "_generated"
    argv = ["--sdk", str(headers), "--out", str(out)]
    if os.environ.get("STEAMWORKS_SDK_VERSION"):
        argv += ["--sdk-version", os.environ["STEAMWORKS_SDK_VERSION"]]
    if codegen(argv) != 0:
        raise SystemExit(
            f"STEAMWORKS_SDK={os.environ['STEAMWORKS_SDK']}: generating the bindings failed"
        )
    package = tree / "steamworks_cy"
    sources = [("__init__.py", "")]  # marks the package for Cython's module names; not installed
    for pattern in ("*.pyx", "*.pxd", "*.pxi"):  # the core's Cython sources, beside these bindings
        for path in sorted((ROOT / "steamworks_cy").glob(pattern)):
            sources.append((path.name, path.read_text(encoding="utf-8")))
    for name, text in sources:
        target = package / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")  # unchanged files keep their time
    return tree


TREE = _generated_tree()
SOURCE_ROOT = TREE or ROOT


def _extension(name: str, source: Path, args: list) -> Extension:
    return Extension(
        name,
        [os.path.relpath(source, ROOT)],
        include_dirs=[str(HEADERS), str(ROOT / "steamworks_cy")],
        language="c++",
        extra_compile_args=args,
    )


def _extensions() -> list:
    from Cython.Build import cythonize

    return cythonize(
        [
            _extension(
                "steamworks_cy._generated.flat",
                SOURCE_ROOT / "steamworks_cy" / "_generated" / "flat.pyx",
                FLAT_COMPILE_ARGS,
            ),
            _extension(
                "steamworks_cy._core", SOURCE_ROOT / "steamworks_cy" / "_core.pyx", COMPILE_ARGS
            ),
        ],
        compiler_directives={"language_level": "3", "embedsignature": True},
        include_path=[str(SOURCE_ROOT), str(ROOT)],
        quiet=True,
    )


OPTIONS: dict = {}
if TREE is not None:
    OPTIONS["package_dir"] = {
        "steamworks_cy._generated": os.path.relpath(TREE / "steamworks_cy" / "_generated", ROOT)
    }
    # objects and modules of this SDK stay apart from those of other builds (the default ones
    # in build/ are compiled against the reference SDK)
    OPTIONS["options"] = {"build": {"build_base": os.path.relpath(TREE / "build", ROOT)}}

setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildExt}, **OPTIONS)
