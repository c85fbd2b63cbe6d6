"""factcheck.rules._allies: the agreeing sources a finding shows, one statement each."""

from __future__ import annotations

from factcheck.documents import parse_document
from factcheck.facts import extract_document
from factcheck.group import build_context
from factcheck.link.profile import profiles
from factcheck.rules._allies import one_per_source


def test_one_statement_per_source_the_most_alike() -> None:
    """An article giving the value twice is shown once, by its statement whose words are most
    like the odd figure's; every other article is shown too, beyond any fixed three."""
    texts = {"odd.md": "Acme's quarterly revenue was $2,110 million.",
             "a.md": "Acme hired 211 engineers. Acme's quarterly revenue was $211 million.",
             **{f"{k}.md": f"Acme's revenue came to $211 million, source {k} said." for k in "bcde"}}
    docs = [parse_document("---\npublished: 2024-07-30\n---\n" + t + "\n", name) for name, t in texts.items()]
    ctx = build_context(docs, [extract_document(d) for d in docs])
    facts = list(ctx.facts)
    odd = next(i for i, f in enumerate(facts) if f.doc == "odd.md")
    candidates = [i for i, f in enumerate(facts) if f.doc != "odd.md"]
    shown = one_per_source(odd, candidates, facts, profiles(facts), exclude=("b.md",))
    assert [(f.doc, f.q.text) for f in shown] == [
        ("a.md", "$211 million"), ("c.md", "$211 million"), ("d.md", "$211 million"), ("e.md", "$211 million")]


def test_a_finding_marks_the_two_figures_and_lists_the_agreeing_sources() -> None:
    """A finding's facts are the figure it says is wrong and the one it was checked against, the
    places an annotator marks; the other sources that agree are listed in its computed values,
    since marking them would point an editor at correct figures."""
    from factcheck.pipeline import check

    texts = {"a.md": "Acme's quarterly revenue was $2,110 million, the company said.",
             **{f"{k}.md": f"Acme's quarterly revenue was $211 million, the company said ({k})." for k in "bcd"}}
    docs = [parse_document("---\npublished: 2024-07-30\n---\n" + t + "\n", name) for name, t in texts.items()]
    found = [f for f in check(docs).findings if f.code in ("FC201", "FC204")]
    assert len(found) == 1
    finding = found[0]
    assert [f.doc for f in finding.facts] == ["a.md", "b.md"]
    assert [s["doc"] for s in finding.computed["agreeing"]] == ["c.md", "d.md"]
