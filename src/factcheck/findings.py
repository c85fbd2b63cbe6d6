"""Findings: what a rule reports, with everything a person needs to act on it."""

from __future__ import annotations

from typing import Any, Literal

import attrs

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
        from factcheck.display import finding_html

        return finding_html(self)

    def __repr__(self) -> str:
        from factcheck.display import finding_repr

        return finding_repr(self)
