"""Errors raised by factcheck.

Every error derives from :class:`FactcheckError`, and each one also subclasses the builtin it
resembles, so ``except ValueError`` in a caller's code still catches bad input. Errors keep their
fields and format them in ``__str__``; ``__reduce__`` keeps them picklable across processes.
The command line prints ``str(error)`` on one line and exits with :attr:`FactcheckError.exit_code`.
"""

from __future__ import annotations

from typing import ClassVar


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""

    exit_code: ClassVar[int] = 2


class InputError(FactcheckError, ValueError):
    """A document could not be read: missing, unreadable, not UTF-8, binary, bad front matter."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        super().__init__(path, problem, line)
        self.path = path
        self.problem = problem
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"

    def __reduce__(self) -> tuple[type, tuple[str, str, int | None]]:
        return (type(self), (self.path, self.problem, self.line))


class ConfigError(InputError):
    """A configuration or reference-facts file is malformed."""


class UsageError(FactcheckError, ValueError):
    """The command was called with arguments that cannot work together."""
