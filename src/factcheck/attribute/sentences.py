"""Sentence and clause boundaries, with offsets, for attribution.

A light splitter is enough here: attribution looks for the subject, metric and period of a
quantity in its own sentence first, so the splitter must not cut "U.S." or "Dec. 9" in two, and
must treat a line break (headlines, list items) as a boundary.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import TYPE_CHECKING

from factcheck.extract.numbers import join_wrapped_lines

if TYPE_CHECKING:
    from factcheck.model import Document

_ABBREVIATIONS = frozenset(
    """u.s u.k u.n e.u mr mrs ms dr prof inc ltd corp co st no vs etc jan feb mar apr jun jul aug sep sept
    oct nov dec approx est fig a.m p.m i.e e.g""".split()
)

#: How far (in characters) attribution looks from a quantity within its sentence.
REACH = 400

# A sentence ends at a full stop before a capital, at a line break, or at a Markdown table cell
# border (each cell of a table is read on its own). A run of stops or of citation marks is tried
# from its first character only: from each character, every try read the run to its end (a line
# of 64 KB of dots took seconds), and where the run's first character fails, the others do too.
_END = re.compile(
    r"(?<![.!?])[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])"   # a full stop before a capital
    r"|(?<=[a-z%)])\.(?=[A-Z][a-z])"                # a run-on "rise.The company": a missing space
    r"|\n+"                                      # a line break
    r"|\s\|\s"                                   # a Markdown table cell border
    r"|\s[-–•]\s(?=[A-Z0-9])"                    # a bullet of a list flattened into one line
    # citation marks closing a sentence: "...sectors [1][2] Group" (not after a mark: see above)
    r"|(?<!\[\d\])(?<!\[\d\d\])(?<!\[\d\d\d\])(?:\[\d{1,3}\])+\s(?=[A-Z])"
)


class Sentences:
    """The sentences of a text as ``(start, end)`` spans; ``at(i)`` finds the one holding ``i``."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        # a line break that only wraps a paragraph ends no sentence (the text keeps its length)
        for m in _END.finditer(join_wrapped_lines(text)):
            if m.group().startswith((".",)) and _is_abbreviation(text, m.start()):
                continue
            starts.append(m.end())
        self.starts = sorted(set(starts))
        self._headlines: dict[tuple[int, int], bool] = {}

    def at(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, i) - 1
        start = self.starts[max(k, 0)]
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        return start, end

    def around(self, start: int, end: int, reach: int = REACH) -> tuple[int, int]:
        """The sentence holding ``start``, clipped to ``reach`` characters either side of the span.

        A pasted table or a run-on line can make one "sentence" of a whole document; clipping keeps
        the work per quantity bounded, so attribution stays linear in the length of the text.
        """
        s, e = self.at(start)
        return max(s, start - reach), min(e, end + reach)

    def previous(self, span: tuple[int, int]) -> tuple[int, int] | None:
        if span[0] <= 0:
            return None
        return self.at(span[0] - 1)

    def is_headline(self, span: tuple[int, int]) -> bool:
        """A short line without a full stop, standing alone: a title or a section heading."""
        if span[1] > len(self.text) or self.text[span[1] - 1 : span[1]] != "\n":
            return False  # checked first: it is free, and a long run-on line fails it
        if span not in self._headlines:  # asked once per figure and per name: each span is read once
            line = self.text[span[0] : span[1]].strip()
            self._headlines[span] = bool(line) and not line.endswith((".", "!", "?", '"', "”")) \
                and len(line.split(None, 16)) <= 16
        return self._headlines[span]


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if word is None:
        return False
    w = word.group(1).lower().strip(".")
    return w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha())


#: A single line break inside a paragraph (not before a blank line, a list item, a quote, a heading
#: or a table row): wrapping, as the sentences that fingerprints quote read it.
_WRAP = re.compile(r"(?<=\S)[ \t]*\n(?![ \t]*\r?\n|[ \t]*[-*+>#|]|[ \t]*\d+[.)]\s)")
_SPACE = re.compile(r"\s+")


def fingerprint_sentences(document: Document) -> Sentences:
    """The sentences fingerprints quote: a single line break inside a paragraph is wrapping, not a
    boundary, so a re-wrapped paragraph keeps its fingerprints. (Same length: offsets still hold.)"""
    body = document.body_start
    return Sentences(document.text[:body] + _WRAP.sub(" ", document.text[body:]))


def normalise(sentence: str) -> str:
    """A sentence as compared: compatibility forms folded, case folded, runs of space made one."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", sentence)).strip().casefold()
