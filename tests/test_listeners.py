"""Listener semantics of addEventListener/removeEventListener during real dispatch on the emulator."""

from __future__ import annotations

import gc

import pytest

from tests.conftest import FRIEND, PRIVATE_FRIEND, Recorder, pump

EVENT = "userProgressUpdate"


def one_event(steam, emu, steam_id=FRIEND):
    assert steam.requestUserProgress(steam_id)
    pump(emu, 1.0)


def test_callable_and_object_listeners(steam, emu):
    calls = []

    class Table:
        def userProgressUpdate(self, event):
            calls.append(("table", event.userSteamId))

    steam.addEventListener(EVENT, lambda event: calls.append(("function", event.userSteamId)))
    steam.addEventListener(EVENT, Table())
    one_event(steam, emu)
    assert calls == [("function", FRIEND), ("table", FRIEND)]


def test_object_without_the_method_is_rejected(steam):
    class NotAListener:
        pass

    with pytest.raises(TypeError):
        steam.addEventListener(EVENT, NotAListener())


def test_duplicates_fire_twice_and_removal_takes_the_first(steam, emu):
    calls = []

    def a(event):
        calls.append("a")

    def b(event):
        calls.append("b")

    steam.addEventListener(EVENT, a)
    steam.addEventListener(EVENT, b)
    steam.addEventListener(EVENT, a)
    one_event(steam, emu)
    assert calls == ["a", "b", "a"]
    calls.clear()
    assert steam.removeEventListener(EVENT, a) is True
    one_event(steam, emu)
    assert calls == ["b", "a"]
    assert steam.removeEventListener(EVENT, a) is True
    assert steam.removeEventListener(EVENT, a) is False


def test_listener_removing_itself_lets_the_next_run_and_is_not_called_again(steam, emu):
    calls = []

    def once(event):
        calls.append("once")
        steam.removeEventListener(EVENT, once)

    def after(event):
        calls.append("after")

    steam.addEventListener(EVENT, once)
    steam.addEventListener(EVENT, after)
    one_event(steam, emu)
    one_event(steam, emu)
    assert calls == ["once", "after", "after"]


def test_listener_removed_by_an_earlier_one_is_skipped(steam, emu):
    calls = []

    def victim(event):
        calls.append("victim")

    def remover(event):
        calls.append("remover")
        steam.removeEventListener(EVENT, victim)

    steam.addEventListener(EVENT, remover)
    steam.addEventListener(EVENT, victim)
    one_event(steam, emu)
    assert calls == ["remover"]


def test_listener_added_during_dispatch_waits_for_the_next_event(steam, emu):
    calls = []

    def late(event):
        calls.append("late")

    def adder(event):
        calls.append("adder")
        if len(calls) == 1:
            steam.addEventListener(EVENT, late)

    steam.addEventListener(EVENT, adder)
    one_event(steam, emu)
    assert calls == ["adder"]
    one_event(steam, emu)
    assert calls == ["adder", "adder", "late"]


def test_raising_listener_stops_nothing_and_its_error_reaches_the_developer(steam, emu):
    calls = []

    def broken(event):
        raise RuntimeError("listener bug")

    def good(event):
        calls.append(event.userSteamId)

    steam.addEventListener(EVENT, broken)
    steam.addEventListener(EVENT, good)
    steam.requestUserProgress(FRIEND)
    steam.requestUserProgress(PRIVATE_FRIEND)
    emu.advance_clock(1.0)
    with pytest.raises(RuntimeError, match="listener bug"):
        steam.runCallbacks()  # raised after the pump: both events were delivered first
    assert sorted(calls) == sorted([FRIEND, PRIVATE_FRIEND])
    steam.requestUserProgress(FRIEND)
    emu.advance_clock(1.0)
    with pytest.raises(RuntimeError):
        steam.runCallbacks()
    assert len(calls) == 3  # later events still arrive


def test_error_handler_receives_listener_errors(steam, emu):
    seen = []
    steam.setListenerErrorHandler(lambda error, name, listener: seen.append((str(error), name)))

    def broken(event):
        raise ValueError("oops")

    steam.addEventListener(EVENT, broken)
    one_event(steam, emu)
    assert seen == [("oops", EVENT)]


def test_lambda_without_other_references_survives_gc(steam, emu):
    calls = []
    steam.addEventListener(EVENT, lambda event: calls.append(event.userSteamId))
    gc.collect()
    one_event(steam, emu)
    assert calls == [FRIEND]


def test_request_and_run_callbacks_inside_a_listener(steam, emu):
    calls = []

    def listener(event):
        calls.append(event.userSteamId)
        if len(calls) == 1:
            assert steam.runCallbacks() == 0  # no recursion into the pump in progress
            assert steam.requestUserProgress(PRIVATE_FRIEND) is True

    steam.addEventListener(EVENT, listener)
    steam.requestUserProgress(FRIEND)
    emu.advance_clock(1.0)
    assert steam.runCallbacks() == 1
    assert calls == [FRIEND]  # the request made in the listener is not answered inside its pump
    pump(emu, 1.0)
    assert calls == [FRIEND, PRIVATE_FRIEND]


def test_shutdown_inside_a_listener_ends_dispatch_cleanly(steam, emu):
    calls = []

    def listener(event):
        calls.append(event.userSteamId)
        steam.shutdown()

    steam.addEventListener(EVENT, listener)
    steam.requestUserProgress(FRIEND)
    steam.requestUserProgress(PRIVATE_FRIEND)
    emu.advance_clock(1.0)
    steam.runCallbacks()
    assert calls == [FRIEND]
    assert steam.isLoggedOn is False
    assert steam.runCallbacks() == 0
    assert emu.protocol_errors() == 0


def test_events_only_for_their_name(steam, emu):
    other = Recorder()
    steam.addEventListener("userProgressUnload", other)
    one_event(steam, emu)
    assert other.events == []


def test_bound_methods_can_be_removed(steam, emu):
    class Game:
        def __init__(self):
            self.calls = 0

        def on_progress(self, event):
            self.calls += 1

    game = Game()
    steam.addEventListener(EVENT, game.on_progress)
    assert steam.removeEventListener(EVENT, game.on_progress) is True
    one_event(steam, emu)
    assert game.calls == 0
