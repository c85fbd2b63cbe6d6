"""The seed corpus: inputs the fuzzers start from, built from the project's own texts.

Articles: the seed articles, the examples, every source of the rule fixtures, every string
constant of the test suite (the scanner's tricky cases among them) and the messy pieces of the
property tests, some joined into long runs. Readers: the same articles, and the configuration and
reference files found in the tests, the fixtures and the repository, each behind the byte that
selects its reader. Files in ``regressions/`` (inputs that once crashed) are seeds too.
"""

from __future__ import annotations

import ast
import random
from pathlib import Path

import yaml
from fuzz_targets import READERS, SEPARATOR

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
ROOT = TESTS.parent
REGRESSIONS = HERE / "regressions"


def _test_strings() -> list[str]:
    """Every string constant of four characters or more in the test suite."""
    out = []
    for path in sorted(TESTS.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        out += [node.value for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 4]
    return out


def _fixture_sources() -> tuple[list[str], list[str]]:
    """The articles and the reference files of the rule fixtures."""
    articles, references = [], []
    for path in sorted((TESTS / "fixtures" / "rules").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            if isinstance(case, dict):
                articles += list(case.get("sources", {}).values())
                if case.get("reference"):
                    references.append(case["reference"])
    return articles, references


def articles() -> list[str]:
    """Texts to read as articles."""
    from strategies import MESSY_PIECES

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.md"))]
    fixtures, _ = _fixture_sources()
    texts += fixtures
    texts.append(SEPARATOR.join(fixtures[:3]))
    texts += [s for s in _test_strings() if any(c.isdigit() for c in s)]
    rng = random.Random(7)
    texts += ["".join(rng.choices(MESSY_PIECES, k=80)) for _ in range(20)]
    return list(dict.fromkeys(texts))


def config_files() -> list[str]:
    """TOML texts to read as configuration or reference files."""
    _, references = _fixture_sources()
    texts = [s for s in _test_strings() if "=" in s and ("[" in s or "\n" in s)]
    texts += references
    texts += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("*.toml"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.toml"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.toml"))]
    return list(dict.fromkeys(texts))


def regressions(kind: str) -> list[bytes]:
    """Inputs that once crashed a target: ``regressions/<kind>-*``."""
    return [p.read_bytes() for p in sorted(REGRESSIONS.glob(f"{kind}-*"))]


def seeds(kind: str) -> list[bytes]:
    """The seed inputs of the target ``kind`` ("extract" or "readers")."""
    docs = [t.encode("utf-8") for t in articles()]
    if kind == "extract":
        return docs + regressions(kind)
    tomls = [t.encode("utf-8") for t in config_files()]
    picks = {name: bytes([i]) for i, name in enumerate(READERS)}
    out = [picks["article.md"] + d for d in docs]
    out += [picks[name] + t for t in tomls for name in ("factcheck.toml", "pyproject.toml", "reference.toml")]
    out += [picks["article.md"] + b"\xff\xfe binary \x00 file", picks["article.md"] + b"---\ntitle: [\n---\n"]
    return out + regressions(kind)


def dictionary() -> list[bytes]:
    """Tokens the mutator inserts: the pieces number scanners and TOML/YAML readers find hardest."""
    from strategies import MESSY_PIECES

    tokens = [*MESSY_PIECES, "---\n", "\n---\n", "published: ", "2024-05-28", "title: ", "[[fact]]\n",
              "entity = ", "metric = ", "value = ", "unit = ", "as_of = ", "[tool.factcheck]\n", "metrics = ",
              "aliases = ", '"', "'''", "{", "}", "[", "]", "=", "\r\n", "\ufeff", "\u0301", "\u202e", "ſ",
              "\u212a", "İ", "ı", "\u2028", "\x00", "\f", "US  $", "HK\u00a0$", " per share", " crore",
              " year-on-year", "revenue ", "net profit ", " in the fourth quarter of 2024", "Acme's "]
    return [t.encode("utf-8") for t in dict.fromkeys(tokens)]
