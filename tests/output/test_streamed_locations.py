"""With 512 files or more a run streams: the texts are dropped once the facts are made. Every view
of the report must still place a figure where the run that kept the texts places it (it used to
give line 1 and the character offset as the column in Python).

The threshold is lowered for the test so that a handful of articles stream (and, with ``jobs=2``,
go through the process pool) without writing 512 files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import factcheck
from factcheck import parallel, pipeline, project
from factcheck.documents import iter_paths, read_document
from factcheck.output import render
from factcheck.report import Report

ROOT = Path(__file__).resolve().parent.parent.parent
HEAD = "---\ntitle: Brief {n}\npublished: 2024-10-30\n---\n# Brief {n}\n\nAnalysts had expected little change.\n"
FIGURES = ("£22.6bn", "£22.6bn", "£226bn", "£22.6bn", "£2.26bn", "£22.6bn")


@pytest.fixture()
def few_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (pipeline, project, parallel):
        monkeypatch.setattr(module, "MIN_FOR_POOL", 3)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Articles whose figures sit on line 8, well into the line, each worded differently so the
    columns differ."""
    for n, figure in enumerate(FIGURES):
        lead = "In a filing published on Tuesday, " + "the group said that " * n
        (tmp_path / f"{n:02d}.md").write_text(HEAD.format(n=n) + f"{lead}Larkspur's revenue was {figure} in 2024.\n",
                                              encoding="utf-8")
    return tmp_path


def _places(report: Report) -> list[tuple[str, int, int]]:
    return [(fact.doc, *fact.where(report.texts)) for finding in report.findings for fact in finding.facts]


def _html_places(report: Report) -> list[str]:
    return re.findall(r"[\w./-]+\.md:\d+", report._repr_html_())


def _sarif_regions(report: Report) -> list[tuple[int, int, int, int]]:
    out = []
    for result in json.loads(render(report, "sarif"))["runs"][0]["results"]:
        for location in (*result["locations"], *result.get("relatedLocations", ())):
            r = location["physicalLocation"]["region"]
            out.append((r["startLine"], r["startColumn"], r["endLine"], r["endColumn"]))
    return out


def _kept(paths: list[str], **kwargs: object) -> Report:
    return pipeline.check([read_document(p) for p in paths], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_streamed_run_places_figures_as_a_run_that_kept_the_texts(few_stream: None, corpus: Path,
                                                                      jobs: int) -> None:
    paths = list(iter_paths([corpus]))
    kept = _kept(paths)
    streamed = pipeline.check([corpus], jobs=jobs)
    assert streamed.documents == () and kept.documents  # the run did stream
    assert streamed.findings and _places(kept) == _places(streamed)
    assert {line for _, line, _ in _places(kept)} == {8} and len({col for *_, col in _places(kept)}) > 2
    assert _html_places(streamed) == _html_places(kept) and all(p.endswith(":8") for p in _html_places(kept))
    assert render(streamed, "github") == render(kept, "github")
    assert _sarif_regions(streamed) == _sarif_regions(kept)


def test_to_pandas_of_a_streamed_run(few_stream: None, corpus: Path) -> None:
    pytest.importorskip("pandas")
    kept = _kept(list(iter_paths([corpus]))).to_pandas()
    streamed = pipeline.check([corpus], jobs=2).to_pandas()
    assert streamed[["doc", "line", "column"]].equals(kept[["doc", "line", "column"]])
    assert set(kept["line"]) == {8} and kept["column"].min() > 1


def test_factcheck_check_on_the_seeds_with_jobs(few_stream: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The notebook's call, streamed through two processes, places the seeds' finding as a run
    over the same documents kept in memory does, in every view."""
    monkeypatch.chdir(ROOT)
    reference = "seeds/reference.toml"
    streamed = factcheck.check(["seeds"], reference=reference, jobs=2)
    kept = factcheck.check([read_document(p) for p in iter_paths(["seeds"])], reference=reference)
    assert streamed.findings and _places(streamed) == _places(kept)
    assert all(line > 1 for _, line, _ in _places(kept))
    assert _html_places(streamed) == _html_places(kept)
    assert render(streamed, "github") == render(kept, "github")
    assert _sarif_regions(streamed) == _sarif_regions(kept)
    raw = pipeline.check(["seeds"], reference=reference, jobs=2)  # the texts dropped, none read again
    assert raw.documents == () and _places(raw) == _places(kept)
