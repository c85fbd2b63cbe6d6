"""Findings: what a rule reports, with everything a person needs to act on it."""

from __future__ import annotations

from html import escape
from typing import Any, Literal

import attrs

from factcheck._views import badge, table
from factcheck.facts import Fact

Severity = Literal["error", "warning", "info"]


@attrs.frozen
class Finding:
    """One problem: the rule, how bad, the facts involved, the computed values and the likely cause."""

    code: str
    name: str
    severity: Severity
    message: str
    facts: tuple[Fact, ...]
    computed: dict[str, Any] = attrs.field(factory=dict, hash=False)
    cause: str | None = None

    @property
    def is_conflict(self) -> bool:
        return self.severity in ("error", "warning")

    def sort_key(self) -> tuple[Any, ...]:
        # total, down to every fact's place: the order is the same however the rules were run
        return (self.facts[0].doc, self.facts[0].q.start, self.code, self.message,
                tuple((f.doc, f.q.start, f.q.end) for f in self.facts))

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "cause": self.cause,
            "computed": self.computed,
            "facts": [f.to_dict() for f in self.facts],
        }

    def _repr_html_(self) -> str:
        """Code, severity and message above a table of the facts."""
        rows = []
        for fact in self.facts:
            q = fact.q
            rows.append([escape(f"{fact.doc}@{q.start}"), f"<mark>{escape(q.text)}</mark>",
                         escape(str(q.to_dict()["value"])), escape(q.unit or ""), escape(str(q.interval or "")),
                         escape(q.entity or ""), escape(q.metric or ""), escape(q.period.key if q.period else "")])
        help_ = f'<div style="color:#555">help: likely {escape(self.cause)}</div>' if self.cause else ""
        return (f"<div><div><code>{escape(self.code)}</code> {escape(self.name)} {badge(self.severity)}</div>"
                f"<div>{escape(self.message)}</div>{help_}"
                + table(["where", "text", "value", "unit", "allows", "entity", "metric", "period"], rows) + "</div>")

    def __repr__(self) -> str:
        """``<Finding FC201 error a.md@52: revenue of Acme …>``, cut to fit one line."""
        first = self.facts[0]
        text = f"<Finding {self.code} {self.severity} {first.doc}@{first.q.start}: {self.message}"
        return (text[:117] + "…>") if len(text) > 118 else text + ">"
