"""The ``factcheck`` command.

Exit status: 0 when all is well (for ``check``: no finding at or above ``--fail-on``), 1 when
``check`` found conflicts, 2 for bad usage, configuration or input, with a one-line message on
standard error and never a traceback.

The configuration file gives the defaults and every option overrides it (see
:mod:`factcheck.config`); :func:`evaluate` runs a check the way the project set it up, for the
command and the pytest plugin alike.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
import typing
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO, TypeVar

import attrs

from factcheck._terminal import interactive, progress, status, wants_colour
from factcheck._version import __version__
from factcheck.errors import FactcheckError, UsageError
from factcheck.output import FORMATS, emit

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.model import Document
    from factcheck.project import Run
    from factcheck.report import Report

T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        _unrecognized(parser, args, extras)
    if not getattr(args, "command", None) or not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (head, less) went away; that is not our failure
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug of ours: say so in one line, keep the traceback for debugging
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: internal error: {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for the traceback"
              " and please report it)", file=sys.stderr)
        return 2


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose errors suggest the nearest subcommand or choice ("did you mean")."""

    def error(self, message: str) -> typing.NoReturn:
        found = re.search(r"invalid choice: '?([^' ]+?)'? \(", message)
        if found:
            choices = [str(c) for a in self._actions if a.choices for c in a.choices]
            message += _did_you_mean(found.group(1), choices)
        super().error(message)


def _did_you_mean(word: str, candidates: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _unrecognized(parser: argparse.ArgumentParser, args: argparse.Namespace, extras: Sequence[str]) -> None:
    """Report arguments no parser took under the usage of the subcommand they were given to,
    with the nearest option of that subcommand (``--selct`` -> ``--select``); exits 2."""
    chosen = parser
    while True:  # the deepest subcommand chosen: `baseline write`, `check`, or the command itself
        sub = next((a for a in chosen._actions if isinstance(a, argparse._SubParsersAction)), None)
        name = getattr(args, sub.dest, None) if sub is not None else None
        if sub is None or name not in sub.choices:
            break
        chosen = sub.choices[name]
    options = [o for a in chosen._actions for o in a.option_strings]
    words = []
    for extra in extras:
        flag = extra.split("=", 1)[0]
        hint = _did_you_mean(flag, options) if flag.startswith("-") else ""
        words.append(extra + hint)
    chosen.error("unrecognized arguments: " + " ".join(words))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factcheck",
        description="Check that the numbers in news and business writing agree with each other.",
    )
    parser.add_argument("--version", action=_Version, help="show the version and the date of the newest exchange rate")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="list every quantity found in the articles")
    _paths_argument(ex)
    ex.add_argument("--format", choices=("jsonl", "text"), default="text")
    _stdin_option(ex)
    _output_option(ex)
    _config_option(ex)
    _gitignore_option(ex)
    ex.set_defaults(run=_run_extract)

    ck = sub.add_parser("check", help="find numbers that disagree across the articles")
    _corpus_options(ck)
    ck.add_argument("--format", "--output-format", dest="format", choices=FORMATS, default="text",
                    help="text (default), concise, json, jsonl, sarif, github (workflow annotations) or html")
    ck.add_argument("--fail-on", choices=("error", "warning", "never"), default=None,
                    help="exit 1 when a finding is at least this severe (default: the configuration's, or warning)")
    base = ck.add_mutually_exclusive_group()
    base.add_argument("--baseline", metavar="FILE", help="accept the findings listed in this baseline file")
    base.add_argument("--no-baseline", action="store_true", help="ignore the baseline the configuration names")
    base.add_argument("--write-baseline", metavar="FILE",
                      help="write every finding to this baseline file (and exit 0) instead of reporting")
    ck.add_argument("--changed-only", action="store_true",
                    help="report only findings that touch a changed file: each file PATH named (as "
                         "pre-commit names them), or a file under the directory PATHs (or the configured "
                         "paths) that differs from git HEAD; the whole configured corpus is still read")
    ck.add_argument("--changed", metavar="FILES", action="append", default=[],
                    help="like --changed-only, with the changed files named (comma-separated, repeatable)")
    _jobs_option(ck)
    ck.add_argument("--against", metavar="ARCHIVE",
                    help="check the PATHs against the facts of an archive made by `factcheck index`")
    _output_option(ck)
    _stdin_option(ck)
    ck.add_argument("--statistics", action="store_true",
                    help="print how many findings each rule has (code, name, count) instead of the findings")
    talk = ck.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="print only the findings: no summary line, no progress")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="say on standard error which configuration, baseline and rates the run uses, "
                           "and how many files it reads")
    ck.set_defaults(run=_run_check)

    ix = sub.add_parser("index", help="extract articles once into an archive (SQLite) for --against")
    _paths_argument(ix)
    ix.add_argument("--store", metavar="FILE", required=True, help="the archive file (created if missing)")
    _jobs_option(ix)
    _config_option(ix)
    ix.set_defaults(run=_run_index)

    facts = sub.add_parser("facts", help="list the facts the checker compares, with their intervals and groups")
    _paths_argument(facts)
    facts.add_argument("--format", choices=("text", "jsonl"), default="text")
    _output_option(facts)
    _config_option(facts)
    _gitignore_option(facts)
    facts.set_defaults(run=_run_facts)

    rule = sub.add_parser("rule", help="print a rule's documentation (or list the rules)")
    rule.add_argument("code", nargs="?", help="a rule code such as FC201")
    rule.set_defaults(run=_run_rule)

    bl = sub.add_parser("baseline", help="manage the baseline of accepted findings")
    bl_sub = bl.add_subparsers(dest="action", metavar="ACTION")
    write = bl_sub.add_parser("write", help="accept every current finding: write them to the baseline file")
    _corpus_options(write)
    write.add_argument("-o", "--output", metavar="FILE",
                       help="the baseline file (default: the configuration's baseline, or factcheck-baseline.json)")
    write.set_defaults(run=_run_baseline_write)

    def baseline_help(args: argparse.Namespace) -> int:
        bl.print_help(sys.stderr)
        return 2

    bl.set_defaults(run=baseline_help)
    return parser


class _Version(argparse.Action):
    """``factcheck 0.1.0 (ECB rates to 2026-10-30)``: the rates' date is what decides which articles'
    conversions can be checked, so it is part of the version. Read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=str(kwargs.get("help")))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        from factcheck.fx import EcbFxTable

        try:
            last = EcbFxTable().last_date()
            rates = f"ECB rates to {last}" if last else "no ECB rates"
        except FactcheckError as exc:
            rates = f"ECB rates unreadable: {exc}"
        print(f"factcheck {__version__} ({rates})")
        parser.exit()


def _corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="articles (.md/.txt) or directories of them (default: the configuration's paths, or .)")
    p.add_argument("--reference", metavar="FILE", help="TOML file of [[fact]] tables the newsroom trusts")
    p.add_argument("--rates", metavar="FILE",
                   help="exchange rates to convert at instead of the bundled ECB ones: the ECB's "
                        "eurofxref-hist.csv or .zip (default: the configuration's rates)")
    p.add_argument("--select", metavar="CODES", default=None,
                   help="only rules whose code starts with these (FC2,FC301)")
    p.add_argument("--ignore", metavar="CODES", default=None, help="skip rules whose code starts with these")
    _config_option(p)
    _gitignore_option(p)


def _paths_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles (.md/.txt) or directories of them")


def _gitignore_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false", default=None,
                   help="also read the files git ignores in directories walked (default: they are left out, "
                        "unless the configuration sets respect-gitignore = false)")


def _respect_gitignore(args: argparse.Namespace) -> bool | None:
    return getattr(args, "respect_gitignore", None)


def _stdin_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stdin-filename", metavar="NAME",
                   help="with the path -, read the article from standard input and report it as NAME "
                        "(the configuration is looked for from NAME, and its per-file settings apply)")


def _stdin_document(args: argparse.Namespace) -> Document | None:
    """The article on standard input when the only path is ``-`` (``None`` when it is not)."""
    from factcheck.documents import decode_document

    if "-" not in args.paths:
        if args.stdin_filename:
            raise UsageError("--stdin-filename names the article read from standard input: give the path -")
        return None
    if args.paths != ["-"]:
        raise UsageError("- (standard input) must be the only path")
    name = args.stdin_filename or "-"
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    return decode_document(data, name)


def _jobs_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=_positive, default=None, metavar="N",
                   help="processes for extraction (default: all cores; small runs stay in one process)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _run_index(args: argparse.Namespace) -> int:
    from factcheck.config import load_config
    from factcheck.parallel import default_jobs
    from factcheck.pipeline import index

    config = load_config(args.config, start=args.paths[0])
    with status("indexing…" if interactive() else None):
        counts = index(args.paths, args.store, config=config, jobs=args.jobs or default_jobs())
    print(f"{args.store}: {counts['indexed']} indexed, {counts['unchanged']} unchanged, {counts['removed']} removed; "
          f"{counts['documents']} documents, {counts['facts']} facts", file=sys.stderr)
    return 0


def _output_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of standard output")


def _config_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE",
                   help="configuration file (default: the nearest factcheck.toml or pyproject.toml with "
                        "[tool.factcheck], walking up from the first path)")


def _codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    from factcheck.rules import unknown_codes

    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
    bad = unknown_codes(codes)
    if bad:
        raise UsageError(f"{bad[0]!r} is the code or prefix of no rule; `factcheck rule` lists them")
    return codes


def _make_run(args: argparse.Namespace) -> Run:
    """The run the command line asks for, on top of the configuration (without a baseline)."""
    from factcheck.config import load_config
    from factcheck.parallel import default_jobs
    from factcheck.project import Run, changed_targets, display_path

    stdin = getattr(args, "stdin", None)
    config = load_config(args.config, start=args.stdin_filename if stdin else args.paths[0] if args.paths else None)
    if args.rates:
        config = attrs.evolve(config, rates=os.path.abspath(args.rates))
    config.fx_table()  # a bad rates file stops the run before any article is read
    changed_only = bool(getattr(args, "changed_only", False) or getattr(args, "changed", None))
    paths = [] if stdin else _collect_or_dot(args.paths, config, changed_only, _respect_gitignore(args))
    reference = args.reference or (display_path(str(config.resolve(config.reference))) if config.reference else None)
    changed = None
    if getattr(args, "changed", None):
        changed = tuple(c.strip() for arg in args.changed for c in arg.split(",") if c.strip())
    elif changed_only:  # the files named; in the directories named (or the corpus), those that differ from HEAD
        changed = tuple(changed_targets(args.paths, paths, config))
    select = _codes(args.select)
    ignore = _codes(args.ignore)
    jobs = getattr(args, "jobs", None) or default_jobs()
    return Run(config, tuple(paths), reference,
               config.select if select is None else select, config.ignore if ignore is None else ignore,
               None, changed, jobs, getattr(args, "against", None))


def _collect_or_dot(given: Sequence[str], config: Config, with_configured: bool,
                    respect_gitignore: bool | None) -> list[str]:
    """The files to read; with no path given and no ``paths`` configured, those under ``.`` (as ruff)."""
    from factcheck.errors import InputError
    from factcheck.project import collect_paths

    if given or config.paths:
        return collect_paths(given, config, with_configured=with_configured, respect_gitignore=respect_gitignore)
    try:
        return collect_paths(["."], config, respect_gitignore=respect_gitignore)
    except InputError as exc:
        if exc.path != ".":
            raise
        raise UsageError("nothing to check: no path given, the configuration names no `paths`, and the "
                         "working directory holds no .md or .txt articles") from None


def _configured_baseline(args: argparse.Namespace, config: Config) -> str | None:
    """``--baseline FILE``, or none with ``--no-baseline``, or else the configuration's ``baseline``,
    or else ``factcheck-baseline.json`` next to the configuration when it exists (as ruff finds its
    own files): what ``factcheck baseline write`` wrote is used without being named."""
    from factcheck.project import default_baseline

    if args.no_baseline:
        return None
    if args.baseline:
        return str(args.baseline)
    return default_baseline(config)


def _guard_output(output: str | None, inputs: Sequence[str]) -> None:
    """Refuse to write a report over one of the articles being read (the tool never changes its input)."""
    if output is None or not os.path.exists(output):
        return
    target = os.path.realpath(output)
    if any(os.path.realpath(p) == target for p in inputs):
        raise UsageError(f"{output}: is one of the articles being checked; name another file for the report")


def _run_check(args: argparse.Namespace) -> int:
    from factcheck.config import FAIL_LEVELS
    from factcheck.output import Options, render
    from factcheck.project import evaluate

    if args.statistics and args.format not in ("text", "concise", "json"):
        raise UsageError(f"--statistics prints a table (--format text) or JSON (--format json), not {args.format}")
    if args.write_baseline and (args.changed_only or args.changed):
        raise UsageError("--write-baseline records every finding; it cannot be combined with --changed-only")
    args.stdin = _stdin_document(args)
    if args.stdin and (args.write_baseline or args.changed_only or args.changed or args.against):
        raise UsageError("standard input is checked on its own: not with --write-baseline, --changed-only, "
                         "--changed or --against")
    run = _make_run(args)
    _guard_output(args.output, run.paths)
    if args.write_baseline:
        _guard_output(args.write_baseline, run.paths)
        return _write_baseline(run, args.write_baseline)
    run = attrs.evolve(run, baseline=_configured_baseline(args, run.config))
    if args.verbose:
        _describe_run(run, args.stdin)
    report = evaluate(run, progress=not args.quiet, documents=[args.stdin] if args.stdin else [])
    root = str(run.config.root)
    # colour only for a terminal (or FORCE_COLOR), never into a file: a report written with -o is read later
    colour = args.output is None and wants_colour(sys.stdout)
    options = Options(root=root, baseline=run.baseline is not None, colour=colour)
    text = _statistics(report, args.format) if args.statistics else render(report, args.format, options)
    if args.quiet and args.format in ("text", "concise") and text.endswith(report.summary() + "\n"):
        shown = report.findings or report.unreadable or report.stale
        text = text[: -len(report.summary()) - 1].rstrip("\n") + "\n" if shown else ""
    emit(args.output, lambda out: out.write(text))
    if report.unreadable and (args.statistics or args.output or args.format not in ("text", "concise")):
        # the report went to a file or a tool: the terminal still says why the status is 2
        for problem in report.unreadable:
            print(f"factcheck: error: {problem}", file=sys.stderr)
    if report.unreadable:
        return 2  # some files were not checked at all, whatever the others gave
    levels = FAIL_LEVELS[args.fail_on or run.config.fail_on]
    # a stale baseline entry is a warning, as an unused suppression is (and as pytest --factcheck fails it)
    stale = bool(report.stale) and "warning" in levels
    return 1 if stale or any(f.severity in levels for f in report.findings) else 0


def _describe_run(run: Run, stdin: Document | None = None) -> None:
    """``-v``: what the run uses, on standard error (the report stays on standard output)."""
    from factcheck.project import display_path
    from factcheck.report.baseline import DEFAULT_PATH

    config = run.config
    last = getattr(config.fx_table(), "last_date", lambda: None)()
    rates = display_path(str(config.resolve(config.rates))) if config.rates else "the bundled ECB rates"
    reference = run.reference if isinstance(run.reference, str) or run.reference is None else "given in Python"
    if run.baseline is None:
        baseline = "none"
    elif config.baseline or not _same_file(run.baseline, str(config.root / DEFAULT_PATH)):
        baseline = run.baseline
    else:
        baseline = f"{run.baseline} (found by its default name; --no-baseline to ignore it)"
    for label, value in (("configuration", display_path(config.path) if config.path else "none (the defaults)"),
                         ("baseline", baseline),
                         ("reference", reference or "none"),
                         ("rates", f"{rates} (to {last})" if last else rates),
                         ("files", f"standard input, as {stdin.path}" if stdin else f"{len(run.paths)} to read"
                          + (f", checked against {run.against}" if run.against else ""))):
        print(f"factcheck: {label}: {value}", file=sys.stderr)


def _statistics(report: Report, fmt: str) -> str:
    """``--statistics``: the findings counted by rule, most first (ruff's), as a table or JSON."""
    from factcheck.rules import known_rules

    names = {r.code: r.name for r in known_rules()}
    rows = sorted(((code, names.get(code, ""), len(found)) for code, found in report.by_code().items()),
                  key=lambda row: (-row[2], row[0]))
    if fmt == "json":
        return json.dumps([{"code": c, "name": n, "count": k} for c, n, k in rows], indent=2) + "\n"
    width = max((len(n) for _, n, _ in rows), default=0)
    digits = max((len(str(k)) for *_, k in rows), default=0)
    return "".join(f"{c}  {n:<{width}}  {k:>{digits}}\n" for c, n, k in rows)


def _run_baseline_write(args: argparse.Namespace) -> int:
    from factcheck.report.baseline import DEFAULT_PATH

    run = _make_run(args)
    target = args.output or (str(run.config.resolve(run.config.baseline)) if run.config.baseline else None)
    return _write_baseline(run, target or os.path.join(str(run.config.root), DEFAULT_PATH))


def _write_baseline(run: Run, target: str) -> int:
    from factcheck.project import display_path, evaluate
    from factcheck.report.baseline import Baseline

    report = evaluate(run, progress=True)
    baseline = Baseline.from_findings(report.findings, {d.path: d for d in report.documents}, target)
    emit(target, lambda out: out.write(baseline.to_json()))
    n = len(report.findings)
    shown = display_path(os.path.abspath(target))
    print(f"factcheck: wrote {n} finding{'s' if n != 1 else ''} to {shown}; {_how_to_use(run.config, target)}",
          file=sys.stderr)
    for problem in report.unreadable:  # the baseline has nothing of these files: say so, and fail
        print(f"factcheck: error: {problem}", file=sys.stderr)
    return 2 if report.unreadable else 0


def _how_to_use(config: Config, target: str) -> str:
    """What makes ``factcheck check`` read the baseline just written: nothing, when it is the one
    the configuration names or the default file next to it; else the option or the setting."""
    from factcheck.project import default_baseline, display_path

    used = default_baseline(config)
    if used is not None and _same_file(used, target):
        return "`factcheck check` uses it from now on (--no-baseline to ignore it)"
    shown = display_path(os.path.abspath(target))
    try:
        setting = os.path.relpath(os.path.abspath(target), config.root)
    except ValueError:  # another drive (Windows)
        setting = os.path.abspath(target)
    where = "[tool.factcheck]" if config.path and config.path.endswith("pyproject.toml") else (
        "factcheck.toml" if config.path is None else display_path(config.path))
    if used is not None:
        return (f"`factcheck check` still uses {used}: pass --baseline {shown}, or set "
                f"baseline = {json.dumps(setting)} in {where}")
    return f"`factcheck check` uses it with --baseline {shown}, or set baseline = {json.dumps(setting)} in {where}"


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


# --- the other commands -----------------------------------------------------------------------


def _run_rule(args: argparse.Namespace) -> int:
    import inspect

    from factcheck.rules import known_rules

    rules = known_rules()
    if not args.code:
        for r in rules:
            print(f"{r.code}  {r.name:24s} {r.summary()}")
        return 0
    found = next((r for r in rules if r.code == args.code.upper()), None)
    if found is None:
        raise UsageError(f"no rule {args.code!r}; `factcheck rule` lists them")
    print(f"{found.code} {found.name}\n\n{inspect.cleandoc(type(found).__doc__ or '')}")
    return 0


def _run_extract(args: argparse.Namespace) -> int:
    from factcheck.config import load_config
    from factcheck.documents import read_document
    from factcheck.facts import extract_document
    from factcheck.project import collect_paths

    stdin = _stdin_document(args)
    config = load_config(args.config, start=args.stdin_filename if stdin else args.paths[0])
    vocabulary = config.vocabulary()
    paths = [] if stdin else collect_paths(args.paths, config, respect_gitignore=_respect_gitignore(args))
    _guard_output(args.output, paths)

    def write(out: TextIO) -> None:
        for doc in [stdin] if stdin else (read_document(p) for p in progress(paths, "extracting")):
            path = doc.path
            for q in extract_document(doc, vocabulary=vocabulary):
                if args.format == "jsonl":
                    out.write(json.dumps({"doc": path, **q.to_dict()}, ensure_ascii=False) + "\n")
                else:
                    line, col = _line_col(doc.text, q.start)
                    out.write(f"{path}:{line}:{col}: {_describe(q)}\n")

    emit(args.output, write)
    return 0


def _run_facts(args: argparse.Namespace) -> int:
    from factcheck.config import load_config
    from factcheck.documents import read_document
    from factcheck.facts import extract_document
    from factcheck.group import build_context
    from factcheck.project import collect_paths

    config = load_config(args.config, start=args.paths[0])
    vocabulary = config.vocabulary()
    found = collect_paths(args.paths, config, respect_gitignore=_respect_gitignore(args))
    docs: list[Document] = [read_document(p) for p in progress(found, "reading")]
    quantities = [extract_document(d, vocabulary=vocabulary) for d in docs]
    ctx = build_context(docs, quantities, aliases=config.alias_table())
    sizes = {key: len(group) for key, group in ctx.groups.items()}
    texts = {d.path: d.text for d in docs}

    def write(out: TextIO) -> None:
        for fact in ctx.facts:
            key = fact.key()
            group = sizes.get(key, 0) if key is not None else 0
            if args.format == "jsonl":
                row = {"doc": fact.doc, **fact.q.to_dict(), "entity_id": fact.entity_id, "base": fact.base,
                       "earlier": fact.earlier, "group_size": group, "checkable": group > 1}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                continue
            line, col = _line_col(texts[fact.doc], fact.q.start)
            who = " ".join(f"{k}={v}" for k, v in (("entity", fact.entity_id), ("metric", fact.q.metric),
                                                    ("period", fact.q.period.key if fact.q.period else None),
                                                    ("base", fact.base)) if v)
            status = (f"compared within a group of {group}" if group > 1
                      else "nothing else claims the same" if key is not None else "not checkable: no metric")
            out.write(f"{fact.doc}:{line}:{col}: {fact.q.text!r} {fact.q.interval} {fact.q.unit or '-'} "
                      f"{fact.q.kind}{'  ' + who if who else ''}  ({status})\n")

    emit(args.output, write)
    return 0


def _describe(q: object) -> str:
    from factcheck.model import Quantity

    assert isinstance(q, Quantity)
    value = q.to_dict()["value"]
    parts = [f"{q.text!r}", f"{q.bound if q.bound != '=' else ''}{value}", q.unit or "-", q.kind]
    who = " / ".join(x for x in (q.entity, q.metric, q.period.key if q.period else None) if x)
    return " ".join(parts) + (f"  [{who}]" if who else "")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    from factcheck.offsets import line_col  # imported when used: `factcheck --version` stays fast

    return line_col(text, offset)


if __name__ == "__main__":
    raise SystemExit(main())
