"""Measures Pack.evaluate_frame on generated firms with the bundled pack.

    python bench/evaluate_frame.py [--firms 100000] [--month 2020-11]

Prints, separately: the frame conversion (DataFrame rows → checked
profiles, in Python and C++ under the GIL), the engine's part (the batch
evaluation of every measure, on one core and on all cores, without the GIL),
and the whole evaluate_frame call, each with its firms per second.
Generating the firms is not measured.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples" / "python"))

import firms  # noqa: E402
import relief  # noqa: E402
from relief._frame import profiles_of  # noqa: E402


def timed(label: str, count: int, run):
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    print(f"{label:<40} {seconds:8.3f} s  {count / seconds:>12,.0f} firms/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--month", default="2020-11")
    args = parser.parse_args()
    pack = relief.load()
    core = pack._core
    date = relief._iso_date(None, args.month)
    frame = firms.frame(args.firms, seed=1)
    n = len(frame)
    print(f"{n} firms × {len(pack.measures)} measures, {frame.shape[1]} columns, {os.cpu_count()} cores")
    rows = timed("frame → profile dicts (Python)", n, lambda: profiles_of(frame))
    profiles, errors = timed("profile dicts → checked profiles (C++)", n, lambda: core.build_profiles(rows))
    assert not errors, errors[:3]
    for threads in (1, os.cpu_count()):
        seconds = timed(f"batch evaluation, {threads} thread(s)", n, lambda: core.evaluate_batch(profiles, date, threads))[3]
        print(f"{'  of which the engine (GIL released)':<40} {seconds:8.3f} s  {n / seconds:>12,.0f} firms/s")
    results, _ = timed("evaluate_frame, whole call", n, lambda: pack.evaluate_frame(frame, month=args.month))
    print(f"eligible rows: {(results.status == 'eligible').sum()} of {len(results)}")


if __name__ == "__main__":
    main()
