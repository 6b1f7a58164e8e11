#!/usr/bin/env python3
"""relief timeline end to end: the text table of every example firm from
March 2020 to August 2021, and the restaurant's CSV and JSON, compared with
tests/golden/timeline/ (RELIEF_UPDATE_GOLDEN=1 rewrites them; review with
git diff); then the usage errors.

  timeline_test.py --relief BUILD/relief --source-dir SRC
"""

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import unittest
from decimal import Decimal

ARGS = None
SPAN = ["--from", "2020-03", "--to", "2021-08"]


def relief(*args):
    run = subprocess.run([ARGS.relief, *args], capture_output=True, timeout=120)  # bytes: CSV lines end with \r\n
    return subprocess.CompletedProcess(run.args, run.returncode, run.stdout.decode(), run.stderr.decode())


def example(name):
    return os.path.join(ARGS.source_dir, "examples", "profiles", name + ".yaml")


def golden(test, name, actual):
    # The pack's digest changes with any rule file: not a change of this output.
    actual = re.sub(r"sha256:[0-9a-f]{64}", "sha256:<digest>", actual)
    path = os.path.join(ARGS.source_dir, "tests", "golden", "timeline", name)
    if os.environ.get("RELIEF_UPDATE_GOLDEN") == "1":
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(actual)
        return
    with open(path, encoding="utf-8", newline="") as f:
        expected = f.read()
    if expected != actual:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), path, "actual"))
        test.fail("golden file differs (RELIEF_UPDATE_GOLDEN=1 rewrites it):\n" + diff)


class Timeline(unittest.TestCase):
    def test_text_of_every_example_firm(self):
        firms = sorted(f[:-5] for f in os.listdir(os.path.join(ARGS.source_dir, "examples", "profiles")))
        self.assertGreaterEqual(len(firms), 8)
        for firm in firms:
            with self.subTest(firm=firm):
                run = relief("timeline", *SPAN, example(firm))
                self.assertEqual(run.returncode, 0, run.stderr)
                self.assertEqual(run.stderr, "")
                golden(self, firm + ".txt", run.stdout)

    def test_csv_and_json_of_the_restaurant(self):
        csv = relief("timeline", *SPAN, "--format", "csv", example("restaurant-montpellier"))
        self.assertEqual(csv.returncode, 0, csv.stderr)
        golden(self, "restaurant-montpellier.csv", csv.stdout)
        out = relief("timeline", *SPAN, "--format", "json", example("restaurant-montpellier"))
        self.assertEqual(out.returncode, 0, out.stderr)
        golden(self, "restaurant-montpellier.json", out.stdout)
        # The total of each measure is the sum of its months, in all three formats.
        data = json.loads(out.stdout)
        self.assertEqual(len(data["measures"][0]["months"]), 18)
        for measure in data["measures"]:
            months = sum(Decimal(m["amount"]) for m in measure["months"] if m["status"] == "eligible" and m["amount"])
            self.assertEqual(Decimal(measure["total"]), months, measure["id"])
            self.assertIn(f'{measure["id"]},', csv.stdout)
            self.assertIn(f',total,,{measure["total"]}\r\n', csv.stdout)

    def test_usage_errors(self):
        for args, message in [
            (["--from", "2021-01", "--to", "2020-12"], "expected a span of 1 to 240 months, in order"),
            (["--from", "2020-13", "--to", "2020-12"], "--from: expected YYYY-MM, found '2020-13'"),
            (["--from", "2000-01", "--to", "2020-12"], "expected a span of 1 to 240 months"),
        ]:
            with self.subTest(args=args):
                run = relief("timeline", *args, example("restaurant-montpellier"))
                self.assertEqual(run.returncode, 2)
                self.assertIn(message, run.stderr)
                self.assertEqual(run.stdout, "")
        missing = relief("timeline", *SPAN, os.path.join(ARGS.source_dir, "no-such-firm.yaml"))
        self.assertEqual(missing.returncode, 2)
        self.assertIn("no-such-firm.yaml", missing.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--relief", required=True)
    parser.add_argument("--source-dir", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest])
