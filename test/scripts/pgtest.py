#!/usr/bin/env python3
# ===- pgtest.py - run SQL of a lit test in a private PostgreSQL database ---===#
#
#   pgtest.py exec [--test ID] [--keep NAME] [FILE]
#       Creates a fresh database, runs the SQL of FILE (default: stdin) with
#       `psql -X -v ON_ERROR_STOP=1 -q -A -t` (query results: unaligned rows,
#       no headers), and drops the database again. Server errors go to
#       stderr; the exit status is psql's (non-zero on any error).
#       With --keep NAME the database is named after NAME and this test,
#       replaced if it exists, and kept for `pgtest.py psql`.
#   pgtest.py psql [--test ID] NAME [PSQL ARGS...]
#       Runs psql (same flags) on the database kept by `exec --keep NAME` of
#       the same test.
#   pgtest.py with-url [--test ID] NAME COMMAND [ARGS...]
#       Runs COMMAND with every `{url}` in ARGS replaced by a libpq URL of the
#       database kept by `exec --keep NAME` of the same test; exits with
#       COMMAND's status. For `schemac pull --url {url}` and friends.
#
# ID identifies the test (lit passes %t); database names derive from its hash,
# so tests running in parallel never share a database. The server comes from
# SCHEMAC_TEST_PG_HOST / _PORT / _USER (/ _PASSWORD), as exported by
# with-postgres.sh. See docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

PSQL_FLAGS = ["-X", "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t"]


def fail(message):
    print(f"pgtest: {message}", file=sys.stderr)
    sys.exit(2)


def psql_binary():
    bindir = os.environ.get("SCHEMAC_PG_BINDIR", "/usr/lib/postgresql/15/bin")
    candidate = os.path.join(bindir, "psql")
    if os.access(candidate, os.X_OK):
        return candidate
    found = shutil.which("psql")
    if not found:
        fail("psql not found")
    return found


def server_env():
    """The environment for psql: the test server and nothing inherited."""
    host = os.environ.get("SCHEMAC_TEST_PG_HOST")
    if not host:
        fail(
            "no PostgreSQL server: SCHEMAC_TEST_PG_HOST is not set "
            "(run the tests under test/scripts/with-postgres.sh)"
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["PGHOST"] = host
    env["PGPORT"] = os.environ.get("SCHEMAC_TEST_PG_PORT", "5432")
    env["PGUSER"] = os.environ.get("SCHEMAC_TEST_PG_USER", "postgres")
    if "SCHEMAC_TEST_PG_PASSWORD" in os.environ:
        env["PGPASSWORD"] = os.environ["SCHEMAC_TEST_PG_PASSWORD"]
    # NOTICEs ("... does not exist, skipping") would clutter checked output.
    env["PGOPTIONS"] = "-c client_min_messages=warning"
    return env


def test_hash(test_id):
    key = test_id or os.getcwd()
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def kept_name(name, test_id):
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", name):
        fail(f"database name '{name}' must match [a-z][a-z0-9_]{{0,39}}")
    return f"{name}_{test_hash(test_id)}"


def admin(env, sql):
    """Runs one statement on the maintenance database; exits on failure."""
    cmd = [psql_binary(), *PSQL_FLAGS, "-d", "postgres", "-c", sql]
    result = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        sys.exit(result.returncode)


def drop(env, db):
    admin(env, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def run_exec(args):
    env = server_env()
    if args.keep:
        db = kept_name(args.keep, args.test)
        drop(env, db)
    else:
        db = f"t_{test_hash(args.test)}_{os.getpid()}"
    admin(env, f'CREATE DATABASE "{db}"')
    cmd = [psql_binary(), *PSQL_FLAGS, "-d", db, "-f", args.file or "-"]
    try:
        return subprocess.run(cmd, env=env).returncode
    finally:
        if not args.keep:
            drop(env, db)


def run_psql(args):
    env = server_env()
    db = kept_name(args.name, args.test)
    cmd = [psql_binary(), *PSQL_FLAGS, "-d", db, *args.psql_args]
    return subprocess.run(cmd, env=env).returncode


def database_url(db):
    """A libpq URI of `db` on the test server (socket directory as host)."""
    env = server_env()
    query = {"host": env["PGHOST"], "port": env["PGPORT"], "user": env["PGUSER"]}
    if "PGPASSWORD" in env:
        query["password"] = env["PGPASSWORD"]
    return f"postgresql:///{db}?" + urllib.parse.urlencode(query)


def run_with_url(args):
    if not args.command_args:
        fail("with-url needs a COMMAND")
    url = database_url(kept_name(args.name, args.test))
    cmd = [arg.replace("{url}", url) for arg in args.command_args]
    return subprocess.run(cmd).returncode


def main():
    parser = argparse.ArgumentParser(prog="pgtest.py")
    commands = parser.add_subparsers(dest="command", required=True)
    exec_cmd = commands.add_parser("exec", help="run SQL in a fresh database")
    exec_cmd.add_argument("--test", help="test identity (lit: %%t)")
    exec_cmd.add_argument("--keep", metavar="NAME", help="keep the database")
    exec_cmd.add_argument("file", nargs="?", help="SQL file (default: stdin)")
    psql_cmd = commands.add_parser("psql", help="psql on a kept database")
    psql_cmd.add_argument("--test", help="test identity (lit: %%t)")
    psql_cmd.add_argument("name", help="the NAME given to exec --keep")
    psql_cmd.add_argument("psql_args", nargs=argparse.REMAINDER)
    url_cmd = commands.add_parser("with-url", help="run a command given the URL")
    url_cmd.add_argument("--test", help="test identity (lit: %%t)")
    url_cmd.add_argument("name", help="the NAME given to exec --keep")
    url_cmd.add_argument("command_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.command == "with-url":
        return run_with_url(args)
    if args.command == "exec":
        return run_exec(args)
    return run_psql(args)


if __name__ == "__main__":
    sys.exit(main())
