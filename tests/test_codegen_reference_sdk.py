"""The committed bindings are current, and our reference SDK agrees with Valve's steam_api.json."""

from __future__ import annotations

import json
import os

import pytest

from codegen.cli import generate
from codegen.crosscheck import crosscheck
from codegen.parse import parse_sdk
from codegen.render import DEFAULT_COMMAND, OUTPUTS

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SDK = os.path.join(REPO, "sdk", "public", "steam")
COMMITTED = os.path.join(REPO, "steamworks_cy", "_generated")
SDK_JSON = os.environ.get(
    "STEAMWORKS_SDK_JSON", os.path.join(REPO, "..", "shared", "sdk-json", "steam_api-1.65a.json")
)


@pytest.fixture(scope="module")
def api():
    return parse_sdk(SDK)


def test_committed_bindings_are_not_stale(tmp_path):
    _, written = generate(SDK, str(tmp_path), command=DEFAULT_COMMAND)
    stale = []
    for name in sorted(written):
        committed = os.path.join(COMMITTED, name)
        fresh = (tmp_path / name).read_bytes()
        if not os.path.exists(committed) or open(committed, "rb").read() != fresh:
            stale.append(name)
    assert not stale, (
        f"steamworks_cy/_generated is stale ({', '.join(stale)}); "
        f"regenerate with: {DEFAULT_COMMAND}"
    )
    assert sorted(written) == sorted(list(OUTPUTS.values()) + ["manifest.json"])


def test_reference_sdk_names_its_version(api):
    assert api.sdk_version == "1.65a"


def test_reference_sdk_core_declarations(api):
    """What the hand-written core cimports must be in the model."""
    names = {f.name for f in api.functions}
    for needed in (
        "SteamAPI_InitFlat",
        "SteamAPI_Shutdown",
        "SteamAPI_GetHSteamPipe",
        "SteamAPI_ManualDispatch_Init",
        "SteamAPI_ManualDispatch_RunFrame",
        "SteamAPI_ManualDispatch_GetNextCallback",
        "SteamAPI_ManualDispatch_FreeLastCallback",
        "SteamAPI_ManualDispatch_GetAPICallResult",
        "SteamAPI_ISteamUserStats_RequestUserStats",
        "SteamAPI_SteamUserStats_v013",
    ):
        assert needed in names, needed
    ids = {cb.name: cb.id for cb in api.callbacks}
    assert ids["UserStatsReceived_t"] == 1101
    assert ids["SteamAPICallCompleted_t"] == 703
    assert api.callback("UserStatsReceived_t").struct.pack == 4
    structs = {s.name for s in api.structs}
    assert "CallbackMsg_t" in structs


@pytest.mark.skipif(
    not os.path.exists(SDK_JSON),
    reason=f"Valve's steam_api.json not found at {SDK_JSON} (set STEAMWORKS_SDK_JSON to its path)",
)
def test_reference_sdk_matches_steam_api_json(api):
    with open(SDK_JSON, encoding="utf-8") as fh:
        data = json.load(fh)
    report = crosscheck(api, data, subset=True)
    assert report.checked.get("functions", 0) > 0 and report.checked.get("callbacks", 0) > 0
    assert report.differences == [], "\n".join(report.differences)
