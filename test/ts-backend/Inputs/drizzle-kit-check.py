#!/usr/bin/env python3
# ===- drizzle-kit-check.py - our TypeScript through the real drizzle-kit ---===#
#
#   drizzle-kit-check.py --dialect D --schemac PATH [--test ID] [--ts-casing C]
#                        [--fix-sql NAME OLD NEW]... [--move-last NAME TEXT]...
#                        [--storage-classes] SCHEMA...
#       For each SCHEMA:
#       1. `schemac export SCHEMA --format ts [--ts-casing C]` writes
#          schema.ts into a temporary folder, with a drizzle.config.mjs;
#       2. the pinned `drizzle-kit export` of test/ts prints the SQL that
#          creates that schema; it is applied to a fresh database A. Before
#          that, each --fix-sql of the schema NAME replaces the text OLD by
#          NEW, for SQL that drizzle-kit writes wrong and the server
#          refuses (the test says why); OLD must occur, so a fixed
#          drizzle-kit shows. Each --move-last of NAME moves the one
#          statement holding TEXT to the end, for statements drizzle-kit
#          puts before what they need;
#       3. `schemac export SCHEMA` (SQL) is applied to a fresh database B;
#       4. `schemac diff --from URL_A --to URL_B --exit-code` compares them.
#       Prints `NAME: same` when the diff exits 0, else `NAME: differs` and
#       then the changes that would turn A into B (`--emit migration-ir`),
#       one per line prefixed with `NAME: `, so a test can list exactly the
#       differences drizzle-kit is known to make and say why. A step that
#       fails prints `drizzle-kit-check: NAME: REASON` on stderr; exit 1.
#       With --storage-classes (SQLite), a change of a column's declared
#       type alone, from the storage class sqlite-core's builder declares
#       for the type (text for varchar, integer for boolean, ...) to the
#       type itself, is counted instead of listed: `NAME: N columns of
#       storage-class type`.
#       Databases and files are removed afterwards.
#
# Servers and database helpers: those of test/scripts/pullcheck.py
# (with-postgres.sh, with-mariadb.sh; SQLite needs none). drizzle-kit and
# its node_modules: test/ts (test/ts/install.sh). See docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.normpath(os.path.join(HERE, "..", "..", "scripts"))
TS_PROJECT = os.path.normpath(os.path.join(HERE, "..", "..", "ts"))
sys.path.insert(0, SCRIPTS)

from migratecheck import CheckFailed  # noqa: E402
from pullcheck import TARGETS, run_schemac, write  # noqa: E402

MODULES = os.path.join(TS_PROJECT, "node_modules")
DRIZZLE_KIT = os.path.join(MODULES, "drizzle-kit", "bin.cjs")


def drizzle_kit_export(work, dialect):
    """The SQL drizzle-kit writes for work/schema.ts."""
    link = os.path.join(work, "node_modules")
    if not os.path.lexists(link):
        os.symlink(MODULES, link)
    write(os.path.join(work, "drizzle.config.mjs"),
          f'export default {{ dialect: "{dialect}", '
          f'schema: "./schema.ts" }};\n')
    node = shutil.which("node") or "node"
    result = subprocess.run(
        [node, DRIZZLE_KIT, "export", "--config", "drizzle.config.mjs"],
        cwd=work, capture_output=True, encoding="utf-8")
    # drizzle-kit exits 0 even when it cannot read the schema: it then
    # prints the error and no SQL.
    if result.returncode != 0 or not result.stdout.strip() or result.stderr:
        sys.stderr.write(result.stdout + result.stderr)
        raise CheckFailed(f"drizzle-kit export exited {result.returncode}"
                          " (output above)")
    # For MySQL and SQLite it first lists the files it read (on stdout).
    sql = result.stdout
    if sql.startswith("Reading schema files:\n"):
        sql = sql.split("\n\n", 1)[1] if "\n\n" in sql else ""
    return sql


# The type sqlite-core declares for each IR type (what
# backends/TypeScriptTypes.cpp picks); enums are text.
SQLITE_STORAGE_CLASS = {
    "boolean": "integer", "smallint": "integer", "integer": "integer",
    "bigint": "integer", "real": "real", "double precision": "real",
    "numeric": "numeric", "varchar": "text", "char": "text", "text": "text",
    "date": "text", "time": "text", "timetz": "text", "timestamp": "text",
    "timestamptz": "text", "interval": "text", "uuid": "text",
    "json": "text", "jsonb": "text", "bytea": "blob",
}
TYPE_CHANGE = re.compile(r"alter-column (\S+) \[type\] (.+?) -> (.+?)"
                         r"( !.*)?$")


def storage_class_changes(lines):
    """`lines` without the type-only changes from sqlite-core's storage
    class to the declared type, and how many those were."""
    enums = {line.split(" ", 1)[1] for line in lines
             if line.startswith("create-enum ")}
    kept, count = [], 0
    for line in lines:
        match = TYPE_CHANGE.match(line)
        if match:
            new = match.group(3)
            base = new.split("(")[0].rstrip("[]").strip()
            expected = ("text" if new in enums
                        else SQLITE_STORAGE_CLASS.get(base))
            if match.group(2) == expected:
                count += 1
                continue
        kept.append(line)
    return kept, count


def move_last(sql, text):
    """`sql` with the statement that holds `text` moved to the end."""
    statements = [s for s in sql.split(";\n") if s.strip()]
    hits = [s for s in statements if text in s]
    if len(hits) != 1:
        raise CheckFailed(f"--move-last: {len(hits)} statements of "
                          f"drizzle-kit's SQL hold {text!r}, not 1")
    statements.remove(hits[0])
    statements.append(hits[0])
    return "".join(s.strip("\n") + ";\n" for s in statements)


def check_one(args, target, work, name, schema_path, created):
    binary = args.schemac
    dialect = target.dialect
    db_name = name.replace("-", "_")
    run_schemac(binary, ["export", schema_path, "--dialect", dialect,
                         "--format", "ts", "--ts-casing", args.ts_casing,
                         "-o", os.path.join(work, "schema.ts")],
                "schemac export --format ts", quiet=False)
    kit_sql = drizzle_kit_export(work, dialect)
    for fix_name, old, new in args.fix_sql or []:
        if fix_name != name:
            continue
        if old not in kit_sql:
            raise CheckFailed(f"--fix-sql: drizzle-kit's SQL has no {old!r}")
        kit_sql = kit_sql.replace(old, new)
    for move_name, text in args.move_last or []:
        if move_name == name:
            kit_sql = move_last(kit_sql, text)
    write(os.path.join(work, "drizzle-kit.sql"), kit_sql)
    db_a = target.create(f"{db_name}_a")
    created.append(db_a)
    target.apply(db_a, kit_sql, "the SQL of drizzle-kit")

    _, our_sql = run_schemac(binary, ["export", schema_path, "--dialect",
                                      dialect], "schemac export", quiet=False)
    db_b = target.create(f"{db_name}_b")
    created.append(db_b)
    target.apply(db_b, our_sql, "the SQL of schemac export")

    url_a, url_b = target.url(db_a), target.url(db_b)
    code, _ = run_schemac(binary, ["diff", "--from", url_a, "--to", url_b,
                                   "--exit-code"],
                          "schemac diff", quiet=False, codes=(0, 1))
    if code == 0:
        print(f"{name}: same", flush=True)
        return
    _, changes = run_schemac(binary, ["diff", "--from", url_a, "--to", url_b,
                                      "--emit", "migration-ir"],
                             "schemac diff --emit migration-ir", quiet=False)
    lines = [line for line in changes.splitlines() if line.strip()]
    count = 0
    if args.storage_classes:
        lines, count = storage_class_changes(lines)
    print(f"{name}: differs")
    for line in lines:
        print(f"{name}: {line}")
    if count:
        print(f"{name}: {count} columns of storage-class type")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(prog="drizzle-kit-check.py")
    parser.add_argument("--dialect", required=True, choices=sorted(TARGETS))
    parser.add_argument("--schemac", required=True, help="schemac binary")
    parser.add_argument("--test", help="test identity (lit: %%t)")
    parser.add_argument("--ts-casing", default="camel",
                        choices=["camel", "preserve"])
    parser.add_argument("--fix-sql", nargs=3, action="append",
                        metavar=("NAME", "OLD", "NEW"),
                        help="in the SQL of drizzle-kit for schema NAME, "
                        "replace OLD by NEW (repeatable)")
    parser.add_argument("--move-last", nargs=2, action="append",
                        metavar=("NAME", "TEXT"),
                        help="in the SQL of drizzle-kit for schema NAME, "
                        "move the statement holding TEXT to the end")
    parser.add_argument("--storage-classes", action="store_true",
                        help="count, not list, columns whose declared type "
                        "is sqlite-core's storage class")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary files (printed on stderr)")
    parser.add_argument("schemas", nargs="+", metavar="SCHEMA")
    args = parser.parse_args()
    if not os.path.exists(DRIZZLE_KIT):
        sys.exit(f"drizzle-kit-check.py: {DRIZZLE_KIT} is missing: run "
                 "test/ts/install.sh")

    target = TARGETS[args.dialect](args.test)
    failed = False
    root = tempfile.mkdtemp(prefix="drizzle-kit-check.")
    for path in args.schemas:
        name = os.path.splitext(os.path.basename(path))[0]
        work = os.path.join(root, name)
        os.makedirs(work, exist_ok=True)
        created = []
        try:
            check_one(args, target, work, name, path, created)
        except CheckFailed as error:
            sys.stdout.flush()
            print(f"drizzle-kit-check: {name}: {error}", file=sys.stderr)
            failed = True
        finally:
            if not args.keep:
                for db in created:
                    try:
                        target.drop(db)
                    except CheckFailed as error:
                        print(f"drizzle-kit-check: {error}", file=sys.stderr)
    if args.keep:
        print(f"drizzle-kit-check: files kept in {root}", file=sys.stderr)
    else:
        shutil.rmtree(root, ignore_errors=True)
        if hasattr(target, "tmp"):
            shutil.rmtree(target.tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
