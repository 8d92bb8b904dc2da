"""How long after `plan` is started a Ctrl-C is still Python's own (README, "Exit codes").

    python bench/interrupt_window.py [--tries 20] [--plan .venv/bin/plan]

Run by hand, not by CI. Starts `plan --version` (the console script pip wrote) again and again
and sends it SIGINT after a delay, for delays from 0 to 40 ms; for each delay it counts how the
process ended:

- `signal`: killed by SIGINT before Python installed its own handler (the shell shows 130, no
  message);
- `python`: Python's own KeyboardInterrupt: a traceback (from `site`, or from pip's script
  before `plan`'s code runs) or "Fatal Python error: init_import_site", exit 1 or the signal;
- `plan`: exit 130 and no message: `plan`'s handler had been installed (launch.py);
- `done`: the command had finished.

Beside it, how long `python -c pass` takes (Python's start with `site`) and `python -S -c pass`
(without `site`): the window is about the first, since `plan`'s handler is installed before it
imports anything (tests/test_startup.py). Prints a Markdown table. On a shared machine the
delays are only roughly what each process gets.
"""

from __future__ import annotations

import argparse
import collections
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

DELAYS_MS = (0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 25, 30, 40)
KINDS = ("signal", "python", "plan", "done")


def outcome(process: subprocess.Popen[bytes]) -> str:
    err = process.communicate()[1]
    if process.returncode == 0:
        return "done"
    if process.returncode == 130 and not err:
        return "plan"
    if process.returncode == -signal.SIGINT and not err:
        return "signal"
    return "python"


def start_ms(*args: str, tries: int) -> float:
    times = []
    for _ in range(tries):
        began = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tries", type=int, default=20)
    parser.add_argument("--plan", default=str(Path(sys.executable).parent / "plan"))
    given = parser.parse_args()
    counts: dict[int, collections.Counter[str]] = {}
    for delay in DELAYS_MS:
        counts[delay] = collections.Counter()
        for _ in range(given.tries):
            process = subprocess.Popen(
                [given.plan, "--version"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            time.sleep(delay / 1000)
            process.send_signal(signal.SIGINT)
            counts[delay][outcome(process)] += 1
    print("| SIGINT after | " + " | ".join(KINDS) + " |")
    print("| --- | " + " | ".join("---" for _ in KINDS) + " |")
    for delay, found in counts.items():
        print(f"| {delay} ms | " + " | ".join(str(found[kind]) for kind in KINDS) + " |")
    with_site = start_ms("-c", "pass", tries=given.tries)
    without_site = start_ms("-S", "-c", "pass", tries=given.tries)
    print(f"\n`python -c pass`: {with_site:.1f} ms; `python -S -c pass`: {without_site:.1f} ms")


if __name__ == "__main__":
    main()
