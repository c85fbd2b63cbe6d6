"""factcheck: check that the numbers in news and business writing agree with each other.

>>> from factcheck import extract
>>> [q.text for q in extract("Revenue rose 8% to Rmb280bn.")]
['8%', 'Rmb280bn']
"""

from factcheck.errors import ConfigError, FactcheckError, InputError, UsageError
from factcheck.model import Document, Interval, Period, Quantity

__version__ = "0.1.0.dev0"

__all__ = [
    "ConfigError",
    "Document",
    "FactcheckError",
    "InputError",
    "Interval",
    "Period",
    "Quantity",
    "UsageError",
    "__version__",
    "extract",
]


def __getattr__(name: str) -> object:
    # the pipeline pulls in pint and friends; keep `import factcheck` cheap for the CLI's error paths
    if name == "extract":
        from factcheck.pipeline import extract

        return extract
    if name == "check":
        from factcheck.pipeline import check

        return check
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
