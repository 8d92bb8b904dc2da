"""Write a synthetic plan of N measures (default 10,000) for the benchmark.

The shipped plan's measures are repeated in order and renumbered 1..N; everything else in the
file is kept as it is; the abbreviations file is copied beside it, and the act's text with its
table's rows repeated in the same way, so the synthetic plan validates exactly as the shipped one
does (its texts compared with the act's), with one undefined-abbreviation warning per copy of
measure 28.

    python bench/make_synthetic.py [--measures 10000] [--out bench/out]
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
PLAN = DATA / "plan_2017_2019.yaml"

_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:", re.MULTILINE)
_MEASURE_START = re.compile(r"^  - number: [0-9]+[ \t]*(#.*)?$", re.MULTILINE)


def synthetic_plan(text: str, count: int) -> str:
    """The plan text with its measures repeated and renumbered up to ``count``."""
    start = text.index("\nmeasures:\n") + len("\nmeasures:\n")
    following = _TOP_LEVEL_KEY.search(text, start)
    end = following.start() if following else len(text)
    block = text[start:end]
    starts = [m.start() for m in _MEASURE_START.finditer(block)]
    if not starts:
        raise SystemExit(f"{PLAN}: no '  - number: N' items under measures:")
    items = [block[a:b] for a, b in zip(starts, [*starts[1:], len(block)], strict=True)]
    out = [text[:start], block[: starts[0]]]
    for n in range(count):
        item = items[n % len(items)]
        out.append(_MEASURE_START.sub(f"  - number: {n + 1}", item, count=1))
    out.append(text[end:])
    return "".join(out)


_ROW_START = re.compile(r"^[0-9]+\. \|$", re.MULTILINE)
_GLOSSARY = "Примечание: расшифровка аббревиатур"


def synthetic_source(text: str, count: int) -> str:
    """The act's text with its table's rows repeated and renumbered up to ``count`` as the
    plan's measures are, so that `plan validate` compares each measure with its own row."""
    end = text.index(_GLOSSARY)
    starts = [m.start() for m in _ROW_START.finditer(text, 0, end)]
    rows = [text[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]
    out = [text[: starts[0]]]
    for n in range(count):
        out.append(_ROW_START.sub(f"{n + 1}. |", rows[n % len(rows)], count=1))
    out.append(text[end:])
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "synthetic.yaml"
    target.write_text(synthetic_plan(PLAN.read_text(encoding="utf-8"), args.measures), "utf-8")
    shutil.copyfile(DATA / "abbreviations.yaml", args.out / "abbreviations.yaml")
    for source in sorted((DATA / "source").glob("*.txt")):
        (args.out / "source").mkdir(exist_ok=True)
        text = synthetic_source(source.read_text(encoding="utf-8"), args.measures)
        (args.out / "source" / source.name).write_text(text, encoding="utf-8", newline="\n")
    size = target.stat().st_size
    print(f"{target}: {args.measures} measures, {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
