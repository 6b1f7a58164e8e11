"""relief batch on the small files of tests/batch/cases/, against tests/batch/pack.

Each case directory holds case.txt (`args:` the command line after
`relief batch --pack PACK`, `exit:` the expected status), its input, and
expected/: every file the command must write, byte for byte, plus
stderr.txt (the expected standard error). Run with --update to write the
expected files from the current program (then review them).
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_case(relief: str, case: Path, update: bool) -> list[str]:
    spec = dict(line.split(": ", 1) for line in (case / "case.txt").read_text().splitlines() if line)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for f in case.iterdir():
            if f.is_file() and f.name != "case.txt":
                shutil.copy(f, work / f.name)
        before = {p.name for p in work.iterdir()}
        done = subprocess.run([relief, "batch", "--pack", str(HERE / "pack"), "--threads", "2", *spec["args"].split()],
                              cwd=work, capture_output=True, timeout=60)
        (work / "stderr.txt").write_bytes(done.stderr)
        written = sorted(p.name for p in work.iterdir() if p.name not in before)
        expected = case / "expected"
        if update:
            shutil.rmtree(expected, ignore_errors=True)
            expected.mkdir()
            for name in written:
                shutil.copy(work / name, expected / name)
            return []
        problems = []
        if done.returncode != int(spec["exit"]):
            problems.append(f"exit {done.returncode}, expected {spec['exit']}: {done.stderr.decode()}")
        want = sorted(p.name for p in expected.iterdir())
        if written != want:
            problems.append(f"wrote {written}, expected {want}")
        for name in set(written) & set(want):
            if not filecmp.cmp(work / name, expected / name, shallow=False):
                problems.append(f"{name} differs:\n{(work / name).read_text()}\nexpected:\n{(expected / name).read_text()}")
        return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--relief", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    failed = 0
    for case in sorted(p for p in (HERE / "cases").iterdir() if p.is_dir()):
        problems = run_case(args.relief, case, args.update)
        print(f"{'FAIL' if problems else 'ok  '} {case.name}")
        for p in problems:
            print("   ", p.replace("\n", "\n    "))
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
