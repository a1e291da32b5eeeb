#!/usr/bin/env python3
# ===- sqlitetest.py - run SQL of a lit test on a fresh SQLite database ----===#
#
#   sqlitetest.py [--keep PATH] [FILE]
#       Runs the SQL of FILE (default: stdin) with `sqlite3 -bail` on a new
#       database in a temporary directory, after `PRAGMA foreign_keys = ON`
#       (given with -cmd, so error line numbers are those of FILE). Errors go
#       to stderr with sqlite3's "near line N"; the exit status is non-zero
#       on any error. Query results are printed as sqlite3 prints them.
#       With --keep PATH the database is PATH instead (replaced if it
#       exists) and left there, for later RUN lines: sqlite3 PATH "select ...".
#
# See docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser(
        description="Run SQL on a fresh SQLite database."
    )
    parser.add_argument("--keep", metavar="PATH")
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()

    sqlite3 = shutil.which("sqlite3")
    if not sqlite3:
        print("sqlitetest: sqlite3 not found", file=sys.stderr)
        return 2
    if args.file:
        with open(args.file, "rb") as f:
            sql = f.read()
    else:
        sql = sys.stdin.buffer.read()

    with tempfile.TemporaryDirectory(prefix="schemac-sqlite.") as tmp:
        db = args.keep or os.path.join(tmp, "test.db")
        if args.keep and os.path.exists(db):
            os.remove(db)
        cmd = [sqlite3, "-bail", "-cmd", "PRAGMA foreign_keys = ON", db]
        result = subprocess.run(cmd, input=sql, capture_output=True)
    sys.stdout.buffer.write(result.stdout)
    sys.stderr.buffer.write(result.stderr)
    if result.returncode != 0 or result.stderr:
        print(f"sqlitetest: sqlite3 failed (status {result.returncode})",
              file=sys.stderr)
        return result.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
