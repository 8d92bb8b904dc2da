"""Benchmark how `plan` scales with the progress file, side by side in one run.

    python bench/progress.py [--runs 5] [--records 10000,100000]

Run by hand, not by CI. It byte-compiles the package (as bench/run.py does) and writes progress
files to bench/out/ (git ignores it):

* ``progress-N.yaml``: N records, as `plan record` writes them, about the shipped plan's
  measures and reports in turn, dated through 2017-2019, every status, some with evidence,
  notes and agencies;
* ``progress-note.yaml``: one record whose note is 10 MB of text (the largest a data file
  may be is 32 MiB).

and measures, on the shipped plan, as of 2018-07-01:

1. `plan due` with no progress file against `plan due` with N records, for each N, as users
   run it: the plan and the records kept in the cache (bench/out/cache, filled by the warm-up
   run: the records are read from their YAML once after each change of the file); and beside
   it without a cache (the plan and the records read from their YAML every time, as on the
   first run after each `plan record`). Goals: 10,000 records at most 1.5 times no progress
   file; 100,000 records under 3 s and 200 MB of peak memory, with the cache and without.
2. `plan show 7`, as a table and as JSON, with the 10 MB note against `plan show 7` with no
   progress file (the note must cost what reading and showing 10 MB costs, not grow with the
   square of its size).

The commands take turns, run after run (bench/run.py's ``take_turns``: one warm-up run each,
wall-clock and CPU time and peak memory read from the operating system); the tables give
medians. Prints Markdown tables for bench/RESULTS.md and writes the raw figures to
bench/out/progress.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

# bench/run.py, beside this script
from run import OUT, Command, compile_package, machine, take_turns, tool

AS_OF = "2018-07-01"

TARGETS = [f"measure: {n}" for n in range(1, 31)] + [
    *(f"obligation: half-yearly-report-{y}H{h}" for y in (2017, 2018, 2019) for h in (1, 2)),
    "obligation: consolidated-report",
    "obligation: annual-evaluation",
]
STATUSES = ("in_progress", "done", "not_started", "cancelled")
AGENCIES = ("МВД", "mtszn", "МЗ", "МОН")


def records_lines(count: int) -> Iterator[str]:
    """A progress file of ``count`` records, in `plan record`'s layout, line by line."""
    yield from ("# synthetic progress for bench/progress.py\n", "schema_version: 1\n", "records:\n")
    start = dt.date(2017, 1, 1)
    for i in range(count):
        target = TARGETS[i % len(TARGETS)]
        status = STATUSES[(i // len(TARGETS)) % len(STATUSES)]
        yield f"- {target}\n  status: {status}\n  on: {start + dt.timedelta(i % 1095)}\n"
        if status == "done":
            yield f"  evidence: https://example.kz/orders/{i}\n"
        if i % 3 == 0:
            yield f"  note: запись номер {i}\n"
        if i % 5 == 0:
            yield f"  by: {AGENCIES[i % len(AGENCIES)]}\n"


def note_lines(size: int) -> Iterator[str]:
    """One record about measure 7 whose note is ``size`` bytes of plain text on one line."""
    word = "примечание "  # 21 bytes in UTF-8
    words = size // len(word.encode()) + 1
    yield "schema_version: 1\nrecords:\n- measure: 7\n  status: in_progress\n  on: 2018-01-15\n"
    yield "  note: "
    for start in range(0, words - 1, 10_000):
        yield word * min(10_000, words - 1 - start)
    yield word.strip() + "\n"


def write(path: Path, lines: Iterator[str]) -> None:
    """Written a line at a time: this process stays small, as the peak memory the operating
    system gives for a command it starts is at least this process's own (it is forked)."""
    with path.open("w", encoding="utf-8") as stream:
        stream.writelines(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--records", default="10000,100000")
    parser.add_argument("--note-mb", type=float, default=10.0)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    counts = [int(n) for n in args.records.split(",")]
    for count in counts:
        write(OUT / f"progress-{count}.yaml", records_lines(count))
    write(OUT / "progress-note.yaml", note_lines(int(args.note_mb * 1e6)))
    compile_package()
    plan = tool("plan")

    cache = {"XDG_CACHE_HOME": str(OUT / "cache")}
    no_cache = {"XDG_CACHE_HOME": "", "HOME": ""}
    due = [plan, "due", "--all", "--as-of", AS_OF, "--format", "json"]
    commands = []
    for suffix, env in (("", cache), (", no cache", no_cache)):
        commands.append(Command(f"plan due, no progress file{suffix}", due, OUT, env))
        for count in counts:
            progress = ["--progress", f"progress-{count}.yaml"]
            commands.append(
                Command(f"plan due, {count:,} records{suffix}", due + progress, OUT, env)
            )
    show = [plan, "show", "7", "--as-of", AS_OF]
    for label, fmt in (("table", []), ("json", ["--format", "json"])):
        commands.append(Command(f"plan show 7 ({label}), no progress file", show + fmt, OUT, cache))
        note = [*show, *fmt, "--progress", "progress-note.yaml"]
        commands.append(Command(f"plan show 7 ({label}), a 10 MB note", note, OUT, cache))
    take_turns(commands, args.runs)

    figures = {command.label: command.medians() for command in commands}
    rows = []
    for suffix in ("", ", no cache"):
        base = figures[f"plan due, no progress file{suffix}"]
        for count in counts:
            label = f"plan due, {count:,} records{suffix}"
            found = figures[label]
            if count == 10_000:
                wall, cpu = found["wall"] / base["wall"], found["cpu"] / base["cpu"]
                rows.append(
                    (
                        f"`{label}` / no progress file",
                        f"{wall:.2f}; {cpu:.2f}",
                        "≤ 1.5",
                        wall <= 1.5,
                    )
                )
            if count == 100_000:
                rows.append(
                    (f"`{label}` time", f"{found['wall']:.2f} s", "< 3 s", found["wall"] < 3)
                )
                peak = found["peak_mb"]
                rows.append((f"`{label}` peak memory", f"{peak:.0f} MB", "< 200 MB", peak < 200))
    info = machine()
    print(
        f"\n{info['date']}, {info['cpu']}, {info['nproc']} CPUs, Python {info['python']}, "
        f"load average after the run {info['load_after']}; medians of {args.runs} runs, "
        f"as of {AS_OF}\n"
    )
    print("| command | wall | CPU | peak memory |\n| --- | --- | --- | --- |")
    for label, figure in figures.items():
        print(
            f"| {label} | {figure['wall']:.3f} s | {figure['cpu']:.3f} s | "
            f"{figure['peak_mb']:.0f} MB |"
        )
    print("\n| goal | measured (wall; CPU) | target | met |\n| --- | --- | --- | --- |")
    for goal, measured, target, met in rows:
        print(f"| {goal} | {measured} | {target} | {'yes' if met else '**no**'} |")
    samples = {c.label: {"wall": c.wall, "cpu": c.cpu, "peak_mb": c.peak_mb} for c in commands}
    (OUT / "progress.json").write_text(
        json.dumps(
            {"machine": info, "runs": args.runs, "figures": figures, "samples": samples}, indent=2
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
