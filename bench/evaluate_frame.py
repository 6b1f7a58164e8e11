"""Measures Pack.evaluate_frame on generated firms with the bundled pack.

    python bench/evaluate_frame.py [--firms 100000] [--month 2020-11] [--repeat 5]

Prints, separately, the median of --repeat runs of: the frame conversion
(the frame's columns handed to C++, then every row read into a checked
profile, without the GIL), the engine's part (the batch evaluation of every
measure without the GIL, as measured inside C++), each on one thread and on
every core, and the whole evaluate_frame call, each with its firms per
second. Generating the firms is not measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples" / "python"))

import firms  # noqa: E402
import relief  # noqa: E402
from relief._frame import columns_of  # noqa: E402


def median_seconds(repeat: int, run) -> float:
    """The median wall time of `run`, or of the seconds it returns when it returns a float."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        inner = run()
        times.append(inner if isinstance(inner, float) else time.perf_counter() - start)
    return statistics.median(times)


def show(label: str, count: int, seconds: float) -> None:
    print(f"{label:<46} {seconds:8.3f} s  {count / seconds:>12,.0f} firms/s")


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
          f"median of {r} runs")
    show("columns handed to C++ (Python, GIL held)", n, median_seconds(r, lambda: columns_of(frame)))
    headers, columns = columns_of(frame)
    for threads in sorted({1, os.cpu_count() or 1}):
        show(f"rows → checked profiles, {threads} thread(s)", n,
             median_seconds(r, lambda: core.build_table_profiles(headers, columns, n, threads)))
    profiles, errors = core.build_table_profiles(headers, columns, n, 0)
    assert not errors, errors[:3]
    for threads in sorted({1, os.cpu_count() or 1}):
        show(f"engine (batch evaluation), {threads} thread(s)", n,
             median_seconds(r, lambda: core.evaluate_batch(profiles, date, threads)[3]))
        show(f"  with the results as Python objects", n,
             median_seconds(r, lambda: core.evaluate_batch(profiles, date, threads) and None))
    show("evaluate_frame, whole call (every core)", n,
         median_seconds(r, lambda: pack.evaluate_frame(frame, month=args.month) and None))
    results, _ = pack.evaluate_frame(frame, month=args.month)
    print(f"eligible rows: {(results.status == 'eligible').sum()} of {len(results)}")


if __name__ == "__main__":
    main()
