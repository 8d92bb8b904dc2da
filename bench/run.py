"""Benchmark `plan` against its goals, side by side in one run, medians over several runs.

    python bench/run.py [--runs 10] [--measures 10000]

Run by hand, not by CI: it needs hyperfine (`apt-get install -y hyperfine`) and GNU time
(`/usr/bin/time`), and installs check-jsonschema into the project's venv if it is missing.
It writes a synthetic plan of 10,000 measures (bench/make_synthetic.py) to bench/out/, then
measures:

1. `plan validate synthetic.yaml` against `check-jsonschema --schemafile <plan schema>
   synthetic.yaml` (the schema is written to a file once, so neither side pays for `plan
   schema`). Goals: at most 0.2 of check-jsonschema's time, at most 1.0 s, peak memory at
   most 100 MB.
2. `plan due --as-of 2017-07-01` on the shipped plan against the import floor `python -c
   "import typer, rich.table, pydantic, yaml, dateutil.relativedelta"`. Goal: at most 1.2
   times the floor.

Times are hyperfine's medians (wall clock); peak memory is GNU time's maximum resident set
size, the median over three runs. Prints a Markdown table for bench/RESULTS.md and writes the
raw figures to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
BIN = Path(sys.executable).parent
IMPORT_FLOOR = "import typer, rich.table, pydantic, yaml, dateutil.relativedelta"


def tool(name: str) -> str:
    """A command next to this Python (the venv), else on PATH."""
    local = BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"bench: {name} not found")
    return found


def ensure_check_jsonschema() -> str:
    if not (BIN / "check-jsonschema").exists() and shutil.which("check-jsonschema") is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "check-jsonschema"], check=True
        )
    return tool("check-jsonschema")


def hyperfine(commands: dict[str, str], runs: int, cwd: Path, name: str) -> dict[str, float]:
    """Median wall-clock seconds of each command (hyperfine, one warm-up run)."""
    export = OUT / f"hyperfine-{name}.json"
    args = ["hyperfine", "--warmup", "1", "--runs", str(runs), "--export-json", str(export)]
    for label, command in commands.items():
        args += ["--command-name", label, command]
    subprocess.run(args, cwd=cwd, check=True)
    results = json.loads(export.read_text())["results"]
    return {result["command"]: float(result["median"]) for result in results}


def peak_rss_mb(command: str, cwd: Path, runs: int = 3) -> float:
    """Median of GNU time's maximum resident set size, in MB (10^6 bytes)."""
    peaks = []
    for _ in range(runs):
        done = subprocess.run(
            ["/usr/bin/time", "-v", *shlex.split(command)],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        if match is None:
            raise SystemExit(f"bench: no peak memory from /usr/bin/time for {command}")
        peaks.append(int(match[1]) * 1024 / 1e6)
    return statistics.median(peaks)


def has_command(plan: str, name: str) -> bool:
    done = subprocess.run([plan, name, "--help"], capture_output=True, text=True, check=False)
    return done.returncode == 0


def machine() -> dict[str, str]:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    fields = dict(line.split(":", 1) for line in lscpu.splitlines() if ":" in line and line.strip())
    nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout
    return {
        "date": dt.date.today().isoformat(),
        "cpu": fields.get("Model name", "?").strip(),
        "nproc": nproc.strip(),
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--measures", type=int, default=10_000)
    args = parser.parse_args()
    if shutil.which("hyperfine") is None:
        raise SystemExit("bench: hyperfine not found: apt-get install -y hyperfine")
    OUT.mkdir(parents=True, exist_ok=True)
    make = REPO / "bench" / "make_synthetic.py"
    subprocess.run([sys.executable, str(make), "--measures", str(args.measures)], check=True)
    plan = tool("plan")
    check_jsonschema = ensure_check_jsonschema()
    schema = OUT / "plan.schema.json"
    schema.write_bytes(subprocess.run([plan, "schema"], capture_output=True, check=True).stdout)

    validate = {
        "plan validate": f"{plan} validate synthetic.yaml",
        "check-jsonschema": f"{check_jsonschema} --schemafile {schema.name} synthetic.yaml",
    }
    times = hyperfine(validate, args.runs, OUT, "validate")
    memory = {label: peak_rss_mb(command, OUT) for label, command in validate.items()}

    startup = {"import floor": f"{sys.executable} -c {shlex.quote(IMPORT_FLOOR)}"}
    if has_command(plan, "due"):
        startup["plan due"] = f"{plan} due --as-of 2017-07-01"
    else:
        print("bench: this plan has no `due` command yet: only the import floor is measured")
    times |= hyperfine(startup, max(args.runs, 20), REPO, "startup")
    memory |= {label: peak_rss_mb(command, REPO) for label, command in startup.items()}

    ratio = times["plan validate"] / times["check-jsonschema"]
    rows = [
        ("`plan validate` / `check-jsonschema`", f"{ratio:.3f}", "≤ 0.2", ratio <= 0.2),
        (
            "`plan validate` time",
            f"{times['plan validate']:.3f} s",
            "≤ 1.0 s",
            times["plan validate"] <= 1.0,
        ),
        (
            "`plan validate` peak memory",
            f"{memory['plan validate']:.0f} MB",
            "≤ 100 MB",
            memory["plan validate"] <= 100,
        ),
    ]
    if "plan due" in times:
        due = times["plan due"] / times["import floor"]
        rows.append(("`plan due` / import floor", f"{due:.2f}", "≤ 1.2", due <= 1.2))
    info = machine()
    print()
    print(f"{info['date']}, {info['cpu']}, {info['nproc']} CPUs, Python {info['python']}")
    print(f"synthetic plan: {args.measures} measures, {args.runs} runs (median)\n")
    print("| command | median time | peak memory |\n| --- | --- | --- |")
    for label in times:
        print(f"| {label} | {times[label]:.3f} s | {memory[label]:.0f} MB |")
    print("\n| goal | measured | target | met |\n| --- | --- | --- | --- |")
    for goal, measured, target, met in rows:
        print(f"| {goal} | {measured} | {target} | {'yes' if met else 'no'} |")
    (OUT / "results.json").write_text(
        json.dumps({"machine": info, "seconds": times, "peak_mb": memory}, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
