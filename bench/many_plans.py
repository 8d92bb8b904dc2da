"""Benchmark `plan due` over many plans (issue 13): 50 plans of 100 measures each against the one
embedded plan. Goal: at most 2 times `plan due` on the embedded plan.

    python bench/many_plans.py [--runs 5] [--plans 50] [--measures 100]

Run by hand, not by CI. It writes the plans to bench/out/many/ (git ignores it), one folder per
plan as `plan import` lays them out: the shipped plan's measures repeated and renumbered to 100
by bench/make_synthetic.py, each plan's act numbered 1001, 1002, … (so each has an id of its
own, pp-1001-2016 …) and each measure's text marked with its plan's number (so that no two
plans' texts are the same, as in real plans); the abbreviations file beside each. Then, the
commands taking turns (bench/run.py's runs: one warm-up run each, which fills the cache the
commands read the plans from, bench/out/many-cache; wall clock, CPU and peak memory of each
run from os.wait4; medians), all in Russian on 80 columns as the officials read them:

1. `plan due --as-of 2017-07-01` on the embedded plan (24 obligations listed);
2. `plan due --plans bench/out/many --as-of 2017-07-01`: 50 plans, 5,400 obligations, 4,000
   of them listed (every plan is 912's measures, at the same date);
3. the same two with `--format json` (the query and the loading without the table's layout),
   and with `--agency мтсзн` (one agency's share: 1,700 of the 4,000).

Prints Markdown tables for bench/RESULTS.md and writes the raw figures to
bench/out/many_results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

from make_synthetic import PLAN, synthetic_plan
from run import OUT, REPO, Command, machine, take_turns, tool

MANY = OUT / "many"
CACHE = OUT / "many-cache"


def write_plans(count: int, measures: int) -> None:
    """``count`` plans of ``measures`` measures in MANY, each in a folder of its own."""
    if MANY.exists():
        shutil.rmtree(MANY)
    text = synthetic_plan(PLAN.read_text(encoding="utf-8"), measures)
    start = text.index("\nmeasures:\n")
    for n in range(count):
        number = 1001 + n
        head = re.sub(r"^(  number: )912$", rf"\g<1>{number}", text[:start], count=1, flags=re.M)
        body = re.sub(r"^(    text: )", rf"\g<1>(план {number}) ", text[start:], flags=re.M)
        folder = MANY / f"pp-{number}-2016"
        folder.mkdir(parents=True)
        (folder / "plan.yaml").write_text(head + body, encoding="utf-8", newline="\n")
        shutil.copyfile(REPO / "data" / "abbreviations.yaml", folder / "abbreviations.yaml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", type=int, default=50)
    parser.add_argument("--measures", type=int, default=100)
    args = parser.parse_args()
    write_plans(args.plans, args.measures)
    if CACHE.exists():
        shutil.rmtree(CACHE)
    package = REPO / "src" / "reintegration_plan"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    plan = tool("plan")
    env = {"XDG_CACHE_HOME": str(CACHE), "PLAN_LANG": "ru", "COLUMNS": "80"}
    due = [plan, "due", "--as-of", "2017-07-01"]
    many = [*due, "--plans", str(MANY)]
    commands = {
        "one": Command("`plan due` on the embedded plan", due, REPO, env),
        "many": Command(f"`plan due` over {args.plans} plans", many, REPO, env),
        "one json": Command("the same, `--format json`", [*due, "--format", "json"], REPO, env),
        "many json": Command(
            f"over {args.plans} plans, `--format json`", [*many, "--format", "json"], REPO, env
        ),
        "one agency": Command("`--agency мтсзн`", [*due, "--agency", "мтсзн"], REPO, env),
        "many agency": Command(
            f"over {args.plans} plans, `--agency мтсзн`", [*many, "--agency", "мтсзн"], REPO, env
        ),
    }
    listed = subprocess.run(
        [*many, "--format", "json"], env={**os.environ, **env}, capture_output=True, check=True
    )
    items = len(json.loads(listed.stdout)["items"])
    take_turns(list(commands.values()), args.runs)
    medians = {key: command.medians() for key, command in commands.items()}
    about = machine()
    print(f"\n{about['date']}; {about['cpu']}, {about['nproc']} CPUs; Python {about['python']}")
    print(f"load average after: {about['load_after']}; {items} obligations listed over the plans\n")
    print("| command | wall | CPU | peak memory |")
    print("| --- | --- | --- | --- |")
    for key, command in commands.items():
        m = medians[key]
        print(f"| {command.label} | {m['wall']:.3f} s | {m['cpu']:.3f} s | {m['peak_mb']:.0f} MB |")
    print("\n| over the plans / on the one plan | wall | CPU | target | met |")
    print("| --- | --- | --- | --- | --- |")
    for kind in ("", " json", " agency"):
        one, all_ = medians[f"one{kind}"], medians[f"many{kind}"]
        wall, cpu = all_["wall"] / one["wall"], all_["cpu"] / one["cpu"]
        met = "yes" if max(wall, cpu) <= 2.0 else "**no**"
        print(f"| `plan due`{kind or ' (table)'} | {wall:.2f} | {cpu:.2f} | ≤ 2.0 | {met} |")
    results = {"machine": about, "items": items, "medians": medians}
    (OUT / "many_results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
