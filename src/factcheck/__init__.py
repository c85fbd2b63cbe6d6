"""factcheck: check that the numbers in news and business writing agree with each other.

>>> from factcheck import extract
>>> [q.text for q in extract("Revenue rose 8% to Rmb280bn.")]
['8%', 'Rmb280bn']
"""

from factcheck._version import __version__
from factcheck.errors import ConfigError, FactcheckError, InputError, UsageError
from factcheck.model import Document, Interval, Period, Quantity

# Imported after the subpackage ``factcheck.extract`` so that the name means the function: the
# subpackage is reached as ``factcheck.extract.scanner`` and friends, never as ``factcheck.extract``.
from factcheck.pipeline import extract
from factcheck.project import check
from factcheck.report import Report

__all__ = [
    "ConfigError",
    "Document",
    "FactcheckError",
    "InputError",
    "Interval",
    "Period",
    "Quantity",
    "Report",
    "UsageError",
    "__version__",
    "check",
    "extract",
]
