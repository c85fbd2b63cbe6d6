"""SARIF 2.1.0, for code scanning (GitHub and any SARIF viewer).

Every rule is declared in the driver, whether it found anything or not, so a viewer can close
the alerts of rules that ran clean. A result's location is its first fact; the other sources
are ``relatedLocations``. Files that could not be read (FC001) are not results of a rule: they
are ``invocations[0].toolExecutionNotifications``, with ``executionSuccessful: false``.
``partialFingerprints`` carries the content fingerprint of
:mod:`factcheck.report.baseline`, so alerts follow a sentence when lines move. With a baseline, new
results say ``baselineState: new`` and accepted ones ``unchanged`` with an external suppression.
Columns count code points (``columnKind: unicodeCodePoints``), as every factcheck offset does.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factcheck._version import __version__
from factcheck.facts import Fact
from factcheck.findings import Finding
from factcheck.report.fingerprint import FINGERPRINT_KEY, Fingerprinter
from factcheck.report.unreadable import Unreadable
from factcheck.rules import known_rules

if TYPE_CHECKING:
    from factcheck.output import Options
    from factcheck.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: ``[project.urls] Homepage`` in pyproject.toml (a test keeps the two equal); not the registry page
#: of ``factcheck``, which is another project
INFORMATION_URI = "https://pypi.org/project/factcheck-news/"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(report: Report, options: Options) -> str:
    return json.dumps(sarif_log(report, options), ensure_ascii=False, indent=2) + "\n"


def sarif_log(report: Report, options: Options) -> dict[str, Any]:
    """The SARIF log of ``report`` as a dict (one run)."""
    rules = known_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    texts = report.texts
    fingerprint = Fingerprinter({d.path: d for d in report.documents}, options.root)
    results = [_result(f, index, texts, fingerprint(f), "new" if options.baseline else None)
               for f in report.findings]
    for f in report.baselined:
        result = _result(f, index, texts, fingerprint(f), "unchanged")
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": "accepted in the factcheck baseline"}]
        results.append(result)
    driver = {
        "name": "factcheck",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(r) for r in rules],
    }
    run: dict[str, Any] = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    if report.unreadable:
        # files not read are not results of a rule: SARIF has the invocation's notifications for them
        run["invocations"] = [{"executionSuccessful": False,
                               "toolExecutionNotifications": [_notification(u) for u in report.unreadable]}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _notification(problem: Unreadable) -> dict[str, Any]:
    region = {"startLine": problem.line} if problem.line is not None else {}
    location: dict[str, Any] = {"artifactLocation": {"uri": uri(problem.path)}}
    if region:
        location["region"] = region
    return {"level": "error", "message": {"text": problem.message()}, "descriptor": {"id": problem.code},
            "locations": [{"physicalLocation": location}]}


def _descriptor(rule: Any) -> dict[str, Any]:
    doc = inspect.cleandoc(type(rule).__doc__ or "")
    level = "warning" if rule.code.startswith("FC9") else "error"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": level},
    }


def _result(f: Finding, index: dict[str, int], texts: dict[str, str], fingerprint: str,
            state: str | None) -> dict[str, Any]:
    message = f.message + (f" (help: likely {f.cause})" if f.cause and f.cause not in f.message else "")
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": _LEVEL.get(f.severity, "warning"),
        "message": {"text": message},
        "locations": [_location(f.facts[0], texts)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    related = []
    for n, fact in enumerate(f.facts[1:], 1):
        loc = _location(fact, texts)
        loc["id"] = n
        loc["message"] = {"text": f"{fact.q.text!r} in {fact.doc}"}
        related.append(loc)
    if related:
        result["relatedLocations"] = related
    if state:
        result["baselineState"] = state
    return result


def _location(fact: Fact, texts: dict[str, str]) -> dict[str, Any]:
    r = fact.region(texts)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(fact.doc)},
            "region": {"startLine": r.start_line, "startColumn": r.start_col, "endLine": r.end_line,
                       "endColumn": r.end_col, "snippet": {"text": fact.q.text}},
        }
    }


def uri(path: str) -> str:
    """A relative path as a relative URI reference (``/``, percent-encoded); an absolute one as
    a ``file:`` URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(Path(path).as_posix(), safe="/")
