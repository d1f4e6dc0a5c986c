"""Hypothesis profiles: `quick` in `make test` and CI (few examples, the same every run),
`fuzz` for `make fuzz` (1 000 examples per form and per kind of input). HYPOTHESIS_PROFILE
chooses; see docs/adr/0034."""

import os

from hypothesis import HealthCheck, settings

COMMON = {
    "deadline": None,
    # The world of records is made once per test; examples share it, as requests share a site.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("quick", max_examples=6, derandomize=True, database=None, **COMMON)
settings.register_profile("fuzz", max_examples=1000, **COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))
