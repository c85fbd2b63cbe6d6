"""The shared mutation test (``mutate_events.py``), run in this process instead of one command per
case: the same cases, the same mutated texts and the same test of a finding, about twenty times
faster, so a change can be measured on every labelled set while it is being made.

usage::

    python scripts/mutations.py EVENTS_DIR [--tools ../shared/tools] [--kind x10|+20%] [--jobs 2]

It imports the shared tool for its cases and its mutation (``--tools``: the folder holding
``mutate_events.py``) and checks each mutated story with this checkout's ``factcheck check
--format json``. It prints each missed case, as the shared tool does, then the counts. The shared
tool's figures are the ones to report; this one is for finding out which way a change moves them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import pathlib
import re
import shutil
import sys
import tempfile
from multiprocessing import Pool
from typing import Any

from factcheck.cli import main as factcheck

Case = tuple[str, int, str, str, int, int, str, str, list[tuple[str, tuple[int, int]]]]


def _tool(folder: str) -> Any:
    sys.path.insert(0, folder)
    import mutate_events  # type: ignore[import-not-found]  # the shared scorer's cases and mutation

    return mutate_events


def cases(events: pathlib.Path, kinds: tuple[str, ...], tool: Any) -> list[Case]:
    """The shared tool's cases, in its order: the first quote of each agreed claim made by two or
    more sources, years and dates left out."""
    out: list[Case] = []
    for story in sorted(p for p in events.iterdir() if (p / "facts.json").exists()):
        for claim in json.loads((story / "facts.json").read_text(encoding="utf-8"))["claims"]:
            if claim["verdict"] not in tool.CONSISTENT:
                continue
            spans = [(loc["file"], tuple(s)) for loc in claim["locations"] for s in loc["spans"]]
            if len({f for f, _ in spans}) < 2:
                continue
            name, span = spans[0]
            text = (story / name).read_text(encoding="utf-8")
            m = tool.NUM.search(text, span[0], span[1])
            if not m or re.fullmatch(r"(19|20)\d\d", m.group()) or "date" in claim["metric"].lower():
                continue
            others = [(g, s) for g, s in spans if g != name]
            out.extend((str(story), claim["row"], claim["metric"], name, m.start(), m.end(), m.group(), kind, others)
                       for kind in ("x10", "+20%") if kind in kinds)
    return out


def _findings(paths: list[str]) -> list[dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        factcheck(["check", *paths, "--format", "json"])
    try:
        return [f for f in json.loads(out.getvalue())["findings"] if f.get("severity") in ("error", "warning")]
    except (ValueError, KeyError):
        return []


def run(case: Case, tool: Any) -> tuple[Case, str, bool]:
    """The mutated figure, and whether a finding names it together with another source's quote."""
    story, _, _, name, start, end, token, kind, others = case
    new = tool.mutate(token, kind)
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / pathlib.Path(story).name
        shutil.copytree(story, copy)
        text = (copy / name).read_text(encoding="utf-8")
        (copy / name).write_text(text[:start] + new + text[end:], encoding="utf-8")
        changed = (start, start + len(new))
        found = _findings([str(p) for p in sorted(copy.glob("*.md")) if p.name not in ("facts.md", "README.md")])

    def names_both(finding: dict[str, Any]) -> bool:
        facts = [(pathlib.Path(f["doc"]).name, (f["start"], f["end"])) for f in finding.get("facts", [])]
        mine = any(n == name and tool.overlaps(s, changed) for n, s in facts)
        return mine and any(n == g and tool.overlaps(s, tuple(gs)) for n, s in facts for g, gs in others)

    return case, new, any(names_both(f) for f in found)


def _worker(args: tuple[Case, str]) -> tuple[Case, str, bool]:
    case, folder = args
    return run(case, _tool(folder))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("events", type=pathlib.Path)
    ap.add_argument("--tools", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared" / "tools"))
    ap.add_argument("--kind", choices=("x10", "+20%"))
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args(argv)
    tool = _tool(a.tools)
    todo = cases(a.events, (a.kind,) if a.kind else ("x10", "+20%"), tool)
    with Pool(a.jobs) as pool:
        results = pool.map(_worker, [(c, a.tools) for c in todo], chunksize=1)
    counts: dict[str, list[int]] = {}
    for (story, row, metric, name, _, _, token, kind, _), new, ok in results:
        counts.setdefault(kind, [0, 0])
        counts[kind][0] += ok
        counts[kind][1] += 1
        if not ok:
            print(f"  missed {kind:5s} {pathlib.Path(story).name} #{row} {metric}: {token} -> {new} in {name}")
    print(" ".join(f"{kind} {found}/{total}" for kind, (found, total) in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
