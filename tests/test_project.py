"""``factcheck.check`` (``project.check``) runs what ``factcheck check`` runs, and rejects bad
arguments with a one-line ``UsageError`` instead of a wrong answer or an ``AttributeError``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.documents import parse_document
from factcheck.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
NEWSROOM = ROOT / "examples" / "newsroom"
HEAD = "---\npublished: 2024-10-30\n---\n"
A = HEAD + "Larkspur Robotics reported revenue of £22.6bn in 2024, the company said.\n"
B = HEAD + "Larkspur reported revenue of £28.6bn in 2024, according to the filing.\n"
CONFIG = 'paths = ["news"]\nexclude = ["c.md"]\n{}[aliases]\n"Larkspur Robotics" = "Larkspur"\n'
C = HEAD + "Hooli hired 300 engineers.\n"


def _cli_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    main(["check", *args, "--format", "json"])
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content repository whose configuration matters: without its alias, a.md and b.md name
    different companies and nothing is compared; c.md is excluded."""
    (tmp_path / "news").mkdir()
    for name, text in (("a.md", A), ("b.md", B), ("c.md", C)):
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text(CONFIG.format(""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_newsroom_gives_what_the_command_gives(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Configuration found from the path, the inline suppression applied, the same JSON as the CLI
    (the configured run is the command's; the unconfigured one shows the suppressed finding)."""
    monkeypatch.chdir(ROOT)
    path = "examples/newsroom/articles"
    report = factcheck.check(path)
    # fingerprints count paths from the project's directory, as the command's do
    assert report.to_dict(root=NEWSROOM) == _cli_json([path], capsys)
    assert [f.code for f in report.suppressed] == ["FC201"]
    raw = factcheck.check(path, configured=False)
    assert not raw.suppressed and len(raw.findings) == len(report.findings) + 1


def test_configuration_found_from_the_first_path(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The alias joins the two companies and the exclusion drops c.md, as for `factcheck check`;
    `configured=False` sees neither."""
    report = factcheck.check("news")
    assert [f.code for f in report.findings] == ["FC201"] and report.coverage["documents"] == 2
    assert report.to_dict() == _cli_json(["news"], capsys)
    bare = factcheck.check("news", configured=False)
    assert not bare.findings and bare.coverage["documents"] == 3


def test_no_sources_checks_the_configured_paths(project: Path) -> None:
    assert factcheck.check().to_dict() == factcheck.check("news").to_dict()


def test_config_given_as_a_path_or_a_config(project: Path, tmp_path: Path) -> None:
    """A config named by path is read (not an AttributeError); a loaded one is used as is."""
    other = tmp_path / "other.toml"
    other.write_text("ignore = [\"FC2\"]\n", encoding="utf-8")
    assert not factcheck.check("news", config=other).findings
    assert factcheck.check("news", config=factcheck.load_config(project / "factcheck.toml")).findings


def test_baseline_configured_given_or_switched_off(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The configured baseline accepts the finding; `baseline=False` reads none."""
    assert main(["baseline", "write"]) == 0
    capsys.readouterr()
    (project / "factcheck.toml").write_text(CONFIG.format('baseline = "factcheck-baseline.json"\n'), encoding="utf-8")
    report = factcheck.check("news")
    assert not report.findings and [f.code for f in report.baselined] == ["FC201"]
    assert factcheck.check("news", baseline=False).findings
    assert factcheck.check("news", baseline=project / "factcheck-baseline.json").baselined


def test_an_inline_suppression_in_an_in_memory_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents made in Python are suppressed like files (and not at all with configured=False)."""
    monkeypatch.chdir(tmp_path)
    a = parse_document(A.replace("Larkspur Robotics", "Larkspur"), "a.md")
    b = parse_document(B.replace(HEAD, HEAD + "<!-- factcheck: ignore FC201 -- a typo in the filing -->\n"), "b.md")
    assert [f.code for f in factcheck.check([a, b]).suppressed] == ["FC201"]
    assert [f.code for f in factcheck.check([a, b], configured=False).findings] == ["FC201"]


def test_one_path_as_str_or_path(project: Path) -> None:
    """A single path is a list of one, not a sequence of characters."""
    expected = factcheck.check(["news"]).to_dict()
    assert factcheck.check("news").to_dict() == expected
    assert factcheck.check(Path("news")).to_dict() == expected
    assert factcheck.check(project / "news" / "a.md", configured=False).coverage["documents"] == 1


def test_select_as_one_string_or_several(project: Path) -> None:
    """`"FC301"` is one code (not the prefixes F, C, 3...), `"fc2,FC3"` two, and a list works."""
    assert not factcheck.check("news", select="FC301").findings
    assert factcheck.check("news", select="fc2,FC3").findings
    assert factcheck.check("news", select=["FC201"]).findings
    assert not factcheck.check("news", ignore="FC201").findings


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"select": ["FC2O1"]}, "select: 'FC2O1' is the code or prefix of no rule"),
    ({"select": "XYZ"}, "select: 'XYZ' is the code or prefix of no rule"),
    ({"ignore": ["FC999"]}, "ignore: 'FC999' is the code or prefix of no rule"),
    ({"select": [1]}, "select: 1 is not a rule code"),
    ({"select": 301}, "select must be a rule code"),
    ({"config": 3}, "config must be a Config"),
    ({"reference": 3.5}, "reference must be the path of a reference file"),
    ({"jobs": 0}, "jobs must be a whole number"),
    ({"jobs": "2"}, "jobs must be a whole number"),
    ({"baseline": 1}, "baseline must be the path of a baseline file or False"),
    ({"configured": False, "baseline": "b.json"}, "baseline= needs configured=True"),
])
def test_bad_arguments_are_usage_errors(project: Path, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=f"^{message}"):
        factcheck.check("news", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("sources", [42, [1], b"news", ["news", None]])
def test_sources_of_the_wrong_type(project: Path, sources: object) -> None:
    with pytest.raises(UsageError, match=r"^sources must be"):
        factcheck.check(sources)  # type: ignore[arg-type]
