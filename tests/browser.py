"""Test helper: render what people print in a real browser, and read back what it printed.

Debian's `chromium` prints HTML to PDF and takes screenshots of HTML and SVG; poppler-utils
(`pdftotext`, `pdfinfo`) read the PDF back. `.ci/run` installs both when missing; elsewhere the
`browser` fixture skips the tests that need them, saying how to install them.

Each call runs one headless chromium (under a second for a small page) with a fresh profile in
a temporary directory, so tests that look at the same output several ways should make it once,
in a module-scoped fixture, and read it many times.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

INSTALL = "apt-get install chromium poppler-utils"
TIMEOUT_SECONDS = 60
# Headless as root needs --no-sandbox (only our own local test files are opened). Without the
# background-networking flags chromium opens connections of its own, refused many at a time on a
# machine with no network; the host rule keeps any page from reaching the network at all.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
# D-Bus errors (no desktop session) and the Debian launcher's /dev/shm check tripping over
# findmnt's two lines: harmless, and left out of failure messages.
_NOISE = ("dbus/", "unexpected operator")
_MM_PER_POINT = 25.4 / 72
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class BrowserError(AssertionError):
    """Chromium or a poppler tool failed: the message carries what it wrote to stderr."""


def missing_tool() -> str | None:
    """The first tool the harness needs that is not on PATH, else None."""
    for tool in ("chromium", "pdftotext", "pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            return tool
    return None


@pytest.fixture(scope="session")
def browser() -> str:
    """The chromium executable; skips the test where it (or poppler-utils) is not installed."""
    tool = missing_tool()
    if tool is not None:
        pytest.skip(f"{tool} is not installed: {INSTALL}")
    return str(shutil.which("chromium"))


def print_to_pdf(html_file: Path, pdf_file: Path) -> None:
    """Print HTML_FILE to PDF_FILE as "Save as PDF" does with headers and footers turned off.

    The paper size is the page's CSS `@page` size (chromium's default is US Letter)."""
    _chromium(html_file, pdf_file, f"--print-to-pdf={pdf_file}", "--no-pdf-header-footer")


def screenshot(page_file: Path, png_file: Path, width: int, height: int) -> None:
    """Save a WIDTH x HEIGHT pixel screenshot of an HTML or SVG file as PNG_FILE."""
    _chromium(page_file, png_file, f"--screenshot={png_file}", f"--window-size={width},{height}")


def pdf_text(pdf_file: Path, layout: bool = True) -> str:
    """The text of PDF_FILE by pdftotext (with -layout: laid out as on the page); pages end
    with a form feed, so `text.split("\\f")` gives one string per page (and an empty last one)."""
    options = ["-layout"] if layout else []
    return _tool("pdftotext", *options, "-enc", "UTF-8", str(pdf_file), "-")


@dataclass(frozen=True)
class Page:
    """One page of a PDF, its size in millimetres."""

    width_mm: float
    height_mm: float

    @property
    def size_mm(self) -> tuple[int, int]:
        """Width and height rounded to whole millimetres: (210, 297) is A4 portrait."""
        return round(self.width_mm), round(self.height_mm)


@dataclass(frozen=True)
class Word:
    """A word pdftotext found on a page, its box in millimetres from the top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


def pdf_words(pdf_file: Path) -> list[list[Word]]:
    """Every page's words with their boxes (pdftotext -bbox), in reading order."""
    import html
    import re

    page_tag = re.compile(r"<page width=")
    word_tag = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    pages: list[list[Word]] = []
    for line in _tool("pdftotext", "-bbox", "-enc", "UTF-8", str(pdf_file), "-").splitlines():
        if page_tag.search(line):
            pages.append([])
        found = word_tag.search(line)
        if found and pages:
            left, top, right, bottom = (float(v) * _MM_PER_POINT for v in found.groups()[:4])
            pages[-1].append(Word(html.unescape(found.group(5)), left, top, right, bottom))
    return pages


def pdf_page_pixels(pdf_file: Path, page: int, dpi: int = 30) -> list[tuple[int, int, int]]:
    """The RGB pixels of one page (1-based) rendered by pdftoppm, for looking at colours."""
    with tempfile.TemporaryDirectory() as directory:
        stem = Path(directory) / "page"
        _tool(
            "pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf_file), str(stem)
        )
        (image,) = Path(directory).glob("page*.ppm")
        data = image.read_bytes()
    # P6 header: magic, width, height, maxval, each separated by whitespace
    fields = data.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    raw = fields[4][: width * height * 3]
    return [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 3)]


A4_PORTRAIT = (210, 297)
A4_LANDSCAPE = (297, 210)


def pdf_pages(pdf_file: Path) -> list[Page]:
    """Every page of PDF_FILE, in order, with its size (from pdfinfo)."""
    info = _tool("pdfinfo", "-f", "1", "-l", str(2**31 - 1), str(pdf_file))
    pages = []
    for line in info.splitlines():
        # "Page    1 size:  594.96 x 841.92 pts (A4)"
        label, _, value = line.partition(":")
        if label.startswith("Page") and label.endswith("size"):
            width, _, height = value.split()[:3]
            pages.append(Page(float(width) * _MM_PER_POINT, float(height) * _MM_PER_POINT))
    if not pages:
        raise BrowserError(f"pdfinfo found no pages in {pdf_file}:\n{info}")
    return pages


def png_size(png_file: Path) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header."""
    header = png_file.read_bytes()[:24]
    if header[:8] != _PNG_SIGNATURE or header[12:16] != b"IHDR":
        raise BrowserError(f"{png_file} is not a PNG file")
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def _chromium(page_file: Path, output: Path, *options: str) -> None:
    """Run one headless chromium on PAGE_FILE, which must write OUTPUT."""
    executable = shutil.which("chromium")
    if executable is None:
        raise BrowserError(f"chromium is not installed: {INSTALL}")
    output.unlink(missing_ok=True)  # so an old file never passes for a new one
    with tempfile.TemporaryDirectory(prefix="chromium-", ignore_cleanup_errors=True) as profile:
        # Its own home too: nothing is written to the user's.
        environment = {**os.environ, "HOME": profile, "XDG_CONFIG_HOME": profile}
        environment["XDG_CACHE_HOME"] = profile
        command = [
            executable,
            *FLAGS,
            f"--user-data-dir={profile}",
            *options,
            Path(page_file).resolve().as_uri(),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            env=environment,
            start_new_session=True,  # its own process group: on timeout, all of it is killed
        )
        try:
            _, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            _kill_group(process.pid)
            _, stderr = process.communicate()
            raise BrowserError(
                f"chromium did not finish within {TIMEOUT_SECONDS} s on {page_file}; "
                f"its stderr:\n{_relevant(stderr)}"
            ) from None
        finally:
            _kill_group(process.pid)  # its crash handlers outlive it by a second or two
    if process.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
        raise BrowserError(
            f"chromium exited {process.returncode} without writing {output} from {page_file}; "
            f"command: {shlex.join(command)}\nits stderr:\n{_relevant(stderr)}"
        )


def _kill_group(group: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # none of them is left
        os.killpg(group, signal.SIGKILL)


def _relevant(stderr: str) -> str:
    """The last lines of a tool's stderr, without chromium's D-Bus noise."""
    lines = [line for line in stderr.splitlines() if not any(n in line for n in _NOISE)]
    return "\n".join(lines[-20:]) or "(nothing but D-Bus noise)"


def _tool(name: str, *arguments: str) -> str:
    """Run a poppler tool; its standard output, or a BrowserError with its stderr."""
    if shutil.which(name) is None:
        raise BrowserError(f"{name} is not installed: {INSTALL}")
    result = subprocess.run(
        [name, *arguments], capture_output=True, text=True, timeout=TIMEOUT_SECONDS
    )
    if result.returncode != 0:
        command = shlex.join([name, *arguments])
        raise BrowserError(f"{command} exited {result.returncode}:\n{_relevant(result.stderr)}")
    return result.stdout
