"""The generator on a real Steamworks SDK (Valve's headers, never in this repository).

Set STEAMWORKS_SDK_DIR to an SDK root or its public/steam folder; skipped otherwise (CI has no
SDK). With STEAMWORKS_SDK_BUILD=1 the generated module is also cythonized and compiled
(syntax only) against the SDK's headers with warnings as errors (about a minute).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from codegen import tables
from codegen.cli import find_headers, generate, json_next_to
from codegen.crosscheck import crosscheck
from codegen.scan import strip_comments

SDK = os.environ.get("STEAMWORKS_SDK_DIR")
pytestmark = pytest.mark.skipif(
    not SDK, reason="set STEAMWORKS_SDK_DIR to a Steamworks SDK (root or public/steam)"
)

#: Counts the issue states for some versions: flat functions, callbacks (the JSON's plus the
#: game coordinator's two).
KNOWN = {"1.65a": (1021, 198), "1.60": (1035, 217)}

S_API_DECLARATION = re.compile(r"^\s*S_API\b[^;{]*?\b(\w+)\s*\([^;{]*\)\s*;", re.MULTILINE)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def _code(path: Path) -> str:
    """A header without comments and preprocessor lines (macro bodies are not declarations)."""
    text = strip_comments(_read(path))
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("#"))


@pytest.fixture(scope="module")
def headers() -> Path:
    return Path(find_headers(SDK or ""))


@pytest.fixture(scope="module")
def generated(headers, tmp_path_factory):
    out = tmp_path_factory.mktemp("generated")
    generate(str(headers), str(out))  # warm up (imports, the parser's tables)
    started = time.perf_counter()
    api, _ = generate(str(headers), str(out))
    return api, out, time.perf_counter() - started


@pytest.fixture(scope="module")
def valve_json(headers):
    path = json_next_to(str(headers))
    if path is None:
        pytest.skip("no steam_api.json next to the headers")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _json_matches_headers(api, data) -> bool:
    """False when the JSON next to the headers is from another SDK version (its accessors,
    the version fingerprint, differ)."""
    ours = {f.name for f in api.functions if f.kind == "accessor"}
    theirs = {a["name_flat"] for i in data.get("interfaces", []) for a in i.get("accessors", [])}
    return ours == theirs


def test_generation_takes_at_most_3_seconds_and_a_rerun_writes_nothing(headers, generated):
    api, out, elapsed = generated
    assert elapsed <= 3.0, f"generating {api.sdk_version} took {elapsed:.2f} s"
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    _, changed = generate(str(headers), str(out))
    assert changed == []
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


def test_every_s_api_function_of_the_flat_header_is_bound(headers, generated):
    api, _, _ = generated
    declared = S_API_DECLARATION.findall(_read(headers / "steam_api_flat.h"))
    flat = [f.name for f in api.functions if f.header == "steam_api_flat.h"]
    assert sorted(flat) == sorted(declared)
    known = KNOWN.get(api.sdk_version)
    if known:
        assert len(flat) == known[0]


def test_init_dispatch_and_pipe_functions_are_bound_or_skipped_with_a_reason(headers, generated):
    api, _, _ = generated
    bound = {f.name for f in api.functions}
    skipped = {s.name: s.reason for s in api.skipped}
    for header in (
        "steam_api.h",
        "steam_api_common.h",
        "steam_api_internal.h",
        "steam_gameserver.h",
    ):
        if not (headers / header).exists():
            continue
        for name in S_API_DECLARATION.findall(_read(headers / header)):
            assert name in bound or skipped.get(name), f"{header}: {name}"
    for name in (
        "SteamAPI_InitFlat",
        "SteamAPI_Shutdown",
        "SteamAPI_RunCallbacks",
        "SteamAPI_GetHSteamPipe",
        "SteamAPI_GetHSteamUser",
        "SteamAPI_ManualDispatch_Init",
        "SteamAPI_ManualDispatch_RunFrame",
        "SteamAPI_ManualDispatch_GetNextCallback",
        "SteamAPI_ManualDispatch_FreeLastCallback",
        "SteamAPI_ManualDispatch_GetAPICallResult",
    ):
        assert name in bound, name


def test_every_callback_struct_has_its_id(headers, generated):
    api, _, _ = generated
    expected = set()
    for path in headers.glob("*.h"):
        if path.name in tables.UNSCANNED_HEADERS:
            continue
        text = _code(path)
        expected |= set(re.findall(r"struct\s+(\w+)\s*\{\s*enum\s*\{\s*k_iCallback\b", text))
        expected |= set(re.findall(r"^\s*STEAM_CALLBACK_BEGIN\(\s*(\w+)\s*,", text, re.MULTILINE))
    assert {cb.name for cb in api.callbacks} == expected
    known = KNOWN.get(api.sdk_version)
    if known:
        assert len(api.callbacks) == known[1]
    ids = {cb.name: cb.id for cb in api.callbacks}
    assert ids.get("UserStatsReceived_t") == 1101
    assert ids.get("SteamAPICallCompleted_t") == 703


def test_callback_ids_enums_and_constants_agree_with_the_json(headers, generated, valve_json):
    api, _, _ = generated
    ids = {cb.name: cb.id for cb in api.callbacks}
    for entry in valve_json["callback_structs"]:
        assert ids.get(entry["struct"]) == entry["callback_id"], entry["struct"]
    enums = {e.qualified for e in api.enums if e.name}
    for entry in valve_json["enums"]:
        assert entry.get("fqname", entry["enumname"]) in enums, entry["enumname"]
    constants = {c.name for c in api.constants}
    text = "".join(_code(path) for path in headers.glob("*.h"))
    for entry in valve_json["consts"]:
        if re.search(
            rf"\b{entry['constname']}\b", text
        ):  # the JSON also lists headers Valve does not ship
            assert entry["constname"] in constants, entry["constname"]


def test_cross_check_finds_no_difference(generated, valve_json):
    api, _, _ = generated
    if not _json_matches_headers(api, valve_json):
        pytest.skip("steam_api.json next to the headers is from another SDK version")
    report = crosscheck(api, valve_json)
    assert report.differences == [], "\n".join(report.differences)


def test_nothing_is_dropped_silently(generated):
    api, out, _ = generated
    manifest = json.loads((out / "manifest.json").read_text())
    assert all(s["reason"] for s in manifest["skipped"])
    reasons = {s["name"]: s["reason"] for s in manifest["skipped"]}
    for header in tables.UNSCANNED_HEADERS:
        if header in api.headers:
            raise AssertionError(f"{header} should not be scanned")
    assert "SteamAPI_RegisterCallback" in reasons
    assert manifest["counts"]["functions"] == len(manifest["functions"])
    assert manifest["counts"]["callbacks"] == len(manifest["callbacks"])
    every_enum = {e["name"] for e in manifest["enums"]}
    assert "EResult" in every_enum and "ISteamHTMLSurface::EHTMLMouseButton" in every_enum


def test_annotated_out_parameters(generated):
    api, _, _ = generated
    for fn in api.functions:
        fields = [name for name, _ in fn.result_fields]
        assert len(set(fields)) == len(fields) and all(f.isidentifier() for f in fields), fn.name
    fn = api.function("SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime")
    assert fn.result_fields == (
        ("ok", None),
        ("achieved", "pbAchieved"),
        ("unlock_time", "punUnlockTime"),
    )
    info = api.function("SteamAPI_ISteamUserStats_GetMostAchievedAchievementInfo")
    assert info.param("pchName").kind == "out_string"
    assert info.param("unNameBufLen").kind == "capacity"


@pytest.mark.skipif(
    os.environ.get("STEAMWORKS_SDK_BUILD") != "1",
    reason="set STEAMWORKS_SDK_BUILD=1 to compile the bindings of the real SDK (about a minute)",
)
def test_generated_module_compiles_without_warnings(headers, generated, tmp_path):
    pytest.importorskip("Cython")
    cxx = shlex.split(os.environ.get("CXX", "c++"))
    if shutil.which(cxx[0]) is None:
        pytest.skip("no C++ compiler")
    _, out, _ = generated
    package = tmp_path / "steamworks_cy" / "_generated"
    shutil.copytree(out, package)
    (tmp_path / "steamworks_cy" / "__init__.py").write_text("")
    cpp = tmp_path / "flat.cpp"
    cython = [
        sys.executable,
        "-m",
        "cython",
        "-3",
        "--cplus",
        "steamworks_cy/_generated/flat.pyx",
        "-o",
        str(cpp),
    ]
    proc = subprocess.run(cython, capture_output=True, text=True, cwd=str(tmp_path))
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr
    compile_cmd = [
        *cxx,
        "-std=c++17",
        "-fsyntax-only",
        "-Wall",
        "-Wextra",
        "-Werror",
        f"-I{sysconfig.get_paths()['include']}",
        f"-I{headers.parent}",
        str(cpp),
    ]
    proc = subprocess.run(compile_cmd, capture_output=True, text=True)
    assert proc.returncode == 0 and not (proc.stdout + proc.stderr).strip(), proc.stderr[-4000:]
