"""The HTML report renders in headless Chromium: one render, a screenshot that is not blank and
shows the page's header and the highlighted conflicting figures."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter

import pytest

from factcheck.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HEAD = "---\npublished: 2024-10-30\ntitle: Acme results\nsource: Example Wire\n---\n"
A = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
B = HEAD + "Acme's revenue reached £226bn in 2024, according to the filing.\n"
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
    assert pixels[ERROR_MARK] > 200  # the «£22.6bn» and «£226bn» marks, in the cards and the documents
