"""Linear time and bounded memory, measured as ratios between input sizes within one run.

:func:`sweep` calls ``fn`` on inputs of growing sizes (64 KiB, 256 KiB and 1 MiB by default,
``make(size, round)`` building each), the sizes alternated over rounds so that a slow spell of
the machine hits all of them alike, the best CPU time of each kept.  Linear means the time
grows like the size; :func:`assert_linear` allows ``slack`` times that between each pair of
neighbouring sizes (4x the size: 4x the time, up to 4 * slack), where a quadratic path takes 16x.

A path that is far from linear would take minutes or hours at 1 MiB, so each call runs under a
deadline extrapolated from the size before it (``DEADLINE_SLACK`` times the linear estimate,
at least ``DEADLINE_FLOOR`` seconds of wall time): past it the call is interrupted (SIGALRM)
and the sweep fails at once, naming the size before and its time.  An extra size a quarter of
the smallest only gives the first deadline its base; it is not asserted.

Memory: the growth of the process's peak resident set during the largest call (Linux resets
the peak through /proc/self/clear_refs), returned so that tests can bound it.

Each round builds its own inputs (``round`` is passed to ``make``): a cache that remembers what
it saw (the engine's token memo) cannot make a repeated small input cheaper than a large one.
"""

from __future__ import annotations

import gc
import itertools
import os
import re
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

KIB = 1024
MIB = 1024 * KIB
#: The sizes of the full sweep (``make fuzz``) and of the short form ``make test`` runs.
FULL_SIZES = (64 * KIB, 256 * KIB, 1 * MIB)
SHORT_SIZES = (16 * KIB, 64 * KIB, 256 * KIB)
#: The full sweep runs when HYPOTHESIS_PROFILE=fuzz (make fuzz) or TRANSLIT_SWEEP=full.
FULL = (os.environ.get("TRANSLIT_SWEEP") == "full"
        or os.environ.get("HYPOTHESIS_PROFILE") == "fuzz")
SIZES = FULL_SIZES if FULL else SHORT_SIZES

SLACK = 2.5  # a ratio may be this many times the linear one (noise, caches, allocation)
DEADLINE_SLACK = 2 * SLACK  # wall time against CPU time: a busy machine gets its margin
DEADLINE_FLOOR = 5.0  # seconds


class TooSlow(AssertionError):
    """A call ran past its deadline: not linear."""


@dataclass
class Sweep:
    """What :func:`sweep` measured: best CPU seconds per size, peak RSS growth (bytes) of the
    largest call (None where it cannot be measured)."""

    name: str
    times: dict[int, float]
    peak_rss: int | None

    def ratios(self) -> list[tuple[int, int, float]]:
        sizes = sorted(self.times)
        return [(a, b, self.times[b] / max(self.times[a], 1e-9))
                for a, b in itertools.pairwise(sizes)]

    def describe(self) -> str:
        times = ", ".join(f"{_size(size)}: {seconds * 1e3:.1f} ms"
                          for size, seconds in sorted(self.times.items()))
        ratios = ", ".join(f"{_size(b)}/{_size(a)} = {ratio:.1f} (linear {b / a:.0f})"
                           for a, b, ratio in self.ratios())
        rss = "" if self.peak_rss is None else f"; peak RSS +{self.peak_rss / MIB:.1f} MiB"
        return f"{self.name}: {times}; {ratios}{rss}"


def _size(size: int) -> str:
    return f"{size // MIB} MiB" if size >= MIB and size % MIB == 0 else f"{size // KIB} KiB"


@contextmanager
def _deadline(seconds: float, what: str) -> Iterator[None]:
    """Interrupt the block after ``seconds`` of wall time (main thread, where SIGALRM is
    delivered; elsewhere the block just runs)."""
    def expired(signum: int, frame: object) -> None:
        raise TooSlow(f"{what} ran past its deadline of {seconds:.1f} s")

    try:
        previous = signal.signal(signal.SIGALRM, expired)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _peak_reset() -> int | None:
    """Reset the process's peak RSS to its current RSS; return it (bytes), or None."""
    try:
        _CLEAR_REFS.write_text("5")
        return _status("VmHWM")
    except OSError:
        return None


def _status(field: str) -> int | None:
    try:
        found = re.search(rf"^{field}:\s+(\d+) kB", _STATUS.read_text(), re.MULTILINE)
    except OSError:
        return None
    return int(found.group(1)) * KIB if found else None


def sweep(name: str, fn: Callable[[str], object], make: Callable[[int, int], str],
          sizes: Sequence[int] = SIZES, rounds: int = 3) -> Sweep:
    """Time ``fn(make(size, round))`` for every size, alternating sizes over ``rounds``
    rounds (the largest size once, in the middle round: it costs the most and varies least);
    see the module docstring."""
    fn(make(sizes[0] // 16, -1))  # first use: tables load, caches fill
    base = sizes[0] // 4
    times: dict[int, float] = {}
    peak: int | None = None
    previous_size, previous_time = base, _timed(fn, make(base, -1), DEADLINE_FLOOR * 4,
                                                 f"{name} at {_size(base)}")
    for round_ in range(rounds):
        for size in sizes:
            if size == sizes[-1] and round_ != rounds // 2:
                continue
            text = make(size, round_)
            estimate = previous_time * size / previous_size
            limit = max(DEADLINE_FLOOR, DEADLINE_SLACK * estimate)
            measure = size == sizes[-1]
            before = _peak_reset() if measure else None
            seconds = _timed(fn, text, limit, f"{name} at {_size(size)} (the size before, "
                             f"{_size(previous_size)}, took {previous_time:.3f} s)")
            if seconds > DEADLINE_SLACK * estimate and seconds > 0.05:
                raise TooSlow(f"{name}: {_size(size)} took {seconds:.3f} s, {_size(previous_size)}"
                              f" took {previous_time:.3f} s: far from linear")
            if before is not None:
                after = _status("VmHWM")
                peak = None if after is None else max(0, after - before)
            times[size] = min(times.get(size, float("inf")), seconds)
            previous_size, previous_time = size, times[size]
            del text
    return Sweep(name, times, peak)


def _timed(fn: Callable[[str], object], text: str, limit: float, what: str) -> float:
    gc.collect()
    with _deadline(limit, what):
        began = time.process_time()
        fn(text)
        return time.process_time() - began


def assert_linear(result: Sweep, slack: float = SLACK) -> None:
    """Each ratio between neighbouring sizes is at most ``slack`` times the linear one."""
    for a, b, ratio in result.ratios():
        assert ratio <= slack * b / a, f"not linear: {result.describe()}"


def assert_bounded(result: Sweep, per_input_byte: float, floor: int = 64 * MIB) -> None:
    """The largest call's peak RSS growth is at most ``per_input_byte`` times its input's
    size plus ``floor`` (None: not measurable here, nothing asserted)."""
    if result.peak_rss is None:
        return
    largest = max(result.times)
    assert result.peak_rss <= per_input_byte * largest + floor, (
        f"memory not bounded: {result.describe()}")
