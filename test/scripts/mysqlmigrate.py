#!/usr/bin/env python3
# ===- mysqlmigrate.py - prove a schemac migration correct on MariaDB ------===#
#
#   mysqlmigrate.py check --test ID --schemac PATH FROM TO [--data DATA.sql]
#                         [--after AFTER.sql] [--rename KIND:OLD=NEW]...
#       1. Creates database A, runs `schemac export FROM --dialect mysql` in
#          it, then DATA.sql (rows the migration must keep).
#       2. Runs `schemac diff --from FROM --to TO --dialect mysql` (with each
#          --rename), prints the migration SQL on stdout and runs it in A
#          with the mariadb client (`--batch`: the first error stops it).
#          MySQL DDL commits implicitly, so there is no transaction around it.
#       3. Creates database B and runs `schemac export TO` in it.
#       4. Describes the schema of A and of B from information_schema
#          (tables with engine, collation and comment; columns by name;
#          indexes; CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY constraints;
#          views) in a normalized, order-insensitive form; column order does
#          not count. On a difference, prints a unified diff of the two
#          descriptions on stderr.
#       5. Runs AFTER.sql in A and prints its query output on stdout.
#       6. Drops both databases, also when a step fails.
#       Exits 0 when all steps pass, 1 when one fails (with the reason, and
#       the server's message, on stderr), 2 on a usage error or when no
#       server is configured.
#
#   --migration FILE (not in --help) runs FILE instead of `schemac diff`:
#   for testing this harness itself (test/infra/mysql-migrate-check.test).
#
# ID identifies the test (lit passes %t); database names derive from its hash
# and the process id, so runs never share a database. The server comes from
# SCHEMAC_TEST_MYSQL_SOCKET / _USER (/ _PASSWORD), as exported by
# with-mariadb.sh; the client and its flags are mysqltest.py's. See
# docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import json
import subprocess
import sys

from migratecheck import (CheckFailed, check_second_diff, compare,
                          migration_text, parse_check_args, read, render,
                          run_on_server, schemac)
from mysqltest import database_url, server_args, server_env, test_hash

# One query per kind of object, each row one JSON object (the client runs
# with --raw, so a row is one line: JSON escapes the newlines inside values).
# `{db}` is the database described.
QUERIES = {
    "tables": """
select json_object('table', table_name, 'type', table_type, 'engine', engine,
  'collation', table_collation, 'comment', table_comment)
from information_schema.tables where table_schema = {db}
""",
    "columns": """
select json_object('table', table_name, 'name', column_name,
  'type', column_type, 'nullable', is_nullable, 'default', column_default,
  'extra', extra, 'generation', generation_expression,
  'collation', collation_name, 'comment', column_comment)
from information_schema.columns where table_schema = {db}
""",
    "index_columns": """
select json_object('table', table_name, 'name', index_name,
  'non_unique', non_unique, 'seq', seq_in_index, 'column', column_name,
  'sub_part', sub_part, 'collation', collation, 'type', index_type,
  'comment', index_comment)
from information_schema.statistics where table_schema = {db}
""",
    "constraints": """
select json_object('table', c.table_name, 'name', c.constraint_name,
  'type', c.constraint_type, 'check', k.check_clause)
from information_schema.table_constraints c
left join information_schema.check_constraints k
  on k.constraint_schema = c.constraint_schema
  and k.table_name = c.table_name
  and k.constraint_name = c.constraint_name
  and c.constraint_type = 'CHECK'
where c.constraint_schema = {db}
""",
    "foreign_keys": """
select json_object('table', r.table_name, 'name', r.constraint_name,
  'referenced', r.referenced_table_name, 'update_rule', r.update_rule,
  'delete_rule', r.delete_rule,
  'columns', (select json_arrayagg(u.column_name order by u.ordinal_position)
    from information_schema.key_column_usage u
    where u.constraint_schema = r.constraint_schema
      and u.table_name = r.table_name
      and u.constraint_name = r.constraint_name),
  'referenced_columns', (select json_arrayagg(u.referenced_column_name
      order by u.ordinal_position)
    from information_schema.key_column_usage u
    where u.constraint_schema = r.constraint_schema
      and u.table_name = r.table_name
      and u.constraint_name = r.constraint_name))
from information_schema.referential_constraints r
where r.constraint_schema = {db}
""",
    "views": """
select json_object('name', table_name, 'definition', view_definition,
  'check_option', check_option)
from information_schema.views where table_schema = {db}
""",
}


def quoted(text):
    """Free text on one line, quotes and newlines escaped."""
    return json.dumps(text, ensure_ascii=False)


def json_list(value):
    """A JSON array from a subquery: MariaDB may hand it over as text."""
    if isinstance(value, str):
        value = json.loads(value)
    return value or []


def ident(name):
    return "`" + name.replace("`", "``") + "`"


def describe_entries(catalog, db):
    """(sort key, text) pairs; keys never depend on the catalog's order."""
    entries = []

    def add(key, text):
        entries.append((key, text))

    views = {t["table"] for t in catalog["tables"] if t["type"] == "VIEW"}
    for t in catalog["tables"]:
        if t["type"] == "VIEW":
            continue  # described with its definition below
        words = [f"engine {t['engine']}", f"collate {t['collation']}"]
        if t["comment"]:
            words.append(f"comment {quoted(t['comment'])}")
        add(("table", ident(t["table"])), " ".join(words))

    for c in catalog["columns"]:
        words = [c["type"]]
        if c["collation"]:
            words.append(f"collate {c['collation']}")
        words.append("null" if c["nullable"] == "YES" else "not null")
        if c["generation"] is not None:
            words.append(f"as ({c['generation']})")
        elif c["default"] is not None:
            words.append(f"default {c['default']}")
        if c["extra"]:
            words.append(c["extra"].lower())
        if c["comment"]:
            words.append(f"comment {quoted(c['comment'])}")
        kind = "view" if c["table"] in views else "table"
        add((kind, ident(c["table"]), "column", ident(c["name"])),
            " ".join(words))

    indexes = {}
    for i in catalog["index_columns"]:
        key = ("table", ident(i["table"]), "index", ident(i["name"]))
        indexes.setdefault(key, []).append(i)
    for key, parts in indexes.items():
        parts.sort(key=lambda p: p["seq"])
        first = parts[0]
        columns = []
        for p in parts:
            text = ident(p["column"]) if p["column"] else "?"
            if p["sub_part"] is not None:
                text += f"({p['sub_part']})"
            if p["collation"] == "D":
                text += " desc"
            elif p["collation"] is None:
                text += " (unordered)"
            columns.append(text)
        text = "unique " if str(first["non_unique"]) == "0" else ""
        text += f"{first['type'].lower()} ({', '.join(columns)})"
        if first["comment"]:
            text += f" comment {quoted(first['comment'])}"
        add(key, text)

    for c in catalog["constraints"]:
        if c["type"] == "FOREIGN KEY":
            continue  # with its columns and rules below
        text = c["type"].lower()
        if c["check"] is not None:
            text += f" ({c['check']})"
        add(("table", ident(c["table"]), "constraint", ident(c["name"])), text)

    for f in catalog["foreign_keys"]:
        columns = json_list(f["columns"])
        targets = json_list(f["referenced_columns"])
        text = (
            f"foreign key ({', '.join(map(ident, columns))}) "
            f"references {ident(f['referenced'])} "
            f"({', '.join(map(ident, targets))}) "
            f"on update {f['update_rule'].lower()} "
            f"on delete {f['delete_rule'].lower()}"
        )
        add(("table", ident(f["table"]), "constraint", ident(f["name"])), text)

    qualifier = ident(db) + "."
    for v in catalog["views"]:
        words = []
        if v["check_option"] and v["check_option"] != "NONE":
            words.append(f"with {v['check_option'].lower()} check option")
        key = ("view", ident(v["name"]))
        add(key, " ".join(words))
        add(key + ("as",), v["definition"].replace(qualifier, ""))
    return sorted(entries)


class Server:
    def __init__(self):
        self.client = server_args()
        self.env = server_env()

    def run(self, db, args, **kwargs):
        cmd = [*self.client, *([f"--database={db}"] if db else []), *args]
        return subprocess.run(cmd, env=self.env, encoding="utf-8", **kwargs)

    def admin(self, sql):
        result = self.run(None, ["-e", sql], stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise CheckFailed(f"'{sql}' failed on the server")

    def create(self, db):
        self.admin(f"CREATE DATABASE {ident(db)}")

    def drop(self, db):
        self.admin(f"DROP DATABASE IF EXISTS {ident(db)}")

    def apply(self, db, sql, what):
        """Runs SQL text on stdin (errors say `at line LINE`); the client
        stops at the first error. Query output goes to stderr, so stdout
        holds only what the test checks."""
        result = self.run(db, [], input=sql, stdout=sys.stderr)
        if result.returncode != 0:
            raise CheckFailed(f"{what} failed on MariaDB (message above)")

    def describe(self, db):
        literal = "'" + db.replace("\\", "\\\\").replace("'", "''") + "'"
        catalog = {}
        for name, sql in QUERIES.items():
            result = self.run(
                db,
                ["--raw", "-e", sql.format(db=literal)],
                stdin=subprocess.DEVNULL,
                capture_output=True,
            )
            if result.returncode != 0:
                sys.stderr.write(result.stderr)
                raise CheckFailed(f"cannot read the catalog of database {db}")
            catalog[name] = [
                json.loads(line) for line in result.stdout.splitlines() if line
            ]
        return render(describe_entries(catalog, db))


def export(args, path):
    return schemac(
        args.schemac,
        ["export", path, "--dialect", "mysql"],
        f"schemac export {path}",
    )


def check(args, server, db_a, db_b, created):
    server.create(db_a)
    created.append(db_a)
    server.apply(db_a, export(args, args.from_schema), "the export of FROM")
    if args.data:
        server.apply(db_a, read(args.data, "DATA"), f"DATA ({args.data})")

    migration = migration_text(args, "mysql")
    server.apply(db_a, migration, "the migration")

    server.create(db_b)
    created.append(db_b)
    server.apply(db_b, export(args, args.to_schema), "the export of TO")

    migrated = server.describe(db_a)
    expected = server.describe(db_b)
    compare(migrated, expected)
    check_second_diff(args, database_url(db_a), "mysql")

    if args.after:
        sys.stdout.flush()
        after = read(args.after, "AFTER")
        result = server.run(db_a, [], input=after)
        if result.returncode != 0:
            raise CheckFailed(f"AFTER ({args.after}) failed (message above)")


def run_check(args):
    return run_on_server("mysqlmigrate", Server(), test_hash, args, check)

def main():
    args = parse_check_args("mysqlmigrate.py", "MariaDB")
    return run_check(args)


if __name__ == "__main__":
    sys.exit(main())
