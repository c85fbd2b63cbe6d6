"""Suppressions: inline comments, front-matter ignores, per-file ignores, FC901 and FC902."""

from __future__ import annotations

import pytest

from factcheck.documents import parse_document
from factcheck.errors import InputError
from factcheck.pipeline import check
from factcheck.report import Report
from factcheck.report.suppressions import apply, front_matter_ignores, parse
from factcheck.rules import known_rules

HEAD = "---\npublished: 2024-10-30\n---\n"
GOOD = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
ODD = HEAD + "Acme's revenue reached £28.6bn in 2024, according to the filing.\n"


def _report(odd: str = ODD, good: str = GOOD, **options: object) -> Report:
    docs = [parse_document(good, "a.md"), parse_document(odd, "b.md")]
    report = check(docs, select=options.get("select", ()), ignore=options.get("ignore", ()))  # type: ignore[arg-type]
    return apply(report, **options)  # type: ignore[arg-type]


def _codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]


class TestParse:
    def test_ignore_covers_the_next_block_only(self) -> None:
        """`ignore` covers the block after the comment, up to the next blank line."""
        text = HEAD + "<!-- factcheck: ignore FC201 -->\nFirst line.\nSecond line.\n\nNext block.\n"
        [s], problems = parse(parse_document(text, "a.md"))
        assert problems == [] and s.codes == ("FC201",)
        assert text[s.scope[0] : s.scope[1]] == "First line.\nSecond line."

    def test_disable_runs_to_enable_or_the_end(self) -> None:
        """`disable` covers everything up to the matching `enable`; one left open runs to the end."""
        text = HEAD + "a <!-- factcheck: disable FC2 --> b <!-- factcheck: enable --> c <!-- factcheck: disable --> d"
        first, second = parse(parse_document(text, "a.md"))[0]
        assert text[first.scope[0] : first.scope[1]].strip() == "b" and first.codes == ("FC2",)
        assert text[second.scope[0] : second.scope[1]].strip() == "d" and second.codes == ()

    def test_reason_and_comma_separated_codes(self) -> None:
        """Codes may be separated by commas or spaces; text after `--` is the reason."""
        text = HEAD + "<!-- factcheck: ignore fc201, FC3 -- restated later -->\nX.\n"
        [s], _ = parse(parse_document(text, "a.md"))
        assert s.codes == ("FC201", "FC3") and s.reason == "restated later"

    @pytest.mark.parametrize(("comment", "problem"), [
        ("<!-- factcheck: ignroe FC201 -->", "unknown action 'ignroe'"),
        ("<!-- factcheck: ignore FC299 -->", "'FC299' names no rule"),
        ("<!-- factcheck: enable -->", "'enable' without a 'disable'"),
    ], ids=["misspelt action", "unknown code", "stray enable"])
    def test_unreadable_comments_are_problems(self, comment: str, problem: str) -> None:
        """A comment that cannot be read suppresses nothing and is reported."""
        found, problems = parse(parse_document(HEAD + comment + "\nX.\n", "a.md"))
        assert found == [] and len(problems) == 1 and problem in problems[0].problem

    def test_comments_in_front_matter_are_not_read(self) -> None:
        """Only the body is searched: the front matter is YAML, not Markdown."""
        text = "---\nnote: '<!-- factcheck: ignore -->'\n---\nBody.\n"
        assert parse(parse_document(text, "a.md")) == ([], [])


class TestApply:
    def test_without_comments_the_conflict_stays(self) -> None:
        """No suppression: the FC201 finding is reported and nothing is suppressed."""
        report = _report()
        assert _codes(report) == ["FC201"] and report.suppressed == ()

    @pytest.mark.parametrize("where", ["odd side", "other side"])
    def test_either_side_may_carry_the_ignore(self, where: str) -> None:
        """An ignore before the figure in either source suppresses the finding."""
        comment = "<!-- factcheck: ignore FC201 -- known -->\n"
        odd = ODD.replace(HEAD, HEAD + comment) if where == "odd side" else ODD
        good = GOOD.replace(HEAD, HEAD + comment) if where == "other side" else GOOD
        report = _report(odd, good)
        assert _codes(report) == [] and [f.code for f in report.suppressed] == ["FC201"]

    def test_prefix_and_disable_range(self) -> None:
        """`disable FC2` suppresses every FC2xx finding inside the range."""
        report = _report(ODD.replace(HEAD, HEAD + "<!-- factcheck: disable FC2 -->\n"))
        assert _codes(report) == [] and len(report.suppressed) == 1

    def test_ignore_of_another_rule_is_unused(self) -> None:
        """An ignore naming a rule that reported nothing there leaves the finding and warns FC901."""
        report = _report(ODD.replace(HEAD, HEAD + "<!-- factcheck: ignore FC301 -->\n"))
        assert sorted(_codes(report)) == ["FC201", "FC901"]
        [meta] = [f for f in report.findings if f.code == "FC901"]
        assert meta.severity == "warning" and "FC301" in meta.message
        fact = meta.facts[0]
        assert ODD.replace(HEAD, HEAD + "<!-- factcheck: ignore FC301 -->\n")[fact.q.start : fact.q.end] == fact.q.text
        assert fact.q.text == "<!-- factcheck: ignore FC301 -->"

    def test_ignore_after_the_figure_is_unused(self) -> None:
        """An ignore only covers the block after it: one placed after the figure is unused."""
        report = _report(ODD + "\n<!-- factcheck: ignore FC201 -->\nNothing here.\n")
        assert sorted(_codes(report)) == ["FC201", "FC901"]

    def test_unused_is_not_judged_when_the_rule_did_not_run(self) -> None:
        """With FC201 not selected, an FC201 ignore is neither used nor reported."""
        report = _report(GOOD.replace(HEAD, HEAD + "<!-- factcheck: ignore FC201 -->\n"), select=("FC3", "FC9"))
        assert _codes(report) == []

    def test_meta_findings_obey_selection(self) -> None:
        """--ignore FC9 silences FC901 and FC902."""
        odd = ODD.replace(HEAD, HEAD + "<!-- factcheck: ignore FC301 -->\n<!-- factcheck: bogus -->\n")
        assert sorted(_codes(_report(odd))) == ["FC201", "FC901", "FC902"]
        assert _codes(_report(odd, ignore=("FC9",))) == ["FC201"]

    def test_front_matter_ignore(self) -> None:
        """`factcheck: {ignore: [FC2]}` in either article's front matter suppresses the finding."""
        odd = ODD.replace("published:", "factcheck: {ignore: [FC2]}\npublished:")
        report = _report(odd)
        assert _codes(report) == [] and len(report.suppressed) == 1

    def test_per_file_ignores_callback(self) -> None:
        """Codes the configuration gives for a path suppress findings touching it."""
        report = _report(file_ignores=lambda path: ("FC201",) if path == "a.md" else ())
        assert _codes(report) == [] and len(report.suppressed) == 1

    @pytest.mark.parametrize(("odd", "options", "reason"), [
        (ODD.replace(HEAD, HEAD + "<!-- factcheck: ignore FC201 -- restated in the annual report -->\n"), {},
         "restated in the annual report (comment at b.md:4)"),
        (ODD.replace(HEAD, HEAD + "<!-- factcheck: ignore FC2 -->\n"), {},
         "'<!-- factcheck: ignore FC2 -->' at b.md:4, no reason given"),
        (ODD.replace("published:", "factcheck: {ignore: [FC2]}\npublished:"), {},
         "front matter (b.md: factcheck.ignore FC2)"),
        (ODD, {"file_ignores": lambda path: ("FC201",) if path == "a.md" else ()},
         "per-file-ignores (FC201 for a.md)"),
    ], ids=["comment with a reason", "comment without one", "front matter", "per-file-ignores"])
    def test_each_suppressed_finding_has_its_reason(self, odd: str, options: dict[str, object], reason: str) -> None:
        """The report says why each suppressed finding was switched off, for the HTML report to show."""
        report = _report(odd, **options)
        [finding] = report.suppressed
        assert report.suppression_reasons == {finding: reason}
        assert report.filter("FC2").suppression_reasons[finding] == reason  # kept when filtered


class TestFrontMatter:
    @pytest.mark.parametrize(("meta", "problem"), [
        ("factcheck: {skip: true}", "unknown key 'skip'; valid keys are: ignore"),
        ("factcheck: [FC201]", "must be a table"),
        ("factcheck: {ignore: [FC299]}", "'FC299' names no rule"),
        ("factcheck: {ignore: 3}", "must be a list of rule codes"),
    ], ids=["unknown key", "not a table", "unknown code", "not a list"])
    def test_bad_front_matter_is_an_input_error(self, meta: str, problem: str) -> None:
        """A malformed `factcheck` table stops the run naming the file and the line."""
        doc = parse_document(f"---\ntitle: x\n{meta}\n---\nBody.\n", "a.md")
        with pytest.raises(InputError) as err:
            front_matter_ignores(doc)
        assert problem in str(err.value) and err.value.line == 3 and err.value.path == "a.md"

    def test_a_single_code_may_be_a_string(self) -> None:
        """`ignore: FC201` is read as a list of one code."""
        assert front_matter_ignores(parse_document("---\nfactcheck: {ignore: fc201}\n---\nx\n", "a.md")) == ("FC201",)


def test_meta_rules_have_documentation() -> None:
    """FC901 and FC902 are known rules with a summary and Bad/Good examples, like every rule."""
    rules = {r.code: r for r in known_rules()}
    for code in ("FC901", "FC902"):
        doc = type(rules[code]).__doc__ or ""
        assert "**Bad**" in doc and "**Good**" in doc and rules[code].summary()
