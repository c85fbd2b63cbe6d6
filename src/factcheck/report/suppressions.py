"""Suppressions: switching findings off where a person has judged them, and saying when that
judgement has gone stale.

Three ways, applied after the rules ran (the rules never see them):

- **inline comments** in the Markdown, which a reader of the rendered article never sees::

      <!-- factcheck: ignore FC201 -- restated in the annual report -->
      The next block (up to a blank line) is exempt from FC201.

      <!-- factcheck: disable FC2 -->
      Everything from here is exempt from every FC2xx rule ...
      <!-- factcheck: enable -->

  Codes are codes or prefixes (``FC2``), separated by spaces or commas; none means every rule;
  text after ``--`` is the reason. A finding is suppressed when any of its facts lies in a
  suppressed region, in any of its sources: either side of a conflict may carry the comment.
- **front matter**: ``factcheck: {ignore: [FC201]}`` exempts the whole article;
- **configuration**: ``per-file-ignores`` (see :mod:`factcheck.config`).

A comment that suppresses nothing any more is reported as FC901 (unused-suppression), and one
that cannot be read as FC902 (invalid-suppression), both warnings, like ruff's RUF100: a stale
``ignore`` would otherwise hide the next real conflict written into that paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from factcheck.errors import InputError
from factcheck.facts import Fact
from factcheck.findings import Finding
from factcheck.model import Document, Quantity
from factcheck.rules import InvalidSuppression, Rule, UnusedSuppression, enabled_codes, unknown_codes

if TYPE_CHECKING:
    from factcheck.report.report import Report

_COMMENT = re.compile(r"<!--\s*factcheck\s*:(?P<body>.*?)-->", re.DOTALL)
_CODE = re.compile(r"^[A-Z]+[0-9]*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
#: The keys the ``factcheck`` table of an article's front matter may hold.
FRONT_MATTER_KEYS = {"ignore": "a list of rule codes or prefixes that do not apply to this article"}


@attrs.frozen
class Suppression:
    """One comment: its action, the codes it names (none: every rule), where it is and what it covers."""

    doc: str
    action: Literal["ignore", "disable"]
    codes: tuple[str, ...]
    start: int  # the comment itself, so FC901 can point at it
    end: int
    scope: tuple[int, int]  # the offsets it covers
    reason: str | None = None

    @property
    def comment(self) -> str:
        return f"factcheck: {self.action}{' ' + ' '.join(self.codes) if self.codes else ''}"

    def covers(self, code: str) -> bool:
        return not self.codes or any(code.startswith(c) for c in self.codes)

    def applies(self, finding: Finding) -> bool:
        return self.covers(finding.code) and any(
            fact.doc == self.doc and self.scope[0] <= fact.q.start < self.scope[1] for fact in finding.facts)


@attrs.frozen
class Problem:
    """A comment that could not be read, and why."""

    doc: str
    start: int
    end: int
    problem: str


def parse(doc: Document) -> tuple[list[Suppression], list[Problem]]:
    """The suppression comments of a document, and the comments it could not read."""
    text = doc.text
    found: list[Suppression] = []
    problems: list[Problem] = []
    open_ranges: list[tuple[tuple[str, ...], int, int, int, str | None]] = []  # codes, start, end, from, reason
    for m in _COMMENT.finditer(text, doc.body_start):
        body, reason = m.group("body"), None
        if "--" in body:
            body, reason = body.split("--", 1)
            reason = reason.strip() or None
        words = body.replace(",", " ").split()
        action, codes = (words[0].lower(), tuple(w.upper() for w in words[1:])) if words else ("", ())
        bad = [c for c in codes if not _CODE.match(c)] or unknown_codes(codes)
        if action not in ("ignore", "disable", "enable"):
            problems.append(Problem(doc.path, m.start(), m.end(),
                                    f"unknown action {action!r}: use ignore, disable or enable"))
        elif bad:
            problems.append(Problem(doc.path, m.start(), m.end(), f"{bad[0]!r} names no rule"))
        elif action == "ignore":
            found.append(Suppression(doc.path, "ignore", codes, m.start(), m.end(), _next_block(text, m.end()),
                                     reason))
        elif action == "disable":
            open_ranges.append((codes, m.start(), m.end(), m.end(), reason))
        else:  # enable: closes every open range, or those whose codes it names
            closing = [r for r in open_ranges if not codes or set(r[0]) <= set(codes)]
            if not closing:
                problems.append(Problem(doc.path, m.start(), m.end(), "'enable' without a 'disable' before it"))
            for r in closing:
                open_ranges.remove(r)
                found.append(Suppression(doc.path, "disable", r[0], r[1], r[2], (r[3], m.start()), r[4]))
    for codes, start, end, begin, reason in open_ranges:  # a range never closed runs to the end
        found.append(Suppression(doc.path, "disable", codes, start, end, (begin, len(text)), reason))
    found.sort(key=lambda s: s.start)
    return found, problems


def _next_block(text: str, at: int) -> tuple[int, int]:
    """The block after a comment: from the next non-blank character to the next blank line."""
    start = at
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    gap = _BLANK_LINE.search(text, start)
    return start, gap.start() if gap else len(text)


def front_matter_ignores(doc: Document) -> tuple[str, ...]:
    """The codes the article's front matter switches off (``factcheck: {ignore: [...]}``)."""
    table = doc.meta.get("factcheck")
    if table is None:
        return ()
    line = _front_matter_line(doc.text)
    if not isinstance(table, dict):
        raise InputError(doc.path, "front matter 'factcheck' must be a table such as {ignore: [FC201]}", line=line)
    for key in table:
        if key not in FRONT_MATTER_KEYS:
            valid = ", ".join(sorted(FRONT_MATTER_KEYS))
            raise InputError(doc.path, f"front matter 'factcheck' has unknown key {key!r}; valid keys are: {valid}",
                             line=line)
    codes = table.get("ignore", [])
    codes = [codes] if isinstance(codes, str) else codes
    if not isinstance(codes, list) or not all(isinstance(c, str) and c.strip() for c in codes):
        raise InputError(doc.path, "front matter 'factcheck.ignore' must be a list of rule codes", line=line)
    bad = unknown_codes(c.strip() for c in codes)
    if bad:
        raise InputError(doc.path, f"front matter 'factcheck.ignore': {bad[0]!r} names no rule", line=line)
    return tuple(c.strip().upper() for c in codes)


def _front_matter_line(text: str) -> int | None:
    return next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("factcheck")), None)


def apply(
    report: Report,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    file_ignores: Callable[[str], Sequence[str]] | None = None,
) -> Report:
    """The report with suppressed findings moved to ``report.suppressed`` and FC901/FC902 added.

    ``select``/``ignore`` are the run's rule selection (FC9xx findings obey it too, and a comment
    is judged unused only when a rule it names ran); ``file_ignores`` gives the codes the
    configuration switches off for a document path (``per-file-ignores``).
    """
    enabled = enabled_codes(select, ignore)
    front: dict[str, tuple[str, ...]] = {}
    configured: dict[str, tuple[str, ...]] = {}
    comments: list[Suppression] = []
    problems: list[Problem] = []
    for doc in report.documents:
        front[doc.path] = front_matter_ignores(doc)
        configured[doc.path] = tuple(file_ignores(doc.path) if file_ignores else ())
        found, bad = parse(doc)
        comments += found
        problems += bad
    used: set[Suppression] = set()
    kept: list[Finding] = []
    dropped: list[Finding] = []
    reasons: dict[Finding, str] = {}
    texts = {d.path: d for d in report.documents}
    for finding in report.findings:
        why = (_ignored_by(finding, front, "front matter ({doc}: factcheck.ignore {codes})")
               or _ignored_by(finding, configured, "per-file-ignores ({codes} for {doc})"))
        if why:
            dropped.append(finding)
            reasons[finding] = why
            continue
        matching = [s for s in comments if s.applies(finding)]
        used.update(matching)
        if matching:
            dropped.append(finding)
            reasons[finding] = _comment_reason(matching[0], texts[matching[0].doc].text)
        else:
            kept.append(finding)
    meta = []
    for s in comments:
        judged = [c for c in enabled if not c.startswith("FC9") and s.covers(c)]
        if s not in used and judged:
            what = " ".join(s.codes) if s.codes else "any"
            meta.append(_meta(UnusedSuppression(), texts[s.doc], s.start, s.end,
                              f"unused suppression: no {what} finding touches the "
                              f"{'block after' if s.action == 'ignore' else 'range of'} "
                              f"'<!-- {s.comment} -->'; remove the comment"))
    for p in problems:
        meta.append(_meta(InvalidSuppression(), texts[p.doc], p.start, p.end,
                          f"invalid suppression comment: {p.problem}; it suppresses nothing"))
    meta = [m for m in meta if m.code in enabled]
    findings = sorted([*kept, *meta], key=lambda f: f.sort_key())
    return attrs.evolve(report, findings=tuple(findings), suppressed=(*report.suppressed, *dropped),
                        suppression_reasons={**report.suppression_reasons, **reasons})


def _ignored_by(finding: Finding, codes_by_doc: dict[str, tuple[str, ...]], template: str) -> str | None:
    """The reason when the codes of one of the finding's documents switch it off, else ``None``."""
    for fact in finding.facts:
        codes = [c for c in codes_by_doc.get(fact.doc, ()) if finding.code.startswith(c)]
        if codes:
            return template.format(doc=fact.doc, codes=" ".join(codes))
    return None


def _comment_reason(s: Suppression, text: str) -> str:
    """``the founder's own forecast (comment at a.md:10)``: the text after ``--``, and where."""
    where = f"{s.doc}:{text.count(chr(10), 0, s.start) + 1}"
    if s.reason:
        return f"{s.reason} (comment at {where})"
    return f"'<!-- {s.comment} -->' at {where}, no reason given"


def _meta(rule: Rule, doc: Document, start: int, end: int, message: str) -> Finding:
    # A finding needs facts, and every format (and the JSON contract) places a finding by its
    # facts: the comment itself stands in as the "fact", with its exact span and text.
    stand_in = Quantity(start=start, end=end, text=doc.text[start:end], value=Decimal(0), unit=None)
    fact = Fact(doc=doc.path, quantity=stand_in, published=doc.published)
    return rule.finding("warning", message, (fact,))
