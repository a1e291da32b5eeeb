#!/usr/bin/env python3
# ===- lit-summary.py - print the outcome of the last lit run ---------------===#
#
#   lit-summary.py RESULTS.json
#
# Reads the file lit wrote with `-o RESULTS.json` and prints one line of
# counts per result code, then every test that did not pass, so a green CTest
# run still shows what lit skipped.
#
# ===------------------------------------------------------------------------===#
import collections
import json
import sys

WORDS = {"PASS": "passed", "FAIL": "failed", "XFAIL": "expectedly failed",
         "XPASS": "unexpectedly passed", "TIMEOUT": "timed out"}


def main():
    if len(sys.argv) != 2:
        print("usage: lit-summary.py RESULTS.json", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            tests = json.load(f)["tests"]
    except (OSError, ValueError, KeyError) as error:
        print(f"lit-summary: cannot read {sys.argv[1]}: {error}", file=sys.stderr)
        return 1
    counts = collections.Counter(test["code"] for test in tests)
    parts = ", ".join(f"{n} {WORDS.get(code, code.lower())}" for code, n in sorted(counts.items()))
    print(f"lit: {len(tests)} tests: {parts}")
    for test in sorted(tests, key=lambda t: t["name"]):
        if test["code"] != "PASS":
            print(f"lit: {test['code']}: {test['name']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
