"""factcheck.parallel: batches, shares of groups, and work split across processes without changing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
import factcheck.parallel
from factcheck.errors import InputError
from factcheck.parallel import _batches, _shares, extract_facts, facts_of, run_rules
from factcheck.rules import iter_rules
from fixture_sources import documents


@given(n=st.integers(0, 3000), jobs=st.integers(1, 8), chunk=st.integers(1, 300))
def test_batches_hold_every_item_once_in_order(n: int, jobs: int, chunk: int) -> None:
    """Every item once, in order, no empty batch, none above CHUNK; the last ones finer."""
    original = factcheck.parallel.CHUNK
    factcheck.parallel.CHUNK = chunk
    try:
        batches = _batches(list(range(n)), jobs)
    finally:
        factcheck.parallel.CHUNK = original
    assert [x for b in batches for x in b] == list(range(n))
    assert all(0 < len(b) <= chunk for b in batches)
    if n > jobs * chunk and chunk >= 8:
        assert len(batches[-1]) <= chunk // 8


@given(sizes=st.lists(st.integers(1, 40), max_size=60), n=st.integers(1, 9))
def test_shares_deal_every_group_once_keeping_its_order(sizes: list[int], n: int) -> None:
    groups = {f"g{i}": [object()] * size for i, size in enumerate(sizes)}
    shares = _shares(groups, n)  # type: ignore[arg-type]
    dealt = [key for share in shares for key in share]
    assert sorted(dealt) == sorted(groups) and len(shares) <= n
    order = list(groups)
    assert all(share == sorted(share, key=order.index) for share in shares)
    if sizes:  # dealt largest first to the lightest share: no share exceeds the mean by more than one group
        costs = [s * s for s in sizes]
        assert max(sum(len(groups[k]) ** 2 for k in share) for share in shares) <= sum(costs) / n + max(costs)


@pytest.mark.parametrize("jobs", [2, 3])
def test_rules_in_workers_find_what_one_process_finds(jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers, per-group rules split into shares: the same findings as one process."""
    from factcheck.facts import extract_document
    from factcheck.group import build_context

    docs = list(documents())
    ctx = build_context(docs, [extract_document(d) for d in docs])
    rules = list(iter_rules())
    alone = sorted(run_rules(ctx, rules, jobs=1), key=lambda f: f.sort_key())
    monkeypatch.setattr(factcheck.parallel, "MIN_FACTS_FOR_POOL", 0)
    split = sorted(run_rules(ctx, rules, jobs=jobs), key=lambda f: f.sort_key())
    assert [f.to_dict() for f in split] == [f.to_dict() for f in alone]
    assert len({f.code for f in alone}) >= 8  # most rules fire: the split has something to lose


def test_a_bad_file_stops_the_run_with_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be read raises its InputError, whichever process read it."""
    for i in range(40):
        (tmp_path / f"{i:02}.md").write_text(f"Acme's revenue was ${i + 1}bn in 2023.\n", encoding="utf-8")
    monkeypatch.setattr(factcheck.parallel, "MIN_FOR_POOL", 2)
    monkeypatch.setattr(factcheck.parallel, "CHUNK", 3)
    paths = sorted(str(p) for p in tmp_path.glob("*.md"))
    assert [facts_of(p) for p in paths] == list(extract_facts(paths, jobs=2))
    for bad in ("00.md", "21.md", "39.md"):  # the first batch, the middle, the finest last batches
        (tmp_path / bad).write_bytes(b"caf\xe9 revenue of $5bn\n")
        with pytest.raises(InputError, match=bad):
            list(extract_facts(paths, jobs=2))
        (tmp_path / bad).write_text("Acme's revenue was $5bn in 2023.\n", encoding="utf-8")
