"""Benchmark how `plan` scales with the progress file, side by side in one run.

    python bench/progress.py [--runs 5] [--records 10000,100000]

Run by hand, not by CI: it needs hyperfine (`apt-get install -y hyperfine`) and GNU time
(`/usr/bin/time`). It writes progress files to bench/out/ (git ignores it):

* ``progress-N.yaml``: N records, as `plan record` writes them, about the shipped plan's
  measures and reports in turn, dated through 2017-2019, every status, some with evidence,
  notes and agencies;
* ``progress-note.yaml``: one record whose note is 10 MB of text (the largest a data file
  may be is 32 MiB).

and measures, on the shipped plan, as of 2018-07-01:

1. `plan due` with no progress file against `plan due` with N records, for each N. Goals:
   10,000 records at most 1.5 times no progress file; 100,000 records under 3 s and 200 MB of
   peak memory.
2. `plan show 7`, as a table and as JSON, with the 10 MB note against `plan show 7` with no
   progress file (the note must cost what reading and showing 10 MB costs, not grow with the
   square of its size).

Times are hyperfine's medians (wall clock); peak memory is GNU time's maximum resident set
size, the median over three runs. Prints Markdown tables for bench/RESULTS.md and writes the
raw figures to bench/out/progress.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil

from run import OUT, hyperfine, peak_rss_mb, tool  # bench/run.py, beside this script

AS_OF = "2018-07-01"

TARGETS = [f"measure: {n}" for n in range(1, 31)] + [
    *(f"obligation: half-yearly-report-{y}H{h}" for y in (2017, 2018, 2019) for h in (1, 2)),
    "obligation: consolidated-report",
    "obligation: annual-evaluation",
]
STATUSES = ("in_progress", "done", "not_started", "cancelled")
AGENCIES = ("МВД", "mtszn", "МЗ", "МОН")


def records_text(count: int) -> str:
    """A progress file of ``count`` records, in `plan record`'s layout."""
    lines = ["# synthetic progress for bench/progress.py", "schema_version: 1", "records:"]
    start = dt.date(2017, 1, 1)
    for i in range(count):
        target = TARGETS[i % len(TARGETS)]
        status = STATUSES[(i // len(TARGETS)) % len(STATUSES)]
        lines += [f"- {target}", f"  status: {status}", f"  on: {start + dt.timedelta(i % 1095)}"]
        if status == "done":
            lines.append(f"  evidence: https://example.kz/orders/{i}")
        if i % 3 == 0:
            lines.append(f"  note: запись номер {i}")
        if i % 5 == 0:
            lines.append(f"  by: {AGENCIES[i % len(AGENCIES)]}")
    return "\n".join(lines) + "\n"


def note_text(size: int) -> str:
    """One record about measure 7 whose note is ``size`` bytes of plain text on one line."""
    word = "примечание "  # 21 bytes in UTF-8
    note = (word * (size // len(word.encode()) + 1)).strip()
    return (
        "schema_version: 1\nrecords:\n"
        f"- measure: 7\n  status: in_progress\n  on: 2018-01-15\n  note: {note}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--records", default="10000,100000")
    parser.add_argument("--note-mb", type=float, default=10.0)
    args = parser.parse_args()
    if shutil.which("hyperfine") is None:
        raise SystemExit("bench: hyperfine not found: apt-get install -y hyperfine")
    OUT.mkdir(parents=True, exist_ok=True)
    counts = [int(n) for n in args.records.split(",")]
    for count in counts:
        (OUT / f"progress-{count}.yaml").write_text(records_text(count), encoding="utf-8")
    (OUT / "progress-note.yaml").write_text(note_text(int(args.note_mb * 1e6)), encoding="utf-8")
    plan = tool("plan")

    due = f"{plan} due --all --as-of {AS_OF} --format json"
    commands = {"plan due, no progress file": due}
    for count in counts:
        commands[f"plan due, {count:,} records"] = f"{due} --progress progress-{count}.yaml"
    show = f"{plan} show 7 --as-of {AS_OF}"
    for label, fmt in (("table", ""), ("json", " --format json")):
        commands[f"plan show 7 ({label}), no progress file"] = show + fmt
        commands[f"plan show 7 ({label}), a 10 MB note"] = (
            f"{show}{fmt} --progress progress-note.yaml"
        )
    times = hyperfine(commands, args.runs, OUT, "progress")
    memory = {label: peak_rss_mb(command, OUT) for label, command in commands.items()}

    base = times["plan due, no progress file"]
    rows = []
    for count in counts:
        label = f"plan due, {count:,} records"
        ratio = times[label] / base
        if count == 10_000:
            rows.append((f"`{label}` / no progress file", f"{ratio:.2f}", "≤ 1.5", ratio <= 1.5))
        if count == 100_000:
            rows.append((f"`{label}` time", f"{times[label]:.2f} s", "< 3 s", times[label] < 3))
            rows.append(
                (
                    f"`{label}` peak memory",
                    f"{memory[label]:.0f} MB",
                    "< 200 MB",
                    memory[label] < 200,
                )
            )
    print(f"\n{dt.date.today().isoformat()}, {args.runs} runs (median), as of {AS_OF}\n")
    print("| command | median time | peak memory |\n| --- | --- | --- |")
    for label in times:
        print(f"| {label} | {times[label]:.3f} s | {memory[label]:.0f} MB |")
    print("\n| goal | measured | target | met |\n| --- | --- | --- | --- |")
    for goal, measured, target, met in rows:
        print(f"| {goal} | {measured} | {target} | {'yes' if met else 'no'} |")
    (OUT / "progress.json").write_text(
        json.dumps({"seconds": times, "peak_mb": memory}, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
