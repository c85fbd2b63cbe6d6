"""Command line of the fuzz harnesses: atheris (coverage-guided libFuzzer) when it is installed,
else the plain mutation fuzzer of :mod:`mutate` with the same options.

``python tests/fuzz/fuzz_extract.py [libFuzzer options] [CORPUS_DIR ...]``; see README.md.
An empty or missing corpus directory is filled with the seed corpus first.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # this directory, and tests/ (for strategies.py)


def main(kind: str, argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    dirs = [a for a in argv[1:] if not a.startswith("-")]
    if not dirs:
        dirs = [str(HERE / f"corpus-{kind}")]
        argv.append(dirs[0])
    if all(Path(d).is_file() for d in dirs):  # replay: run each input once; a crash raises with its traceback
        import fuzz_targets

        for name in dirs:
            fuzz_targets.TARGETS[kind](Path(name).read_bytes())
            print(f"{name}: no crash")
        return 0
    try:
        import atheris
    except ImportError:
        _fill(Path(dirs[0]), kind)
        return _plain(kind, argv, dirs)
    # everything of factcheck is imported inside this block, so that all of it is instrumented
    with atheris.instrument_imports(include=["factcheck", "tomllib", "yaml"]):
        import fuzz_targets

        _fill(Path(dirs[0]), kind)
        target = fuzz_targets.TARGETS[kind]
        for data in sorted(Path(dirs[0]).iterdir())[:50]:  # modules imported lazily get instrumented too
            _quiet(target, data.read_bytes())
    atheris.Setup(argv, target)
    atheris.Fuzz()
    return 0


def _fill(directory: Path, kind: str) -> None:
    """Write the seed corpus into an empty corpus directory."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        return
    from corpus import seeds

    for data in seeds(kind):
        (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def _quiet(target: object, data: bytes) -> None:
    with contextlib.suppress(Exception):  # a crash here shows again, with its input, when the fuzzer runs it
        target(data)  # type: ignore[operator]


def _options(argv: list[str]) -> dict[str, str]:
    return dict(a[1:].split("=", 1) for a in argv[1:] if a.startswith("-") and "=" in a)


def _plain(kind: str, argv: list[str], dirs: list[str]) -> int:
    """The mutation fuzzer, with libFuzzer's -max_total_time, -runs and -seed options."""
    import fuzz_targets
    from corpus import dictionary
    from mutate import Crash, fuzz

    options = _options(argv)
    seconds = float(options.get("max_total_time", 60))
    runs = int(options["runs"]) if "runs" in options else None
    seed = int(options.get("seed", time.time_ns() % 2**32))
    pool = [p.read_bytes() for d in dirs for p in sorted(Path(d).iterdir()) if p.is_file()]
    print(f"atheris is not installed: plain mutation fuzzing of '{kind}' ({len(pool)} seeds, -seed={seed})",
          file=sys.stderr)
    try:
        stats = fuzz(fuzz_targets.TARGETS[kind], pool, tokens=dictionary(), max_runs=runs, max_seconds=seconds,
                     seed=seed)
    except Crash as crash:
        name = Path(options.get("artifact_prefix", "")) if "artifact_prefix" in options else Path()
        out = Path(f"{name}crash-{hashlib.sha1(crash.data).hexdigest()}")
        out.write_bytes(crash.data)
        print(crash.details, file=sys.stderr)
        print(f"==CRASH== input written to {out}", file=sys.stderr)
        return 1
    print(f"Done {stats.runs} runs in {stats.seconds:.0f} second(s), no crash", file=sys.stderr)
    return 0
