"""Hypothesis profiles: ``ci`` (the default, used by ``make test``) is derandomized, so a run
passes or fails the same way on every machine; ``fuzz`` (``make fuzz``) draws fresh random
examples, ten times as many.  A test that sets its own ``max_examples`` writes
``max_examples=examples(400)`` so that ``fuzz`` scales it too."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FACTOR = 10 if PROFILE == "fuzz" else 1

settings.register_profile("ci", derandomize=True, database=None, deadline=None,
                          print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", derandomize=False, deadline=None, print_blob=True,
                          max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """``n`` examples, times the profile's factor."""
    return n * FACTOR
