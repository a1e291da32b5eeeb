//===- PostgresTables.cpp - columns, constraints, indexes from pg_catalog ===//
//
// One query each for columns, constraints, indexes and index expression
// keys over all read tables. A serial column is an integer column whose
// default is nextval() of the sequence it owns, a sequence with the default
// options and the name PostgreSQL derives; the sequence then is no object of
// its own. Identity sequences are never objects.
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/PostgresExprMapping.h"
#include "frontend/introspect/PostgresIntrospector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

/// The text of a string literal in PostgreSQL's syntax.
static std::string quoteLiteral(StringRef s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'')
      out += '\'';
  }
  return out + "'";
}

bool PostgresReader::readColumns() {
  std::string sql =
      "SELECT a.attrelid, a.attnum, a.attname, a.attnotnull, a.attidentity, "
      "a.attgenerated, a.attndims, t.typcategory, "
      "pg_catalog.format_type(et.oid, a.atttypmod) AS elemtype, "
      "et.oid AS elemoid, et.typtype AS elemkind, et.typname AS elemname, "
      "et.typnamespace AS elemns, "

      "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS dflt, "
      "CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS "
      "collation, d.description "
      "FROM pg_catalog.pg_attribute a "
      "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
      "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
      "JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' "
      "AND t.typelem <> 0 THEN t.typelem ELSE t.oid END "
      "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND "
      "ad.adnum = a.attnum "
      "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
      "LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid AND "
      "d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = "
      "a.attnum "
      "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
      "AND " +
      inNamespaces("c.relnamespace") + " ORDER BY a.attrelid, a.attnum";
  auto result = ctx.query(sql, "reading columns");
  if (!result)
    return false;

  struct PendingDefault {
    TableInfo *info;
    size_t column;
    StringRef text;
  };
  std::vector<PendingDefault> defaults;
  TableInfo *info = nullptr;
  Oid current = 0;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    Oid relid = toOid(row["attrelid"]);
    if (!info || relid != current) {
      current = relid;
      auto it = tables.find(relid);
      info = it == tables.end() ? nullptr : &it->second;
    }
    if (!info)
      continue; // filtered out
    ir::Table &table = *info->table;
    int64_t attnum = row.integer("attnum").value_or(0);
    ir::Column col;
    col.name = ctx.save(row["attname"]);
    std::string where = info->displayName + ", column " + col.name.str();

    // The type: a built-in spelling, an enum, or kept by name.
    bool isArray = row["typcategory"] == "A" && row["elemkind"] != "";
    StringRef elem = row["elemtype"];
    if (row["elemkind"] == "e") {
      col.type.kind = ir::TypeKind::Enum;
      col.type.ns = allNamespaces[toOid(row["elemns"])].name;
      col.type.name = ctx.save(row["elemname"]);
      auto outside = outsideEnums.find(toOid(row["elemoid"]));
      if (outside != outsideEnums.end())
        outside->second.second = true;
    } else if (auto t = parsePostgresBuiltinType(elem, schema)) {
      col.type = *t;
    } else {
      ctx.warnUnsupported(where, "type '" + elem + (isArray ? "[]" : "") +
                                     "' is not one the schema language "
                                     "knows; it is kept by name");
      col.type = ir::Type::get(ir::TypeKind::Native);
      col.type.name = ctx.save(elem);
    }
    if (isArray)
      col.type.arrayDims =
          uint8_t(std::max<int64_t>(1, row.integer("attndims").value_or(1)));

    col.nullable = !row.flag("attnotnull");
    StringRef identity = row["attidentity"];
    if (identity == "a")
      col.identity = ir::Identity::Always;
    else if (identity == "d")
      col.identity = ir::Identity::ByDefault;
    col.collation = ctx.save(row["collation"]);
    col.comment = ctx.save(row["description"]);

    auto seqIt = ownedSequences.find({relid, attnum});
    SequenceInfo *seq = nullptr;
    if (seqIt != ownedSequences.end())
      seq = &sequences[seqIt->second];
    if (col.identity != ir::Identity::None && seq && seq->dependency == 'i') {
      seq->consumed = true;
      if (!seq->hasDefaults || !seq->seq->comment.empty())
        ctx.warnUnsupported(where, "the options and comment of an identity "
                                   "column's sequence are not expressed");
    }

    if (auto dflt = row.optional("dflt")) {
      if (row["attgenerated"] == "s") {
        col.generated = ir::Generated{nullptr, true};
        defaults.push_back({info, table.columns.size(), *dflt});
      } else if (seq && seq->dependency == 'a' && col.type.isInteger() &&
                 seq->seq->type.kind == col.type.kind && seq->hasDefaults &&
                 seq->seq->comment.empty() &&
                 *dflt ==
                     "nextval(" + quoteLiteral(seq->regclass) + "::regclass)" &&
                 seq->seq->name.name ==
                     ir::makeObjectName(table.name.name, col.name, "seq")) {
        col.identity = ir::Identity::Serial;
        seq->consumed = true;
      } else {
        defaults.push_back({info, table.columns.size(), *dflt});
      }
    }
    if (size_t(attnum) >= info->columnOfAttnum.size())
      info->columnOfAttnum.resize(attnum + 1, -1);
    info->columnOfAttnum[attnum] = int(table.columns.size());
    table.columns.push_back(col);
  }

  // Expressions once every column of the table is known (casts are judged
  // against the column types).
  for (const PendingDefault &d : defaults) {
    ir::Table &table = *d.info->table;
    ir::Column &col = table.columns[d.column];
    std::string where = d.info->displayName + ", column " + col.name.str();
    if (col.generated) {
      const ir::Expr *e = parse(d.text, where + ", generated");
      col.generated->expr = mapPostgresExpr(e, table, schema.getArena());
    } else {
      const ir::Expr *e = parse(d.text, where + ", default");
      col.defaultValue = mapPostgresDefault(e, col, table, schema.getArena());
    }
  }
  return true;
}

static ir::RefAction toRefAction(StringRef code) {
  switch (code.empty() ? 'a' : code.front()) {
  case 'r':
    return ir::RefAction::Restrict;
  case 'c':
    return ir::RefAction::Cascade;
  case 'n':
    return ir::RefAction::SetNull;
  case 'd':
    return ir::RefAction::SetDefault;
  default:
    return ir::RefAction::NoAction;
  }
}

bool PostgresReader::readConstraints() {
  std::string nullsNotDistinct = serverVersion >= 150000
                                     ? "i.indnullsnotdistinct"
                                     : "false AS indnullsnotdistinct";
  std::string sql =
      "SELECT co.conrelid, co.conname, co.contype, co.conkey, co.confkey, "
      "co.confrelid, co.confupdtype, co.confdeltype, co.confmatchtype, "
      "co.condeferrable, co.condeferred, co.convalidated, co.connoinherit, "
      "CASE WHEN co.contype = 'c' THEN "
      "pg_catalog.pg_get_expr(co.conbin, co.conrelid, true) END AS checkexpr, "
      "i.indnatts <> i.indnkeyatts AS hasinclude, " +
      nullsNotDistinct +
      ", d.description "
      "FROM pg_catalog.pg_constraint co "
      "JOIN pg_catalog.pg_class c ON c.oid = co.conrelid "
      "LEFT JOIN pg_catalog.pg_index i ON co.contype IN ('p', 'u') AND "
      "i.indexrelid = co.conindid "
      "LEFT JOIN pg_catalog.pg_description d ON d.objoid = co.oid AND "
      "d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objsubid = 0 "
      "WHERE co.contype IN ('p', 'u', 'f', 'c', 'x') AND " +
      inNamespaces("c.relnamespace") + " ORDER BY co.conrelid, co.conname";
  auto result = ctx.query(sql, "reading constraints");
  if (!result)
    return false;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    auto it = tables.find(toOid(row["conrelid"]));
    if (it == tables.end())
      continue;
    TableInfo &info = it->second;
    ir::Table &table = *info.table;
    StringRef name = row["conname"];
    std::string where = info.displayName + ", constraint " + name.str();
    char kind = row["contype"].front();
    if (kind == 'x') {
      ctx.warnUnsupported(where, "exclusion constraints are not expressed; "
                                 "it is left out");
      continue;
    }
    if (!row["description"].empty())
      ctx.warnUnsupported(where, "comments on constraints are not expressed");
    if (!row.flag("convalidated"))
      ctx.warnUnsupported(where, "NOT VALID is not expressed; it is read as "
                                 "a validated constraint");
    if (kind != 'f' && row.flag("condeferrable"))
      ctx.warnUnsupported(where, "only foreign keys can be deferrable in the "
                                 "schema language; it is read as not "
                                 "deferrable");
    std::vector<StringRef> columns;
    for (int64_t attnum : parseIntList(row["conkey"]))
      columns.push_back(info.columnName(attnum));
    std::vector<std::string> words(columns.begin(), columns.end());

    std::unique_ptr<ir::Constraint> c;
    ir::NamedKind named = ir::NamedKind::Check;
    switch (kind) {
    case 'p': {
      auto pk = std::make_unique<ir::PrimaryKey>();
      pk->columns = columns;
      c = std::move(pk);
      named = ir::NamedKind::PrimaryKey;
      words.clear();
      break;
    }
    case 'u': {
      auto u = std::make_unique<ir::UniqueConstraint>();
      u->columns = columns;
      u->nullsNotDistinct = row.flag("indnullsnotdistinct");
      c = std::move(u);
      named = ir::NamedKind::Unique;
      break;
    }
    case 'f': {
      auto fk = std::make_unique<ir::ForeignKey>();
      fk->columns = columns;
      auto ref = tables.find(toOid(row["confrelid"]));
      if (ref == tables.end()) {
        ctx.warnUnsupported(where, "it references a table that is not "
                                   "read; it is left out");
        continue;
      }
      fk->refTable = ref->second.table->name;
      for (int64_t attnum : parseIntList(row["confkey"]))
        fk->refColumns.push_back(ref->second.columnName(attnum));
      fk->onDelete = toRefAction(row["confdeltype"]);
      fk->onUpdate = toRefAction(row["confupdtype"]);
      fk->deferrable = row.flag("condeferrable");
      fk->initiallyDeferred = row.flag("condeferred");
      if (row["confmatchtype"] == "f")
        ctx.warnUnsupported(where, "MATCH FULL is not expressed; it is read "
                                   "as MATCH SIMPLE");
      c = std::move(fk);
      named = ir::NamedKind::ForeignKey;
      break;
    }
    default: {
      auto check = std::make_unique<ir::CheckConstraint>();
      const ir::Expr *e = parse(row["checkexpr"], where);
      check->expr = mapPostgresExpr(e, table, schema.getArena());
      if (row.flag("connoinherit"))
        ctx.warnUnsupported(where, "NO INHERIT is not expressed");
      // PostgreSQL names a check after its column only if it reads one.
      llvm::SmallVector<StringRef, 4> referenced;
      ir::forEachColumnRef(check->expr, [&](const ir::ColumnRef *ref) {
        if (!llvm::is_contained(referenced, ref->getColumn()))
          referenced.push_back(ref->getColumn());
      });
      words.clear();
      if (referenced.size() == 1)
        words.push_back(referenced.front().str());
      c = std::move(check);
      break;
    }
    }
    if ((kind == 'p' || kind == 'u') && row.flag("hasinclude"))
      ctx.warnUnsupported(where, "INCLUDE columns of a key constraint are not "
                                 "expressed");
    c->name = ctx.save(name);
    pendingNames.push_back({&table, c.get(), 0, named, std::move(words)});
    table.constraints.push_back(std::move(c));
  }
  return true;
}

bool PostgresReader::readIndexes() {
  std::string filter = inNamespaces("c.relnamespace");
  std::string sql =
      "SELECT i.indexrelid, i.indrelid, ic.relname, am.amname, i.indisunique, "
      "i.indnkeyatts, i.indkey, i.indoption, "
      "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS pred, "
      // Per key, a lookup by oid (an index scan): a join here made the
      // planner scan pg_opclass and pg_collation once per index.
      "(SELECT pg_catalog.string_agg((SELECT CASE WHEN o.opcdefault THEN '' "
      "ELSE o.opcname END FROM pg_catalog.pg_opclass o WHERE o.oid = k.oid), "
      "chr(31) ORDER BY k.n) FROM "
      "unnest(i.indclass::oid[]) WITH ORDINALITY k(oid, n)) AS opclasses, "
      "(SELECT pg_catalog.string_agg(COALESCE((SELECT col.collname FROM "
      "pg_catalog.pg_collation col WHERE col.oid = k.oid AND k.oid <> 100), "
      "''), chr(31) ORDER BY k.n) FROM unnest(i.indcollation::oid[]) WITH "
      "ORDINALITY k(oid, n)) AS collations, "
      "d.description "
      "FROM pg_catalog.pg_index i "
      "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
      "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid "
      "JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
      "LEFT JOIN pg_catalog.pg_description d ON d.objoid = i.indexrelid AND "
      "d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0 "
      "WHERE c.relkind IN ('r', 'p') AND " +
      filter +
      // NOT IN (a hashed subplan), not NOT EXISTS: pg_constraint has no
      // index on conindid, and the planner, misled by the catalogs'
      // statistics, scanned it once per index (quadratic).
      " AND i.indexrelid NOT IN (SELECT co.conindid FROM "
      "pg_catalog.pg_constraint co WHERE co.contype IN ('p', 'u', 'x')) "
      "ORDER BY i.indexrelid";
  auto result = ctx.query(sql, "reading indexes");
  if (!result)
    return false;
  // Expression keys, printed one by one by pg_get_indexdef.
  std::string exprSql =
      "SELECT i.indexrelid, k.n, pg_catalog.pg_get_indexdef(i.indexrelid, "
      "k.n, true) AS expr FROM pg_catalog.pg_index i "
      "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid, "
      "generate_series(1, i.indnkeyatts) k(n) "
      "WHERE c.relkind IN ('r', 'p') AND i.indkey[k.n - 1] = 0 AND " +
      filter;
  auto exprs = ctx.query(exprSql, "reading index expressions");
  if (!exprs)
    return false;
  llvm::DenseMap<std::pair<Oid, int64_t>, StringRef> keyExprs;
  for (size_t i = 0; i < exprs->getNumRows(); ++i) {
    db::ResultRow row(*exprs, i);
    keyExprs[{toOid(row["indexrelid"]), row.integer("n").value_or(0)}] =
        row["expr"];
  }

  for (size_t r = 0; r < result->getNumRows(); ++r) {
    db::ResultRow row(*result, r);
    auto it = tables.find(toOid(row["indrelid"]));
    if (it == tables.end())
      continue;
    TableInfo &info = it->second;
    ir::Table &table = *info.table;
    Oid indexOid = toOid(row["indexrelid"]);
    StringRef name = row["relname"];
    std::string where = info.displayName + ", index " + name.str();
    ir::Index idx;
    idx.name = ctx.save(name);
    idx.unique = row.flag("indisunique");
    idx.comment = ctx.save(row["description"]);
    if (row["amname"] != "btree")
      idx.method = ctx.save(row["amname"]);
    auto keys = parseIntList(row["indkey"]);
    auto options = parseIntList(row["indoption"]);
    llvm::SmallVector<StringRef, 4> opclasses, collations;
    row["opclasses"].split(opclasses, '\x1f');
    row["collations"].split(collations, '\x1f');
    int64_t numKeys = row.integer("indnkeyatts").value_or(0);
    std::vector<std::string> words;
    for (int64_t k = 0; k < int64_t(keys.size()); ++k) {
      StringRef column = keys[k] ? info.columnName(keys[k]) : StringRef();
      if (k >= numKeys) {
        idx.include.push_back(column);
        words.push_back(column.str());
        continue;
      }
      ir::IndexElement el;
      if (keys[k]) {
        el.expr = schema.getArena().create<ir::ColumnRef>(StringRef(), column,
                                                          SourceRange());
        words.push_back(column.str());
      } else {
        const ir::Expr *e = parse(keyExprs.lookup({indexOid, k + 1}),
                                  where + ", key " + std::to_string(k + 1));
        el.expr = mapPostgresExpr(e, table, schema.getArena());
        words.push_back(getPostgresIndexKeyWord(el.expr));
      }
      if (size_t(k) < opclasses.size())
        el.opclass = ctx.save(opclasses[k]);
      if (size_t(k) < collations.size() && !collations[k].empty()) {
        const ir::Column *col = keys[k] ? table.findColumn(column) : nullptr;
        if (!col || col->collation != collations[k])
          el.collation = ctx.save(collations[k]);
      }
      int64_t option = size_t(k) < options.size() ? options[k] : 0;
      bool desc = option & 1, nullsFirst = option & 2;
      if (desc)
        el.order = ir::SortOrder::Desc;
      if (desc && !nullsFirst)
        el.nulls = ir::NullsOrder::Last;
      else if (!desc && nullsFirst)
        el.nulls = ir::NullsOrder::First;
      idx.elements.push_back(el);
    }
    if (auto pred = row.optional("pred"))
      idx.where = mapPostgresExpr(parse(*pred, where + ", predicate"), table,
                                  schema.getArena());
    ir::makeIndexWordsUnique(words);
    pendingNames.push_back({&table, nullptr, table.indexes.size(),
                            ir::NamedKind::Index, std::move(words)});
    table.indexes.push_back(std::move(idx));
  }
  return true;
}

void PostgresReader::markDerivedNames() {
  // Per namespace: relation names (tables, views, sequences, indexes and
  // the indexes of keys) and constraint names.
  llvm::StringMap<llvm::StringSet<>> relations, constraints;
  for (const auto &t : schema.tables) {
    relations[t->name.ns].insert(t->name.name);
    for (const auto &c : t->constraints) {
      constraints[t->name.ns].insert(c->name);
      if (llvm::isa<ir::PrimaryKey, ir::UniqueConstraint>(c.get()))
        relations[t->name.ns].insert(c->name);
    }
    for (const ir::Index &i : t->indexes)
      relations[t->name.ns].insert(i.name);
  }
  for (const auto &v : schema.views)
    relations[v->name.ns].insert(v->name.name);
  for (const auto &entry : sequences)
    if (entry.second.seq)
      relations[entry.second.seq->name.ns].insert(entry.second.seq->name.name);

  for (PendingName &p : pendingNames) {
    StringRef ns = p.table->name.ns;
    StringRef name =
        p.constraint ? p.constraint->name : p.table->indexes[p.indexPos].name;
    ir::NameParts parts = ir::deriveNameParts(ir::Dialect::PostgreSQL, p.kind,
                                              p.table->name.name, p.words);
    auto isTaken = [&](StringRef n) {
      switch (p.kind) {
      case ir::NamedKind::PrimaryKey:
      case ir::NamedKind::Unique:
        return relations[ns].count(n) || constraints[ns].count(n);
      case ir::NamedKind::Index:
        return relations[ns].count(n) != 0;
      default:
        return constraints[ns].count(n) != 0;
      }
    };
    // PostgreSQL's ChooseRelationName: the label, then label1, label2, ...
    // while the name is taken (here: by another object).
    bool derived = false;
    for (unsigned pass = 0; pass < 1000; ++pass) {
      std::string candidate = ir::makeObjectName(
          parts.name1, parts.name2,
          pass ? parts.label + std::to_string(pass) : parts.label);
      if (candidate == name) {
        derived = true;
        break;
      }
      if (!isTaken(candidate))
        break;
    }
    if (p.constraint)
      p.constraint->nameExplicit = !derived;
    else
      p.table->indexes[p.indexPos].nameExplicit = !derived;
  }
}
