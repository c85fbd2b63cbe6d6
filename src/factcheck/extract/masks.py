"""Spans of text whose digits are not quantities: links, dates, times, phone numbers, tickers,
version strings and citation markers.

The scanner skips every number that starts inside one of these spans. Finding them first, with
patterns of their own, keeps the number patterns simple and keeps a date from ever being read as
"28" of something.
"""

from __future__ import annotations

import bisect
import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# Patterns tried where a run of digits starts (the run must not be glued to a letter before it).
# Anchoring them there, instead of scanning the text with each, keeps the cost per character low.
# Every alternative here reads a bounded stretch of text: the one unbounded shape, a version
# string of any length, is found once per run of dotted digits (_DOTTED, below), not once per
# run of digits in it, which was quadratic ("1.1.1.1..." of 64 KB took 19 s).
# Tried before version strings: dates whose parts are dotted like a version ("07.06.24")
_AT_DIGITS_FIRST = re.compile(
    r"""
      \d{4}-\d{2}-\d{2}(?:[T\ ]\d{2}:\d{2}(?::\d{2})?)?      # ISO dates and timestamps
    | \d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b                       # 07.06.24, 5/6/2024
    """,
    re.VERBOSE,
)
# Tried after version strings (none of these can match where a version does: the order is the old one)
_AT_DIGITS_LAST = re.compile(
    r"""
      \d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?            # clock times 12:01 a.m.
    | \d{1,2}\s?[ap]\.m\.                                   # 3 p.m.
    | \d{1,2}\s?[ap]m\b                                     # 3pm
    | \d{3,4}\s(?:GMT|UTC|EDT|EST|BST|CET|CEST|HKT|IST|JST|ET|PT)\b  # 0401 GMT
    | \d{3}-\d{3}-\d{4}\b                                   # 555-123-4567
    | \d{3,6}\.(?:HK|SS|SZ|T|KS|NS|BO|L|TW)\b                # exchange tickers 9988.HK
    | \d{1,2}(?:st|nd|rd|th)?\s""" + _MONTH + r"""\b\.?      # 28 May
    | (?<=[\s(]['’‘])\d{2}\b(?!['’‘\d])                      # years cut to two digits: July '23, (’21)
    # wire datelines, the day of the month between the city and the agency: MADRID, 15 (EUROPA PRESS)
    | (?<=,\ )\d{1,2}\ \((?:[A-Z]{2,}(?:\ [A-Z]{2,})?|Reuters|Bloomberg|dpa|Xinhua)\)
    """,
    re.VERBOSE,
)
# A run of digit groups joined by dots, "1.2.3.4": version strings and dotted times (13.09.29)
# are the runs of three groups or more. Matched once from its first group to its last; each
# group's version span is then read off where the run ends and where its last dots are.
_DOTTED = re.compile(r"\d+(?:\.\d+)*")
_BOUNDARY = re.compile(r"\b")


class _Versions:
    """Where the version string that starts at a run of digits ends, in constant time per run.

    Same answer as matching ``\\d+\\.\\d+\\.\\d+(?:\\.\\d+)*\\b`` there: from a group of a dotted run,
    the version reaches the run's end if at least three groups are left and a word boundary
    follows; if a letter is glued to the end ("1.2.3.4a"), it stops one group short, where the
    last dot gives the boundary, and needs three groups before that dot.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = -1  # the dotted run the last asked-for group belongs to ends here

    def at(self, i: int) -> int | None:
        if i >= self.end:  # a new dotted run: read it once (its groups are asked for in order)
            text = self.text
            self.end = _DOTTED.match(text, i).end()  # type: ignore[union-attr]
            last = text.rfind(".", i, self.end)  # the run's last three dots, -1 when fewer
            second = text.rfind(".", i, last) if last != -1 else -1
            third = text.rfind(".", i, second) if second != -1 else -1
            if _BOUNDARY.match(text, self.end):
                self.version_end, self.before = self.end, second  # ends with the run
            else:
                self.version_end, self.before = last, third  # "1.2.3.4a": ends at the last dot
        return self.version_end if i < self.before else None


_DIGIT_RUN = re.compile(r"\d+")

# Patterns that open with a fixed character or a class, so the engine skips ahead to it. Those
# that need a word boundary before them check it in code (a leading \b would stop the skipping).
_SCANNED = (
    (re.compile(r"https?://\S+"), False),  # links
    (re.compile(r"www\.\S+"), False),
    (re.compile(r"\[\d{1,3}\](?:\[\d{1,3}\])*"), False),  # citation markers [1][2]
    (re.compile(r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}"), False),  # phone +44 20 7946 0958
    (re.compile(r"\(\d{2,5}\)\s?\d{3,4}[\s-]\d{3,4}"), False),  # phone (020) 7946 0958
    (re.compile(r"\$[A-Z][A-Z.]*\(\d+\)\$?"), False),  # ticker markup $TENCENT(00700)$
    # TENCENT(00700), only from the first capital of a run: tried from each capital of a long run,
    # "[A-Z]{2,}" read to its end every time (quadratic); where the first fails, the others do too
    (re.compile(r"[A-Z](?<![A-Z]{2})[A-Z]+\s?\(\s?\d{3,6}\s?\)"), True),
    (re.compile(r"(?:NYSE|NASDAQ|Nasdaq|HKEX|HKG|SEHK|SSE|SZSE|NSE|BSE|LSE|TSE|TYO|KRX|SGX|ASX)\s?:\s?[\w.]+"), True),
    # May 28, Dec. 9 (but "May 5 percent" is an amount)
    (re.compile(_MONTH + r"\.?\s\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per\s?cent|million|billion|bn|m\b))"),
     True),
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_EMAIL_START = re.compile(r"[\w.+-]+$")
_LONE_NUMBER = re.compile(r"[ \t]*\d{1,3}[ \t]*(?:\n|\Z)")


def _spans(text: str) -> list[tuple[int, int]]:
    m: re.Match[str] | None
    spans = []
    for pattern, needs_boundary in _SCANNED:
        for m in pattern.finditer(text):
            if not (needs_boundary and m.start() > 0 and text[m.start() - 1].isalnum()):
                spans.append(m.span())
    versions = _Versions(text)
    for run in _DIGIT_RUN.finditer(text):
        i = run.start()
        if i > 0 and text[i - 1].isalnum():
            continue
        m = _AT_DIGITS_FIRST.match(text, i)
        if m is not None:
            spans.append(m.span())
        elif (end := versions.at(i)) is not None:
            spans.append((i, end))
        elif (m := _AT_DIGITS_LAST.match(text, i)) is not None:
            spans.append(m.span())
        # only blanks between the line start and the number? Walk back over the blanks alone: looking
        # for the line start itself would cost the whole line for every number of a long line
        line_start = i
        while line_start > 0 and text[line_start - 1] in " \t":
            line_start -= 1
        if (line_start == 0 or text[line_start - 1] == "\n") and _LONE_NUMBER.match(text, line_start):
            spans.append((line_start, run.end()))  # a lone number on its own line: a footnote mark
    at = text.find("@")
    while at != -1:  # e-mail addresses, found from their "@" so plain words cost nothing
        head = _EMAIL_START.search(text, max(0, at - 64), at)
        m = _EMAIL.match(text, head.start()) if head else None
        if m is not None:
            spans.append(m.span())
        at = text.find("@", at + 1)
    return spans


class Masks:
    """Sorted, non-overlapping spans; ``covers(i)`` says whether offset ``i`` lies in one."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        spans = sorted(_spans(text))
        for start, end in spans:
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)  # overlapping kinds merge into one span
            else:
                self.starts.append(start)
                self.ends.append(end)

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> Masks:
        """Spans given directly (already non-overlapping)."""
        masks = cls("")
        for start, end in sorted(spans):
            masks.starts.append(start)
            masks.ends.append(end)
        return masks

    def covers(self, i: int) -> bool:
        k = bisect.bisect_right(self.starts, i) - 1
        return k >= 0 and i < self.ends[k]
