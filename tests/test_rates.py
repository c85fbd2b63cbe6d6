"""Exchange rates in a run: articles newer than the rates, conversions left unchecked, `--rates`.

The bundled ECB data ends 2026-10-30. "£340m ($560m)" is wrong at any rate of late 2026 (about
$455m), so FC501 fires whenever the conversion can be checked at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.config import Config

CONVERSION = ("---\npublished: {day}\n---\n"
              "Brightwater's revenue was £340m ($560m) in the first half, the company said.\n")
#: ECB wide format, newest first, as eurofxref-hist.csv has it (the trailing comma too)
RATES = "Date,USD,GBP,\n2026-12-04,1.1600,0.8700,\n2026-12-03,1.1580,0.8690,\n"


def _article(tmp_path: Path, day: str, name: str = "d.md") -> Path:
    path = tmp_path / name
    path.write_text(CONVERSION.format(day=day), encoding="utf-8")
    return path


def _json(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    return json.loads(capsys.readouterr().out)


def test_article_newer_than_the_rates_is_checked_at_the_latest_rate_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ten days after the data ends, FC501 still checks the conversion, at the rate of 2026-10-30,
    and both the message and the computed values say it is the latest rate, not the day's."""
    article = _article(tmp_path, "2026-11-09")
    assert main(["check", str(article), "--format", "json"]) == 1
    [finding] = _json(capsys)["findings"]
    assert finding["code"] == "FC501"
    assert "(ECB, the latest rate, of 2026-10-30)" in finding["message"]
    assert finding["computed"]["rate_date"] == "2026-10-30" and finding["computed"]["rate_is_latest"] is True


def test_rate_of_the_day_is_not_called_the_latest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Inside the data the message keeps its form, and rate_is_latest is false."""
    assert main(["check", str(_article(tmp_path, "2026-09-09")), "--format", "json"]) == 1
    [finding] = _json(capsys)["findings"]
    assert "(ECB, 2026-09-09)" in finding["message"] and finding["computed"]["rate_is_latest"] is False


def test_conversion_past_the_window_is_counted_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Five weeks after the data ends the conversion cannot be checked: no finding, exit 0, but
    the summary says how many, where, why, and how to give newer rates; JSON counts it too."""
    article = _article(tmp_path, "2026-12-05")
    assert main(["check", str(article)]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith("Found 0 conflicts in 1 document")
    assert (f"1 conversion not checked (FC501): {article}:4:34 '$560m': no ECB rate for GBP within 14 days "
            "before 2026-12-05; the bundled data ends 2026-10-30; give newer or other rates with `--rates FILE`"
            ) in summary
    assert main(["check", str(article), "--format", "json"]) == 0
    report = _json(capsys)
    assert report["summary"]["conversions_unchecked"] == 1
    assert report["notes"] and "1 conversion not checked (FC501)" in report["notes"][0]


def test_nothing_unchecked_says_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With every conversion checked the count is 0 and there is no note; with FC501 not selected
    nothing is counted, because nothing was going to be checked."""
    article = _article(tmp_path, "2026-09-09")
    main(["check", str(article), "--format", "json"])
    report = _json(capsys)
    assert report["summary"]["conversions_unchecked"] == 0 and report["notes"] == []
    main(["check", str(_article(tmp_path, "2026-12-05")), "--format", "json", "--select", "FC2"])
    report = _json(capsys)
    assert "conversions_unchecked" not in report["summary"] and report["notes"] == []


def test_rates_option_checks_articles_the_bundled_data_cannot(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--rates FILE` in the ECB's CSV format: the article of 2026-12-05 is checked at the file's
    latest rate, GBP/USD 1.16/0.87, of the Friday before."""
    article = _article(tmp_path, "2026-12-05")
    rates = tmp_path / "eurofxref-hist.csv"
    rates.write_text(RATES, encoding="utf-8")
    assert main(["check", str(article), "--rates", str(rates), "--format", "json"]) == 1
    report = _json(capsys)
    [finding] = report["findings"]
    assert finding["computed"]["rate_date"] == "2026-12-04"
    assert finding["computed"]["rate"].startswith("1.3333")  # 1.16 / 0.87
    assert report["summary"]["conversions_unchecked"] == 0


def test_rates_setting_is_relative_to_the_configuration(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`rates = "..."` in the configuration is read relative to its file, from any working directory."""
    (tmp_path / "fx").mkdir()
    (tmp_path / "fx" / "eurofxref-hist.csv").write_text(RATES, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('rates = "fx/eurofxref-hist.csv"\n', encoding="utf-8")
    article = _article(tmp_path, "2026-12-05")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["check", str(article), "--format", "json"]) == 1
    assert _json(capsys)["findings"][0]["computed"]["rate_date"] == "2026-12-04"


@pytest.mark.parametrize(("content", "problem"), [
    (None, "cannot read exchange-rate file: No such file or directory"),
    ("hello\n", ":1: unrecognised header 'hello'"),
    ("Date,USD,GBP,\n2026-12-04,1.16,x,\n", ":2: 'x' is not a number"),
    ("Date,USD\n04/12/2026,1.16\n", ":2: '04/12/2026' is not an ISO date"),
], ids=["missing", "header", "number", "date"])
def test_bad_rates_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               content: str | None, problem: str) -> None:
    """A rates file that cannot be used stops the run before any article is read: one line naming
    the file (and the line), exit 2, nothing on standard output. A bad cell in a column no
    article asks for is found too: the file is read in full."""
    rates = tmp_path / "rates.csv"
    if content is not None:
        rates.write_text(content, encoding="utf-8")
    assert main(["check", str(_article(tmp_path, "2026-12-05")), "--rates", str(rates)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"factcheck: error: {rates}") and problem in err and err.count("\n") == 1


def test_version_names_the_rates_date(capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck --version` says how far the bundled rates go, since that decides what is checked."""
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"factcheck {factcheck.__version__} (ECB rates to 2026-10-30)\n"


def test_library_run_counts_unchecked_conversions_and_reads_configured_rates(tmp_path: Path) -> None:
    """`factcheck.check` gives the same coverage and note as the command, and takes the rates from
    the configuration it is given."""
    article = _article(tmp_path, "2026-12-05")
    report = factcheck.check([str(article)])
    assert report.findings == () and report.coverage["conversions_unchecked"] == 1
    assert "1 conversion not checked (FC501)" in report.summary()
    (tmp_path / "rates.csv").write_text(RATES, encoding="utf-8")
    config = Config(path=str(tmp_path / "factcheck.toml"), rates="rates.csv")
    [finding] = factcheck.check([str(article)], config=config).findings
    assert finding.code == "FC501" and finding.computed["rate_date"] == "2026-12-04"


def test_fc201_names_the_latest_rate_in_a_cross_currency_conflict(tmp_path: Path) -> None:
    """FC201's currency note says "the latest rate" when the articles are newer than the rates."""
    for name, figure, tail in (("a.md", "£340 million", "the company said"),
                               ("b.md", "$860 million", "the filing says")):
        (tmp_path / name).write_text(f"---\npublished: 2026-11-09\n---\nAcme Corp reported revenue of {figure} for "
                                     f"2025, {tail}.\n", encoding="utf-8")
    [finding] = factcheck.check([str(tmp_path)]).findings
    assert finding.code == "FC201"
    assert finding.message.endswith(", the latest rate, of 2026-10-30)")
    assert finding.computed["fx"]["latest"] is True  # type: ignore[index]
