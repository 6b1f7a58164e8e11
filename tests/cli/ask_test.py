#!/usr/bin/env python3
"""relief ask end to end, with answers from a script on standard input and
through a pseudo-terminal (Python's pty module): the prompts, a refused
amount asked again, what each answer changed, the profile saved after each
answer and read back by relief eval to the same result, and a Ctrl-C in the
middle of a session that leaves the answers given saved.

The scripted session's transcript is compared with
tests/golden/cli/ask-restaurant.txt (RELIEF_UPDATE_GOLDEN=1 rewrites it).

  ask_test.py --relief BUILD/relief --source-dir SRC [Script|Terminal]
"""

import argparse
import difflib
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

ARGS = None
MONTH = ["--month", "2020-12"]
# For the example restaurant in December 2020, the questions come in this
# order: PME (boolean), then its turnover of January 2019, January 2020, …
SCRIPT = "?\ntrue\n1,500\n61 000\n\nfin\n"


def relief(*args, stdin=""):
    run = subprocess.run([ARGS.relief, *args], input=stdin.encode(), capture_output=True, timeout=120)
    return subprocess.CompletedProcess(run.args, run.returncode, run.stdout.decode(), run.stderr.decode())


def restaurant_copy(directory):
    path = os.path.join(directory, "restaurant.yaml")
    shutil.copy(os.path.join(ARGS.source_dir, "examples", "profiles", "restaurant-montpellier.yaml"), path)
    return path


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def golden(test, name, actual):
    path = os.path.join(ARGS.source_dir, "tests", "golden", "cli", name)
    if os.environ.get("RELIEF_UPDATE_GOLDEN") == "1":
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(actual)
        return
    expected = read(path)
    if expected != actual:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), path, "actual"))
        test.fail("golden file differs (RELIEF_UPDATE_GOLDEN=1 rewrites it):\n" + diff)


def summary_of(transcript):
    """The summary printed at the end of a session (ToSummary, as relief eval prints it)."""
    start = transcript.index("\nMesures COVID-19")
    return transcript[start + 1:]


class Script(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def test_session_from_standard_input(self):
        path = restaurant_copy(self.dir)
        run = relief("ask", *MONTH, path, stdin=SCRIPT)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(run.stderr, "")
        golden(self, "ask-restaurant.txt", run.stdout.replace(path, "restaurant.yaml"))
        out = run.stdout
        # The bad amount is refused with the profile reader's message, then asked again (no new question).
        refused = out.index("> 1,500\n  Réponse refusée : 'ca_mensuel[2019-01]': ambiguous number")
        self.assertTrue(out[refused:].split("\n", 2)[2].startswith("> 61 000\n"))
        saved = read(path)
        self.assertIn("pme_ue: true\n", saved)
        self.assertIn('  "2019-01": 61 000\n', saved)
        self.assertNotIn("2020-01", saved)  # skipped
        # Read back by relief eval: the same summary as the session's end.
        evaluated = relief("eval", *MONTH, path)
        self.assertEqual(evaluated.returncode, 0, evaluated.stderr)
        self.assertEqual(evaluated.stdout, summary_of(out))

    def test_end_of_input_saves_and_prints_the_summary(self):
        path = os.path.join(self.dir, "new-firm.yaml")  # does not exist yet: created
        run = relief("ask", *MONTH, path, stdin="96.02A\n5\n")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("Aucun fait connu.", run.stdout)
        self.assertEqual(read(path), 'naf: "96.02A"\neffectif: 5\n')
        self.assertIn("Mesures COVID-19", run.stdout)
        self.assertEqual(relief("eval", *MONTH, path).stdout, summary_of(run.stdout))

    def test_nothing_accepted_leaves_the_file_untouched(self):
        path = restaurant_copy(self.dir)
        before = read(path)
        run = relief("ask", *MONTH, path, stdin="maybe\n\x1b[2Jtrue\n\nfin\n")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("Réponse refusée : 'pme_ue'", run.stdout)
        self.assertIn("> \\x1b[2Jtrue\n", run.stdout)  # echoed escaped, never sent to the terminal
        self.assertNotIn("\x1b", run.stdout)
        self.assertEqual(read(path), before)  # comments and all
        self.assertEqual(os.listdir(self.dir), ["restaurant.yaml"])  # no temporary file left

    def test_output_option_and_no_file(self):
        path = restaurant_copy(self.dir)
        out = os.path.join(self.dir, "answers.yaml")
        run = relief("ask", *MONTH, "-o", out, path, stdin="false\n")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("pme_ue: false\n", read(out))
        self.assertIn('siren: "823456789"\n', read(out))
        self.assertNotIn("pme_ue", read(path))
        bare = relief("ask", *MONTH, stdin="96.02A\n")
        self.assertEqual(bare.returncode, 0, bare.stderr)
        self.assertTrue(bare.stdout.endswith('Profil (YAML) :\nnaf: "96.02A"\n'), bare.stdout[-300:])

    def test_usage_errors(self):
        self.assertEqual(relief("ask", "-").returncode, 2)
        self.assertIn("--date YYYY-MM-DD or --month YYYY-MM is needed", relief("ask", "-o", "x.yaml").stderr)
        bad = os.path.join(self.dir, "bad.yaml")
        with open(bad, "w") as f:
            f.write("effectif: beaucoup\n")
        run = relief("ask", *MONTH, bad)
        self.assertEqual(run.returncode, 1)
        self.assertIn("bad.yaml:1:11", run.stderr)


class Terminal(unittest.TestCase):
    """The same through a pseudo-terminal, as an advisor types it."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)
        self.path = restaurant_copy(self.dir)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(ARGS.relief, [ARGS.relief, "ask", *MONTH, self.path])
        self.output = ""

    def tearDown(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)

    def expect(self, text, timeout=60):
        """Reads until `text` appears after what was already read; returns what came before it."""
        start = len(self.output)
        deadline = time.time() + timeout
        while text not in self.output[start:]:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.time()))
            if not ready:
                self.fail(f"timed out waiting for {text!r}; got:\n{self.output[start:]}")
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                self.fail(f"end of output waiting for {text!r}; got:\n{self.output[start:]}")
            self.output += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        end = self.output.index(text, start)
        return self.output[start:end]

    def type(self, line):
        os.write(self.fd, line.encode() + b"\r")

    def wait_status(self):
        while True:  # read the rest, so that the child is never blocked writing
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.output += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)

    def test_prompts_refusal_and_interrupt(self):
        before = self.expect("> ")
        self.assertIn("Question 1 — PME au sens du droit de l'Union européenne", before)
        self.assertIn("Réponse attendue : true ou false", before)
        self.type("true")
        self.assertIn("Profil enregistré dans", self.expect("> "))
        self.assertIn("pme_ue: true\n", read(self.path))
        self.type("1,500")
        refused = self.expect("> ")
        self.assertIn("Réponse refusée : 'ca_mensuel[2019-01]': ambiguous number", refused)
        self.assertNotIn("Question", refused)  # the same question, asked again
        self.type("61 000")
        after = self.expect("> ")
        self.assertIn("Profil enregistré dans", after)
        self.assertIn("Question 3 — chiffre d'affaires mensuel HT", after)
        os.write(self.fd, b"\x03")  # Ctrl-C, mid-session, at the prompt
        self.expect("Interrompu. Profil enregistré dans")
        self.assertEqual(self.wait_status(), 130)
        saved = read(self.path)
        self.assertIn("pme_ue: true\n", saved)
        self.assertIn('  "2019-01": 61 000\n', saved)

    def test_finished_session_reads_back_the_same(self):
        self.expect("> ")
        self.type("false")
        self.expect("> ")
        self.type("fin")
        self.expect("Mesures COVID-19")
        self.assertEqual(self.wait_status(), 0)
        summary = self.output[self.output.index("Mesures COVID-19"):]
        evaluated = relief("eval", *MONTH, self.path)
        self.assertEqual(evaluated.stdout, summary)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--relief", required=True)
    parser.add_argument("--source-dir", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest])
