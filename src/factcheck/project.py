"""A check run the way the project set it up: the configuration's paths, rules and baseline,
suppressions applied, and only the changed files' findings when asked.

The command (:mod:`factcheck.cli`) and the pytest plugin (:mod:`factcheck.pytest_plugin`) both
run :func:`evaluate`, so a finding is reported, suppressed or accepted the same way by both.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

import attrs

from factcheck._terminal import PROGRESS_MIN, status
from factcheck._terminal import progress as bar
from factcheck.config import Config
from factcheck.documents import iter_paths
from factcheck.errors import UsageError
from factcheck.model import Document
from factcheck.parallel import MIN_FOR_POOL
from factcheck.pipeline import check, check_against, read_all
from factcheck.report import Report, Unreadable
from factcheck.report.baseline import apply_baseline, load_baseline
from factcheck.report.suppressions import apply


@attrs.frozen
class Run:
    """A check to run: the configuration, merged with the options that override it."""

    config: Config
    paths: tuple[str, ...]
    reference: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: str | None = None
    #: report only findings touching these files (``None``: every finding)
    changed: tuple[str, ...] | None = None
    jobs: int = 1
    #: an archive made by `factcheck index` to check the paths against
    against: str | None = None


def evaluate(run: Run, *, progress: bool = False) -> Report:
    """Read, check, apply suppressions and the baseline, keep the changed files' findings.

    ``progress`` draws a bar (or a status line) on standard error when it is a terminal.
    """
    if run.against and not os.path.isfile(run.against):
        raise UsageError(f"{run.against}: no such archive (make one with `factcheck index PATHS --store ...`)")
    run.config.fx_table()  # a bad rates file stops the run before any article is read
    # many files are streamed (their texts are not kept: the report reads again those it needs);
    # fewer are read here, so that the report quotes and places figures from the texts
    streamed = len(run.paths) >= MIN_FOR_POOL and not run.against
    unreadable: list[Unreadable] = []
    if streamed:
        sources: list[str] | list[Document] = list(run.paths)
    else:  # a file that cannot be read is reported (FC001) and the others are checked
        sources, unreadable = read_all(bar(run.paths, "reading") if progress else run.paths)
    busy = progress and (streamed or len(run.paths) >= PROGRESS_MIN)
    with status(f"checking {len(run.paths)} documents…" if busy else None):
        if run.against:
            report = check_against(sources, run.against, reference=run.reference, config=run.config,
                                   select=run.select, ignore=run.ignore)
        else:
            report = check(sources, reference=run.reference, config=run.config, select=run.select, ignore=run.ignore,
                           jobs=run.jobs)
    if unreadable:
        report = attrs.evolve(report, unreadable=(*unreadable, *report.unreadable))
    if streamed:
        texts, gone = read_all(_texts_needed(run.paths, report))
        report = attrs.evolve(report, documents=tuple(texts), unreadable=(*report.unreadable, *gone))
    return _finish(run, report)


def _texts_needed(paths: Sequence[str], report: Report) -> list[str]:
    """The files whose text the report needs: those with findings, and those with suppression
    comments (an unused one is itself reported). Reading bytes to look for the word is cheap."""
    involved = {f.doc for finding in report.findings for f in finding.facts}
    unreadable = {u.path for u in report.unreadable}
    out = []
    for path in paths:
        if path in unreadable:
            continue
        if path in involved:
            out.append(path)
            continue
        try:
            if b"factcheck" in Path(path).read_bytes():
                out.append(path)
        except OSError:
            continue
    return out


def _finish(run: Run, report: Report) -> Report:
    """Suppressions, the baseline and --changed-only, the same for every way of running."""
    report = apply(report, select=run.select, ignore=run.ignore, file_ignores=run.config.file_ignores)
    if run.baseline is not None:
        report = apply_baseline(report, load_baseline(run.baseline))
    if run.changed is not None:
        report = report.touching(run.changed)
    return report


def collect_paths(given: Sequence[str], config: Config, *, with_configured: bool = False) -> list[str]:
    """The article files to read: ``given`` (or the configured ``paths`` when none is given, or
    both with ``with_configured``), directories walked, excluded files left out, each file once.

    Files found by walking ``.`` are shown as ``articles/a.md``, not ``./articles/a.md``; every
    other path keeps the spelling it was given.
    """
    roots = list(given)
    if not roots or with_configured:
        roots = [display_path(str(config.resolve(p))) for p in config.paths] + roots
    if not roots:
        raise UsageError("no paths given, and the configuration names no `paths`")
    out: list[str] = []
    seen: set[str] = set()
    for root in roots:
        walked = os.path.isdir(root)
        for path in iter_paths([root]):
            key = os.path.realpath(path)
            if key in seen or config.is_excluded(path):
                continue
            seen.add(key)
            out.append(_strip_dot(path) if walked else path)
    if not out:
        raise UsageError(f"nothing to check: the configuration excludes every file of {', '.join(roots)}")
    return out


def display_path(path: str) -> str:
    """A path relative to the working directory when it is under it, else absolute."""
    rel = os.path.relpath(path)
    return path if rel == ".." or rel.startswith(".." + os.sep) else rel


def _strip_dot(path: str) -> str:
    """``./articles/a.md`` as ``articles/a.md``: what walking ``.`` gives, as people write it."""
    while path.startswith("." + os.sep) and len(path) > 2:
        path = path[2:]
    return path


def changed_files(files: Sequence[str]) -> list[str]:
    """The files among ``files`` that differ from git HEAD (staged, unstaged or untracked)."""
    if not files:
        return []
    where = os.path.dirname(os.path.abspath(files[0]))
    top = _git(["rev-parse", "--show-toplevel"], where)
    if top is None:
        raise UsageError(f"--changed-only needs a git work tree, and {where} is not in one; "
                         "name the changed files with --changed")
    top = top.strip()
    if _git(["rev-parse", "--verify", "-q", "HEAD"], top) is not None:
        listed = _git(["diff", "--name-only", "-z", "HEAD", "--"], top) or ""
    else:  # no commit yet: everything in the index is new
        listed = _git(["ls-files", "-z", "--cached"], top) or ""
    listed += _git(["ls-files", "-z", "--others", "--exclude-standard"], top) or ""
    changed = {os.path.realpath(os.path.join(top, name)) for name in listed.split("\0") if name}
    return [f for f in files if os.path.realpath(f) in changed]


def _git(arguments: list[str], where: str) -> str | None:
    """The output of a read-only git command, or ``None`` when it fails."""
    try:
        done = subprocess.run(["git", "-C", where, *arguments], capture_output=True, check=False)
    except OSError:
        raise UsageError("--changed-only needs git, which is not installed; name the files with --changed") from None
    return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else None
