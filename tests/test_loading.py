"""Run-time loading: import without any library, clear failures, per-symbol resolution, clean exit."""

from __future__ import annotations

import textwrap

from tests.conftest import run_python


def test_import_works_with_no_library_anywhere(tmp_path):
    result = run_python(
        textwrap.dedent(
            """
            import os, steamworks_cy as s
            os.chdir(os.environ["EMPTY_DIR"])
            assert s.isLoggedOn is False and s.userSteamId is None and s.appId is None
            assert s.runCallbacks() == 0
            assert s.requestUserProgress() is False
            assert s.init() is False
            message = s.getLastError()
            assert "libsteam_api.so" in message and os.environ["EMPTY_DIR"] in message, message
            print("ok")
            """
        ),
        EMPTY_DIR=str(tmp_path),
        STEAMWORKS_CY_LIBRARY="",
        LD_LIBRARY_PATH="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_init_with_a_missing_library_names_the_path(emu):
    import steamworks_cy

    assert steamworks_cy.init(library="/nonexistent") is False
    assert "/nonexistent" in steamworks_cy.getLastError()
    assert steamworks_cy.isLoggedOn is False


def test_init_with_a_file_that_is_not_a_library(emu, tmp_path):
    import steamworks_cy

    bogus = tmp_path / "libsteam_api.so"
    bogus.write_bytes(b"not an ELF file")
    assert steamworks_cy.init(library=str(bogus)) is False
    assert str(bogus) in steamworks_cy.getLastError()


def test_library_from_environment_variable(emu):
    from steamworks_cy import emulator

    result = run_python(
        "import steamworks_cy as s; print(s.init(480), s.userSteamId); s.shutdown()",
        STEAMWORKS_CY_LIBRARY=emulator.library_path(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "76561197960266729"]


def test_init_reports_valves_message_when_steam_is_not_running(emu):
    import steamworks_cy

    emu.set_steam_running(False)
    assert steamworks_cy.init(480, library="emulator") is False
    message = steamworks_cy.getLastError()
    assert "SteamAPI_InitFlat failed with 2 (NoSteamClient)" in message
    assert "steamclient" in message
    emu.set_steam_running(True)
    assert steamworks_cy.init(480, library="emulator") is True


def test_reinit_after_shutdown(steam, emu):
    steam.shutdown()
    assert steam.init(480, library="emulator")
    assert steam.userSteamId == "76561197960266729"


def test_missing_symbol_fails_only_the_function_that_needs_it(tmp_path):
    from emulator.build import build_emulator

    missing = "SteamAPI_ISteamUserStats_GetNumAchievements"
    library = build_emulator(tmp_path, exclude_symbols=[missing])
    result = run_python(
        textwrap.dedent(
            f"""
            import steamworks_cy as s
            from steamworks_cy import flat, emulator, MissingFunctionError
            assert s.init(480, library={str(library)!r}), s.getLastError()
            assert "{missing}" in flat.missing_functions()
            try:
                flat.{missing}(flat.SteamAPI_SteamUserStats_v013())
            except MissingFunctionError as error:
                assert "{missing}" in str(error) and "SDK 1.65a" in str(error), error
            else:
                raise AssertionError("no MissingFunctionError")
            assert s.getAchievementNames() is None
            assert s.getAchievementInfo("ACH_WIN_ONE_GAME").localizedName == "Winner"
            assert s.requestUserProgress("76561197960266730") is True
            print("ok")
            """
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_exit_with_pending_requests_and_listeners_is_clean():
    result = run_python(
        textwrap.dedent(
            """
            import steamworks_cy as s
            assert s.init(480, library="emulator")
            s.addEventListener("userProgressUpdate", lambda e: None)
            class Table:
                def userProgressUpdate(self, event):
                    pass
            s.addEventListener("userProgressUpdate", Table())
            for _ in range(10):
                s.requestUserProgress("76561197960266730")
            print("exiting")
            """
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "exiting"
    assert "Traceback" not in result.stderr


def test_exit_inside_a_listener_is_clean():
    result = run_python(
        textwrap.dedent(
            """
            import sys, time, steamworks_cy as s
            assert s.init(480, library="emulator")
            s.addEventListener("userProgressUpdate", lambda e: sys.exit(0))
            s.requestUserProgress("76561197960266730")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                s.runCallbacks()
                time.sleep(0.01)
            sys.exit(7)
            """
        )
    )
    assert result.returncode == 0, result.stderr


def test_flat_functions_before_any_library_say_to_call_init():
    result = run_python(
        textwrap.dedent(
            """
            from steamworks_cy import flat, MissingFunctionError
            try:
                flat.SteamAPI_ISteamUserStats_GetNumAchievements(0)
            except MissingFunctionError as error:
                assert "no Steam library is loaded" in str(error), error
                assert error.library_loaded is False
                print("ok")
            """
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_failed_init_leaves_the_app_id_environment_as_it_was(emu, monkeypatch):
    import os

    import steamworks_cy

    monkeypatch.delenv("SteamAppId", raising=False)
    monkeypatch.setenv("SteamGameId", "7")
    assert steamworks_cy.init(480, library="/nonexistent") is False
    assert "SteamAppId" not in os.environ
    assert os.environ["SteamGameId"] == "7"
    assert "app_id=480" in steamworks_cy.getLastError()


def test_load_failure_explains_what_to_do(tmp_path, monkeypatch):
    import steamworks_cy

    monkeypatch.delenv("STEAMWORKS_CY_LIBRARY", raising=False)
    monkeypatch.chdir(tmp_path)
    result = run_python(
        "import os, steamworks_cy as s; os.chdir(os.environ['EMPTY']); s.init(); print(s.getLastError())",
        EMPTY=str(tmp_path),
        STEAMWORKS_CY_LIBRARY="",
        LD_LIBRARY_PATH="",
    )
    assert "library='emulator'" in result.stdout and "STEAMWORKS_CY_LIBRARY" in result.stdout
    assert steamworks_cy.isLoggedOn is False


def test_emulator_is_selected_in_any_case(emu):
    import steamworks_cy

    assert steamworks_cy.init(480, library="Emulator"), steamworks_cy.getLastError()
