"""Output formats of ``factcheck check``: one module a format, each a function of the report.

Every formatter takes a :class:`~factcheck.report.Report` and a :class:`Options` and returns the
whole output as one string, so the command can write it atomically (:func:`emit`).

| format | for | module |
|---|---|---|
| ``text`` | people: ruff-style, the sentence from each source | :mod:`.text` |
| ``concise`` | people and grep: one line a finding | :mod:`.text` |
| ``json`` | tools: the contract the scorers read | :mod:`.jsonout` |
| ``jsonl`` | tools: one finding a line | :mod:`.jsonout` |
| ``sarif`` | code scanning: SARIF 2.1.0 | :mod:`.sarif` |
| ``github`` | GitHub Actions workflow annotations | :mod:`.github` |
| ``html`` | a self-contained page, sources side by side | :mod:`.htmlpage` |
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import attrs

from factcheck.errors import UsageError

if TYPE_CHECKING:
    from factcheck.report import Report

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "html")


@attrs.frozen
class Options:
    """What a formatter may need besides the report."""

    #: the directory fingerprints count paths from (the project's: the configuration's directory)
    root: str | None = None
    #: ``True`` when a baseline took part, so SARIF can say which results are new
    baseline: bool = False
    #: ANSI colour in the ``text`` and ``concise`` formats (the command sets it for a terminal)
    colour: bool = False


def render(report: Report, fmt: str, options: Options | None = None) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    options = options or Options()
    if fmt == "text":
        from factcheck.output.text import render_text

        return render_text(report, colour=options.colour)
    if fmt == "concise":
        from factcheck.output.text import render_concise

        return render_concise(report, colour=options.colour)
    if fmt == "json":
        return report.to_json(options.root)
    if fmt == "jsonl":
        from factcheck.output.jsonout import render_jsonl

        return render_jsonl(report, options)
    if fmt == "sarif":
        from factcheck.output.sarif import render_sarif

        return render_sarif(report, options)
    if fmt == "github":
        from factcheck.output.github import render_github

        return render_github(report)
    if fmt == "html":
        from factcheck.output.htmlpage import render_html

        return render_html(report)
    raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def emit(output: str | os.PathLike[str] | None, write: Callable[[TextIO], object]) -> None:
    """Write to stdout, or to a file atomically so a failed run never leaves half a report."""
    if output is None:
        write(sys.stdout)
        sys.stdout.flush()
        return
    output = os.fspath(output)
    directory = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(directory):
        raise UsageError(f"{output}: the directory does not exist")
    if os.path.isdir(output):
        raise UsageError(f"{output}: is a directory; name a file to write the report to")
    if os.path.exists(output) and not stat.S_ISREG(os.stat(output).st_mode):
        # a FIFO or a device (/dev/null, /dev/stdout): write into it, never replace it
        with open(output, "w", encoding="utf-8", newline="") as handle:
            write(handle)
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", dir=directory)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
        # mkstemp makes the file private (0600); a report gets the usual mode for new files
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, output)
    except BaseException:
        os.unlink(tmp)
        raise
