"""Benchmark `plan` against its goals (issue 8, "Speed, with a simpler loader"), side by side in
one run: the commands compared take turns, run after run, so that the load of a shared machine
falls on both alike; medians of the runs.

    python bench/run.py [--runs 5] [--measures 10000]

Run by hand, not by CI. It byte-compiles the package (as pip does when it installs it: this
environment sets PYTHONDONTWRITEBYTECODE), installs check-jsonschema into the project's venv if
it is missing, writes a synthetic plan of 10,000 measures (bench/make_synthetic.py) to
bench/out/ (git ignores it), and measures:

1. `plan validate synthetic.yaml` (and with `--no-source`, without comparing the texts with the
   act's text, which make_synthetic.py also repeats to 10,000 rows) against a bare PyYAML event
   scan of the same file in a fresh interpreter (`python -c` iterating
   `yaml.parse(open(f), Loader=yaml.CSafeLoader)`) and against `check-jsonschema --schemafile
   <plan schema> synthetic.yaml` (the schema written to a file once, so neither side pays for
   `plan schema`). Goals: at most 2.0 times the scan, at most 0.1 of check-jsonschema's time,
   peak memory at most 150 MB.
2. `plan due --as-of 2017-07-01` on the embedded plan against `bench/typer_floor.py due --as-of
   2017-07-01` (a typer app with `due`'s options that does nothing). Goal: at most 1.3 times
   the floor. `plan due` takes its plan from the cache (bench/out/cache, filled by the warm-up
   run), as the commands of an installed wheel take it from its snapshot; `plan due` reading
   the YAML every time (no cache) is measured beside it.

Each run of a command is timed by the wall clock, and its CPU time (user + system) and peak
resident memory are read from the operating system (os.wait4); one warm-up run of each first.
Prints Markdown tables for bench/RESULTS.md and writes the raw figures to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
BIN = Path(sys.executable).parent
SCAN = "import yaml\nfor _ in yaml.parse(open({!r}), Loader=yaml.CSafeLoader): pass"


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


# --- runs taking turns -------------------------------------------------------------------------


@dataclass
class Command:
    label: str
    args: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    def run(self) -> tuple[float, float, float]:
        """One run: wall-clock and CPU seconds, peak memory in MB (10^6 bytes)."""
        env = {**os.environ, **self.env}
        start = time.perf_counter()
        process = subprocess.Popen(
            self.args, cwd=self.cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        assert process.stderr is not None
        errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):  # plan validate exits 1 on errors: none here
            raise SystemExit(f"bench: {self.label} failed:\n{errors.decode(errors='replace')}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024 / 1e6

    def record(self) -> None:
        wall, cpu, peak = self.run()
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.peak_mb.append(peak)

    def medians(self) -> dict[str, float]:
        return {
            "wall": statistics.median(self.wall),
            "cpu": statistics.median(self.cpu),
            "peak_mb": statistics.median(self.peak_mb),
        }


def take_turns(commands: list[Command], runs: int) -> None:
    """One warm-up run of each, then ``runs`` rounds in which each runs once, in turn."""
    for command in commands:
        command.run()
    for n in range(runs):
        for command in commands if n % 2 == 0 else reversed(commands):
            command.record()
        print(f"bench: round {n + 1} of {runs} done", file=sys.stderr)


def compile_package() -> None:
    """Byte-compile the package, as pip does when it installs it (this environment sets
    PYTHONDONTWRITEBYTECODE: without it every run would compile the sources again)."""
    package = REPO / "src" / "reintegration_plan"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def machine() -> dict[str, str]:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    fields = dict(line.split(":", 1) for line in lscpu.splitlines() if ":" in line and line.strip())
    load = os.getloadavg()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": fields.get("Model name", "?").strip(),
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "os": platform.platform(),
        "load_after": f"{load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measures", type=int, default=10_000)
    parser.add_argument(
        "--skip-check-jsonschema",
        action="store_true",
        help="leave check-jsonschema out (each of its runs takes about half a minute)",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    make = REPO / "bench" / "make_synthetic.py"
    subprocess.run([sys.executable, str(make), "--measures", str(args.measures)], check=True)
    compile_package()
    plan = tool("plan")
    synthetic = "synthetic.yaml"

    validate = [
        Command("bare PyYAML event scan", [sys.executable, "-c", SCAN.format(synthetic)], OUT),
        Command("plan validate", [plan, "validate", synthetic], OUT),
        Command("plan validate --no-source", [plan, "validate", "--no-source", synthetic], OUT),
    ]
    if not args.skip_check_jsonschema:
        check_jsonschema = ensure_check_jsonschema()
        schema = OUT / "plan.schema.json"
        schema.write_bytes(subprocess.run([plan, "schema"], capture_output=True, check=True).stdout)
        validate.append(
            Command(
                "check-jsonschema",
                [check_jsonschema, "--schemafile", schema.name, synthetic],
                OUT,
            )
        )
    cache = {"XDG_CACHE_HOME": str(OUT / "cache")}
    no_cache = {"XDG_CACHE_HOME": "", "HOME": ""}
    due = ["due", "--as-of", "2017-07-01"]
    startup = [
        Command("typer floor", [sys.executable, str(REPO / "bench" / "typer_floor.py"), *due], OUT),
        Command("plan due", [plan, *due], OUT, cache),
        Command("plan due, no cache (reads the YAML)", [plan, *due], OUT, no_cache),
    ]
    take_turns(validate, args.runs)
    take_turns(startup, max(args.runs, 10))

    figures = {command.label: command.medians() for command in [*validate, *startup]}
    info = machine()
    print(
        f"\n{info['date']}, {info['cpu']}, {info['nproc']} CPUs, Python {info['python']}, "
        f"load average after the run {info['load_after']}"
    )
    print(
        f"synthetic plan: {args.measures} measures; medians of {args.runs} runs "
        f"(the start-up: of {max(args.runs, 10)})\n"
    )
    print("| command | wall | CPU | peak memory |\n| --- | --- | --- | --- |")
    for label, figure in figures.items():
        print(
            f"| {label} | {figure['wall']:.3f} s | {figure['cpu']:.3f} s | "
            f"{figure['peak_mb']:.0f} MB |"
        )
    ours = figures["plan validate"]
    scan = figures["bare PyYAML event scan"]
    rows = [
        (
            f"`{label}` / bare event scan",
            figures[label]["wall"] / scan["wall"],
            figures[label]["cpu"] / scan["cpu"],
            2.0,
        )
        for label in ("plan validate", "plan validate --no-source")
    ]
    if "check-jsonschema" in figures:
        other = figures["check-jsonschema"]
        rows.append(
            (
                "`plan validate` / check-jsonschema",
                ours["wall"] / other["wall"],
                ours["cpu"] / other["cpu"],
                0.1,
            )
        )
    floor = figures["typer floor"]
    plan_due = figures["plan due"]
    rows.append(
        (
            "`plan due` / typer floor",
            plan_due["wall"] / floor["wall"],
            plan_due["cpu"] / floor["cpu"],
            1.3,
        )
    )
    print("\n| goal | wall | CPU | target | met |\n| --- | --- | --- | --- | --- |")
    for goal, wall, cpu, target in rows:
        met = "yes" if wall <= target else "**no**"
        print(f"| {goal} | {wall:.2f} | {cpu:.2f} | ≤ {target} | {met} |")
    for label in ("plan validate", "plan validate --no-source"):
        peak = figures[label]["peak_mb"]
        print(
            f"| `{label}` peak memory | {peak:.0f} MB | | ≤ 150 MB | "
            f"{'yes' if peak <= 150 else '**no**'} |"
        )
    (OUT / "results.json").write_text(
        json.dumps(
            {
                "machine": info,
                "runs": args.runs,
                "figures": figures,
                "samples": {
                    c.label: {"wall": c.wall, "cpu": c.cpu, "peak_mb": c.peak_mb}
                    for c in [*validate, *startup]
                },
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
