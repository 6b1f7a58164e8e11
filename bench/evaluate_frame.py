"""Measures Pack.evaluate_frame on generated firms with the bundled pack.

    python bench/evaluate_frame.py [--firms 100000] [--month 2020-11] [--repeat 5]

Prints, separately, the median of --repeat runs of: the frame conversion
(the frame's columns handed to C++, then every row read into a checked
profile, without the GIL), the engine's part (the batch evaluation of every
measure without the GIL, as measured inside C++), each on one thread and on
every core, and the whole evaluate_frame call, each with its firms per
second. Each figure is given as wall-clock time and as the CPU time of the
process (all threads): on a machine shared with other jobs, the CPU time of
a one-thread run is the figure that does not depend on the load. Generating
the firms is not measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples" / "python"))

import firms  # noqa: E402
import relief  # noqa: E402
from relief._frame import columns_of  # noqa: E402


def medians(repeat: int, run) -> Tuple[float, float]:
    """Median wall and CPU seconds of `run`, or of the (wall, cpu) pair it returns."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        inner = run()
        if isinstance(inner, tuple):
            walls.append(inner[0]), cpus.append(inner[1])
        else:
            walls.append(time.perf_counter() - wall), cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def show(label: str, count: int, seconds: Tuple[float, float]) -> None:
    wall, cpu = seconds
    print(f"{label:<46} {wall:8.3f} s wall {cpu:8.3f} s CPU  {count / wall:>10,.0f} firms/s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--month", default="2020-11")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pack = relief.load()
    core = pack._core
    date = relief._iso_date(None, args.month)
    frame = firms.frame(args.firms, seed=1)
    n, r = len(frame), args.repeat
    print(f"{n} firms × {len(pack.measures)} measures, {frame.shape[1]} columns, {os.cpu_count()} cores, "
          f"median of {r} runs, load average {os.getloadavg()[0]:.1f}", flush=True)
    show("columns handed to C++ (Python, GIL held)", n, medians(r, lambda: columns_of(frame) and None))
    headers, columns = columns_of(frame)
    for threads in sorted({1, os.cpu_count() or 1}):
        show(f"rows → checked profiles, {threads} thread(s)", n,
             medians(r, lambda: core.build_table_profiles(headers, columns, n, threads) and None))
    profiles, errors = core.build_table_profiles(headers, columns, n, 0)
    assert not errors, errors[:3]
    for threads in sorted({1, os.cpu_count() or 1}):
        show(f"engine (batch evaluation), {threads} thread(s)", n,
             medians(r, lambda: core.evaluate_batch(profiles, date, threads)[3:]))
        show("  with the results as Python objects", n,
             medians(r, lambda: core.evaluate_batch(profiles, date, threads) and None))
        show("  the missing facts (questions=True's column)", n,
             medians(r, lambda: core.missing_columns(profiles, date, threads) and None))
    show("evaluate_frame, whole call (every core)", n,
         medians(r, lambda: pack.evaluate_frame(frame, month=args.month) and None))
    show("  with questions=True", n,
         medians(r, lambda: pack.evaluate_frame(frame, month=args.month, questions=True) and None))
    results, _ = pack.evaluate_frame(frame, month=args.month)
    print(f"eligible rows: {(results.status == 'eligible').sum()} of {len(results)}, "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
