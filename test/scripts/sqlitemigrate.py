#!/usr/bin/env python3
# ===- sqlitemigrate.py - prove a schemac migration correct on SQLite ------===#
#
#   sqlitemigrate.py check --schemac PATH FROM TO [--data DATA.sql]
#                          [--after AFTER.sql] [--rename KIND:OLD=NEW]...
#       1. Creates database file A in a temporary directory and runs
#          `schemac export FROM --dialect sqlite` in it, then DATA.sql (rows
#          the migration must keep), with `PRAGMA foreign_keys = ON`.
#       2. Runs `schemac diff --from FROM --to TO --dialect sqlite` (with
#          each --rename), prints the migration on stdout and runs it in A
#          with `sqlite3 -bail` after `PRAGMA foreign_keys = ON`, like any
#          connection. The script manages its own PRAGMA foreign_keys and
#          BEGIN/COMMIT: it is not wrapped in a transaction. Any output
#          line of the script (the rows of its `PRAGMA foreign_key_check`)
#          fails the check, and so does a row of a `PRAGMA foreign_key_check`
#          run afterwards.
#       3. Creates database file B and runs `schemac export TO` in it.
#       4. Describes the schema of A and of B from sqlite_schema and the
#          pragma table functions (tables and their options, columns by
#          name, indexes, foreign keys, CHECK constraints, comments, views,
#          triggers) in a normalized, order-insensitive form; column order
#          does not count. On a difference, prints a unified diff of the two
#          descriptions on stderr.
#       5. Runs AFTER.sql in A and prints its query output on stdout.
#       6. Removes the temporary directory, also when a step fails.
#       Exits 0 when all steps pass, 1 when one fails (with the reason, and
#       sqlite3's message, on stderr), 2 on a usage error or without sqlite3.
#
#   --migration FILE (not in --help) runs FILE instead of `schemac diff`:
#   for testing this harness itself (test/infra/sqlite-migrate-check.test).
#
# The temporary directory honours TMPDIR. See docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from migratecheck import (CheckFailed, check_second_diff, compare,
                          migration_text, parse_check_args, read, render,
                          run_on_server, schemac)



# ---------------------------------------------------------------------------
# Reading SQL text: the catalog keeps CHECK constraints, generated column
# expressions, collations, comments and index expressions only as text.

TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>--[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>'(?:[^']|'')*'?)
    | (?P<quoted>"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[[^\]]*\]?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_$]*)
    | (?P<number>[0-9][A-Za-z0-9_.]*)
    | (?P<op>\|\||<<|>>|<=|>=|==|!=|<>|->>|->|.)
    """,
    re.VERBOSE | re.DOTALL,
)


class Token:
    def __init__(self, kind, text, line_start):
        self.kind = kind
        self.text = text
        # A comment that begins its line (no indentation before it).
        self.line_start = line_start

    def is_word(self, *words):
        return self.kind == "word" and self.text.upper() in words


def tokenize(sql):
    """Tokens of SQL text, without white space; comments are kept."""
    tokens = []
    for m in TOKEN.finditer(sql or ""):
        if m.lastgroup == "space":
            continue
        line_start = m.start() == 0 or sql[m.start() - 1] == "\n"
        tokens.append(Token(m.lastgroup, m.group(), line_start))
    return tokens


PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*\Z")


def spelling(token):
    """A token as SQLite reads it, case and quoting aside: words and plain
    quoted names in upper case ("email", email and EMAIL are one name),
    everything else as written."""
    if token.kind == "word":
        return token.text.upper()
    if token.kind == "quoted" and token.text[0] != "'":
        name = unquoted(token)
        if PLAIN_NAME.match(name):
            return name.upper()
    return token.text.strip()


def joined(tokens):
    """Normalized text: tokens separated by single spaces, except inside
    parentheses, before commas and around dots; names and keywords as
    `spelling` gives them; comments are kept."""
    text = ""
    previous = None
    for t in tokens:
        if previous is not None and not (
            previous.text in ("(", ".") or t.text in (")", ",", ".", ";")
        ):
            text += " "
        text += spelling(t)
        previous = t
    return text


def comment_text(token):
    """A comment without its `--` or `/* */` markers."""
    text = token.text
    if text.startswith("--"):
        return text[2:].strip()
    return text[2:].removesuffix("*/").strip()


def unquoted(token):
    text = token.text
    if token.kind == "quoted":
        if text[0] == "[":
            return text[1:-1]
        return text[1:-1].replace(text[0] * 2, text[0])
    return text


def group_end(tokens, i):
    """Index just past the parenthesized group that opens at tokens[i]."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].text == "(":
            depth += 1
        elif tokens[j].text == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(tokens)


def split_items(tokens):
    """The top-level comma-separated items of a parenthesized list."""
    items, current, depth = [], [], 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        if depth == 0 and t.text == ",":
            items.append(current)
            current = []
        else:
            current.append(t)
    items.append(current)
    return items


TABLE_CONSTRAINTS = ("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN")


def checks_of(tokens):
    """CHECK constraints of an item: (name or None, normalized expression)."""
    found = []
    for i, t in enumerate(tokens):
        if t.is_word("CHECK") and i + 1 < len(tokens) and tokens[i + 1].text == "(":
            end = group_end(tokens, i + 1)
            name = None
            if i >= 2 and tokens[i - 2].is_word("CONSTRAINT"):
                name = unquoted(tokens[i - 1])
            found.append((name, joined(tokens[i + 2 : end - 1])))
    return found


def parse_table(sql):
    """What only the CREATE TABLE text tells: table comments, per column
    (name -> dict) the comments, collation and generated expression, the
    CHECK constraints and whether AUTOINCREMENT is used."""
    tokens = tokenize(sql)
    info = {"comments": [], "columns": {}, "checks": [], "autoincrement": False}
    info["autoincrement"] = any(t.is_word("AUTOINCREMENT") for t in tokens)
    start = next((i for i, t in enumerate(tokens) if t.text == "("), None)
    if start is None:
        return info
    body = tokens[start + 1 : group_end(tokens, start) - 1]
    for index, item in enumerate(split_items(body)):
        comments = [t for t in item if t.kind == "comment"]
        item = [t for t in item if t.kind != "comment"]
        if index == 0:
            # Unindented comments before the first column are the table's.
            while comments and comments[0].line_start:
                info["comments"].append(comment_text(comments.pop(0)))
        info["checks"].extend(checks_of(item))
        if not item:
            continue
        if item[0].is_word(*TABLE_CONSTRAINTS):
            if comments:
                info["comments"].extend(comment_text(c) for c in comments)
            continue
        column = {"comments": [comment_text(c) for c in comments]}
        i = 1
        while i < len(item):
            t = item[i]
            if t.is_word("COLLATE") and i + 1 < len(item):
                column["collate"] = unquoted(item[i + 1])
            elif t.is_word("AS") and i + 1 < len(item) and item[i + 1].text == "(":
                end = group_end(item, i + 1)
                column["generated"] = joined(item[i + 2 : end - 1])
                i = end
                continue
            elif t.text == "(":
                i = group_end(item, i)
                continue
            i += 1
        info["columns"][unquoted(item[0])] = column
    return info


def unwrapped(tokens):
    """Tokens without parentheses that enclose all of them."""
    while len(tokens) >= 2 and tokens[0].text == "(" and \
            group_end(tokens, 0) == len(tokens):
        tokens = tokens[1:-1]
    return tokens


def index_text(sql):
    """The part of CREATE INDEX after the table name: key list and WHERE.
    A key expression reads the same with or without parentheses around it
    (export writes `(lower("email"))`, a person `lower(email)`)."""
    tokens = [t for t in tokenize(sql) if t.kind != "comment"]
    for i, t in enumerate(tokens):
        if t.is_word("ON") and i + 2 < len(tokens) and tokens[i + 2].text == "(":
            end = group_end(tokens, i + 2)
            keys = []
            for item in split_items(tokens[i + 3 : end - 1]):
                # COLLATE / ASC / DESC follow the key expression.
                cut = next((k for k, x in enumerate(item)
                            if x.is_word("COLLATE", "ASC", "DESC")), len(item))
                keys.append(joined(unwrapped(item[:cut]) + item[cut:]))
            rest = joined(tokens[end:]).rstrip(" ;")
            return "(" + ", ".join(keys) + ")" + (" " + rest if rest else "")
    return joined(tokens)


# ---------------------------------------------------------------------------
# The catalog, as one JSON object read with one query.

USER_TABLE = "s.type = 'table' and s.name not like 'sqlite\\_%' escape '\\'"

QUERIES = {
    "tables": (("name", "sql", "type", "without_rowid", "strict"), f"""
select s.name as name, s.sql as sql, l.type as type, l.wr as without_rowid,
  l.strict as strict
from sqlite_schema s join pragma_table_list(s.name) l on l.schema = 'main'
where {USER_TABLE}"""),
    "columns": (("owner", "name", "type", "not_null", "dflt_value", "pk", "hidden"), f"""
select s.name as owner, c.name as name, c.type as type,
  c."notnull" as not_null, c.dflt_value as dflt_value, c.pk as pk,
  c.hidden as hidden
from sqlite_schema s join pragma_table_xinfo(s.name) c
where {USER_TABLE}"""),
    "indexes": (("owner", "name", "is_unique", "origin", "partial", "sql",
                 "keys"), f"""
select s.name as owner, i.name as name, i."unique" as is_unique,
  i.origin as origin, i.partial as partial,
  (select x.sql from sqlite_schema x where x.type = 'index'
   and x.name = i.name) as sql,
  (select json_group_array(json_array(k.cid, k.name, k."desc", k.coll))
   from (select * from pragma_index_xinfo(i.name) where key order by seqno) k)
    as keys
from sqlite_schema s join pragma_index_list(s.name) i
where {USER_TABLE}"""),
    "foreign_keys": (("owner", "id", "seq", "target", "from", "to", "on_update",
                     "on_delete", "match"), f"""
select s.name as owner, f.id as id, f.seq as seq, f."table" as target,
  f."from" as "from", f."to" as "to", f.on_update as on_update,
  f.on_delete as on_delete, f."match" as "match"
from sqlite_schema s join pragma_foreign_key_list(s.name) f
where {USER_TABLE}"""),
    "others": (("type", "name", "owner", "sql"), """
select s.type as type, s.name as name, s.tbl_name as owner, s.sql as sql
from sqlite_schema s where s.type in ('view', 'trigger')"""),
    "has_sequence": (("name",), """
select s.name as name from sqlite_schema s
where s.name = 'sqlite_sequence'"""),
}


def describe_query():
    """One statement returning every section as one JSON object: each
    query's rows as objects keyed by its output columns."""
    parts = []
    for name, (columns, sql) in QUERIES.items():
        fields = ", ".join(f"'{c}', q.\"{c}\"" for c in columns)
        parts.append(
            f"'{name}', json((select json_group_array(json_object({fields})) "
            f"from ({sql}) q))"
        )
    return "select json_object(" + ", ".join(parts) + ");"


def quoted(text):
    return json.dumps(text, ensure_ascii=False)


def describe_entries(catalog):
    """(sort key, text) pairs; keys never depend on the catalog's order."""
    entries = []

    def add(key, text):
        entries.append((key, text))

    sequenced = set()
    if catalog["has_sequence"]:
        sequenced = set(catalog["sequence_names"])

    parsed = {}
    for t in catalog["tables"]:
        info = parse_table(t["sql"])
        parsed[t["name"]] = info
        key = ("table", t["name"])
        words = [t["type"]] if t["type"] != "table" else []
        if t["without_rowid"]:
            words.append("without rowid")
        if t["strict"]:
            words.append("strict")
        if info["autoincrement"] or t["name"] in sequenced:
            words.append("autoincrement")
        add(key, " ".join(words))
        for comment in info["comments"]:
            add(key + ("comment",), quoted(comment))
        for name, expr in sorted(info["checks"], key=lambda c: (c[0] or "", c[1])):
            if name is None:
                add(key + ("check",), expr)
            else:
                add(key + ("check", name), expr)

    # Primary key columns per table, in key order; the rowid alias (the one
    # INTEGER key column of a table with a rowid) can never be NULL, whether
    # NOT NULL is written or not.
    keys = {}
    for c in catalog["columns"]:
        if c["pk"]:
            keys.setdefault(c["owner"], []).append((c["pk"], c["name"]))
    rowid_tables = {t["name"] for t in catalog["tables"]
                    if not t["without_rowid"]}
    for c in catalog["columns"]:
        if (c["pk"] and c["owner"] in rowid_tables
                and len(keys[c["owner"]]) == 1
                and (c["type"] or "").upper() == "INTEGER"):
            c["not_null"] = 1
    lower_keys = {name.lower(): [n for _, n in sorted(cols)]
                  for name, cols in keys.items()}

    for c in catalog["columns"]:
        key = ("table", c["owner"], "column", c["name"])
        extra = parsed.get(c["owner"], {"columns": {}})["columns"].get(c["name"], {})
        words = [c["type"] or "(no type)"]
        if extra.get("collate"):
            words.append(f"collate {extra['collate']}")
        if c["not_null"]:
            words.append("not null")
        if c["dflt_value"] is not None:
            words.append(f"default {c['dflt_value']}")
        if c["pk"]:
            words.append(f"primary key #{c['pk']}")
        if c["hidden"] in (2, 3):
            kind = "virtual" if c["hidden"] == 2 else "stored"
            words.append(f"generated as ({extra.get('generated', '?')}) {kind}")
        elif c["hidden"]:
            words.append(f"hidden {c['hidden']}")
        add(key, " ".join(words))
        for comment in extra.get("comments", []):
            add(key + ("comment",), quoted(comment))

    for i in catalog["indexes"]:
        keys = i["keys"]
        if isinstance(keys, str):
            keys = json.loads(keys)
        parts = []
        for cid, name, desc, coll in keys:
            part = name if cid >= 0 else ("rowid" if cid == -1 else "(expression)")
            part += f" collate {coll}"
            if desc:
                part += " desc"
            parts.append(part)
        columns = "(" + ", ".join(parts) + ")"
        words = ["unique" if i["is_unique"] else "index", columns]
        if i["partial"]:
            words.append("partial")
        if i["origin"] != "c":
            # Automatic indexes of PRIMARY KEY / UNIQUE: named by position,
            # so described by their columns.
            key = ("table", i["owner"], f"{i['origin']}-index", columns)
        else:
            key = ("table", i["owner"], "index", i["name"])
            words.append(f"on {index_text(i['sql'])}")
        add(key, " ".join(words))

    fks = {}
    for f in catalog["foreign_keys"]:
        fks.setdefault((f["owner"], f["id"]), []).append(f)
    for (owner, _), rows in fks.items():
        rows.sort(key=lambda r: r["seq"])
        columns = ", ".join(r["from"] for r in rows)
        # REFERENCES t without columns: t's primary key.
        implicit = lower_keys.get(rows[0]["target"].lower(), [])
        targets = ", ".join(
            str(r["to"] if r["to"] is not None
                else (implicit[i] if i < len(implicit) else None))
            for i, r in enumerate(rows))
        r = rows[0]
        text = (
            f"({columns}) references {r['target']} ({targets}) "
            f"on update {r['on_update']} on delete {r['on_delete']} "
            f"match {r['match']}"
        )
        add(("table", owner, "foreign key", text), "")

    for o in catalog["others"]:
        key = (o["type"], o["name"])
        add(key, f"on {o['owner']}" if o["type"] == "trigger" else "")
        add(key + ("as",), joined(tokenize(o["sql"])))
    return sorted(entries)


# ---------------------------------------------------------------------------


class SQLite:
    def __init__(self):
        self.binary = shutil.which("sqlite3")

    def run(self, db, sql, what, check_output=False):
        """Runs SQL text (on stdin, so errors say `near line N` of it) with
        -bail after `PRAGMA foreign_keys = ON`; returns its query output."""
        cmd = [self.binary, "-bail", "-cmd", "PRAGMA foreign_keys = ON", db]
        result = subprocess.run(cmd, input=sql, capture_output=True,
                                encoding="utf-8")
        sys.stderr.write(result.stderr)
        if result.returncode != 0 or result.stderr:
            sys.stderr.write(result.stdout)
            raise CheckFailed(f"{what} failed on SQLite (message above)")
        return result.stdout

    def apply(self, db, sql, what):
        """Runs SQL text; its query output goes to stderr."""
        sys.stderr.write(self.run(db, sql, what))

    def describe(self, db):
        catalog = json.loads(self.run(db, describe_query(), "reading the schema"))
        catalog["sequence_names"] = []
        if catalog["has_sequence"]:
            names = self.run(db, "select name from sqlite_sequence;",
                             "reading sqlite_sequence")
            catalog["sequence_names"] = names.splitlines()
        return render(describe_entries(catalog))






def export(args, path):
    return schemac(
        args.schemac,
        ["export", path, "--dialect", "sqlite"],
        f"schemac export {path}",
    )


def non_empty(text):
    return [line for line in text.splitlines() if line.strip()]


def check(args, sqlite, tmp):
    db_a = os.path.join(tmp, "a.db")
    db_b = os.path.join(tmp, "b.db")
    sqlite.apply(db_a, export(args, args.from_schema), "the export of FROM")
    if args.data:
        sqlite.apply(db_a, read(args.data, "DATA"), f"DATA ({args.data})")

    migration = migration_text(args, "sqlite")
    # Not wrapped in a transaction: the script turns foreign keys off and
    # on around its own BEGIN/COMMIT (a no-op inside a transaction).
    output = sqlite.run(db_a, migration, "the migration")
    if non_empty(output):
        sys.stderr.write(output)
        raise CheckFailed(
            "the migration printed rows (above: its PRAGMA foreign_key_check "
            "found violations)"
        )
    violations = sqlite.run(db_a, "PRAGMA foreign_key_check;",
                            "PRAGMA foreign_key_check")
    if non_empty(violations):
        sys.stderr.write(violations)
        raise CheckFailed(
            "PRAGMA foreign_key_check after the migration found violations "
            "(above: table|rowid|parent|fk id)"
        )

    sqlite.apply(db_b, export(args, args.to_schema), "the export of TO")

    migrated = sqlite.describe(db_a)
    expected = sqlite.describe(db_b)
    compare(migrated, expected)
    check_second_diff(args, "sqlite:" + db_a, "sqlite")

    if args.after:
        sys.stdout.write(sqlite.run(db_a, read(args.after, "AFTER"),
                                    f"AFTER ({args.after})"))


def run_check(args):
    sqlite = SQLite()
    if not sqlite.binary:
        print("sqlitemigrate: sqlite3 not found", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="schemac-sqlitemigrate.") as tmp:
            check(args, sqlite, tmp)
        return 0
    except CheckFailed as error:
        sys.stdout.flush()
        print(f"sqlitemigrate: {error}", file=sys.stderr)
        return 1


def main():
    args = parse_check_args("sqlitemigrate.py", "SQLite")
    return run_check(args)


if __name__ == "__main__":
    sys.exit(main())
