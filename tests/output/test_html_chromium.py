"""The HTML report and the notebook views render in headless Chromium at 1280 px wide.

One browser run a page: the report of a two-source conflict, of the seeds, of examples/newsroom
(which has a suppressed finding), of articles made to overflow (a long address, a long figure, a
wide table), and a minimal page with every notebook view (``Report``, ``Finding``, ``Quantity``,
``factcheck.extract(...)``). Each test page gets a probe script (the report itself has none) that
paints a small square in a corner: its colour says whether the page is wider than the window
(``document.documentElement.scrollWidth`` against ``clientWidth``) and how many flagged and
compared marks the page holds, so that the screenshot alone answers. With
``FACTCHECK_SCREENSHOTS=DIR`` the screenshots are copied there, to be looked at.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HEAD = "---\npublished: 2024-10-30\ntitle: Acme results\nsource: Example Wire\n---\n"
A = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
B = HEAD + "Acme's revenue reached £28.6bn in 2024, according to the filing.\n"
HEADER = (0x24, 0x29, 0x2F)  # the page header's background (#24292f)
ERROR_MARK = (0xFF, 0xCD, 0xD2)  # the background of a highlighted figure of an error (#ffcdd2)


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit, non-interlaced PNG, with the standard library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG layout"
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(r) for r in rows] if bpp == 3 else [_rgb(r) for r in rows]


def _rgb(rgba: bytes) -> bytes:
    return bytes(b for i, b in enumerate(rgba) if i % 4 != 3)


WIDTH = 1280
#: Paints the probe: red 1 when the page overflows, else 0; green and blue: the marks of flagged
#: and of compared figures (at most 255 each).
PROBE = """<script>
addEventListener("load", () => {
  const root = document.documentElement, box = document.createElement("div");
  const wide = root.scrollWidth > root.clientWidth ? 1 : 0;
  const odd = Math.min(255, document.querySelectorAll("mark.odd").length);
  const peer = Math.min(255, document.querySelectorAll("mark.peer").length);
  box.style.cssText = `position:fixed;right:0;bottom:0;width:12px;height:12px;z-index:9;` +
    `background:rgb(${wide},${odd},${peer})`;
  document.body.appendChild(box);
  document.title = `${root.scrollWidth}`;
});
</script>"""


def shoot(page: str, name: str, tmp: Path, height: int = 1600) -> tuple[int, int, list[bytes]]:
    """``page`` (HTML) with the probe, rendered at 1280 px by one Chromium run; the decoded PNG."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian package 'chromium'; .ci/run installs it when it can)")
    html = tmp / f"{name}.html"
    html.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    png = tmp / f"{name}.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
         "--hide-scrollbars", "--virtual-time-budget=2000", f"--screenshot={png}",
         f"--window-size={WIDTH},{height}", html.as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert png.is_file(), f"chromium wrote no screenshot of {name}"
    assert png.stat().st_size > 10_000, f"the screenshot of {name} is nearly empty"
    if os.environ.get("FACTCHECK_SCREENSHOTS"):
        os.makedirs(os.environ["FACTCHECK_SCREENSHOTS"], exist_ok=True)
        shutil.copy(png, os.path.join(os.environ["FACTCHECK_SCREENSHOTS"], png.name))
    return decode_png(png.read_bytes())


def probe(shot: tuple[int, int, list[bytes]]) -> tuple[int, int, int]:
    """(overflows, flagged marks, compared marks), read from the probe's square."""
    width, height, rows = shot
    r, g, b = rows[height - 4][(width - 4) * 3 : (width - 4) * 3 + 3]
    return r, g, b


def colours(shot: tuple[int, int, list[bytes]]) -> Counter[tuple[int, ...]]:
    return Counter(tuple(row[i : i + 3]) for row in shot[2] for i in range(0, len(row), 3))


@pytest.fixture(scope="module")
def screenshot(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, int, list[bytes]]:
    """The report of a two-source conflict, rendered once and decoded."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian package 'chromium'; .ci/run installs it when it can)")
    tmp = tmp_path_factory.mktemp("html")
    (tmp / "a.md").write_text(A, encoding="utf-8")
    (tmp / "b.md").write_text(B, encoding="utf-8")
    page = tmp / "report.html"
    assert main(["check", str(tmp), "--format", "html", "-o", str(page)]) == 1
    png = tmp / "report.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
         f"--screenshot={png}", "--window-size=1280,900", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert png.is_file(), "chromium wrote no screenshot"
    return decode_png(png.read_bytes())


def test_screenshot_is_not_blank(screenshot: tuple[int, int, list[bytes]]) -> None:
    """The page renders at the window's size with text and colour, not one flat colour."""
    width, height, rows = screenshot
    assert (width, height) == (1280, 900)
    colours = Counter(bytes(row[i : i + 3]) for row in rows[::4] for i in range(0, len(row), 12))
    assert len(colours) > 20
    assert colours.most_common(1)[0][1] < 0.9 * sum(colours.values())


def test_header_and_highlights_are_drawn(screenshot: tuple[int, int, list[bytes]]) -> None:
    """The dark header and the error highlight of the conflicting figures are on screen."""
    _, _, rows = screenshot
    pixels = Counter(tuple(row[i : i + 3]) for row in rows for i in range(0, len(row), 3))
    assert pixels[HEADER] > 1280 * 40  # a band across the top
    assert pixels[ERROR_MARK] > 200  # the «£22.6bn» and «£28.6bn» marks, in the cards and the documents


PEER_MARK = (0xEA, 0xEE, 0xF2)  # the background of a compared figure (#eaeef2)
WARNING_MARK = (0xFF, 0xE0, 0xB2)  # the background of the flagged figure of a warning (#ffe0b2)


def report_page(args: list[str], tmp: Path) -> str:
    out = tmp / "page.html"
    main(["check", *args, "--format", "html", "-o", str(out), "-q"])
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian package 'chromium'; .ci/run installs it when it can)")
    return tmp_path_factory.mktemp("shots")


def test_seeds_report(shots: Path) -> None:
    """The seeds' FC301: the flagged market capitalisation in red and the share price compared,
    in the card and in the document; nothing wider than the window."""
    page = report_page(["seeds", "--reference", "seeds/reference.toml"], shots)
    shot = shoot(page, "seeds", shots)
    assert probe(shot) == (0, 3, 3)  # no overflow; flagged and compared: the legend, the card, the document
    seen = colours(shot)
    assert seen[ERROR_MARK] > 200 and seen[PEER_MARK] > 200


def test_newsroom_report_with_a_suppressed_finding(shots: Path) -> None:
    """examples/newsroom: the one conflict with its flagged figure, and the suppressed finding
    listed (collapsed) with the reason from its comment; the comment is not shown as text."""
    page = report_page(["examples/newsroom", "--no-baseline"], shots)
    assert "<summary><h2>Suppressed (1)</h2></summary>" in page
    assert "<b>Reason:</b> the founder&#x27;s own forecast" in page
    assert "factcheck: ignore" not in page.split('<section id="sources">')[1]
    shot = shoot(page, "newsroom", shots)
    overflow, odd, peer = probe(shot)
    # the legend, the card and the documents (the agreeing source's figure marked as compared)
    assert overflow == 0 and odd >= 3 and peer >= 5
    seen = colours(shot)
    assert seen[WARNING_MARK] > 200 and seen[PEER_MARK] > 200


LONG = ("---\npublished: 2024-10-30\ntitle: Acme\n---\n"
        "Acme's revenue reached {figure} in 2024, says https://example.com/" + "averylongpathsegment" * 15
        + " and [the filing](https://example.com/" + "x" * 300 + ").\n\n"
        "| " + " | ".join(f"column {i} with a long heading" for i in range(14)) + " |\n"
        "| " + " | ".join("---" for _ in range(14)) + " |\n")


def test_long_addresses_figures_and_tables_do_not_overflow(shots: Path, tmp_path: Path) -> None:
    """Cards and documents wrap what does not fit: a long address, a long figure, a wide table."""
    folder = tmp_path / "long" / ("deeplynestedfoldername" * 8)
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(LONG.format(figure="£22,600,000,000.000000000000"), encoding="utf-8")
    (folder / "b.md").write_text(LONG.format(figure="£28.6bn"), encoding="utf-8")
    page = report_page([str(tmp_path / "long")], shots)
    overflow, odd, peer = probe(shoot(page, "long", shots))
    assert overflow == 0 and odd >= 3 and peer >= 3


def test_notebook_views(shots: Path) -> None:
    """Every notebook view, wrapped in a minimal page, fits in 1280 px and shows its figures."""
    report = factcheck.check("examples/newsroom", baseline=False)
    views = [("Report", report._repr_html_()), ("Finding", report.findings[0]._repr_html_()),
             ("Quantity", report.findings[0].facts[0].q._repr_html_()),
             ("extract", factcheck.extract("Acme's revenue reached £22.6bn in 2024, up 4%.")._repr_html_())]
    page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>views</title></head>"
            "<body style=\"font-family:sans-serif;margin:16px\">"
            + "".join(f"<h2>{name}</h2>{view}" for name, view in views) + "</body></html>")
    shot = shoot(page, "notebook", shots)
    overflow, _, _ = probe(shot)
    assert overflow == 0
    assert len(colours(shot)) > 20
