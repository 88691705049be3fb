"""`python -m codegen diff OLD NEW`: the upgrade report, on two fixture SDKs and (when
STEAMWORKS_OLD_SDK_DIR and STEAMWORKS_SDK_DIR name real SDKs) on Valve's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.diff import diff
from codegen.parse import parse_sdk

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "codegen" / "fixtures" / "diff"


@pytest.fixture(scope="module")
def report():
    return diff(parse_sdk(str(FIXTURES / "old"), "1"), parse_sdk(str(FIXTURES / "new"), "2"))


def test_removed_and_added_functions(report):
    functions = report.sections["functions"]
    assert functions.removed == [
        "SteamAPI_ISteamUserStats_RequestCurrentStats",
        "SteamAPI_SteamUserStats_v012",
    ]
    assert functions.added == [
        "SteamAPI_ISteamUserStats_ClearAchievement",
        "SteamAPI_SteamUserStats_v013",
    ]
    ((name, change),) = functions.changed
    assert name == "SteamAPI_ISteamUserStats_SetStatInt32"
    assert "uint32 nData ) -> " in change and change.endswith("int32 nData )")


def test_accessor_moves(report):
    assert report.sections["interfaces"].changed == [
        ("ISteamUserStats", "accessor SteamAPI_SteamUserStats_v012 -> SteamAPI_SteamUserStats_v013")
    ]


def test_callbacks_enums_constants(report):
    callbacks = report.sections["callbacks"]
    assert (callbacks.added, callbacks.removed) == (
        ["UserStatsUnloaded_t"],
        ["GlobalStatsReceived_t"],
    )
    assert callbacks.changed == [("UserStatsReceived_t", "added uint64 m_steamIDUser")]
    assert report.sections["enums"].changed == [("EResult", "added k_EResultNoConnection = 3")]
    assert report.sections["constants"].changed == [("k_cchLeaderboardNameMax", "128 -> 256")]


def test_command_line_text_and_json():
    cmd = [sys.executable, "-m", "codegen", "diff", str(FIXTURES / "old"), str(FIXTURES / "new")]
    text = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT), check=True).stdout
    assert "  - SteamAPI_ISteamUserStats_RequestCurrentStats" in text
    assert "functions: 2 added, 2 removed, 1 changed" in text
    data = json.loads(
        subprocess.run(
            cmd + ["--json"], capture_output=True, text=True, cwd=str(ROOT), check=True
        ).stdout
    )
    assert "SteamAPI_ISteamUserStats_RequestCurrentStats" in data["functions"]["removed"]


OLD_SDK = os.environ.get("STEAMWORKS_OLD_SDK_DIR")
NEW_SDK = os.environ.get("STEAMWORKS_SDK_DIR")


@pytest.mark.skipif(
    not (OLD_SDK and NEW_SDK),
    reason="set STEAMWORKS_OLD_SDK_DIR and STEAMWORKS_SDK_DIR to two real SDKs (e.g. 1.60 and 1.65a)",
)
def test_real_sdks():
    from codegen.cli import find_headers

    old = parse_sdk(find_headers(OLD_SDK))
    new = parse_sdk(find_headers(NEW_SDK))
    report = diff(old, new)
    old_names = {f.name for f in old.functions}
    new_names = {f.name for f in new.functions}
    functions = report.sections["functions"]
    assert set(functions.removed) == old_names - new_names
    assert set(functions.added) == new_names - old_names
    stats = "SteamAPI_ISteamUserStats_RequestCurrentStats"
    if stats in old_names and stats not in new_names:  # 1.60 -> 1.61 or later
        assert stats in functions.removed
    old_accessors = {i.name: i.accessors for i in old.interfaces}
    new_accessors = {i.name: i.accessors for i in new.interfaces}
    if old_accessors.get("ISteamUserStats") != new_accessors.get("ISteamUserStats"):
        changed = dict(report.sections["interfaces"].changed)
        assert "SteamAPI_SteamUserStats_v0" in changed["ISteamUserStats"]
