"""Settings for the whole test suite.

Hypothesis's per-example deadline is a timing assertion: on a busy two-core CI machine one
example of a fast test can take half a second, and the run fails for that alone. Speed is
measured in ``benchmarks/``; here every profile runs without a deadline.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")
