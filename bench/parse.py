#!/usr/bin/env python3
# ===- parse.py - the ANTLR runtime's floor under schemac's parse -----------===#
#
#   parse.py --floor PATH [--sizes N ...] [--repeat R] [--seed S]
#
# Generates a schema of N tables with gen_schema.py for each N (default 1000
# and 5000) and runs schemac-parse-floor (bench/ParseFloor.cpp) on them,
# which prints a markdown table of median times: reading the file, the ANTLR
# lexer alone, lexer + parser building no tree, with the tree, and schemac's
# whole parse into the AST. See bench/README.md.
#
# ===------------------------------------------------------------------------===#
import argparse
import os
import subprocess
import sys
import tempfile

from run import GENERATOR


def main():
    parser = argparse.ArgumentParser(
        description="Times the ANTLR runtime alone against schemac's parse.")
    parser.add_argument("--floor", required=True, help="the schemac-parse-floor binary")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="schemac-parse-") as tmp:
        files = []
        for n in args.sizes:
            path = os.path.join(tmp, f"{n}-tables.schema")
            subprocess.run([sys.executable, GENERATOR, str(n), "--seed", str(args.seed),
                            "-o", path], check=True)
            files.append(path)
        result = subprocess.run([args.floor, "--repeat", str(args.repeat), *files])
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())
