"""Every way input or configuration can be wrong: one line naming the file (and the line), exit
status 2, nothing on standard output, and no output file left behind.

``python tests/test_errors.py`` prints the table of these cases with the message each gives.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from factcheck.cli import main

ARTICLE = "---\npublished: 2024-10-30\n---\nAcme's revenue reached £22.6bn in 2024, the company said.\n"
FACT = '[[fact]]\nentity = "Acme"\nmetric = "shares outstanding"\nvalue = 2.4e9\nunit = "share"\n'


@attrs.frozen
class Bad:
    """A bad input: what to write (file name -> bytes), the arguments after the command, which
    commands it applies to, and what the message must name."""

    name: str
    files: dict[str, bytes]
    args: tuple[str, ...]
    where: str
    commands: tuple[str, ...] = ("check", "extract")


def _deep(n: int) -> bytes:
    return b"---\ntitle: " + b"[" * n + b"\n---\nRevenue was $5bn.\n"


LAUGHS = ("---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
          "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nRevenue $5bn.\n")

CASES = [
    Bad("missing path", {}, ("nope.md",), "nope.md"),
    Bad("directory without articles", {"notes/readme.csv": b"a,b\n"}, ("notes",), "notes"),
    Bad("invalid UTF-8 (line 1)", {"bad.md": b"Revenue \xff\xfe grew 5%.\n"}, ("bad.md",), "bad.md:1"),
    Bad("invalid UTF-8 (line 3)", {"latin1.md": "a\nb\nCaf\u00e9 sales rose 5%.\n".encode("latin-1")},
        ("latin1.md",), "latin1.md:3"),
    Bad("binary file", {"image.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, ("image.md",), "image.md"),
    Bad("good file, then a bad one", {"a.md": ARTICLE.encode(), "z.md": b"\x00\x01"}, ("a.md", "z.md"), "z.md"),
    Bad("front matter never closed", {"open.md": b"---\ntitle: x\nRevenue rose 5%.\n"}, ("open.md",), "open.md:1"),
    Bad("front matter: invalid YAML", {"fm.md": b"---\ntitle: ok\nsource: [unclosed\n---\nRevenue rose 5%.\n"},
        ("fm.md",), "fm.md:4"),
    Bad("front matter: not key-value lines", {"list.md": b"---\n- a\n- b\n---\nRevenue rose 5%.\n"},
        ("list.md",), "list.md:2"),
    Bad("front matter: impossible date", {"date.md": b"---\npublished: 2024-13-45\n---\nRevenue rose 5%.\n"},
        ("date.md",), "date.md:2"),
    Bad("front matter: 'published' not a date", {"pub.md": b"---\ntitle: x\npublished: yesterday\n---\nUp 5%.\n"},
        ("pub.md",), "pub.md:3"),
    Bad("front matter: nested 40,000 deep", {"deep.md": _deep(40_000)}, ("deep.md",), "deep.md:2"),
    Bad("front matter: exponential aliases", {"laughs.md": LAUGHS.encode()}, ("laughs.md",), "laughs.md:2"),
    Bad("symbolic link loop", {}, ("loop.md",), "loop.md"),
    Bad("config: unknown key", {"a.md": ARTICLE.encode(), "factcheck.toml": b"# ours\ncolour = 'red'\n"},
        ("a.md",), "factcheck.toml:2"),
    Bad("config: invalid TOML", {"a.md": ARTICLE.encode(), "factcheck.toml": b"[metrics\n"}, ("a.md",),
        "factcheck.toml:1"),
    Bad("config: wrong type", {"a.md": ARTICLE.encode(), "factcheck.toml": b"metrics = 3\n"}, ("a.md",),
        "factcheck.toml:1"),
    Bad("config: unknown rule code", {"a.md": ARTICLE.encode(), "factcheck.toml": b"select = ['FC999']\n"},
        ("a.md",), "factcheck.toml:1", ("check",)),
    Bad("config: pyproject.toml, unknown key",
        {"a.md": ARTICLE.encode(), "pyproject.toml": b"[project]\nname = 'x'\n[tool.factcheck]\npath = ['a']\n"},
        ("a.md",), "pyproject.toml:4"),
    Bad("config: --config missing", {"a.md": ARTICLE.encode()}, ("a.md", "--config", "nope.toml"), "nope.toml"),
    Bad("config: --config is a directory", {"a.md": ARTICLE.encode(), "conf/x.toml": b""},
        ("a.md", "--config", "conf"), "conf"),
    Bad("reference: missing keys", {"a.md": ARTICLE.encode(), "ref.toml": b"[[fact]]\nentity = 'Acme'\n"},
        ("a.md", "--reference", "ref.toml"), "ref.toml:1", ("check",)),
    Bad("reference: value not a number", {"a.md": ARTICLE.encode(),
                                          "ref.toml": (FACT + "\n" + FACT.replace("2.4e9", "'lots'")).encode()},
        ("a.md", "--reference", "ref.toml"), "ref.toml:7", ("check",)),
    Bad("reference: value not finite", {"a.md": ARTICLE.encode(), "ref.toml": FACT.replace("2.4e9", "inf").encode()},
        ("a.md", "--reference", "ref.toml"), "ref.toml:1", ("check",)),
    Bad("reference: unknown key", {"a.md": ARTICLE.encode(), "ref.toml": (FACT + "source = 'x'\n").encode()},
        ("a.md", "--reference", "ref.toml"), "ref.toml:1", ("check",)),
    Bad("reference: not an array of tables", {"a.md": ARTICLE.encode(), "ref.toml": b"fact = [1, 2]\n"},
        ("a.md", "--reference", "ref.toml"), "ref.toml:1", ("check",)),
    Bad("reference: invalid TOML", {"a.md": ARTICLE.encode(), "ref.toml": b"[[fact]\n"},
        ("a.md", "--reference", "ref.toml"), "ref.toml:1", ("check",)),
    Bad("reference: invalid UTF-8", {"a.md": ARTICLE.encode(), "ref.toml": b"[[fact]]\nentity = '\xff'\n"},
        ("a.md", "--reference", "ref.toml"), "ref.toml:2", ("check",)),
    Bad("reference: missing file", {"a.md": ARTICLE.encode()}, ("a.md", "--reference", "ref.toml"), "ref.toml",
        ("check",)),
    Bad("baseline: invalid JSON", {"a.md": ARTICLE.encode(), "bl.json": b"{\n  'findings': []\n}\n"},
        ("a.md", "--baseline", "bl.json"), "bl.json:2", ("check",)),
    Bad("output: directory missing", {"a.md": ARTICLE.encode()}, ("a.md", "-o", "out/missing/r.txt"),
        "out/missing/r.txt"),
    Bad("output: inside a file", {"a.md": ARTICLE.encode()}, ("a.md", "-o", "a.md/r.txt"), "a.md/r.txt"),
    Bad("output: a directory", {"a.md": ARTICLE.encode()}, ("a.md", "-o", "out"), "out"),
    Bad("output: the article read", {"a.md": ARTICLE.encode()}, ("a.md", "-o", "a.md"), "a.md"),
    Bad("config: pyproject.toml, tool = 5", {"a.md": ARTICLE.encode(), "pyproject.toml": b"tool = 5\n"},
        ("a.md", "--config", "pyproject.toml"), "pyproject.toml"),
]
if os.path.isdir("/proc/self"):
    CASES.append(Bad("output: unwritable place", {"a.md": ARTICLE.encode()}, ("a.md", "-o", "/proc/self/r.txt"),
                     "/proc/self/r.txt"))


def _setup(root: Path, case: Bad) -> None:
    """The case's files under ``root``, with an empty factcheck.toml so that no configuration
    above ``root`` is found, and an empty ``out/`` for output files."""
    (root / "out").mkdir()
    if not any(name.endswith(".toml") and "/" not in name and name != "ref.toml" for name in case.files):
        (root / "factcheck.toml").write_text("", encoding="utf-8")
    for name, data in case.files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    if case.name == "symbolic link loop":
        os.symlink("loop.md", root / "loop.md")


@contextlib.contextmanager
def _inside(root: Path) -> Iterator[None]:
    here = os.getcwd()
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(here)


def run(root: Path, argv: list[str]) -> tuple[int, str, str]:
    """``factcheck ARGV`` in ``root``: the exit status, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with _inside(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _argv(command: str, case: Bad) -> list[str]:
    args = list(case.args)
    if "-o" not in args:
        args += ["-o", "out/report.txt"]  # whatever fails, no report may appear
    return [command, *args]


PARAMS = [pytest.param(command, case, id=f"{command}: {case.name}") for case in CASES for command in case.commands]


#: Cases of one article that cannot be read: `check` reports it as FC001 and checks the others
#: (there may be none), so the report is written; `extract` still stops at it.
UNREADABLE = {case.name for case in CASES
              if case.name.startswith(("invalid UTF-8", "binary", "good file", "front matter"))}


@pytest.mark.parametrize(("command", "case"), PARAMS)
def test_bad_input_gives_one_clear_line_and_exit_2(tmp_path: Path, command: str, case: Bad) -> None:
    """Exit 2; one line on standard error naming the file (and line); nothing written anywhere,
    except the report of `check` when the problem is an unreadable article (FC001)."""
    _setup(tmp_path, case)
    before = _snapshot(tmp_path)
    code, out, err = run(tmp_path, _argv(command, case))
    assert (code, out) == (2, ""), err
    assert err.startswith("factcheck: error: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert f"{case.where}:" in err or f"{case.where} " in err or err.rstrip().endswith(case.where), (case.where, err)
    assert "Traceback" not in err and "internal error" not in err
    after = _snapshot(tmp_path)
    if command == "check" and case.name in UNREADABLE:
        assert " FC001 [error] cannot read this file: " in err
        report = after.pop("out/report.txt")
        assert report is not None and err.removeprefix("factcheck: error: ").encode() in report
        assert report.rstrip().endswith(b"1 file could not be read (FC001).")
    assert after == before  # no other report, no temporary file, every input as it was


def _snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` with the bytes of each file (None for directories and links)."""
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() and not p.is_symlink() else None
            for p in sorted(root.rglob("*"))}


class TestOutputFiles:
    @pytest.mark.parametrize("command", ["check", "extract"])
    def test_pipe_or_device_is_written_not_replaced(self, tmp_path: Path, command: str) -> None:
        """``-o`` naming a FIFO (or a device such as /dev/null) writes into it; it is not replaced by a
        regular file, which for ``-o /dev/null`` run as root would replace the system's /dev/null."""
        (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
        os.mkfifo(tmp_path / "pipe")
        os.link(tmp_path / "pipe", tmp_path / "same-pipe")  # the reader's way in, whatever happens to "pipe"
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append((tmp_path / "same-pipe").read_bytes()), daemon=True)
        reader.start()
        code, _, err = run(tmp_path, [command, "a.md", "-o", "pipe"])
        if not stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode):
            with contextlib.suppress(OSError):  # the reader may not have opened its end yet
                os.close(os.open(tmp_path / "same-pipe", os.O_WRONLY | os.O_NONBLOCK))  # let the reader go
            reader.join(5)
            pytest.fail("the FIFO named with -o was replaced by a regular file")
        reader.join(10)
        assert code == 0, err
        expected = "22.6" if command == "extract" else "Found 0 conflicts"
        assert received and expected in received[0].decode("utf-8")

    def test_report_gets_the_usual_permissions(self, tmp_path: Path) -> None:
        """A report written with ``-o`` is readable by others as any new file is (umask), not 0600."""
        (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
        old = os.umask(0o022)
        try:
            run(tmp_path, ["extract", "a.md", "-o", "r.txt"])
        finally:
            os.umask(old)
        mode = stat.S_IMODE(os.stat(tmp_path / "r.txt").st_mode)
        assert mode == 0o644


class TestAtomicWrites:
    def test_failed_check_keeps_the_previous_report(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A run that fails while writing its report leaves the previous report whole and no temporary file."""
        import factcheck.output as output

        (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
        (tmp_path / "report.json").write_text("previous\n", encoding="utf-8")
        real = output.render

        def half_then_fail(report: object, fmt: str, options: object = None) -> str:
            real(report, fmt, options)  # type: ignore[arg-type]
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(output, "render", half_then_fail)
        code, _, err = run(tmp_path, ["check", "a.md", "--format", "json", "-o", "report.json"])
        assert code == 2 and err.count("\n") == 1
        assert (tmp_path / "report.json").read_text(encoding="utf-8") == "previous\n"
        assert sorted(os.listdir(tmp_path)) == ["a.md", "factcheck.toml", "report.json"]

    def test_interrupted_write_leaves_nothing(self, tmp_path: Path) -> None:
        """An exception inside the writer removes the temporary file and creates no output."""
        from factcheck.output import emit

        def write(out: io.TextIOBase) -> None:
            out.write("half a report")
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            emit(str(tmp_path / "r.txt"), write)  # type: ignore[arg-type]
        assert os.listdir(tmp_path) == []

    def test_baseline_is_written_whole(self, tmp_path: Path) -> None:
        """``--write-baseline`` writes a complete file and nothing else next to it."""
        (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "b.md").write_text(ARTICLE.replace("£22.6bn", "£28.6bn"), encoding="utf-8")
        (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
        code, _, _ = run(tmp_path, ["check", "a.md", "b.md", "--write-baseline", "baseline.json"])
        assert code == 0
        import json

        assert json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
        assert sorted(os.listdir(tmp_path)) == ["a.md", "b.md", "baseline.json", "factcheck.toml"]


def error_table() -> str:
    """The Markdown table of every case: input, command, message, exit status."""
    rows = ["| input | command | message | exit |", "|---|---|---|---|"]
    for case in CASES:
        for command in case.commands:
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp)
                _setup(root, case)
                code, _, err = run(root, _argv(command, case))
            message = err.strip().replace("|", "\\|")
            rows.append(f"| {case.name} | {command} | `{message}` | {code} |")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(error_table())
