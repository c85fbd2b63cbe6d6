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

_MASK = re.compile(
    rf"""
      https?://\S+                                  # links
    | www\.\S+
    | (?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+               # e-mail addresses (from the start of a run: linear)
    | \b\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?)?  # ISO dates and timestamps
    | \b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b         # 07.06.24, 5/6/2024
    | \b\d+\.\d+\.\d+(?:\.\d+)*\b                   # version strings and dotted times 13.09.29
    | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s?[ap]\.?m\.?)?  # clock times 12:01 a.m.
    | \b\d{{1,2}}\s?[ap]\.m\.                       # 3 p.m.
    | \b\d{{1,2}}\s?[ap]m\b
    | \b\d{{3,4}}\s(?:GMT|UTC|EDT|EST|BST|CET|CEST|HKT|IST|JST|ET|PT)\b  # 0401 GMT
    | \[\d{{1,3}}\](?:\[\d{{1,3}}\])*              # citation markers [1][2]
    | \+\d{{1,3}}[\s-]?\(?\d{{1,4}}\)?(?:[\s-]?\d{{2,4}}){{2,4}}  # phone numbers +44 20 7946 0958
    | \(\d{{2,5}}\)\s?\d{{3,4}}[\s-]\d{{3,4}}         # (020) 7946 0958
    | \b\d{{3}}-\d{{3}}-\d{{4}}\b                     # 555-123-4567
    | \b\d{{3,6}}\.(?:HK|SS|SZ|T|KS|NS|BO|L|TW)\b   # exchange tickers 9988.HK
    | \$[A-Z][A-Z.]*\(\d+\)\$?                      # ticker markup $TENCENT(00700)$
    | \b[A-Z]{{2,}}\s?\(\s?\d{{3,6}}\s?\)             # TENCENT(00700)
    | \b(?:NYSE|NASDAQ|Nasdaq|HKEX|HKG|SEHK|SSE|SZSE|NSE|BSE|LSE|TSE|TYO|KRX|SGX|ASX)\s?:\s?[\w.]+  # (HKEX: 0700)
    | \b{_MONTH}\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per\s?cent|million|billion|bn|m\b))  # May 28, Dec. 9
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}\b\.?    # 28 May
    | ^[ \t]*\d{{1,3}}[ \t]*$                        # a lone number on its own line: a footnote mark
    """,
    re.VERBOSE | re.MULTILINE,
)


class Masks:
    """Sorted, non-overlapping spans; ``covers(i)`` says whether offset ``i`` lies in one."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _MASK.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def covers(self, i: int) -> bool:
        k = bisect.bisect_right(self.starts, i) - 1
        return k >= 0 and i < self.ends[k]
