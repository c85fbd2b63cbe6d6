"""The distribution's name (`factcheck-news`) is the one everything installs, looks up and links to.

`factcheck` on the registry is an unrelated 2013 QuickCheck port: an install line, an extra, a
metadata look-up or a link under that name would send a user to it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from factcheck._version import DISTRIBUTION, __version__
from factcheck.cli import main
from factcheck.output.sarif import INFORMATION_URI

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: `pip install factcheck`, `'factcheck[pandas]'`, `factcheck[test]` as a requirement: the other project
OLD_NAME = re.compile(r"pip install\s+(-\S+\s+)*['\"]?factcheck(?![-\w])|['\"\s]factcheck\[")


def test_metadata_is_looked_up_under_the_distribution_name() -> None:
    """`_version` reads the version of the distribution pyproject.toml builds, not of `factcheck`."""
    assert PROJECT["name"] == DISTRIBUTION == "factcheck-news"


def test_extras_that_name_the_project_use_its_name() -> None:
    """`dev = ["factcheck[...]"]` would install the QuickCheck port's extras from the registry."""
    for extra, requirements in PROJECT["optional-dependencies"].items():
        for requirement in requirements:
            name = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]
            assert name != "factcheck", f"extra {extra!r} requires {requirement!r}"


def test_sarif_links_to_the_projects_own_page() -> None:
    """SARIF's informationUri is the Homepage of [project.urls], never the other project's page."""
    assert PROJECT["urls"]["Homepage"] == INFORMATION_URI
    assert "/project/factcheck/" not in INFORMATION_URI


def test_command_and_plugin_keep_the_short_name() -> None:
    """The command is still `factcheck` and the pytest plugin's entry point is unchanged."""
    assert PROJECT["scripts"] == {"factcheck": "factcheck.cli:main"}
    assert PROJECT["entry-points"]["pytest11"] == {"factcheck": "factcheck.pytest_plugin"}


@pytest.mark.parametrize("path", sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md"),
                                         *(ROOT / "src").rglob("*.py")]), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_install_line_names_the_other_project(path: Path) -> None:
    """No doc, docstring or message tells a user to `pip install factcheck` or `'factcheck[extra]'`."""
    text = path.read_text(encoding="utf-8")
    bad = [m.group(0).strip() for m in OLD_NAME.finditer(text)]
    assert bad == [], f"{path.relative_to(ROOT)} names the unrelated `factcheck` distribution: {bad}"


def test_version_option_prints_the_metadata_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck --version` prints the command's name and the version found under the distribution's."""
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    # the version, then the date of the newest bundled exchange rate
    assert capsys.readouterr().out.startswith(f"factcheck {__version__} (ECB rates to ")
