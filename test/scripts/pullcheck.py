#!/usr/bin/env python3
# ===- pullcheck.py - prove `schemac pull` round-trips on a real database ---===#
#
#   pullcheck.py --dialect D --schemac PATH [--test ID] SCHEMA...
#   pullcheck.py --dialect D --schemac PATH [--test ID] --sql FILE
#       For each SCHEMA (a database the way schemac creates it) or the
#       hand-written SQL FILE (a database made without schemac):
#       1. creates database 1 and runs `schemac export SCHEMA` (or FILE) in it;
#       2. pulls it as a snapshot (p1) and as the schema language (p1.schema);
#          either must succeed without a single diagnostic;
#       3. creates database 2 from `schemac export p1` and compares the two
#          databases' catalogs (the describe of the migration checkers: an
#          account independent of schemac's introspection);
#       4. pulls database 2 (p2): p1 and p2 must be identical;
#       5. `schemac diff --from URL1 --to SCHEMA --exit-code` and the same to
#          p1.schema must exit 0 (nothing to migrate), and `schemac check
#          p1.schema` must accept it without a diagnostic.
#       Prints `NAME: ok` per input; on a failure the reason and a diff on
#       stderr, exit 1. Databases and files are removed afterwards.
#
# Servers: test/scripts/with-postgres.sh and with-mariadb.sh, as for the
# migration checkers (pgmigrate.py, mysqlmigrate.py, sqlitemigrate.py),
# whose database access this reuses. See docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

from migratecheck import CheckFailed, compare, read


class PostgresTarget:
    dialect = "postgresql"

    def __init__(self, test_id):
        import pgmigrate
        import pgtest

        self.server = pgmigrate.Server()
        self.url_of = pgtest.database_url
        self.base = f"p_{pgtest.test_hash(test_id)}_{os.getpid()}"

    def create(self, name):
        db = f"{self.base}_{name}"
        self.server.drop(db)
        self.server.create(db)
        return db

    def apply(self, db, sql, what):
        self.server.apply(db, sql, what)

    def describe(self, db):
        return self.server.describe(db)

    def url(self, db):
        return self.url_of(db)

    def drop(self, db):
        self.server.drop(db)


class MySQLTarget(PostgresTarget):
    dialect = "mysql"

    def __init__(self, test_id):
        import mysqlmigrate
        import mysqltest

        self.server = mysqlmigrate.Server()
        self.url_of = mysqltest.database_url
        self.base = f"p_{mysqltest.test_hash(test_id)}_{os.getpid()}"


class SQLiteTarget:
    dialect = "sqlite"

    def __init__(self, test_id):
        import sqlitemigrate

        self.sqlite = sqlitemigrate.SQLite()
        self.tmp = tempfile.mkdtemp(prefix="pullcheck.")

    def create(self, name):
        path = os.path.join(self.tmp, f"{name}.db")
        if os.path.exists(path):
            os.remove(path)
        open(path, "wb").close()
        return path

    def apply(self, db, sql, what):
        self.sqlite.apply(db, sql, what)

    def describe(self, db):
        return self.sqlite.describe(db)

    def url(self, db):
        return f"sqlite:{db}"

    def drop(self, db):
        if os.path.exists(db):
            os.remove(db)


TARGETS = {"postgresql": PostgresTarget, "mysql": MySQLTarget,
           "sqlite": SQLiteTarget}


def run_schemac(binary, args, what, quiet=True, codes=(0,)):
    """Runs schemac; fails unless it exits with one of `codes` and, when
    `quiet`, prints no diagnostic. Returns (exit code, stdout)."""
    result = subprocess.run([binary, *args], capture_output=True,
                            encoding="utf-8")
    if result.returncode not in codes or (quiet and result.stderr):
        sys.stderr.write(result.stderr)
        if result.returncode not in codes and result.stdout:
            sys.stderr.write(result.stdout)
        raise CheckFailed(f"{what} exited {result.returncode}"
                          + ("" if result.returncode not in codes
                             else " with diagnostics (above)"))
    return result.returncode, result.stdout


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def check_one(args, target, work, name, source_sql, schema_path, created):
    binary = args.schemac
    dialect = target.dialect
    db1 = target.create(f"{name}_1")
    created.append(db1)
    target.apply(db1, source_sql, f"creating database 1 of {name}")
    url1 = target.url(db1)

    p1_json = os.path.join(work, f"{name}.p1.json")
    p1_schema = os.path.join(work, f"{name}.p1.schema")
    run_schemac(binary, ["pull", "--url", url1, "--format", "json", "-o",
                         p1_json], "pull of database 1")
    run_schemac(binary, ["pull", "--url", url1, "--format", "dsl", "-o",
                         p1_schema], "pull of database 1 as a schema")

    _, export1 = run_schemac(binary, ["export", p1_json, "--dialect", dialect],
                             "export of the pulled snapshot")
    db2 = target.create(f"{name}_2")
    created.append(db2)
    target.apply(db2, export1, "creating database 2 from the pull")
    compare(target.describe(db2), target.describe(db1))

    p2_json = os.path.join(work, f"{name}.p2.json")
    run_schemac(binary, ["pull", "--url", target.url(db2), "--format", "json",
                         "-o", p2_json], "pull of database 2")
    p1, p2 = read(p1_json, "pull 1"), read(p2_json, "pull 2")
    if p1 != p2:
        sys.stderr.write("\n".join(difflib.unified_diff(
            p1.splitlines(), p2.splitlines(), "pull 1", "pull 2",
            lineterm="")) + "\n")
        raise CheckFailed("pulling the export of a pull changed the schema")

    run_schemac(binary, ["check", p1_schema, "--dialect", dialect],
                "schemac check of the pulled schema")
    sides = [(p1_schema, "the pulled schema")]
    if schema_path:
        sides.insert(0, (schema_path, os.path.basename(schema_path)))
    for path, what in sides:
        code, out = run_schemac(
            binary, ["diff", "--from", url1, "--to", path, "--dialect",
                     dialect, "--exit-code"],
            f"diff of database 1 and {what}", quiet=False, codes=(0, 1))
        if code != 0:
            sys.stderr.write(out)
            raise CheckFailed(f"database 1 differs from {what} "
                              "(the migration above)")


def main():
    parser = argparse.ArgumentParser(prog="pullcheck.py")
    parser.add_argument("--dialect", required=True, choices=sorted(TARGETS))
    parser.add_argument("--schemac", required=True, help="schemac binary")
    parser.add_argument("--test", help="test identity (lit: %%t)")
    parser.add_argument("--sql", help="a hand-written SQL database")
    parser.add_argument("schemas", nargs="*", metavar="SCHEMA")
    args = parser.parse_args()
    if bool(args.sql) == bool(args.schemas):
        parser.error("give SCHEMA files or --sql FILE")

    target = TARGETS[args.dialect](args.test)
    inputs = []
    if args.sql:
        inputs.append((os.path.splitext(os.path.basename(args.sql))[0],
                       args.sql, None))
    for path in args.schemas:
        inputs.append((os.path.splitext(os.path.basename(path))[0], None,
                       path))
    failed = False
    with tempfile.TemporaryDirectory(prefix="pullcheck.") as work:
        for name, sql_path, schema_path in inputs:
            created = []
            try:
                if sql_path:
                    sql = read(sql_path, sql_path)
                else:
                    _, sql = run_schemac(
                        args.schemac,
                        ["export", schema_path, "--dialect", args.dialect],
                        f"export of {schema_path}")
                check_one(args, target, work, name, sql, schema_path, created)
                print(f"{name}: ok", flush=True)
            except CheckFailed as error:
                sys.stdout.flush()
                print(f"pullcheck: {name}: {error}", file=sys.stderr)
                failed = True
            finally:
                for db in created:
                    try:
                        target.drop(db)
                    except CheckFailed as error:
                        print(f"pullcheck: {error}", file=sys.stderr)
    if isinstance(target, SQLiteTarget):
        shutil.rmtree(target.tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
