"""Interleaved timing: every variant of a case runs once per round, in alternating order."""

from __future__ import annotations

import gc
import statistics
from itertools import repeat
from time import perf_counter_ns
from typing import Any, Callable, Dict, List

#: A variant runs `n` operations and returns the nanoseconds they took (setup excluded).
Variant = Callable[[int], float]


def loop(fn: Callable[..., Any], *args: Any) -> Variant:
    """A variant calling ``fn(*args)`` n times in a plain ``for`` loop (the loop's own cost, a few
    ns per iteration, is included, the same for every variant timed this way)."""
    if len(args) == 0:

        def run(n: int) -> float:
            it = repeat(None, n)
            start = perf_counter_ns()
            for _ in it:
                fn()
            return perf_counter_ns() - start

    elif len(args) == 1:
        (a,) = args

        def run(n: int) -> float:
            it = repeat(None, n)
            start = perf_counter_ns()
            for _ in it:
                fn(a)
            return perf_counter_ns() - start

    elif len(args) == 2:
        a, b = args

        def run(n: int) -> float:
            it = repeat(None, n)
            start = perf_counter_ns()
            for _ in it:
                fn(a, b)
            return perf_counter_ns() - start

    else:
        raise ValueError("loop() takes at most two arguments")
    return run


def empty() -> None:
    """The reference: a Python call of an empty function."""


def interleaved(variants: Dict[str, Variant], n: int, rounds: int) -> Dict[str, List[float]]:
    """Per-operation nanoseconds of each variant, one sample per round.

    Round r runs the variants in order when r is even and in reverse when odd, so slow drift of the
    machine (frequency, other load) falls on all of them alike. The garbage collector is off while
    timing, as in timeit; one untimed warm-up run of each variant comes first.
    """
    names = list(variants)
    samples: Dict[str, List[float]] = {name: [] for name in names}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for name in names:
            variants[name](max(1, n // 10))
        for r in range(rounds):
            for name in names if r % 2 == 0 else reversed(names):
                samples[name].append(variants[name](n) / n)
    finally:
        if enabled:
            gc.enable()
    return samples


def median(values: List[float]) -> float:
    return statistics.median(values)
