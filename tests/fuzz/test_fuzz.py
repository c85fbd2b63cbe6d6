"""The bounded fuzz run of CI: every seed and regression once, then deterministic mutations, and
a short atheris run of each harness when atheris is installed. About 15 seconds in all; the long
run is documented in tests/fuzz/README.md."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import corpus
import fuzz_targets
import pytest
from mutate import Crash, fuzz

HERE = Path(__file__).resolve().parent
#: Seconds of mutation per target; the seeds run first and are not counted against it.
BUDGET = {"extract": 4.0, "readers": 1.5}


@pytest.mark.parametrize("kind", ["extract", "readers"])
def test_mutations_never_crash(kind: str) -> None:
    """Seeds and fixed-seed random mutations of them give results or clear errors, never a crash."""
    seeds = corpus.seeds(kind)
    assert len(seeds) > 100, "the seed corpus lost its sources"
    try:
        stats = fuzz(fuzz_targets.TARGETS[kind], seeds, tokens=corpus.dictionary(), max_seconds=BUDGET[kind],
                     seed=20240528)
    except Crash as crash:
        pytest.fail(f"{kind} target crashed; add the input to tests/fuzz/regressions/ once fixed\n{crash}")
    assert stats.runs >= len(seeds)  # every seed ran at least once, even on a loaded machine


@pytest.mark.parametrize("path", sorted((HERE / "regressions").iterdir()), ids=lambda p: p.name)
def test_regressions_stay_fixed(path: Path) -> None:
    """Inputs that once crashed a target (each named after its target) run cleanly."""
    kind = path.name.split("-", 1)[0]
    fuzz_targets.TARGETS[kind](path.read_bytes())


@pytest.mark.parametrize(
    ("target", "data"),
    [
        pytest.param("extract", b"Revenue was $5bn.", id="clean article"),
        pytest.param("readers", b"\x00---\ntitle: [unclosed\n---\nRevenue $5bn.\n", id="bad front matter"),
        pytest.param("readers", b"\x03[[fact]]\nentity = 'Acme'\n", id="incomplete reference fact"),
    ],
)
def test_targets_accept_clear_errors(target: str, data: bytes) -> None:
    """A target passes on good input and on input that fails with a clear error."""
    fuzz_targets.TARGETS[target](data)


def test_targets_catch_broken_promises() -> None:
    """The checks the targets make do fail on a span that lies or on a message of two lines."""
    from factcheck.errors import InputError
    from factcheck.pipeline import extract

    found = extract("Revenue was $5bn.")
    lying = [found[0].__class__(**{**{f: getattr(found[0], f) for f in ("start", "end", "value", "unit")},
                                   "text": "$6bn"})]
    with pytest.raises(AssertionError):
        fuzz_targets.assert_spans("Revenue was $5bn.", lying)
    with pytest.raises(AssertionError):
        fuzz_targets.assert_clear_error(InputError("a.md", "two\nlines"), "a.md", "")
    with pytest.raises(AssertionError):
        fuzz_targets.assert_clear_error(InputError("a.md", "bad", line=9), "a.md", "one line\n")


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
@pytest.mark.parametrize("harness", ["fuzz_extract.py", "fuzz_readers.py"])
def test_atheris_harness_runs(harness: str, tmp_path: Path) -> None:
    """Each atheris harness instruments factcheck, loads a corpus and fuzzes without a crash (a few
    seeds only here: the mutation test above runs them all)."""
    kind = harness.removeprefix("fuzz_").removesuffix(".py")
    (tmp_path / "corpus").mkdir()
    for k, data in enumerate(corpus.seeds(kind)[::40]):
        (tmp_path / "corpus" / f"seed-{k}").write_bytes(data)
    done = subprocess.run(
        [sys.executable, str(HERE / harness), "-max_total_time=2", "-seed=1", f"-artifact_prefix={tmp_path}/",
         str(tmp_path / "corpus")],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "INITED" in done.stderr and "Done" in done.stderr
    assert not list(tmp_path.glob("crash-*"))
