"""factcheck: check that the numbers in news and business writing agree with each other.

>>> from factcheck import extract
>>> [q.text for q in extract("Revenue rose 8% to Rmb280bn.")]
['8%', 'Rmb280bn']

The public names are those of ``__all__`` (what ``dir(factcheck)`` lists). They are imported when
first used, so that ``import factcheck`` (and the pytest plugin, which every pytest run in a
project with factcheck installed loads) does not load the pipeline.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from factcheck._version import __version__
from factcheck.errors import ConfigError, FactcheckError, InputError, UsageError

if TYPE_CHECKING:
    from factcheck.config import Config, load_config
    from factcheck.documents import parse_document
    from factcheck.findings import Finding
    from factcheck.model import Document, Interval, Period, Quantities, Quantity
    from factcheck.pipeline import extract
    from factcheck.project import check
    from factcheck.report import Report

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "FactcheckError",
    "Finding",
    "InputError",
    "Interval",
    "Period",
    "Quantities",
    "Quantity",
    "Report",
    "UsageError",
    "__version__",
    "check",
    "extract",
    "load_config",
    "parse_document",
]

#: Where each lazily imported public name lives.
_LAZY = {
    "Config": "factcheck.config",
    "Document": "factcheck.model",
    "Finding": "factcheck.findings",
    "Interval": "factcheck.model",
    "Period": "factcheck.model",
    "Quantities": "factcheck.model",
    "Quantity": "factcheck.model",
    "Report": "factcheck.report",
    "check": "factcheck.project",
    "extract": "factcheck.pipeline",
    "load_config": "factcheck.config",
    "parse_document": "factcheck.documents",
}


def __getattr__(name: str) -> Any:
    """A public name, imported on first use (PEP 562); a submodule, as ``factcheck.config``."""
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API only: the internal modules stay reachable, but out of tab completion."""
    return sorted(__all__)


class _Face(types.ModuleType):
    """The package module. ``factcheck.extract`` is the function, though a subpackage has the same
    name: the import system binds a subpackage to its parent's attribute when it is first imported,
    and this keeps that binding from replacing the function (the subpackage is still imported as
    ``from factcheck.extract.scanner import scan`` through ``sys.modules``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Face
