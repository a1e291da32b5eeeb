#!/usr/bin/env python3
# ===- pgmigrate.py - prove a schemac migration correct on PostgreSQL ------===#
#
#   pgmigrate.py check --test ID --schemac PATH FROM TO [--data DATA.sql]
#                      [--after AFTER.sql] [--rename KIND:OLD=NEW]...
#       1. Creates database A, runs `schemac export FROM --dialect postgresql`
#          in it, then DATA.sql (rows the migration must keep).
#       2. Runs `schemac diff --from FROM --to TO --dialect postgresql`
#          (with each --rename),
#          prints the migration SQL on stdout and runs it in A in one
#          transaction (`psql -1`, ON_ERROR_STOP), unless its first line
#          is `-- schemac:no-transaction`.
#       3. Creates database B and runs `schemac export TO` in it.
#       4. Describes the schema of A and of B from pg_catalog (namespaces,
#          types, sequences, tables and their columns, constraints, indexes,
#          views, comments) in a normalized, order-insensitive form; column
#          order does not count. On a difference, prints a unified diff of
#          the two descriptions on stderr.
#       5. Runs AFTER.sql in A and prints its query output on stdout.
#       6. Drops both databases, also when a step fails.
#       Exits 0 when all steps pass, 1 when one fails (with the reason, and
#       the server's message, on stderr), 2 on a usage error or when no
#       server is configured.
#
#   --migration FILE (not in --help) runs FILE instead of `schemac diff`:
#   for testing this harness itself (test/infra/pg-migrate-check.test).
#
# ID identifies the test (lit passes %t); database names derive from its hash
# and the process id, so runs never share a database. The server comes from
# SCHEMAC_TEST_PG_HOST / _PORT / _USER (/ _PASSWORD), as exported by
# with-postgres.sh. See docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import json
import subprocess
import sys

from migratecheck import (CheckFailed, check_second_diff, compare,
                          migration_text, parse_check_args, read, render,
                          run_on_server, schemac)
from pgtest import (PSQL_FLAGS, database_url, psql_binary, server_env,
                    test_hash)




# Schemas of the system: everything else is the user's.
USER_NAMESPACE = (
    "n.nspname not in ('pg_catalog', 'information_schema') "
    "and n.nspname !~ '^pg_(toast|temp_)'"
)


def not_extension_member(catalog, oid):
    """SQL: the object is not part of an extension (those are listed once)."""
    return (
        f"not exists (select from pg_depend e where e.classid = "
        f"'{catalog}'::regclass and e.objid = {oid} and e.deptype = 'e')"
    )


# One query per kind of object; each row becomes one or more lines of the
# description. Names are quoted as SQL identifiers (format %I).
QUERIES = {
    "extensions": """
select x.extname as name, x.extversion as version, n.nspname as schema
from pg_extension x join pg_namespace n on n.oid = x.extnamespace
where x.extname <> 'plpgsql'
""",
    "namespaces": f"""
select format('%I', n.nspname) as name,
  obj_description(n.oid, 'pg_namespace') as comment
from pg_namespace n
where {USER_NAMESPACE} and {not_extension_member('pg_namespace', 'n.oid')}
""",
    # Enums, domains, ranges and free-standing composite types (not the row
    # types of tables, nor the implicit array and multirange types).
    "types": f"""
select format('%I.%I', n.nspname, t.typname) as name, t.typtype as kind,
  (select array_agg(v.enumlabel order by v.enumsortorder)
   from pg_enum v where v.enumtypid = t.oid) as labels,
  case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end
    as base,
  case when t.typtype = 'r' then
    (select format_type(r.rngsubtype, null) from pg_range r
     where r.rngtypid = t.oid) end as subtype,
  t.typnotnull as not_null, t.typdefault as default,
  case when t.typtype = 'd' and t.typcollation <> 0 and t.typcollation <>
    (select b.typcollation from pg_type b where b.oid = t.typbasetype) then
    (select format('%I.%I', cn.nspname, co.collname) from pg_collation co
     join pg_namespace cn on cn.oid = co.collnamespace
     where co.oid = t.typcollation) end as collation,
  obj_description(t.oid, 'pg_type') as comment
from pg_type t join pg_namespace n on n.oid = t.typnamespace
where {USER_NAMESPACE} and {not_extension_member('pg_type', 't.oid')}
  and (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c' and
    (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c'))
""",
    # owned_by: the column a serial (deptype a) or identity (deptype i)
    # sequence belongs to; identity sequences are described with the column.
    "sequences": f"""
select format('%I.%I', n.nspname, c.relname) as name,
  format_type(s.seqtypid, null) as type, s.seqstart as start,
  s.seqincrement as increment, s.seqmin as min, s.seqmax as max,
  s.seqcache as cache, s.seqcycle as cycle, c.relpersistence as persistence,
  d.deptype as owner_kind,
  case when d.deptype is not null then
    format('%I.%I', tn.nspname, tc.relname) end as owner_table,
  case when d.deptype is not null then format('%I', a.attname) end
    as owner_column,
  obj_description(c.oid, 'pg_class') as comment
from pg_class c join pg_namespace n on n.oid = c.relnamespace
join pg_sequence s on s.seqrelid = c.oid
left join pg_depend d on d.classid = 'pg_class'::regclass
  and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
  and d.deptype in ('a', 'i')
left join pg_class tc on tc.oid = d.refobjid
left join pg_namespace tn on tn.oid = tc.relnamespace
left join pg_attribute a on a.attrelid = d.refobjid
  and a.attnum = d.refobjsubid
where c.relkind = 'S' and {USER_NAMESPACE}
  and {not_extension_member('pg_class', 'c.oid')}
""",
    "relations": f"""
select format('%I.%I', n.nspname, c.relname) as name, c.relkind as kind,
  c.relpersistence as persistence, c.reloptions as options,
  case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end
    as partition_key,
  case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end
    as partition_bound,
  (select array_agg(format('%I.%I', pn.nspname, p.relname)
     order by i.inhseqno)
   from pg_inherits i join pg_class p on p.oid = i.inhparent
   join pg_namespace pn on pn.oid = p.relnamespace
   where i.inhrelid = c.oid) as parents,
  c.relrowsecurity as row_security,
  c.relforcerowsecurity as force_row_security,
  c.relreplident as replica_identity,
  case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end
    as definition,
  c.relispopulated as populated,
  obj_description(c.oid, 'pg_class') as comment
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p', 'f', 'v', 'm') and {USER_NAMESPACE}
  and {not_extension_member('pg_class', 'c.oid')}
""",
    # Columns of relations and of composite types. Collation only where it
    # is not the type's own.
    "columns": f"""
select format('%I.%I', n.nspname, c.relname) as owner, c.relkind as kind,
  format('%I', a.attname) as name,
  format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
  pg_get_expr(ad.adbin, ad.adrelid) as default,
  a.attidentity as identity, a.attgenerated as generated,
  case when a.attcollation <> t.typcollation then
    (select format('%I.%I', cn.nspname, co.collname) from pg_collation co
     join pg_namespace cn on cn.oid = co.collnamespace
     where co.oid = a.attcollation) end as collation,
  col_description(c.oid, a.attnum) as comment
from pg_attribute a join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
where a.attnum > 0 and not a.attisdropped
  and c.relkind in ('r', 'p', 'f', 'v', 'm', 'c') and {USER_NAMESPACE}
  and {not_extension_member('pg_class', 'c.oid')}
  and (c.relkind <> 'c' or
    {not_extension_member('pg_type', 'c.reltype')})
""",
    # Constraints of tables and of domains (NOT NULL of a column is in
    # columns: PostgreSQL 15 has no pg_constraint row for it).
    "constraints": f"""
select format('%I.%I', n.nspname, coalesce(r.relname, t.typname)) as owner,
  case when co.contypid <> 0 then 'd' else r.relkind end as kind,
  format('%I', co.conname) as name,
  pg_get_constraintdef(co.oid) as definition,
  obj_description(co.oid, 'pg_constraint') as comment
from pg_constraint co join pg_namespace n on n.oid = co.connamespace
left join pg_class r on r.oid = co.conrelid
left join pg_type t on t.oid = co.contypid
where (co.conrelid <> 0 or co.contypid <> 0) and {USER_NAMESPACE}
  and {not_extension_member('pg_class', 'co.conrelid')}
  and {not_extension_member('pg_type', 'co.contypid')}
""",
    "indexes": f"""
select format('%I.%I', tn.nspname, r.relname) as owner, r.relkind as kind,
  format('%I', i.relname) as name,
  pg_get_indexdef(x.indexrelid) as definition,
  x.indisclustered as clustered, x.indisreplident as replica_identity,
  obj_description(i.oid, 'pg_class') as comment
from pg_index x join pg_class i on i.oid = x.indexrelid
join pg_namespace n on n.oid = i.relnamespace
join pg_class r on r.oid = x.indrelid
join pg_namespace tn on tn.oid = r.relnamespace
where {USER_NAMESPACE} and {not_extension_member('pg_class', 'r.oid')}
""",
}

RELATION_KINDS = {
    "r": "table",
    "p": "table",
    "f": "foreign table",
    "v": "view",
    "m": "materialized view",
    "c": "type",
    "d": "domain",
}
TYPE_KINDS = {"e": "enum", "d": "domain", "r": "range", "c": "type"}


def describe_query():
    """One statement returning every section as one JSON object."""
    parts = [
        f"'{name}', (select coalesce(json_agg(q), '[]'::json) from ({sql}) q)"
        for name, sql in QUERIES.items()
    ]
    return "select json_build_object(\n" + ",\n".join(parts) + ")"


def quoted(text):
    """A comment or other free text on one line, quotes and newlines escaped."""
    return json.dumps(text, ensure_ascii=False)


def sequence_options(s):
    words = [
        f"as {s['type']}",
        f"start {s['start']}",
        f"increment {s['increment']}",
        f"minvalue {s['min']}",
        f"maxvalue {s['max']}",
        f"cache {s['cache']}",
        "cycle" if s["cycle"] else "no cycle",
    ]
    if s["persistence"] == "u":
        words.insert(0, "unlogged")
    return " ".join(words)


def describe_entries(catalog):
    """(sort key, text) pairs: the key is a tuple of names, the text may span
    lines. Keys never depend on the catalog's physical order."""
    entries = []

    def add(key, text):
        entries.append((key, text))

    def add_comment(key, comment):
        if comment is not None:
            add(key + ("comment",), quoted(comment))

    for x in catalog["extensions"]:
        add(("extension", x["name"]), f"version {x['version']} in {x['schema']}")
    for n in catalog["namespaces"]:
        add(("schema", n["name"]), "")
        add_comment(("schema", n["name"]), n["comment"])
    for t in catalog["types"]:
        key = (TYPE_KINDS[t["kind"]], t["name"])
        if t["kind"] == "e":
            text = "(" + ", ".join(quoted(v) for v in t["labels"] or []) + ")"
        elif t["kind"] == "d":
            text = t["base"]
            if t["collation"]:
                text += f" collate {t['collation']}"
            if t["not_null"]:
                text += " not null"
            if t["default"] is not None:
                text += f" default {t['default']}"
        elif t["kind"] == "r":
            text = f"subtype {t['subtype']}"
        else:
            text = ""
        add(key, text)
        add_comment(key, t["comment"])

    identities = {}
    for s in catalog["sequences"]:
        owner = (s["owner_table"], s["owner_column"])
        if s["owner_kind"] == "i":
            # Named after the table and column when created, but not renamed
            # with them: describe it by the column it serves.
            identities[owner] = sequence_options(s)
            continue
        key = ("sequence", s["name"])
        text = sequence_options(s)
        if s["owner_kind"] == "a":
            text += f" owned by {owner[0]}.{owner[1]}"
        add(key, text)
        add_comment(key, s["comment"])

    for r in catalog["relations"]:
        key = (RELATION_KINDS[r["kind"]], r["name"])
        words = []
        if r["persistence"] == "u":
            words.append("unlogged")
        if r["partition_key"]:
            words.append(f"partition by {r['partition_key']}")
        if r["partition_bound"]:
            words.append(f"partition of {r['parents'][0]} {r['partition_bound']}")
        elif r["parents"]:
            words.append(f"inherits ({', '.join(r['parents'])})")
        if r["options"]:
            words.append(f"with ({', '.join(r['options'])})")
        if r["row_security"]:
            words.append("row level security")
        if r["force_row_security"]:
            words.append("force row level security")
        if r["kind"] in "rpm" and r["replica_identity"] != "d":
            words.append(f"replica identity {r['replica_identity']}")
        if r["kind"] == "m" and not r["populated"]:
            words.append("with no data")
        add(key, " ".join(words))
        if r["definition"] is not None:
            add(key + ("as",), r["definition"].strip())
        add_comment(key, r["comment"])

    for c in catalog["columns"]:
        key = (RELATION_KINDS[c["kind"]], c["owner"], "column", c["name"])
        text = c["type"]
        if c["collation"]:
            text += f" collate {c['collation']}"
        if c["not_null"]:
            text += " not null"
        if c["generated"] == "s":
            text += f" generated always as ({c['default']}) stored"
        elif c["default"] is not None:
            text += f" default {c['default']}"
        if c["identity"]:
            kind = "always" if c["identity"] == "a" else "by default"
            options = identities.get((c["owner"], c["name"]), "?")
            text += f" generated {kind} as identity ({options})"
        add(key, text)
        add_comment(key, c["comment"])

    for c in catalog["constraints"]:
        key = (RELATION_KINDS[c["kind"]], c["owner"], "constraint", c["name"])
        add(key, c["definition"])
        add_comment(key, c["comment"])

    for i in catalog["indexes"]:
        key = (RELATION_KINDS[i["kind"]], i["owner"], "index", i["name"])
        text = i["definition"]
        if i["clustered"]:
            text += " (clustered)"
        if i["replica_identity"]:
            text += " (replica identity)"
        add(key, text)
        add_comment(key, i["comment"])
    return sorted(entries)


class Server:
    def __init__(self):
        self.env = server_env()
        self.psql = psql_binary()

    def run(self, db, args, **kwargs):
        cmd = [self.psql, *PSQL_FLAGS, "-d", db, *args]
        return subprocess.run(cmd, env=self.env, encoding="utf-8", **kwargs)

    def admin(self, sql):
        result = self.run("postgres", ["-c", sql], stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise CheckFailed(f"'{sql}' failed on the server")

    def create(self, db):
        self.admin(f'CREATE DATABASE "{db}"')

    def drop(self, db):
        self.admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')

    def apply(self, db, sql, what, single_transaction=False):
        """Runs SQL text (on stdin: errors say `psql:<stdin>:LINE`). Query
        output goes to stderr, so stdout holds only what the test checks."""
        args = ["-1"] if single_transaction else []
        result = self.run(db, [*args, "-f", "-"], input=sql, stdout=sys.stderr)
        if result.returncode != 0:
            raise CheckFailed(f"{what} failed on PostgreSQL (message above)")

    def describe(self, db):
        result = self.run(
            db,
            ["-c", describe_query()],
            stdin=subprocess.DEVNULL,
            capture_output=True,
        )
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise CheckFailed(f"cannot read the catalog of database {db}")
        return render(describe_entries(json.loads(result.stdout)))






def export(args, path):
    return schemac(
        args.schemac,
        ["export", path, "--dialect", "postgresql"],
        f"schemac export {path}",
    )


def check(args, server, db_a, db_b, created):
    server.create(db_a)
    created.append(db_a)
    server.apply(db_a, export(args, args.from_schema), "the export of FROM")
    if args.data:
        server.apply(db_a, read(args.data, "DATA"), f"DATA ({args.data})")

    migration = migration_text(args, "postgresql")
    # A migration that starts with the no-transaction directive (enum values
    # added and then used) runs statement by statement.
    in_transaction = not migration.startswith("-- schemac:no-transaction")
    server.apply(db_a, migration, "the migration",
                 single_transaction=in_transaction)

    server.create(db_b)
    created.append(db_b)
    server.apply(db_b, export(args, args.to_schema), "the export of TO")

    migrated = server.describe(db_a)
    expected = server.describe(db_b)
    compare(migrated, expected)
    check_second_diff(args, database_url(db_a), "postgresql")

    if args.after:
        sys.stdout.flush()
        result = server.run(db_a, ["-f", args.after], stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise CheckFailed(f"AFTER ({args.after}) failed (message above)")


def run_check(args):
    return run_on_server("pgmigrate", Server(), test_hash, args, check)

def main():
    args = parse_check_args("pgmigrate.py", "PostgreSQL")
    return run_check(args)


if __name__ == "__main__":
    sys.exit(main())
