"""A check run the way the project set it up: the configuration's paths, rules and baseline,
suppressions applied, and only the changed files' findings when asked.

The command (:mod:`factcheck.cli`), the pytest plugin (:mod:`factcheck.pytest_plugin`) and the
notebook API (:func:`check`, which is ``factcheck.check``) all run :func:`evaluate`, so a finding
is reported, suppressed or accepted the same way by each.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import attrs

from factcheck import pipeline
from factcheck._terminal import PROGRESS_BYTES, PROGRESS_MIN, Bar, OnProgress
from factcheck.config import Config, load_config
from factcheck.documents import iter_paths, read_document
from factcheck.errors import FactcheckError, UsageError
from factcheck.model import Document
from factcheck.parallel import MIN_FOR_POOL
from factcheck.reference import ReferenceFact
from factcheck.report import Report, Unreadable
from factcheck.report.baseline import DEFAULT_PATH, Entry, apply_baseline, load_baseline
from factcheck.report.fingerprint import document_digests
from factcheck.report.suppressions import apply
from factcheck.rules import enabled_codes, unknown_codes

#: What ``factcheck.check`` takes as its sources: paths (files or directories) and documents.
Source = str | os.PathLike[str] | Document


@attrs.frozen
class Run:
    """A check to run: the configuration, merged with the options that override it."""

    config: Config
    paths: tuple[str, ...]
    #: a reference file, or reference facts given in Python
    reference: str | tuple[ReferenceFact, ...] | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: str | None = None
    #: report only findings touching these files (``None``: every finding)
    changed: tuple[str, ...] | None = None
    jobs: int = 1
    #: an archive made by `factcheck index` to check the paths against
    against: str | None = None


def evaluate(run: Run, *, progress: bool | OnProgress = False, documents: Sequence[Document] = ()) -> Report:
    """Read, check, apply suppressions and the baseline, keep the changed files' findings.

    ``documents`` are checked with the files of ``run.paths`` (the notebook's in-memory texts).
    ``progress=True`` draws one bar over the whole run (reading, extracting, checking) on standard
    error when it is a terminal and the run is long (:data:`~factcheck._terminal.PROGRESS_MIN`
    files, or :data:`~factcheck._terminal.PROGRESS_BYTES` bytes); a callable is called instead,
    ``progress(phase, done, total)``.
    """
    if progress is True:
        bar = Bar(show=_long(run.paths, documents))
        try:
            return evaluate(run, progress=bar, documents=documents)
        finally:
            bar.close()
    on_progress = progress or None
    if run.against and not os.path.isfile(run.against):
        raise UsageError(f"{run.against}: no such archive (make one with `factcheck index PATHS --store ...`)")
    run.config.fx_table()  # a bad rates file stops the run before any article is read
    # many files are streamed (their texts are not kept: the report reads again those it needs);
    # fewer are read here, so that the report quotes and places figures from the texts
    streamed = len(run.paths) >= MIN_FOR_POOL and not run.against and not documents
    unreadable: list[Unreadable] = []
    sources: list[str | Document] = list(documents)
    if streamed:
        sources += list(run.paths)
    else:  # a file that cannot be read is reported (FC001) and the others are checked
        read, unreadable = pipeline.read_all(_counted(run.paths, on_progress))
        sources += read
    if run.against:
        report = pipeline.check_against(sources, run.against, reference=run.reference, config=run.config,
                                        select=run.select, ignore=run.ignore)
    else:
        report = pipeline.check(sources, reference=run.reference, config=run.config, select=run.select,
                                ignore=run.ignore, jobs=run.jobs, on_progress=on_progress)
    if unreadable:
        report = attrs.evolve(report, unreadable=(*unreadable, *report.unreadable))
    if streamed:
        texts, gone = pipeline.read_all(_texts_needed(run.paths, report))
        report = attrs.evolve(report, documents=tuple(texts), unreadable=(*report.unreadable, *gone))
    return _finish(run, report, [*run.paths, *(d.path for d in documents)])


def _long(paths: Sequence[str], documents: Sequence[Document]) -> bool:
    """Whether a run is worth a progress bar: many files, or large ones."""
    if len(paths) + len(documents) >= PROGRESS_MIN:
        return True
    size = sum(len(d.text) for d in documents)
    for path in paths:
        try:
            size += os.path.getsize(path)
        except OSError:
            continue
    return size >= PROGRESS_BYTES


def _counted(paths: Sequence[str], on_progress: OnProgress | None) -> Iterable[str]:
    """``paths``, reporting ``("reading", done, total)`` as each is taken."""
    if on_progress is None:
        yield from paths
        return
    on_progress("reading", 0, len(paths))
    for n, path in enumerate(paths, 1):
        yield path
        on_progress("reading", n, len(paths))


def check(
    sources: Source | Iterable[Source] | None = None,
    *,
    reference: str | os.PathLike[str] | Sequence[ReferenceFact] | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    baseline: str | os.PathLike[str] | Literal[False] | None = None,
    jobs: int = 1,
    configured: bool = True,
) -> Report:
    """Check articles against each other and the reference facts, as ``factcheck check`` does.

    ``sources`` is a path (file or directory), a :class:`~factcheck.Document`, or a list of them;
    with none, the configuration's ``paths``. By default the run is the command's:

    - the configuration is ``config`` (a :class:`~factcheck.config.Config` or the path of a file),
      or else found as the command finds it, walking up from the first source (or the working
      directory) to a ``factcheck.toml`` or a ``pyproject.toml`` with ``[tool.factcheck]``;
    - its ``exclude``, ``select``, ``ignore``, ``reference`` and ``baseline`` apply unless given
      here; without a configured ``baseline``, a ``factcheck-baseline.json`` next to the
      configuration (or in the working directory, without one) is used when it exists, as the
      command uses it (``baseline=False``: none);
    - inline suppressions, front-matter ignores and ``per-file-ignores`` move findings to
      ``Report.suppressed``, the baseline moves those it accepts to ``Report.baselined``.

    ``configured=False`` runs the rules alone: no configuration is looked for (``config`` and
    ``select``/``ignore`` given here still apply), nothing is suppressed and no baseline is read.

    ``select`` and ``ignore`` are rule codes or prefixes: ``"FC301"``, ``"FC2,FC3"`` or
    ``["FC2", "FC301"]``; an unknown one is a :class:`~factcheck.UsageError`, as on the command
    line. Files are read, extracted and attributed by ``jobs`` processes; with 512 files or more
    they are streamed (``Report.documents`` then holds only the texts the findings need).
    """
    docs, paths = _sources(sources)
    jobs = _jobs(jobs)
    chosen, dropped = _codes(select, "select"), _codes(ignore, "ignore")
    known = _reference(reference)
    if not configured:
        if baseline:
            raise UsageError("baseline= needs configured=True: a run with configured=False applies no baseline")
        settings = _config(config, start=None) if config is not None else Config()
        return pipeline.check([*docs, *paths], reference=known, config=settings, select=chosen or (),
                              ignore=dropped or (), jobs=jobs)
    first = paths[0] if paths else (docs[0].path if docs else None)
    settings = _config(config, start=first)
    if paths or not docs:  # directories walked and excluded files left out, as the command does
        paths = collect_paths([os.fspath(p) for p in paths], settings)
    if known is None and settings.reference:
        known = display_path(str(settings.resolve(settings.reference)))
    if baseline is None:
        baseline = default_baseline(settings)
    elif baseline is not None and baseline is not False and not isinstance(baseline, (str, os.PathLike)):
        raise UsageError(f"baseline must be the path of a baseline file or False, not {_kind(baseline)}")
    run = Run(settings, tuple(paths), known, settings.select if chosen is None else chosen,
              settings.ignore if dropped is None else dropped, os.fspath(baseline) if baseline else None, None, jobs)
    return evaluate(run, documents=docs)


def default_baseline(config: Config) -> str | None:
    """The baseline a run uses unless told otherwise: the configuration's ``baseline``, or else
    :data:`~factcheck.report.baseline.DEFAULT_PATH` (``factcheck-baseline.json``, where
    ``factcheck baseline write`` writes) in the configuration's directory (the working directory
    without a configuration) when that file exists; ``None`` when there is neither."""
    if config.baseline:
        return display_path(str(config.resolve(config.baseline)))
    found = config.root / DEFAULT_PATH
    return display_path(str(found)) if found.is_file() else None


def _kind(value: object) -> str:
    """How an error names a wrong value: its type, and the value when it is short."""
    text = repr(value)
    return f"{type(value).__name__} {text}" if len(text) <= 40 else type(value).__name__


def _sources(sources: Source | Iterable[Source] | None) -> tuple[list[Document], list[str]]:
    """The documents and the paths among ``sources``; one path or document is a list of one."""
    if sources is None:
        return [], []
    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    elif not isinstance(sources, Iterable) or isinstance(sources, (bytes, bytearray)):
        raise UsageError(f"sources must be a path, a Document or a list of them, not {_kind(sources)}")
    docs: list[Document] = []
    paths: list[str] = []
    for source in sources:
        if isinstance(source, Document):
            docs.append(source)
        elif isinstance(source, (str, os.PathLike)):
            paths.append(os.fspath(source))
        else:
            raise UsageError(f"sources must be paths (str or pathlib.Path) or Documents; got {_kind(source)}")
    return docs, paths


def _codes(value: str | Iterable[str] | None, name: str) -> tuple[str, ...] | None:
    """Rule codes or prefixes, validated as the command validates ``--select``; ``None``: not given."""
    if value is None:
        return None
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray)):
        items = list(value)
    else:
        raise UsageError(f"{name} must be a rule code, a comma-separated string or a list of codes, "
                         f"not {_kind(value)}")
    for item in items:
        if not isinstance(item, str):
            raise UsageError(f"{name}: {item!r} is not a rule code; codes are strings such as 'FC201'")
    codes = tuple(c.strip().upper() for c in items if isinstance(c, str) and c.strip())
    bad = unknown_codes(codes)
    if bad:
        raise UsageError(f"{name}: {bad[0]!r} is the code or prefix of no rule; `factcheck rule` lists them")
    return codes


def _config(config: Config | str | os.PathLike[str] | None, *, start: str | None) -> Config:
    if config is None or isinstance(config, (str, os.PathLike)):
        return load_config(config, start=start)
    if isinstance(config, Config):
        return config
    raise UsageError(f"config must be a Config (factcheck.load_config) or the path of a configuration file, "
                     f"not {_kind(config)}")


def _reference(reference: object) -> str | tuple[ReferenceFact, ...] | None:
    if reference is None:
        return None
    if isinstance(reference, (str, os.PathLike)):
        return os.fspath(reference)
    if isinstance(reference, Iterable) and not isinstance(reference, (bytes, bytearray)):
        facts = tuple(reference)
        if all(isinstance(f, ReferenceFact) for f in facts):
            return facts
    raise UsageError(f"reference must be the path of a reference file or a list of ReferenceFact, not "
                     f"{_kind(reference)}")


def _jobs(jobs: object) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"jobs must be a whole number of processes, 1 or more, not {_kind(jobs)}")
    return jobs


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


def _finish(run: Run, report: Report, read: Sequence[str] = ()) -> Report:
    """Suppressions, the baseline and --changed-only, the same for every way of running."""
    report = apply(report, select=run.select, ignore=run.ignore, file_ignores=run.config.file_ignores)
    if run.baseline is not None:
        report = apply_baseline(report, load_baseline(run.baseline))
        report = attrs.evolve(report, stale=_stale(run, report, read))
    if run.changed is not None:
        report = report.touching(run.changed)
    return report


def _stale(run: Run, report: Report, read: Sequence[str]) -> tuple[Entry, ...]:
    """The baseline entries this run shows to be stale, each with ``doc`` the path of the article
    it is reported on, spelt as the run spells it.

    Only entries the run could have matched count: their rule ran (``select``/``ignore``) and every
    one of their documents was read (a run over some of the articles, or standard input, says
    nothing of the others); with ``--changed-only``, those about a changed file."""
    assert run.baseline is not None
    root = os.path.dirname(os.path.abspath(run.baseline))
    spelt = {os.path.realpath(p): p for p in read}
    unreadable = {os.path.realpath(u.path) for u in report.unreadable}
    enabled = set(enabled_codes(run.select, run.ignore))
    changed = None if run.changed is None else {os.path.realpath(p) for p in run.changed}
    out = []
    for entry in report.stale:
        docs = [os.path.realpath(os.path.join(root, d)) for d in entry.docs or (entry.reported_on,)]
        if entry.code not in enabled or any(d not in spelt or d in unreadable for d in docs):
            continue
        if changed is not None and not changed.intersection(docs):
            continue
        where = _changed_document(entry, root, report, spelt) or os.path.realpath(os.path.join(root, entry.reported_on))
        out.append(attrs.evolve(entry, doc=spelt.get(where, display_path(where))))
    return tuple(out)


def _changed_document(entry: Entry, root: str, report: Report, spelt: dict[str, str]) -> str | None:
    """The (real) path of the article of a stale entry that no longer has a sentence the finding
    quoted, the reported one first; ``None`` when each still has them all, or the entry (written
    before digests were kept) cannot tell."""
    texts = {os.path.realpath(d.path): d for d in report.documents}
    kept = dict(entry.sentences)
    order = sorted(kept, key=lambda d: d != entry.doc)
    for doc in order:
        real = os.path.realpath(os.path.join(root, doc))
        document = texts.get(real)
        if document is None:
            try:
                document = read_document(spelt.get(real, real))
            except FactcheckError:
                continue
        if not set(kept[doc]) <= document_digests(document):
            return real
    return None


def collect_paths(given: Sequence[str], config: Config, *, with_configured: bool = False,
                  respect_gitignore: bool | None = None) -> list[str]:
    """The article files to read: ``given`` (or the configured ``paths`` when none is given, or
    both with ``with_configured``), directories walked, excluded files left out, each file once.

    In a directory walked, the files git ignores are left out too, unless ``respect_gitignore``
    (default: the configuration's ``respect-gitignore``, true) is false: see :func:`git_ignored`.
    A file named on its own is always read, as ruff does.

    Files found by walking ``.`` are shown as ``articles/a.md``, not ``./articles/a.md``; every
    other path keeps the spelling it was given.
    """
    if respect_gitignore is None:
        respect_gitignore = config.respect_gitignore
    roots = list(given)
    if not roots or with_configured:
        roots = [display_path(str(config.resolve(p))) for p in config.paths] + roots
    if not roots:
        raise UsageError("no paths given, and the configuration names no `paths`")
    out: list[str] = []
    seen: set[str] = set()
    for root in roots:
        walked = os.path.isdir(root)
        found = list(iter_paths([root]))
        ignored = git_ignored(root, found) if walked and respect_gitignore else frozenset()
        for path in found:
            key = os.path.realpath(path)
            if key in seen or config.is_excluded(path) or path in ignored:
                continue
            seen.add(key)
            out.append(_strip_dot(path) if walked else path)
    if not out:
        because = "the configuration or .gitignore excludes" if respect_gitignore else "the configuration excludes"
        raise UsageError(f"nothing to check: {because} every file of {', '.join(roots)}")
    return out


def git_ignored(root: str, files: Sequence[str]) -> frozenset[str]:
    """The ``files`` found by walking the directory ``root`` that git ignores, by asking git.

    One ``git check-ignore --stdin`` for the whole directory, so git's own rules apply (nested
    ``.gitignore`` files, ``.git/info/exclude``, ``core.excludesFile``, negations) and a tracked
    file is never ignored. Nothing is ignored when git is not installed, when ``root`` is not in a
    work tree, or when ``root`` itself is ignored: a directory named on purpose is read."""
    if not files:
        return frozenset()
    top = os.path.abspath(root)
    asked = [os.path.relpath(f, root) for f in files]
    stdin = "".join(q + "\0" for q in [*asked, top]).encode("utf-8", "surrogateescape")
    try:
        done = subprocess.run(["git", "-C", root, "check-ignore", "--stdin", "-z"], input=stdin,
                              capture_output=True, check=False)
    except OSError:  # no git: nothing is ignored
        return frozenset()
    if done.returncode != 0:  # 1: nothing ignored; 128: not a work tree
        return frozenset()
    said = set(done.stdout.decode("utf-8", "surrogateescape").split("\0"))
    if top in said:
        return frozenset()
    return frozenset(f for f, q in zip(files, asked, strict=True) if q in said)


def display_path(path: str) -> str:
    """A path relative to the working directory when it is under it, else absolute."""
    rel = os.path.relpath(path)
    return path if rel == ".." or rel.startswith(".." + os.sep) else rel


def _strip_dot(path: str) -> str:
    """``./articles/a.md`` as ``articles/a.md``: what walking ``.`` gives, as people write it."""
    while path.startswith("." + os.sep) and len(path) > 2:
        path = path[2:]
    return path


def changed_targets(given: Sequence[str], corpus: Sequence[str], config: Config) -> list[str]:
    """The files whose findings ``--changed-only`` reports.

    A file named on the command line counts as changed: whoever named it (pre-commit, with the
    staged files or, under ``--all-files``, every article; a person) is asking about it, and on a
    clean tree git would call nothing changed. A directory named stands for its files that differ
    from git HEAD; with nothing named, the files of the whole ``corpus`` that do.
    """
    files = [p for p in given if not os.path.isdir(p)]
    folders = [p for p in given if os.path.isdir(p)]
    if folders or not given:
        files += changed_files(collect_paths(folders, config) if folders else corpus)
    return files


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
