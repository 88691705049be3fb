"""The bindings of the fixture SDK compile as C++ without a warning, and their wrappers behave.

The fixture SDK (tests/codegen/fixtures/sdk) is rendered, cythonized and compiled with
`-Wall -Wextra -Werror` against its own headers, together with a stand-in for Steam's library
(tests/codegen/stub/fixture_stub.cpp). A fresh interpreter then binds the function table to the
stand-in (`flat.bind_with`) and calls the wrappers: out-parameters, out strings, arrays,
buffers, out structs, records, enums and the errors.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from codegen.cli import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURE_SDK = HERE / "codegen" / "fixtures" / "sdk"
STUB = HERE / "codegen" / "stub" / "fixture_stub.cpp"
WARNINGS = ["-Wall", "-Wextra", "-Werror"]


def _compiler() -> list:
    cxx = shlex.split(os.environ.get("CXX", "c++"))
    if not cxx or shutil.which(cxx[0]) is None:
        pytest.skip(f"no C++ compiler found (CXX={os.environ.get('CXX', 'c++')!r})")
    return cxx


def _run(cmd: list, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False, cwd=cwd)


def _clean(proc: subprocess.CompletedProcess, cmd: list) -> None:
    output = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0 and not output, f"{shlex.join(cmd)}\n{output}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(package folder, stub library): the fixture bindings as module `fixture.flat`."""
    pytest.importorskip("Cython")
    cxx = _compiler()
    tmp = tmp_path_factory.mktemp("fixture-build")
    include = tmp / "include" / "steam"
    include.mkdir(parents=True)
    for header in FIXTURE_SDK.glob("*.h"):
        shutil.copy(header, include / header.name)
    package = tmp / "pkg" / "fixture"
    generate(str(FIXTURE_SDK), str(package))
    (package / "__init__.py").write_text("")
    cython = [
        sys.executable,
        "-m",
        "cython",
        "-3",
        "--cplus",
        "fixture/flat.pyx",
        "-o",
        str(tmp / "flat.cpp"),
    ]
    _clean(_run(cython, cwd=tmp / "pkg"), cython)
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    compile_cmd = [
        *cxx,
        "-std=c++17",
        "-O0",
        "-shared",
        "-fPIC",
        *WARNINGS,
        f"-I{sysconfig.get_paths()['include']}",
        f"-I{tmp / 'include'}",
        str(tmp / "flat.cpp"),
        "-o",
        str(package / f"flat{suffix}"),
    ]
    _clean(_run(compile_cmd), compile_cmd)
    stub = tmp / "libfixture_stub.so"
    stub_cmd = [
        *cxx,
        "-std=c++17",
        "-shared",
        "-fPIC",
        *WARNINGS,
        f"-I{tmp / 'include'}",
        str(STUB),
        "-o",
        str(stub),
    ]
    _clean(_run(stub_cmd), stub_cmd)
    return tmp / "pkg", stub


def _python(built, body: str) -> str:
    package, stub = built
    prelude = f"""
        import ctypes, sys
        sys.path.insert(0, {str(package)!r})
        from fixture import flat
        from steamworks_cy.errors import MissingFunctionError
        lib = ctypes.CDLL({str(stub)!r})

        def resolve(name):
            try:
                return ctypes.cast(getattr(lib, name), ctypes.c_void_p).value
            except AttributeError:
                return None

        flat.bind_with(resolve)
        ex = flat.SteamAPI_SteamExample_v001()
    """
    code = textwrap.dedent(prelude) + textwrap.dedent(body) + "\nprint('ok')\n"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=str(ROOT)
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_fixture_bindings_compile_without_warnings(built):
    package, _ = built
    assert list((package / "fixture").glob("flat*.so")) or list(
        (package / "fixture").glob("flat*.pyd")
    )


def test_scalar_outs_come_back_as_a_typed_result(built):
    _python(
        built,
        """
        r = flat.SteamAPI_ISteamExample_GetAchievementAndUnlockTime(ex, "ACH_WIN_ONE_GAME")
        assert r == (True, True, 1700000000) and r.ok and r.achieved and r.unlock_time == 1700000000
        assert type(r).__name__ == "SteamAPI_ISteamExample_GetAchievementAndUnlockTime_Result"
        assert r._fields == ("ok", "achieved", "unlock_time")
        assert flat.SteamAPI_ISteamExample_GetAchievementAndUnlockTime(ex, b"nope") == (False, False, 0)
        assert flat.SteamAPI_ISteamExample_GetValueInt32(ex, "abcd") == (True, -4)
        assert flat.SteamAPI_ISteamExample_GetValueFloat(ex, "x").value == 1.5
        """,
    )


def test_strings_in_and_out(built):
    _python(
        built,
        """
        assert flat.SteamAPI_ISteamExample_GetName(ex, 7) == (True, "name-7")
        assert flat.SteamAPI_ISteamExample_GetName(ex, 7, 4).name == "nam"  # the capacity
        assert flat.SteamAPI_ISteamExample_GetTitle(ex) == (11, "Caf\\u00e9 title")
        assert flat.SteamAPI_ISteamExample_GetOwnName(ex) == (True, "owner")
        assert flat.SteamAPI_ISteamExample_GetLabel(ex, -1) == "b\\ufffd"  # UTF-8 with replacement
        assert flat.SteamAPI_ISteamExample_GetLabel(ex, 0) is None  # NULL
        assert flat.SteamAPI_InitFlat() == (1, "stub: no Steam here")
        try:
            flat.SteamAPI_ISteamExample_GetValueInt32(ex, 5)
        except TypeError:
            pass
        else:
            raise AssertionError("an int is not a string")
        """,
    )


def test_64_bit_ids_never_pass_through_a_float(built):
    _python(
        built,
        """
        assert flat.SteamAPI_ISteamExample_Request(ex, 76561197960265729) == 76561197960265730
        assert flat.SteamAPI_ISteamExample_Request(ex, 2**64 - 2) == 2**64 - 1
        for bad, error in ((1.0, TypeError), (-1, OverflowError), (2**64, OverflowError), ("1", TypeError)):
            try:
                flat.SteamAPI_ISteamExample_Request(ex, bad)
            except error:
                pass
            else:
                raise AssertionError(bad)
        """,
    )


def test_arrays_in_and_out(built):
    _python(
        built,
        """
        users = [76561197960265729, 76561197960265730]
        assert flat.SteamAPI_ISteamExample_DownloadUsers(ex, users) == users[0] + 2 * users[1]
        assert flat.SteamAPI_ISteamExample_DownloadUsers(ex, []) == 0
        assert flat.SteamAPI_ISteamExample_SumScores(ex, [1, 2, 3], (10, 20, 30)) == 140
        try:
            flat.SteamAPI_ISteamExample_SumScores(ex, [1, 2], [1])
        except ValueError as error:
            assert "same length" in str(error)
        else:
            raise AssertionError("arrays sharing a count must have the same length")
        # fixed capacity (a #define), cut to the count the function returns
        assert flat.SteamAPI_ISteamExample_GetHandles(ex) == (3, [2**63 + 1, 2, 3])
        # capacity in, count out; capacity 0 asks for the count (NULL array)
        assert flat.SteamAPI_ISteamExample_GetIDs(ex, 3) == (True, [10, 11, 12], 3)
        assert flat.SteamAPI_ISteamExample_GetIDs(ex, 0) == (True, [], 5)
        assert flat.SteamAPI_ISteamExample_GetIDs(ex, 10).ids == [10, 11, 12, 13, 14]
        try:
            flat.SteamAPI_ISteamExample_GetIDs(ex, -1)
        except (ValueError, OverflowError):
            pass
        else:
            raise AssertionError("negative capacity")
        """,
    )


def test_buffers_in_and_out(built):
    _python(
        built,
        """
        assert flat.SteamAPI_ISteamExample_SendData(ex, b"abc") is True
        assert flat.SteamAPI_ISteamExample_SendData(ex, bytearray(b"abc")) is True
        assert flat.SteamAPI_ISteamExample_SendData(ex, memoryview(b"abd")) is False
        r = flat.SteamAPI_ISteamExample_ReadData(ex, 8)
        assert r.ok and r.dest[:r.msg_size] == b"hello" and len(r.dest) == 8
        assert flat.SteamAPI_ISteamExample_ReadData(ex, 2) == (False, b"\\0\\0", 5)
        try:
            flat.SteamAPI_ISteamExample_SendData(ex, "abc")
        except TypeError:
            pass
        else:
            raise AssertionError("str is not a buffer")
        r = flat.SteamAPI_ManualDispatch_GetAPICallResult(1, 2, 4, 703)
        assert r == (True, b"\\xab" * 4, True)
        """,
    )


def test_structs_as_records(built):
    _python(
        built,
        """
        r = flat.SteamAPI_ISteamExample_GetEntry(ex, 3)
        entry = r.entry
        assert type(entry) is flat.ExampleEntry_t and r.steam_id_owner == 2**64 - 1
        assert entry.m_steamIDUser == 76561197960265731 and entry.m_nScore == 30
        assert entry.m_szName == "entry 3" and entry.m_unIPv4 == 0x7f000001
        assert entry.m_rgubIPv6[:4] == (1, 0, 0, 127) and entry.m_val_m_int32 == -5
        assert isinstance(entry.m_val_m_string, int)  # a pointer in a union stays an address
        assert len(bytes(entry)) == flat.ExampleEntry_t.SIZE
        again = flat.ExampleEntry_t.from_bytes(bytes(entry))
        assert type(again) is type(entry) and bytes(again) == bytes(entry)
        assert again.m_nScore == entry.m_nScore and hash(again) is not None
        assert repr(entry).startswith("ExampleEntry_t(m_steamIDUser=76561197960265731, ")
        echo = flat.SteamAPI_ISteamExample_Echo(ex, entry)  # a record as `const T &`
        assert echo.m_nScore == 31 and echo != entry and echo.m_szName == "entry 3"
        assert flat.SteamAPI_ISteamExample_Echo(ex, bytes(entry)).m_nScore == 31
        try:
            flat.SteamAPI_ISteamExample_Echo(ex, b"short")
        except ValueError:
            pass
        else:
            raise AssertionError("wrong size")
        msg = flat.SteamAPI_ManualDispatch_GetNextCallback(4).callback_msg
        assert (msg.m_hSteamUser, msg.m_iCallback, msg.m_pubParam, msg.m_cubParam) == (5, 703, 0, 16)
        assert flat.ExampleAddress_t._fields == ("m_usPort",)  # the private member is not read
        assert flat.ExampleIdentity.SIZE == 128 and flat.ExampleIPAddr.SIZE == 48
        """,
    )


def test_callbacks_enums_and_constants(built):
    _python(
        built,
        """
        assert flat.ExampleResult_t is flat.ExampleResult
        assert flat.CALLBACK_TYPES[1108] == (flat.ExampleUnloaded_t, flat.ExampleServerUnloaded_t)
        unloaded = flat.callback_from_bytes(1108, (76561197960265729).to_bytes(8, "little"))
        assert type(unloaded) is flat.ExampleUnloaded_t and unloaded.m_steamIDUser == 76561197960265729
        assert flat.callback_from_bytes(1108, bytes(12)).m_unExtra == 0  # the size picks the struct
        assert flat.callback_from_bytes(1108, bytes(3)) is None
        assert flat.callback_from_bytes(1130, b"\\0") == flat.ExampleShutdown_t.from_bytes(b"\\0")
        assert flat.ExtraMessage_t.CALLBACK_ID == 1701
        assert flat.ENUMS["EResult"] == {"k_EResultNone": 0, "k_EResultOK": 1, "k_EResultFail": 2}
        import enum
        assert issubclass(flat.EResult, enum.IntEnum) and flat.EResult.k_EResultOK == 1
        assert flat.EMode(-1).name == "k_EModeB"
        assert flat.CONSTANTS["ExampleIdentity::k_cchMaxString"] == 128
        assert flat.CONSTANTS["k_iSteamExampleCallbacks"] == 1100
        assert flat.INTERFACE_ACCESSORS == {"ISteamExample": "SteamAPI_SteamExample_v001"}
        assert flat.SKIPPED["steamps3params.h"].startswith("header not scanned")
        """,
    )


def test_a_missing_function_raises_naming_it(built):
    _python(
        built,
        """
        assert flat.missing_functions() == ["SteamAPI_ISteamExample_GetMode"]
        try:
            flat.SteamAPI_ISteamExample_GetMode(ex)
        except MissingFunctionError as error:
            assert "SteamAPI_ISteamExample_GetMode" in str(error) and "SDK fixture-1" in str(error)
        else:
            raise AssertionError("no MissingFunctionError")
        flat.bind_with(lambda name: None)
        assert len(flat.missing_functions()) == len(flat.FUNCTION_NAMES)
        found = flat.accessor_mismatches(lambda name: name == "SteamAPI_SteamExample_v002")
        assert found == [("ISteamExample", "SteamAPI_SteamExample_v001", ["SteamAPI_SteamExample_v002"], "newer")]
        assert flat.accessor_mismatches(lambda name: False)[0][3] == "missing"
        assert flat.accessor_mismatches(lambda name: True) == []
        """,
    )
