#!/usr/bin/env python3
"""Runs the hostile corpus (cases.py) through the relief command line.

Every case must stay within bounds whatever its outcome: no crash (no
signal, no "internal error"), under 10 s of CPU time, under 1 GiB of memory (address
space limited with setrlimit, peak RSS measured), at most 1 MB of output,
no raw control character and no invalid UTF-8 on the terminal; and its
outcome (exit status, stdout, stderr) must be exactly expected/NAME.txt.

  run_corpus.py --relief BUILD/relief --source-dir SRC [--update] [NAME...]

--update rewrites the expected files (review them with git diff);
--no-rlimit leaves the address space unlimited (sanitizer builds reserve
terabytes of it) and checks the peak RSS only.
"""

import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402

TIME_LIMIT = 10.0  # seconds of CPU time
# A process that waits without computing is killed after this wall time;
# the bound itself is on CPU time, so that a busy machine (the clock runs
# while the process waits for a core) does not fail an input.
WALL_LIMIT = 60.0
MEMORY_LIMIT = 1 << 30
OUTPUT_LIMIT = 1 << 20


def write_case(case, root):
    for path, content in case.files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    for path, target in case.links.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        os.symlink(target, full)


def run(argv, stdin, cwd, limit_memory):
    """(exit status or -signal, stdout, stderr, CPU seconds, peak RSS in bytes)."""
    def limits():
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CPU, (int(TIME_LIMIT), int(TIME_LIMIT) + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                stdout=out, stderr=err, cwd=cwd, preexec_fn=limits)
        if stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() - start > WALL_LIMIT:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = 0  # reaped above
        seconds = usage.ru_utime + usage.ru_stime
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        out.seek(0)
        err.seek(0)
        return code, out.read(), err.read(), seconds, usage.ru_maxrss * 1024


RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def terminal_problems(data):
    problems = []
    if RAW_CONTROL.search(data):
        problems.append("raw control character in the output")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"invalid UTF-8 in the output ({e.reason} at byte {e.start})")
    if len(data) > OUTPUT_LIMIT:
        problems.append(f"{len(data)} bytes of output (at most {OUTPUT_LIMIT})")
    return problems


def outcome(case, code, out, err, replacements):
    def text(data):
        s = data.decode("utf-8", errors="backslashreplace")
        for old, new in replacements:
            s = s.replace(old, new)
        return s
    stdout = text(out)
    if case.keep:
        # Only the lines the case is about, with rule-file locations left out
        # (they move whenever the bundled rules are edited).
        stdout = "".join(re.sub(r"<src>/rules/[^)]*", "<rule file>", line)
                         for line in stdout.splitlines(True) if re.search(case.keep, line))
    return f"exit: {code}\n--- stdout\n{stdout}--- stderr\n{text(err)}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--relief", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--no-rlimit", action="store_true")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    relief = os.path.abspath(args.relief)
    src = os.path.abspath(args.source_dir)
    expected_dir = os.path.join(src, "tests", "hostile", "expected")
    selected = [c for c in cases.CASES if not args.names or c.name in args.names]
    failures = 0
    slowest = (0.0, "")
    biggest = (0, "")
    for case in selected:
        root = tempfile.mkdtemp(prefix="relief-hostile-")
        try:
            write_case(case, root)
            subst = {"{dir}": root, "{rules}": os.path.join(src, "rules"),
                     "{profiles_pack}": os.path.join(src, "tests", "golden", "profiles", "pack")}
            argv = [relief] + [re.sub(r"\{\w+\}", lambda m: subst.get(m.group(0), m.group(0)), a) for a in case.argv]
            os.environ["RELIEF_RULES_DIR"] = os.path.join(src, "rules")
            code, out, err, seconds, rss = run(argv, case.stdin, root, not args.no_rlimit)
            slowest = max(slowest, (seconds, case.name))
            biggest = max(biggest, (rss, case.name))
            problems = terminal_problems(out) + terminal_problems(err)
            if code < 0:
                problems.append(f"killed by signal {-code}")
            if seconds > TIME_LIMIT:
                problems.append(f"took {seconds:.1f} s of CPU time")
            if rss > MEMORY_LIMIT:
                problems.append(f"peak RSS {rss >> 20} MiB")
            if b"internal error" in out + err:
                problems.append("internal error")
            got = outcome(case, code, out, err, [(root, "<dir>"), (src, "<src>")])
            path = os.path.join(expected_dir, case.name + ".txt")
            if args.update:
                os.makedirs(expected_dir, exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(got)
            else:
                try:
                    with open(path, encoding="utf-8") as f:
                        want = f.read()
                except FileNotFoundError:
                    want = None
                if want != got:
                    problems.append("outcome differs from expected/" + case.name + ".txt:\n" + got[:3000])
            if problems:
                failures += 1
                print(f"FAIL {case.name}: " + "; ".join(problems))
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print(f"{len(selected) - failures} of {len(selected)} hostile inputs within bounds and as expected; "
          f"slowest {slowest[1]} {slowest[0]:.2f} s of CPU, largest {biggest[1]} {biggest[0] >> 20} MiB peak RSS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
