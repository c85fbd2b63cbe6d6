"""Files a run could not read, reported the way ruff reports E902: one line each, with a code,
while every other file is still checked.

A file that cannot be read (missing by the time it is read, a permission, not UTF-8, binary,
malformed front matter) used to stop the whole run, so that one stray Latin-1 file in a folder
of 500 articles hid every finding of the other 499. It is now reported as ``FC001``, the run goes
on, and the command exits 2 at the end. FC001 is not a rule: it cannot be selected, ignored,
suppressed or baselined, because an article that was not read was not checked at all.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from factcheck.errors import InputError

__all__ = ["UNREADABLE", "Unreadable"]

#: The code of an unreadable file, in every output format.
UNREADABLE = "FC001"


@attrs.frozen
class Unreadable:
    """One file the run could not read, and why (the :class:`InputError`'s words)."""

    path: str
    problem: str
    line: int | None = None
    code: ClassVar[str] = UNREADABLE

    @classmethod
    def of(cls, error: InputError) -> Unreadable:
        return cls(error.path, error.problem, error.line)

    def where(self) -> tuple[int, int]:
        """Line and column for tools that want both (the line of the problem, else 1)."""
        return (self.line or 1, 1)

    def message(self) -> str:
        return f"cannot read this file: {self.problem}"

    def __str__(self) -> str:
        """``a.md:4:1: FC001 [error] cannot read this file: is not valid UTF-8 (...)``

        >>> print(Unreadable("a.md", "permission denied"))
        a.md:1:1: FC001 [error] cannot read this file: permission denied
        """
        line, col = self.where()
        return f"{self.path}:{line}:{col}: {self.code} [error] {self.message()}"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "path": self.path, "line": self.line, "message": self.message()}
