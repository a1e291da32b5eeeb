#!/usr/bin/env python3
# ===- gen_schema.py - synthetic schemas of N tables for the benchmark ------===#
#
#   gen_schema.py N [--seed S] [-o FILE]
#
# Writes one schema-language file with N tables that look like an
# application's: a bigint identity primary key and 4-11 more columns of varied
# types and defaults per table, a foreign key to an earlier table in about 60%
# of them, unique constraints, checks and indexes in some, a few enums shared
# by all, four namespaces. The same N and seed give the same bytes.
#
# ===------------------------------------------------------------------------===#
import argparse
import random
import sys

NAMESPACES = [None, "app", "billing", "ops"]
ENUMS = {
    "order_status": ["pending", "paid", "shipped", "delivered", "cancelled"],
    "priority_level": ["low", "normal", "high", "urgent"],
    "user_role": ["admin", "editor", "reader"],
    "currency_code": ["eur", "usd", "gbp", "chf", "jpy"],
    "visibility_level": ["private", "internal", "public"],
}
ENTITIES = [
    "customer", "account", "invoice", "payment", "product", "order",
    "shipment", "warehouse", "supplier", "employee", "project", "task",
    "ticket", "comment", "document", "event", "session", "device",
    "campaign", "subscription", "contract", "asset", "region", "review",
]
# (name, type, options): the pool each table draws its columns from.
COLUMNS = [
    ("name", "varchar(200)", ""),
    ("title", "text", ""),
    ("email", "varchar(320)", ""),
    ("code", "varchar(64)", ""),
    ("description", "text?", ""),
    ("notes", "text?", ""),
    ("amount", "numeric(14, 2)", "default 0"),
    ("price", "numeric(12, 2)", "default 0"),
    ("quantity", "integer", "default 1"),
    ("sort_order", "integer", "default 0"),
    ("score", "double precision?", ""),
    ("is_active", "bool", "default true"),
    ("is_archived", "boolean", "default false"),
    ("metadata", "jsonb", "default '{}'"),
    ("tags", "text[]", "default '{}'"),
    ("external_id", "uuid?", ""),
    ("due_date", "date?", ""),
    ("created_at", "timestamptz", "default now()"),
    ("updated_at", "timestamptz", "default current_timestamp"),
    ("deleted_at", "timestamptz?", ""),
    ("status", "order_status", "default pending"),
    ("priority", "priority_level", "default normal"),
    ("role", "user_role", "default reader"),
    ("currency", "currency_code", "default eur"),
    ("visibility", "visibility_level?", ""),
]
NUMERIC_CHECKS = {
    "amount": "amount >= 0",
    "price": "price >= 0",
    "quantity": "quantity > 0",
    "sort_order": "sort_order between 0 and 1000000",
}
TEXT_CHECKS = {
    "name": "length(name) > 0",
    "title": "title <> ''",
    "code": "code ~ '^[A-Z0-9_]+$'",
    "email": "email like '%@%'",
}


def qualified(namespace, name):
    return f"{namespace}.{name}" if namespace else name


def table_items(rng, index, tables):
    """The lines inside one table's braces and the table's columns."""
    lines = ["  id bigint identity primary key"]
    columns = ["id"]
    if index > 0 and rng.random() < 0.6:
        # Mostly nearby tables, as modules reference their neighbours.
        target = tables[max(0, index - 1 - int(rng.expovariate(1 / 50)))]
        column = f"{target[1]}_id"
        if rng.random() < 0.5:
            lines.append(f"  {column} bigint references {qualified(*target)}"
                         " on delete cascade")
        else:
            lines.append(f"  {column} bigint? references {qualified(*target)}(id)"
                         " on delete set null")
        columns.append(column)
    for name, type_, options in rng.sample(COLUMNS, rng.randint(5, 12) - len(columns)):
        line = f"  {name} {type_}"
        if options:
            line += f" {options}"
        if name in ("code", "email") and rng.random() < 0.5:
            line += " unique"
        lines.append(line)
        columns.append(name)
    present = set(columns)
    checks = [e for c, e in sorted({**NUMERIC_CHECKS, **TEXT_CHECKS}.items()) if c in present]
    if checks and rng.random() < 0.3:
        lines.append(f"  check ({rng.choice(checks)})")
    texts = [c for c in ("name", "title", "code") if c in present]
    if len(columns) > 2 and rng.random() < 0.25:
        pair = rng.sample(columns[1:], 2)
        lines.append(f"  unique ({pair[0]}, {pair[1]})")
    if rng.random() < 0.4:
        if "created_at" in present and rng.random() < 0.5:
            lines.append("  index (created_at desc)")
        elif texts and rng.random() < 0.5:
            lines.append(f"  index (lower({rng.choice(texts)}))")
        elif "is_active" in present:
            lines.append(f"  index ({columns[-1]}) where is_active")
        else:
            lines.append(f"  index ({rng.choice(columns[1:])})")
    return lines


def generate(count, seed):
    rng = random.Random(seed)
    out = [f"// Synthetic schema: {count} tables, seed {seed} (bench/gen_schema.py).", ""]
    for namespace in NAMESPACES:
        if namespace:
            out.append(f"schema {namespace}")
    out.append("")
    for name, values in ENUMS.items():
        out.append(f"enum {name} {{ {', '.join(values)} }}")
    out.append("")
    tables = []
    for index in range(count):
        namespace = NAMESPACES[index % len(NAMESPACES)]
        name = f"{rng.choice(ENTITIES)}_{index + 1}"
        if rng.random() < 0.2:
            out.append(f"/// The {name.replace('_', ' ')} records.")
        out.append(f"table {qualified(namespace, name)} {{")
        out.extend(table_items(rng, index, tables))
        out.append("}")
        out.append("")
        tables.append((namespace, name))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description="Writes a synthetic schema of N tables.")
    parser.add_argument("count", type=int, metavar="N", help="number of tables")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("N must be at least 1")
    text = generate(args.count, args.seed)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
