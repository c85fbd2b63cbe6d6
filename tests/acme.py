"""The two-article corpus many command and output tests check: one revenue figure, and the same
figure misstated by a quarter in the other article (an FC201 conflict on ``a.md``; a slip by a
power of ten would be FC204's).

Imported by name (``from acme import A, B, write``), as ``hostile`` and ``fixture_sources`` are.
"""

from __future__ import annotations

from pathlib import Path

HEAD = "---\npublished: 2024-10-30\n---\n"
A = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
B = HEAD + "Acme's revenue reached £28.6bn in 2024, according to the filing.\n"


def write(root: Path) -> Path:
    """``a.md`` and ``b.md`` written into ``root``; returns ``root``."""
    (root / "a.md").write_text(A, encoding="utf-8")
    (root / "b.md").write_text(B, encoding="utf-8")
    return root
