"""Version awareness: the bindings record the SDK and interface versions they come from, and a
library of another SDK version is named as such at init.

A tiny stand-in library (compiled here) exports the init and dispatch functions and
`SteamAPI_SteamUserStats_v012` where the bindings (reference SDK 1.65a) expect `_v013`, as
Valve's 1.60 library does. With STEAMWORKS_VALVE_LIBRARY naming Valve's libsteam_api.so, init
without a Steam client is checked too.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

OLDER_LIBRARY = r"""
#include <cstring>
extern "C" {
static char g_user, g_stats, g_utils;
int SteamAPI_InitFlat( char *err ) { std::strcpy( err, "stand-in" ); return 0; }
void SteamAPI_Shutdown() {}
int SteamAPI_GetHSteamPipe() { return 1; }
void SteamAPI_ManualDispatch_Init() {}
void SteamAPI_ManualDispatch_RunFrame( int ) {}
bool SteamAPI_ManualDispatch_GetNextCallback( int, void * ) { return false; }
void SteamAPI_ManualDispatch_FreeLastCallback( int ) {}
bool SteamAPI_ManualDispatch_GetAPICallResult( int, unsigned long long, void *, int, int, bool * ) { return false; }
void *SteamAPI_SteamUser_v023() { return &g_user; }
void *SteamAPI_SteamUtils_v011() { return &g_utils; }
void *SteamAPI_SteamUserStats_v012() { return &g_stats; }
}
"""


def _run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
    )


def test_bindings_record_sdk_and_interface_versions():
    from steamworks_cy._generated import flat

    assert flat.SDK_VERSION == "1.65a"
    assert flat.INTERFACE_ACCESSORS["ISteamUserStats"] == "SteamAPI_SteamUserStats_v013"
    assert flat.INTERFACE_VERSIONS["ISteamUserStats"] == "STEAMUSERSTATS_INTERFACE_VERSION013"
    assert flat.REGENERATE.startswith("python -m codegen --sdk ")


@pytest.fixture(scope="module")
def older_library(tmp_path_factory) -> Path:
    cxx = shlex.split(os.environ.get("CXX", "c++"))
    if not cxx or shutil.which(cxx[0]) is None:
        pytest.skip("no C++ compiler")
    tmp = tmp_path_factory.mktemp("older-library")
    source = tmp / "older.cpp"
    source.write_text(OLDER_LIBRARY)
    library = tmp / "libsteam_api.so"
    proc = subprocess.run(
        [*cxx, "-shared", "-fPIC", "-std=c++17", str(source), "-o", str(library)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return library


def test_accessor_mismatches_says_the_library_is_older(older_library):
    proc = _run_python(
        f"""
        import ctypes
        from steamworks_cy._generated import flat
        lib = ctypes.CDLL({str(older_library)!r})
        found = flat.accessor_mismatches(lambda name: hasattr(lib, name))
        assert found == [
            ("ISteamUserStats", "SteamAPI_SteamUserStats_v013", ["SteamAPI_SteamUserStats_v012"], "older")
        ], found
        print("ok")
        """
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_init_names_the_accessor_mismatch(older_library):
    proc = _run_python(
        f"""
        import steamworks_cy as s
        assert s.init(480, library={str(older_library)!r}) is False
        error = s.getLastError()
        assert "SteamAPI_SteamUserStats_v013" in error, error
        assert "SteamAPI_SteamUserStats_v012" in error, error
        assert "regenerate" in error, error
        assert s.isLoggedOn is False
        s.runCallbacks()
        s.shutdown()
        print("ok")
        """
    )
    assert proc.returncode == 0 and proc.stdout.strip().endswith("ok"), proc.stdout + proc.stderr


VALVE = os.environ.get("STEAMWORKS_VALVE_LIBRARY")


@pytest.mark.skipif(not VALVE, reason="set STEAMWORKS_VALVE_LIBRARY to Valve's libsteam_api.so")
def test_valve_library_without_a_steam_client():
    proc = _run_python(
        f"""
        import steamworks_cy as s
        from steamworks_cy._generated import flat
        assert s.init(480, library={VALVE!r}) is False
        error = s.getLastError()
        assert "SteamAPI_InitFlat failed" in error and "steamclient" in error, error
        assert flat.missing_functions() == [], flat.missing_functions()  # every binding is exported
        assert s.isLoggedOn is False and s.userSteamId is None
        s.runCallbacks()
        s.shutdown()
        s.shutdown()
        print("ok")
        """
    )
    assert proc.returncode == 0 and proc.stdout.strip().endswith("ok"), proc.stdout + proc.stderr
