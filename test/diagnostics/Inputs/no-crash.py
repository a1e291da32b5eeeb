#!/usr/bin/env python3
# ===- no-crash.py - schemac check never crashes on hostile input ---------===#
#
#   no-crash.py SCHEMAC WORKDIR truncate FILE   prefixes of FILE
#   no-crash.py SCHEMAC WORKDIR garbage N       N seeded random inputs
#
# Runs `SCHEMAC check` on each input and requires exit code 0 or 1, and a
# diagnostic with a [code] on stderr whenever the code is 1. Prints
# "N inputs, M failures"; each failing input is kept in WORKDIR and named.
#
# ===------------------------------------------------------------------------===#
import os
import random
import re
import subprocess
import sys

TOKENS = [
    "table", "enum", "schema", "view", "materialized", "sequence", "index",
    "primary", "key", "unique", "references", "check", "default", "identity",
    "as", "stored", "collate", "constraint", "foreign", "on", "delete",
    "cascade", "@was(", "(", ")", "{", "}", "[", "]", ",", ".", "?", "::",
    "'str'", "'", '"', '"q""x"', "$$", "$$ select 1 $$", "/*", "*/", "//",
    "///", "1", "1.5e10", "99999999999999999999999", "-", "+", "||", "->>",
    "is", "not", "null", "between", "and", "case", "when", "then", "end",
    "array", "bigint", "text", "varchar(10)", "numeric(1,2,3)", "t", "a.b",
    "\n", " ", "\t", "é", "\u2028", "\x00",
]


def garbage(rng):
    kind = rng.randrange(3)
    n = rng.randrange(1, 200)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(n))
    if kind == 1:
        return "".join(chr(rng.randrange(32, 127)) for _ in range(n)).encode()
    return " ".join(rng.choice(TOKENS) for _ in range(n)).encode("utf-8")


def run(schemac, path):
    result = subprocess.run([schemac, "check", "--no-config", path],
                            capture_output=True)
    err = result.stderr.decode("utf-8", "replace")
    if result.returncode == 0:
        return None
    if result.returncode != 1:
        return f"exit code {result.returncode}"
    if not re.search(r"error: .*\[[a-z-]+\]", err):
        return "exit code 1 without a diagnostic"
    return None


def main():
    schemac, workdir, mode, arg = sys.argv[1:5]
    os.makedirs(workdir, exist_ok=True)
    inputs = []
    if mode == "truncate":
        with open(arg, "rb") as f:
            data = f.read()
        # About 150 prefixes, cutting inside every kind of construct.
        step = max(1, len(data) // 150)
        inputs = [data[:n] for n in range(0, len(data), step)]
    else:
        rng = random.Random(20261126)
        inputs = [garbage(rng) for _ in range(int(arg))]
    failures = 0
    for i, data in enumerate(inputs):
        path = os.path.join(workdir, f"input{i}.schema")
        with open(path, "wb") as f:
            f.write(data)
        problem = run(schemac, path)
        if problem:
            failures += 1
            print(f"FAIL: {path}: {problem}")
        else:
            os.remove(path)
    print(f"{len(inputs)} inputs, {failures} failures")


if __name__ == "__main__":
    main()
