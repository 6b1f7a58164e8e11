"""relief eval for people: the summary by default, details on demand,
colours only on a terminal, and the documented exit codes.

    eval_cli_test.py --relief BUILD/relief --source-dir SRC
"""

import argparse
import os
import pty
import subprocess
import sys
import tempfile
import unittest

ARGS = None
PROFILE = "examples/profiles/restaurant-montpellier.yaml"


def run(*argv, env=None):
    return subprocess.run([ARGS.relief, *argv], cwd=ARGS.source_dir, capture_output=True, text=True,
                          env=env, timeout=60)


def run_on_terminal(*argv, env):
    """Standard output on a pseudo-terminal, as an advisor's shell has it."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ARGS.source_dir)
        os.execve(ARGS.relief, [ARGS.relief, *argv], env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8")


class EvalForPeople(unittest.TestCase):
    def test_summary_is_the_default(self):
        out = run("eval", "--month", "2020-11", PROFILE)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("ÉLIGIBLE (", out.stdout)
        self.assertIn("Questions à poser", out.stdout)
        self.assertNotIn("Source :", out.stdout)
        self.assertLessEqual(len(out.stdout.splitlines()), 40)

    def test_details_follow_the_summary_grouped_by_status(self):
        out = run("eval", "--month", "2020-11", "--details", PROFILE)
        self.assertEqual(out.returncode, 0, out.stderr)
        summary_end = out.stdout.index("Règles : ")
        details = out.stdout[summary_end:]
        self.assertIn("Source :", details)
        order = [details.index(" — ÉLIGIBLE"), details.index(" — À DÉTERMINER"), details.index(" — NON ÉLIGIBLE"),
                 details.index(" — NON APPLICABLE")]
        self.assertEqual(order, sorted(order))

    def test_details_word_functions_with_labels_not_identifiers(self):
        profile = os.path.join(ARGS.work_dir, "effectif.yaml")
        with open(profile, "w", encoding="utf-8") as f:
            f.write("effectif: 3\n")
        out = run("eval", "--pack", "tests/golden/profiles/pack", "--month", "2020-11", "--details", profile)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("« code NAF commence par 56 » : inconnu", out.stdout)
        self.assertNotIn("starts_with(", out.stdout)

    def test_a_date_outside_every_version_says_so(self):
        out = run("eval", "--month", "2002-11", PROFILE)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("warning: no measure of pack 'occitanie' has a version in force on 2002-11-30", out.stderr)
        self.assertNotIn("warning", run("eval", "--month", "2020-11", PROFILE).stderr)

    def test_explain_gives_one_measure(self):
        out = run("eval", "--month", "2020-11", "--explain", "pge", PROFILE)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertTrue(out.stdout.startswith("Prêt garanti par l'État"), out.stdout)
        self.assertEqual(out.stdout.count("  ["), 1)

    def test_explain_an_unknown_measure_is_a_usage_error(self):
        out = run("eval", "--month", "2020-11", "--explain", "pgee", PROFILE)
        self.assertEqual(out.returncode, 2)
        self.assertIn("no measure 'pgee' in the pack; did you mean 'pge'?", out.stderr)

    def test_details_do_not_apply_to_json(self):
        out = run("eval", "--month", "2020-11", "--format", "json", "--details", PROFILE)
        self.assertEqual(out.returncode, 2)
        self.assertIn("apply to the text format", out.stderr)

    def test_colours_only_on_a_terminal_and_never_with_no_color(self):
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        env["TERM"] = "xterm"
        self.assertIn("\x1b[", run_on_terminal("eval", "--month", "2020-11", PROFILE, env=env))
        self.assertNotIn("\x1b[", run("eval", "--month", "2020-11", PROFILE, env=env).stdout)
        self.assertNotIn("\x1b[", run_on_terminal("eval", "--month", "2020-11", PROFILE, env={**env, "NO_COLOR": "1"}))
        self.assertIn("\x1b[", run("eval", "--month", "2020-11", "--color", "always", PROFILE, env=env).stdout)


class BatchOfTheExampleFirms(unittest.TestCase):
    def test_each_row_equals_the_evaluation_of_its_profile(self):
        import csv
        import glob
        import json
        output = os.path.join(ARGS.work_dir, "resultats.csv")
        out = run("batch", "--month", "2020-11", "examples/firms.csv", "-o", output)
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(output, encoding="utf-8") as f:
            rows = {(r["siren"], r["measure"]): r for r in csv.DictReader(f)}
        profiles = sorted(glob.glob(os.path.join(ARGS.source_dir, "examples/profiles/*.yaml")))
        self.assertEqual(len(rows), 21 * len(profiles))
        for profile in profiles:
            evaluation = json.loads(run("eval", "--month", "2020-11", "--format", "json", profile).stdout)
            siren = evaluation["firm"]["siren"]
            for m in evaluation["measures"]:
                row = rows[(siren, m["id"])]
                self.assertEqual(row["status"], m["status"], (profile, m["id"]))
                self.assertEqual(row["amount"] or None, m["amount"], (profile, m["id"]))


    def test_a_progress_bar_on_a_terminal_only(self):
        output = os.path.join(ARGS.work_dir, "progression.csv")
        env = {**os.environ, "TERM": "xterm"}
        shown = run_on_terminal("batch", "--month", "2020-11", "examples/firms.csv", "-o", output, env=env)
        self.assertRegex(shown, r"\r\[#+\] 100 %  8 rows")
        piped = run("batch", "--month", "2020-11", "examples/firms.csv", "-o", output)
        self.assertNotIn("\r[", piped.stderr)


class RulesDirectory(unittest.TestCase):
    def test_relief_rules_dir_is_a_rules_directory_or_a_pack(self):
        for directory in ("rules", "rules/national"):
            env = {**os.environ, "RELIEF_RULES_DIR": os.path.join(ARGS.source_dir, directory)}
            out = run("check", env=env)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertTrue(out.stdout.startswith("occitanie" if directory == "rules" else "national"), out.stdout)


class ExitCodes(unittest.TestCase):
    def test_help_is_success(self):
        for argv in (["--help"], ["eval", "--help"], ["check", "--help"]):
            out = run(*argv)
            self.assertEqual(out.returncode, 0, argv)
            self.assertIn("Usage", out.stdout)

    def test_usage_errors_exit_with_2(self):
        for argv in (["--no-such-option"], ["eval", PROFILE], ["eval", "--month", "2020-13", PROFILE],
                     ["eval", "--month", "2020-11", "--format", "pdf", PROFILE]):
            self.assertEqual(run(*argv).returncode, 2, argv)

    def test_a_bad_profile_exits_with_1(self):
        out = run("eval", "--month", "2020-11", "tests/hostile/../golden/profiles/../../../README.md")
        self.assertEqual(out.returncode, 1, out.stderr)


class Completion(unittest.TestCase):
    def complete(self, line):
        """What bash completes for `line`, with the script relief prints."""
        script = run("completion", "bash").stdout
        words = line.split(" ")
        program = script + "\nCOMP_WORDS=(%s); COMP_CWORD=%d; _relief; printf '%%s\\n' \"${COMPREPLY[@]}\"\n" % (
            " ".join("'%s'" % w for w in words), len(words) - 1)
        out = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=ARGS.source_dir, timeout=30)
        self.assertEqual(out.returncode, 0, out.stderr)
        return out.stdout.split()

    def test_commands_and_their_options(self):
        self.assertEqual(self.complete("relief ev"), ["eval"])
        self.assertEqual(self.complete("relief eval --ex"), ["--explain"])
        self.assertIn("--details", self.complete("relief eval --month 2020-11 --"))
        self.assertEqual(self.complete("relief eval --month 2020-11 exam"), ["examples"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--relief", required=True)
    parser.add_argument("--source-dir", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.relief = os.path.abspath(ARGS.relief)
    ARGS.work_dir = tempfile.mkdtemp(prefix="relief-cli-")
    unittest.main(argv=[sys.argv[0], *rest])
