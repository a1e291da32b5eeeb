#!/usr/bin/env python3
# ===- mysqltest.py - run SQL of a lit test in a private MariaDB database ---===#
#
#   mysqltest.py exec [--test ID] [--keep NAME] [FILE]
#       Creates a fresh database, runs the SQL of FILE (default: stdin) with
#       `mariadb --batch --skip-column-names` (query results: tab-separated
#       rows, no headers), and drops the database again. Server errors go to
#       stderr with the line (and FILE) the client reports; the script stops
#       at the first one and exits non-zero.
#       With --keep NAME the database is named after NAME and this test,
#       replaced if it exists, and kept for `mysqltest.py sql`.
#   mysqltest.py sql [--test ID] NAME [CLIENT ARGS...]
#       Runs the mariadb client (same flags) on the database kept by
#       `exec --keep NAME` of the same test.
#   mysqltest.py with-url [--test ID] NAME COMMAND [ARGS...]
#       Runs COMMAND with every `{url}` in ARGS replaced by a mysql:// URL of
#       the database kept by `exec --keep NAME` of the same test; exits with
#       COMMAND's status.
#
# ID identifies the test (lit passes %t); database names derive from its hash,
# so tests running in parallel never share a database. The server comes from
# SCHEMAC_TEST_MYSQL_SOCKET / _USER (/ _PASSWORD), as exported by
# with-mariadb.sh. See docs/testing.md.
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

CLIENT_FLAGS = [
    "--no-defaults",
    "--protocol=socket",
    "--batch",
    "--skip-column-names",
    "--default-character-set=utf8mb4",
    # Only the error line, as psql -q prints it; not the failed statement.
    "--skip-print-query-on-error",
]


def fail(message):
    print(f"mysqltest: {message}", file=sys.stderr)
    sys.exit(2)


def client_binary():
    for name in ("mariadb", "mysql"):
        found = shutil.which(name)
        if found:
            return found
    fail("the mariadb client is not on PATH (Debian package mariadb-client)")


def server_args():
    """The client and its flags for the test server."""
    socket = os.environ.get("SCHEMAC_TEST_MYSQL_SOCKET")
    if not socket:
        fail(
            "no MariaDB server: SCHEMAC_TEST_MYSQL_SOCKET is not set "
            "(run the tests under test/scripts/with-mariadb.sh)"
        )
    user = os.environ.get("SCHEMAC_TEST_MYSQL_USER", "root")
    return [client_binary(), *CLIENT_FLAGS, f"--socket={socket}", f"--user={user}"]


def server_env():
    """The environment for the client: nothing inherited points elsewhere."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MYSQL_HOST", "MYSQL_TCP_PORT", "MYSQL_UNIX_PORT", "MYSQL_PWD")
    }
    if "SCHEMAC_TEST_MYSQL_PASSWORD" in os.environ:
        env["MYSQL_PWD"] = os.environ["SCHEMAC_TEST_MYSQL_PASSWORD"]
    return env


def test_hash(test_id):
    key = test_id or os.getcwd()
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def kept_name(name, test_id):
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", name):
        fail(f"database name '{name}' must match [a-z][a-z0-9_]{{0,39}}")
    return f"{name}_{test_hash(test_id)}"


def admin(client, env, sql):
    """Runs one statement without a default database; exits on failure."""
    result = subprocess.run([*client, "-e", sql], env=env, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        sys.exit(result.returncode)


def drop(client, env, db):
    admin(client, env, f"DROP DATABASE IF EXISTS `{db}`")


def run_exec(args):
    client, env = server_args(), server_env()
    if args.file:
        if not os.path.isfile(args.file):
            fail(f"no such file: {args.file}")
        if re.search(r"[;\s]$|^\s|\n", args.file):
            fail(f"unsupported file name: {args.file!r}")
    if args.keep:
        db = kept_name(args.keep, args.test)
        drop(client, env, db)
    else:
        db = f"t_{test_hash(args.test)}_{os.getpid()}"
    admin(client, env, f"CREATE DATABASE `{db}`")
    cmd = [*client, f"--database={db}"]
    if args.file:
        # `source` makes errors name the file: "ERROR 1146 (42S02) at line 2
        # in file: 'x.sql': ..."; from stdin they say "at line 2: ...".
        cmd += ["--abort-source-on-error", "-e", f"source {args.file}"]
    try:
        return subprocess.run(cmd, env=env).returncode
    finally:
        if not args.keep:
            drop(client, env, db)


def run_sql(args):
    client, env = server_args(), server_env()
    db = kept_name(args.name, args.test)
    cmd = [*client, f"--database={db}", *args.client_args]
    return subprocess.run(cmd, env=env).returncode


def database_url(db):
    """A mysql:// URL of `db` on the test server (over its socket)."""
    user = urllib.parse.quote(os.environ.get("SCHEMAC_TEST_MYSQL_USER", "root"))
    password = os.environ.get("SCHEMAC_TEST_MYSQL_PASSWORD")
    if password is not None:
        user += ":" + urllib.parse.quote(password, safe="")
    socket = urllib.parse.quote(os.environ["SCHEMAC_TEST_MYSQL_SOCKET"], safe="/")
    return f"mysql://{user}@localhost/{db}?socket={socket}"


def run_with_url(args):
    if not args.command_args:
        fail("with-url needs a COMMAND")
    url = database_url(kept_name(args.name, args.test))
    cmd = [arg.replace("{url}", url) for arg in args.command_args]
    return subprocess.run(cmd).returncode


def main():
    parser = argparse.ArgumentParser(prog="mysqltest.py")
    commands = parser.add_subparsers(dest="command", required=True)
    exec_cmd = commands.add_parser("exec", help="run SQL in a fresh database")
    exec_cmd.add_argument("--test", help="test identity (lit: %%t)")
    exec_cmd.add_argument("--keep", metavar="NAME", help="keep the database")
    exec_cmd.add_argument("file", nargs="?", help="SQL file (default: stdin)")
    sql_cmd = commands.add_parser("sql", help="the client on a kept database")
    sql_cmd.add_argument("--test", help="test identity (lit: %%t)")
    sql_cmd.add_argument("name", help="the NAME given to exec --keep")
    sql_cmd.add_argument("client_args", nargs=argparse.REMAINDER)
    url_cmd = commands.add_parser("with-url", help="run a command given the URL")
    url_cmd.add_argument("--test", help="test identity (lit: %%t)")
    url_cmd.add_argument("name", help="the NAME given to exec --keep")
    url_cmd.add_argument("command_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.command == "with-url":
        return run_with_url(args)
    if args.command == "exec":
        return run_exec(args)
    return run_sql(args)


if __name__ == "__main__":
    sys.exit(main())
