"""The same inputs give byte-identical output, whatever the order the files are named in, the
number of processes (``--jobs``) or the hash seed; and reading never changes a file.

Fresh interpreters (subprocesses) are used where the hash seed matters: set and dict order of
strings changes with ``PYTHONHASHSEED``, and only a new process gets a new seed.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
import factcheck.parallel
from factcheck.documents import read_document
from factcheck.output import render
from fixture_sources import documents, write_sources

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVENTS = Path("/work/shared/events")  # the shared corpus of real articles, where it is mounted


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seed articles, every rule fixture's sources, and the shared events where they exist."""
    root = tmp_path_factory.mktemp("corpus")
    # one configuration for every file: it is looked for from the first path named, and report
    # fingerprints count paths from its directory
    (root / "factcheck.toml").write_text("", encoding="utf-8")
    sources = sorted(SEEDS.glob("*.md"))
    if EVENTS.is_dir():
        sources += sorted(p for p in EVENTS.glob("*/*.md") if p.name != "facts.md")
    paths = []
    for source in sources:
        copy = root / source.parent.name / source.name
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(source.read_bytes())
        paths.append(str(copy))
    return paths + [str(p) for p in write_sources(root)]


def _cli(args: list[str], hash_seed: str, cwd: Path) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", *args], cwd=cwd, capture_output=True, timeout=300,
        env={**os.environ, "PYTHONHASHSEED": hash_seed, "FACTCHECK_DEBUG": "1"},
    )
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout


class TestCommandLine:
    def test_check_json_is_identical_across_order_jobs_and_hash_seed(self, corpus: list[str], tmp_path: Path) -> None:
        """``check --format json``: sorted, reversed and shuffled file lists, one or two processes,
        hash seeds 0, 1 and random, all give the same bytes (and find conflicts to compare)."""
        shuffled = list(corpus)
        random.Random(20240528).shuffle(shuffled)
        runs = [
            (sorted(corpus), "1", "0"),
            (list(reversed(sorted(corpus))), "2", "1"),
            (shuffled, "1", "random"),
        ]
        outputs = [_cli(["check", *files, "--format", "json", "--jobs", jobs], seed, tmp_path)
                   for files, jobs, seed in runs]
        assert outputs[0] == outputs[1] == outputs[2]
        report = json.loads(outputs[0])
        assert len({f["code"] for f in report["findings"]}) >= 8  # most rules fire: there is something to order

    def test_directory_and_text_report_are_identical_across_hash_seeds(self, tmp_path: Path) -> None:
        """``check DIR`` (walked in sorted order) and the text report do not depend on the hash seed."""
        args = ["check", str(SEEDS), "--reference", str(SEEDS / "reference.toml")]
        assert _cli(args, "0", tmp_path) == _cli(args, "1", tmp_path)

    def test_extract_jsonl_is_identical_across_hash_seeds_and_order(self, tmp_path: Path) -> None:
        """``extract --format jsonl`` prints each file's quantities the same way in any order of files."""
        files = [str(p) for p in sorted(SEEDS.glob("*.md"))]
        forward = _cli(["extract", *files, "--format", "jsonl"], "0", tmp_path).decode("utf-8")
        backward = _cli(["extract", *reversed(files), "--format", "jsonl"], "1", tmp_path).decode("utf-8")

        def by_file(out: str) -> dict[str, list[str]]:
            rows: dict[str, list[str]] = {}
            for line in out.splitlines():
                rows.setdefault(json.loads(line)["doc"], []).append(line)
            return rows

        assert by_file(forward) == by_file(backward) and len(by_file(forward)) == len(files)


class TestInProcess:
    def test_worker_processes_give_the_same_report(self, corpus: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """Extraction and rules in worker processes (forced even for a small corpus) give the report
        one process gives, with any number of processes."""
        docs = [read_document(p) for p in corpus]
        alone = render(factcheck.check(docs, jobs=1), "json")
        monkeypatch.setattr(factcheck.parallel, "MIN_FOR_POOL", 2)
        monkeypatch.setattr(factcheck.parallel, "MIN_FACTS_FOR_POOL", 0)
        monkeypatch.setattr(factcheck.parallel, "CHUNK", 7)
        assert render(factcheck.check(docs, jobs=2), "json") == alone
        assert render(factcheck.check(docs, jobs=3), "json") == alone
        assert render(factcheck.check(list(corpus), jobs=2), "json") == render(factcheck.check(list(corpus)), "json")

    @settings(max_examples=15, deadline=None)
    @given(order=st.randoms(use_true_random=False))
    def test_any_order_of_documents(self, order: random.Random) -> None:
        """``factcheck.check`` gives the same JSON for the rule fixtures' articles in any order."""
        docs = list(documents())
        expected = render(factcheck.check(docs), "json")
        shuffled = list(docs)
        order.shuffle(shuffled)
        assert render(factcheck.check(shuffled), "json") == expected

    def test_repeated_runs_in_one_process(self, corpus: list[str]) -> None:
        """Caches warmed by a first run change nothing in a second."""
        docs = [read_document(p) for p in corpus[:40]]
        assert render(factcheck.check(docs), "json") == render(factcheck.check(docs), "json")


class TestInputsUntouched:
    def test_reading_changes_no_file(self, tmp_path: Path) -> None:
        """extract, check, facts, a report and a baseline written elsewhere: every article, the
        reference file and the configuration keep their bytes and their modification times, and
        nothing new appears beside them."""
        from factcheck.cli import main

        corpus = tmp_path / "articles"
        corpus.mkdir()
        for p in [*SEEDS.iterdir()]:
            (corpus / p.name).write_bytes(p.read_bytes())
        (corpus / "factcheck.toml").write_text("[aliases]\nBABA = 'Alibaba'\n", encoding="utf-8")
        os.utime(corpus, (1_000_000_000, 1_000_000_000))
        for p in corpus.iterdir():
            os.utime(p, (1_000_000_000, 1_000_000_000))
        before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
        out = tmp_path / "out"
        out.mkdir()
        reference = str(corpus / "reference.toml")
        for argv in (
            ["extract", str(corpus), "--format", "jsonl", "-o", str(out / "q.jsonl")],
            ["check", str(corpus), "--reference", reference, "--format", "json", "-o", str(out / "r.json")],
            ["check", str(corpus), "--reference", reference, "--jobs", "2", "-o", str(out / "r.txt")],
            ["check", str(corpus), "--write-baseline", str(out / "baseline.json")],
            ["facts", str(corpus), "-o", str(out / "facts.txt")],
        ):
            assert main(argv) in (0, 1), argv
        after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
        assert after == before
        assert corpus.stat().st_mtime_ns == 1_000_000_000 * 10**9  # no file made and removed in it either
