"""Plain SVG markup for the pictures (the Gantt chart, the chart of obligations by status):
text measured and wrapped without a font library, the status palette and marker shapes.

Text stays ``<text>`` (searchable, selectable, read by ``pdftotext``), never outlines. Widths
are Liberation Sans' advance widths (metric-compatible with Arial, which Windows has), so
wrapping is computed here and the picture looks the same in every browser that has either.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FONT = "'Liberation Sans', Arial, Helvetica, sans-serif"

_WIDTHS: dict[int, str] = {  # advance widths in 1/1000 em: Liberation Sans (= Arial)
    191: "'",
    222: "ijl’",
    260: "|",
    278: " !,./:;I[\\]ft",
    333: "()-`r“”",
    334: "{}",
    355: '"',
    365: "г",
    389: "*",
    438: "к",
    458: "зт",
    469: "^",
    500: "Jcksvxyzсух",
    510: "э",
    521: "чь",
    531: "в",
    542: "Гпя",
    552: "н",
    556: "#$0123456789?L_abdeghnopquаеорё–«»",
    559: "ий",
    573: "бц",
    583: "Кдл",
    584: "+<=>~",
    604: "З",
    611: "FTZТ",
    625: "ъ",
    635: "У",
    656: "БЛЬ",
    667: "&ABEKPSVXYАВЕРХЧЁ",
    669: "ж",
    677: "Д",
    688: "м",
    719: "ИЙПЭы",
    722: "CDHNRUwНСЯ",
    740: "Ц",
    750: "ю",
    760: "Ф",
    778: "GOQО",
    792: "Ъ",
    802: "ш",
    823: "фщ",
    833: "MmМ",
    885: "Ы",
    889: "%",
    917: "Ш",
    923: "Ж",
    938: "Щ",
    944: "W",
    1000: "—…",
    1010: "Ю",
    1015: "@",
    1073: "№",
}
_WIDTH = {char: width for width, chars in _WIDTHS.items() for char in chars}
_UNKNOWN = 1000  # any other character: as wide as an em, so wrapping errs on the safe side
BOLD = 1.1  # bold glyphs are wider; an upper bound of Liberation Sans Bold's ratio


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` set in ``size`` units of the font."""
    em = sum(_WIDTH.get(char, _UNKNOWN) for char in text) / 1000
    return em * size * (BOLD if bold else 1)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width``; a word wider than the
    line is broken where it must be. Always at least one line."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size, bold) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


def clipped(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` on one line no wider than ``width``: cut, with "…", when it is wider."""
    if text_width(text, size, bold) <= width:
        return text
    cut = len(text)
    while cut > 1 and text_width(text[:cut].rstrip() + "…", size, bold) > width:
        cut -= 1
    return text[:cut].rstrip() + "…"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def html_start(lang: str, title: str, style: str) -> list[str]:
    """The lines of a standalone HTML page up to its ``<main>``: its language, its title and its
    styles inline (no scripts, nothing fetched), for the pages the pictures are printed in."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        "<style>",
        style,
        "</style>",
        "</head>",
        "<body>",
        "<main>",
    ]


def css_string(text: str) -> str:
    """Text for a CSS string in double quotes (``content: "…"``)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros (stable output)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float,
    anchor: str = "start",
    bold: bool = False,
    css: str | None = None,
    fill: str | None = None,
) -> str:
    attributes = [f'x="{num(x)}"', f'y="{num(y)}"', f'font-size="{num(size)}"']
    if anchor != "start":
        attributes.append(f'text-anchor="{anchor}"')
    if bold:
        attributes.append('font-weight="bold"')
    if css:
        attributes.append(f'class="{css}"')
    if fill:
        attributes.append(f'fill="{fill}"')
    return f"<text {' '.join(attributes)}>{esc(content)}</text>"


def lines_of_text(
    x: float, y: float, lines: Sequence[str], *, size: float, leading: float, **kw: object
) -> list[str]:
    """One ``<text>`` per line, the first baseline at ``y``."""
    return [
        text(x, y + n * leading, line, size=size, **kw)  # type: ignore[arg-type]
        for n, line in enumerate(lines)
    ]


def document(width: float, height: float, body: Iterable[str], title: str) -> str:
    """A standalone SVG: its size in CSS pixels, a title, text in the one font family."""
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(width)}" '
            f'height="{num(height)}" viewBox="0 0 {num(width)} {num(height)}" '
            f'font-family="{esc(FONT)}" role="img">',
            f"<title>{esc(title)}</title>",
            *body,
            "</svg>",
        ]
    )


# --- status: colour and marker shape --------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """How a status is drawn: a colour, a marker shape that differs in grayscale too, and the
    bar of a period (filled or light)."""

    colour: str
    shape: str  # triangle, diamond, square, circle, ring, cross, dashed
    filled: bool
    bar: str  # the bar's fill


LOOKS: dict[str, Look] = {
    "overdue": Look("#c62828", "triangle", True, "#ef9a9a"),
    "due": Look("#e65100", "diamond", True, "#ffcc80"),
    "in_progress": Look("#6a1b9a", "square", True, "#ce93d8"),
    "ongoing": Look("#1565c0", "diamond", False, "#90caf9"),
    "upcoming": Look("#546e7a", "circle", False, "#cfd8dc"),
    "undated": Look("#546e7a", "dashed", False, "#eceff1"),
    "done": Look("#2e7d32", "circle", True, "#a5d6a7"),
    "cancelled": Look("#757575", "cross", False, "#e0e0e0"),
}


def marker(status: str, x: float, y: float, r: float) -> str:
    """The status's marker centred on (x, y), ``r`` its half-size."""
    look = LOOKS[status]
    fill = look.colour if look.filled else "#ffffff"
    paint = f'fill="{fill}" stroke="{look.colour}" stroke-width="{num(max(1.0, r / 3))}"'
    if look.shape == "triangle":
        points = [(x, y - r * 1.15), (x + r * 1.1, y + r * 0.85), (x - r * 1.1, y + r * 0.85)]
    elif look.shape == "diamond":
        points = [(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)]
    elif look.shape == "square":
        points = [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    elif look.shape == "cross":
        d = r * 0.9
        return (
            f'<path d="M{num(x - d)} {num(y - d)}L{num(x + d)} {num(y + d)}'
            f'M{num(x - d)} {num(y + d)}L{num(x + d)} {num(y - d)}" '
            f'stroke="{look.colour}" stroke-width="{num(max(1.5, r / 2))}" fill="none"/>'
        )
    else:  # circle, and the dashed circle of what has no date
        dash = ' stroke-dasharray="2 1.5"' if look.shape == "dashed" else ""
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" {paint}{dash}/>'
    path = "M" + "L".join(f"{num(px)} {num(py)}" for px, py in points) + "Z"
    return f'<path d="{path}" {paint}/>'
