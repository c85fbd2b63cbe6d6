"""The pytest plugin: ``pytest --factcheck`` checks a content repository's articles.

Opt in with ``--factcheck`` or the ini option ``factcheck = true``; installing factcheck never
changes a test run that does not ask. The articles are the ini option ``factcheck_paths``, or
else the ``paths`` of the factcheck configuration, or else the Markdown and text files among
pytest's arguments. The corpus is read and checked once per session; each article that pytest
collects yields one test item per finding whose first fact is in it (named
``FC201[Acme:revenue:2024]``), or one passing item ``consistent`` when it has none. A failure
prints exactly what ``factcheck check`` prints for the finding, without a traceback. An article
that cannot be read (not UTF-8, bad front matter) is one failing item, ``FC001``, with the
command's one-line message; the other articles are checked as usual.

Findings accepted in the baseline (``--factcheck-baseline FILE``, the ini option
``factcheck_baseline``, the configuration's ``baseline``, or else ``factcheck-baseline.json``
next to the configuration when it exists, as for ``factcheck check``) are strict xfails. A
baseline entry that no finding matches any more is a warning, as in ``factcheck check``: a
failing item ``baseline[FC201:1a2b3c4d]`` on the article the finding was reported on, with the
command's line for it, until the baseline is rewritten (not under ``fail-on = "error"`` or
``"never"``). The baseline can only shrink (a ratchet).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

if TYPE_CHECKING:
    from factcheck.report import Report


class FactcheckFailure(Exception):
    """A finding, raised by its test item; the message is the CLI's text for it."""


@attrs.frozen
class Spec:
    """One test item to be: its name, the text it fails with (``None``: it passes) and whether it
    is an expected failure (the reason), with the line it is about."""

    name: str
    failure: str | None
    xfail: str | None = None
    line: int = 0
    code: str = ""


@attrs.define
class State:
    """What the session learnt from checking the corpus once."""

    report: Report
    specs: dict[str, list[Spec]]  # real path of an article -> its items
    config_path: str | None
    baseline: str | None


_STATE = pytest.StashKey["State | None"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "checking the numbers in articles (factcheck)")
    group.addoption("--factcheck", action="store_true", default=False,
                    help="check the articles' numbers against each other: one test per finding")
    group.addoption("--factcheck-baseline", metavar="FILE", default=None,
                    help="accept the findings of this baseline file (strict xfail)")
    group.addoption("--factcheck-no-baseline", action="store_true", default=False,
                    help="use no baseline, not even the configured one or factcheck-baseline.json")
    parser.addini("factcheck", type="bool", default=False, help="run factcheck as if --factcheck were given")
    parser.addini("factcheck_paths", type="args", default=[],
                  help="articles or directories to check, relative to the rootdir "
                       "(default: the paths of the factcheck configuration)")
    parser.addini("factcheck_config", default="", help="the factcheck configuration file (default: found)")
    parser.addini("factcheck_baseline", default="", help="the baseline file of accepted findings")


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("factcheck") or config.getini("factcheck"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "factcheck: a test item that factcheck made from an article")


def pytest_report_header(config: pytest.Config) -> str | None:
    if not _enabled(config):
        return None
    state = _state(config)
    n = len(state.report.documents)
    return (f"factcheck: {n} article{'s' if n != 1 else ''}, configuration {state.config_path or '(none)'}, "
            f"baseline {state.baseline or '(none)'}")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FactcheckFile | None:
    if not _enabled(parent.config):
        return None
    state = _state(parent.config)
    if os.path.realpath(file_path) in state.specs:
        return FactcheckFile.from_parent(parent, path=file_path)
    return None


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if not _enabled(config) or config.stash.get(_STATE, None) is None:
        return
    terminalreporter.write_sep("-", "factcheck")
    terminalreporter.write_line(config.stash[_STATE].report.summary())  # type: ignore[union-attr]


class FactcheckFile(pytest.File):
    """An article: one item per finding that starts in it, or ``consistent``."""

    def collect(self) -> Iterator[FactcheckItem]:
        state = _state(self.config)
        for spec in state.specs[os.path.realpath(self.path)]:
            yield FactcheckItem.from_parent(self, name=spec.name, spec=spec)


class FactcheckItem(pytest.Item):
    """One finding (fails with the CLI's text), or a clean article (passes)."""

    def __init__(self, *, spec: Spec, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.add_marker(pytest.mark.factcheck)
        if spec.xfail:
            self.add_marker(pytest.mark.xfail(reason=spec.xfail, strict=True, raises=FactcheckFailure))

    def runtest(self) -> None:
        if self.spec.failure is not None:
            raise FactcheckFailure(self.spec.failure)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, FactcheckFailure):
            return str(excinfo.value).rstrip("\n")
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, max(self.spec.line - 1, 0), self.name


def _state(config: pytest.Config) -> State:
    """Check the corpus the first time it is needed, then keep the result for the session."""
    state = config.stash.get(_STATE, None)
    if state is None:
        from factcheck.errors import FactcheckError

        try:
            state = _build(config)
        except FactcheckError as exc:
            raise pytest.UsageError(f"factcheck: {exc}") from None
        config.stash[_STATE] = state
    return state


def _build(config: pytest.Config) -> State:
    from factcheck.config import FAIL_LEVELS, load_config
    from factcheck.documents import ARTICLE_SUFFIXES
    from factcheck.project import Run, collect_paths, default_baseline, display_path, evaluate

    root = Path(config.rootpath)
    here = Path(config.invocation_params.dir)
    given = [a.split("::")[0] for a in config.args]
    named = str(config.getini("factcheck_config") or "")
    # the configuration is found as the command finds it: walking up from the first path checked
    settings = load_config(root / named if named else None, start=here / given[0] if given else here)
    ini_paths = [str(root / p) for p in config.getini("factcheck_paths")]
    if ini_paths or settings.paths:
        paths = collect_paths([display_path(p) for p in ini_paths], settings)
    else:  # nothing configured: the articles among pytest's own arguments
        candidates = [p for p in given if os.path.isdir(p) or Path(p).suffix.lower() in ARTICLE_SUFFIXES]
        paths = _articles(candidates, settings)
    option, ini = config.getoption("factcheck_baseline"), config.getini("factcheck_baseline")
    if config.getoption("factcheck_no_baseline"):
        baseline: str | None = None
    elif option:
        baseline = str(option)
    elif ini:
        baseline = str(root / str(ini))
    else:  # the configuration's, or factcheck-baseline.json next to it, as `factcheck check` finds it
        baseline = default_baseline(settings)
    reference = str(settings.resolve(settings.reference)) if settings.reference else None
    report = evaluate(Run(settings, tuple(paths), reference, settings.select, settings.ignore, baseline))
    # findings below the configured fail-on are information, as they are for `factcheck check`
    levels = FAIL_LEVELS[settings.fail_on]
    report = attrs.evolve(report, findings=tuple(f for f in report.findings if f.severity in levels),
                          baselined=tuple(f for f in report.baselined if f.severity in levels))
    if "warning" not in levels:  # a stale baseline entry is a warning, as in `factcheck check`
        report = attrs.evolve(report, stale=())
    return State(report, _specs(report, baseline), settings.path, baseline)


def _articles(candidates: list[str], settings: Any) -> list[str]:
    """The articles under ``candidates``, skipping directories that hold none (a tests folder)."""
    from factcheck.errors import InputError, UsageError
    from factcheck.project import collect_paths, display_path

    out: list[str] = []
    for candidate in candidates:
        try:
            out += collect_paths([display_path(candidate)], settings)
        except (InputError, UsageError):
            continue
    return out


def _specs(report: Report, baseline: str | None) -> dict[str, list[Spec]]:
    from factcheck.output.text import render_finding, render_stale

    texts = report.texts
    specs: dict[str, list[Spec]] = {os.path.realpath(d.path): [] for d in report.documents}
    names: dict[str, set[str]] = {key: set() for key in specs}

    def add(doc: str, spec: Spec) -> None:
        key = os.path.realpath(doc)
        if key not in specs:
            return
        name, n = spec.name, 1
        while name in names[key]:  # the same claim reported twice in one article
            n += 1
            name = f"{spec.name}#{n}"
        names[key].add(name)
        specs[key].append(attrs.evolve(spec, name=name))

    for finding, reason in [*((f, None) for f in report.findings),
                            *((f, f"accepted in the baseline {baseline}") for f in report.baselined)]:
        first = finding.facts[0]
        line = first.where(texts)[0]
        add(first.doc, Spec(_name(finding), render_finding(finding, texts), reason, line, finding.code))
    for entry in report.stale:  # on the article the finding was reported on, with the command's line
        add(entry.reported_on, Spec(f"baseline[{entry.code}:{entry.fingerprint[:8]}]", render_stale(entry),
                                    None, 0, entry.code))
    for problem in report.unreadable:  # one failing item for the file, not a collection error
        specs[os.path.realpath(problem.path)] = [Spec(problem.code, str(problem), None, problem.line or 0,
                                                      problem.code)]
    for items in specs.values():
        if not items:
            items.append(Spec("consistent", None))
    return specs


def _name(finding: Any) -> str:
    q = finding.facts[0].q
    about = ":".join(str(x) for x in (q.entity, q.metric, q.period.key if q.period else None) if x)
    return f"{finding.code}[{about}]" if about else finding.code
