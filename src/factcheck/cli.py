"""The ``factcheck`` command.

Exit status: 0 when all is well (for ``check``: no conflict at or above ``--fail-on``), 1 when
``check`` found conflicts, 2 for bad usage or unreadable input, with a one-line message on
standard error and never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

from factcheck import __version__
from factcheck.errors import FactcheckError, UsageError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check that the numbers in news and business writing agree with each other.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="list every quantity found in the articles")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="articles (.md/.txt) or directories of them")
    ex.add_argument("--format", choices=("jsonl", "text"), default="text")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of standard output")
    ex.add_argument("--config", metavar="FILE",
                    help="configuration file (default: the nearest factcheck.toml or pyproject.toml with "
                         "[tool.factcheck], walking up from the first path)")
    ex.set_defaults(run=_run_extract)

    ck = sub.add_parser("check", help="find numbers that disagree across the articles")
    ck.add_argument("paths", nargs="+", metavar="PATH", help="articles (.md/.txt) or directories of them")
    ck.add_argument("--reference", metavar="FILE", help="TOML file of [[fact]] tables the newsroom trusts")
    ck.add_argument("--format", choices=("text", "json"), default="text")
    ck.add_argument("--select", metavar="CODES", default="", help="only rules whose code starts with these (FC2,FC301)")
    ck.add_argument("--ignore", metavar="CODES", default="", help="skip rules whose code starts with these")
    ck.add_argument("--fail-on", choices=("error", "warning", "never"), default="warning",
                    help="exit 1 when a finding is at least this severe (default: warning)")
    ck.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of standard output")
    ck.add_argument("--config", metavar="FILE", help="configuration file (default: found by walking up)")
    ck.set_defaults(run=_run_check)

    rule = sub.add_parser("rule", help="print a rule's documentation (or list the rules)")
    rule.add_argument("code", nargs="?", help="a rule code such as FC201")
    rule.set_defaults(run=_run_rule)
    return parser


def _run_check(args: argparse.Namespace) -> int:
    from factcheck.config import load_config
    from factcheck.documents import iter_paths, read_document
    from factcheck.pipeline import check

    config = load_config(args.config, start=args.paths[0])
    docs = [read_document(p) for p in _progress(list(iter_paths(args.paths)), "read")]
    report = check(docs, reference=args.reference, config=config,
                   select=_codes(args.select), ignore=_codes(args.ignore))
    _emit(args.output, lambda out: out.write(report.to_json() if args.format == "json" else report.to_text()))
    levels = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[args.fail_on]
    return 1 if any(f.severity in levels for f in report.findings) else 0


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _run_rule(args: argparse.Namespace) -> int:
    import inspect

    from factcheck.rules import all_rules, rule_by_code

    if not args.code:
        for r in all_rules():
            print(f"{r.code}  {r.name:24s} {r.summary()}")
        return 0
    found = rule_by_code(args.code)
    if found is None:
        raise UsageError(f"no rule {args.code!r}; `factcheck rule` lists them")
    print(f"{found.code} {found.name}\n\n{inspect.cleandoc(found.__doc__ or '')}")
    return 0


def _run_extract(args: argparse.Namespace) -> int:
    from factcheck.config import load_config
    from factcheck.documents import iter_paths, read_document
    from factcheck.pipeline import extract_document

    config = load_config(args.config, start=args.paths[0])
    vocabulary = config.vocabulary()
    paths = list(iter_paths(args.paths))

    def write(out: TextIO) -> None:
        for path in _progress(paths, "extract"):
            doc = read_document(path)
            for q in extract_document(doc, vocabulary=vocabulary):
                if args.format == "jsonl":
                    out.write(json.dumps({"doc": path, **q.to_dict()}, ensure_ascii=False) + "\n")
                else:
                    line, col = _line_col(doc.text, q.start)
                    out.write(f"{path}:{line}:{col}: {_describe(q)}\n")

    _emit(args.output, write)
    return 0


def _describe(q: object) -> str:
    from factcheck.model import Quantity

    assert isinstance(q, Quantity)
    value = q.to_dict()["value"]
    parts = [f"{q.text!r}", f"{q.bound if q.bound != '=' else ''}{value}", q.unit or "-", q.kind]
    who = " / ".join(x for x in (q.entity, q.metric, q.period.key if q.period else None) if x)
    return " ".join(parts) + (f"  [{who}]" if who else "")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _emit(output: str | None, write: Callable[[TextIO], None]) -> None:
    """Write to stdout, or to a file atomically so a failed run never leaves half a report."""
    if output is None:
        write(sys.stdout)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(directory):
        raise UsageError(f"{output}: the directory does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", dir=directory)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            write(handle)
        os.replace(tmp, output)
    except BaseException:
        os.unlink(tmp)
        raise


def _progress(items: Sequence[str], label: str) -> Iterable[str]:
    """Yield items, drawing a progress line on a terminal when there are many."""
    show = sys.stderr.isatty() and len(items) >= 20
    for i, item in enumerate(items, 1):
        if show and (i % 10 == 0 or i == len(items)):
            print(f"\r{label}: {i}/{len(items)} files", end="", file=sys.stderr, flush=True)
        yield item
    if show:
        print(file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
