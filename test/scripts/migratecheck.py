#!/usr/bin/env python3
# ===- migratecheck.py - what pgmigrate.py and sqlitemigrate.py share ------===#
#
# Running schemac and reading files for the migration checkers; a step that
# fails raises CheckFailed with the reason.
#
# ===------------------------------------------------------------------------===#
import argparse
import difflib
import os
import subprocess
import sys


class CheckFailed(Exception):
    """A step failed; the message says which and why."""


def schemac(binary, args, what):
    """Runs schemac and returns its stdout; its diagnostics go to stderr."""
    try:
        result = subprocess.run(
            [binary, *args], stdout=subprocess.PIPE, encoding="utf-8"
        )
    except OSError as error:
        raise CheckFailed(f"cannot run {binary}: {error}") from error
    if result.returncode != 0:
        raise CheckFailed(f"{what} failed (exit {result.returncode})")
    return result.stdout


def read(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as error:
        raise CheckFailed(f"cannot read {what}: {error}") from error


def parse_check_args(prog, database):
    """The command line every checker takes: check FROM TO and options."""
    parser = argparse.ArgumentParser(prog=prog)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser(
        "check", help=f"prove `schemac diff` FROM -> TO correct on {database}"
    )
    check_cmd.add_argument("--test", help="test identity (lit: %%t)")
    check_cmd.add_argument("--schemac", required=True, help="schemac binary")
    check_cmd.add_argument("--data", help="SQL run after FROM's DDL (rows)")
    check_cmd.add_argument("--after", help="SQL run after the migration")
    check_cmd.add_argument("--rename", action="append", default=[],
                           metavar="KIND:OLD=NEW",
                           help="passed to schemac diff (repeatable)")
    # Testing the harness: a hand-written migration instead of schemac diff.
    check_cmd.add_argument("--migration", help=argparse.SUPPRESS)
    check_cmd.add_argument("from_schema", metavar="FROM", help="old .schema")
    check_cmd.add_argument("to_schema", metavar="TO", help="new .schema")
    return parser.parse_args()


def migration_text(args, dialect):
    """`schemac diff` FROM -> TO (or --migration's file), echoed on stdout."""
    if args.migration:
        migration = read(args.migration, "the migration")
    else:
        migration = schemac(
            args.schemac,
            ["diff", "--from", args.from_schema, "--to", args.to_schema,
             "--dialect", dialect]
            + [f"--rename={r}" for r in args.rename],
            "schemac diff",
        )
    sys.stdout.write(migration)
    if migration and not migration.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()
    return migration


def check_second_diff(args, url, dialect):
    """A correct migration leaves nothing to migrate: `schemac diff` from the
    migrated database at `url` to TO must be empty. On MySQL a view may be
    dropped and created again, and nothing else: MariaDB keeps its own text
    of a view's query, which is compared as text (docs/dialects.md)."""
    result = subprocess.run(
        [args.schemac, "diff", "--from", url, "--to", args.to_schema,
         "--dialect", dialect, "--emit", "migration-ir"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8")
    changes = result.stdout.splitlines()
    if dialect == "mysql":
        dropped = {c.split()[1] for c in changes if c.startswith("drop-view ")}
        created = {c.split()[1] for c in changes if c.startswith("create-view ")}
        if dropped == created:
            changes = [c for c in changes
                       if not c.startswith(("drop-view ", "create-view "))]
    if result.returncode != 0 or changes:
        sys.stderr.write(result.stdout + result.stderr)
        raise CheckFailed(
            "the second diff, from the migrated database to TO, is not empty "
            "(above)")


def render(entries):
    """Lines of a description: `KEY: TEXT`, continuation lines indented."""
    lines = []
    for key, text in entries:
        head, *rest = text.split("\n") if text else [""]
        lines.append(" ".join(key) + (f": {head}" if head else ""))
        lines.extend("    " + line for line in rest)
    return lines


def compare(migrated, expected):
    """Fails with a unified diff when the two schema descriptions differ."""
    if migrated == expected:
        return
    diff = difflib.unified_diff(
        migrated, expected, fromfile="FROM + migration", tofile="TO",
        lineterm="",
    )
    sys.stderr.write("\n".join(diff) + "\n")
    raise CheckFailed(
        "the migrated database differs from the export of TO (diff above)"
    )


def run_on_server(prog, server, test_hash, args, check):
    """Runs check(args, server, db_a, db_b, created) on two fresh database
    names and drops the databases `created` lists, also on failure. Returns
    the exit status: 0, or 1 when a step failed."""
    base = f"m_{test_hash(args.test)}_{os.getpid()}"
    created = []
    try:
        check(args, server, f"{base}_a", f"{base}_b", created)
        return 0
    except CheckFailed as error:
        sys.stdout.flush()
        print(f"{prog}: {error}", file=sys.stderr)
        return 1
    finally:
        for db in created:
            try:
                server.drop(db)
            except CheckFailed as error:
                print(f"{prog}: {error}", file=sys.stderr)
