//===- SQLiteKeys.cpp - keys, foreign keys and indexes of a SQLite pull ---===//
//
// The primary key comes from pragma_table_xinfo's `pk`, foreign keys from
// pragma_foreign_key_list, uniques and indexes from pragma_index_list and
// pragma_index_xinfo (one query each, joined to sqlite_schema). The CREATE
// text adds what the pragmas leave out: constraint names, DEFERRABLE, index
// expressions, collations as written, predicates and comments. SQLite names
// no unnamed constraint; sema gives primary keys and uniques the names of
// their automatic indexes, and so does the reader (docs/naming.md).
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/PostgresExprMapping.h"
#include "frontend/introspect/SQLiteIntrospector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

/// Whether two column lists are equal but for ASCII case.
static bool sameColumns(llvm::ArrayRef<std::string> a,
                        llvm::ArrayRef<StringRef> b) {
  return a.size() == b.size() &&
         llvm::all_of(llvm::zip(a, b), [](const auto &pair) {
           return StringRef(std::get<0>(pair))
               .equals_insensitive(std::get<1>(pair));
         });
}

void SQLiteReader::makePrimaryKey(TableInfo &info) {
  if (info.primaryKey.empty())
    return;
  llvm::sort(info.primaryKey);
  auto pk = std::make_unique<ir::PrimaryKey>();
  for (auto &[pos, column] : info.primaryKey)
    pk->columns.push_back(column);
  // The name as written: on the column, or on PRIMARY KEY (...).
  if (info.def) {
    for (const SQLiteColumnDef &col : info.def->columns)
      if (col.primaryKey)
        pk->name = ctx.save(col.primaryKeyName);
    for (const SQLiteTableConstraintDef &c : info.def->constraints)
      if (c.kind == SQLiteTableConstraintDef::Kind::PrimaryKey) {
        pk->name = ctx.save(c.name);
        if (c.keyOptions)
          ctx.warnUnsupported(info.displayName() + ", primary key",
                              "COLLATE, ASC and DESC in a key are not in the "
                              "schema language; they are left out");
        if (c.onConflict)
          ctx.warnUnsupported(info.displayName() + ", primary key",
                              "ON CONFLICT clauses are not in the schema "
                              "language; they are left out");
        if (c.autoincrement && pk->columns.size() == 1)
          if (ir::Column *col = info.findColumn(pk->columns.front()))
            col->identity = ir::Identity::ByDefault;
      }
  }
  pk->nameExplicit = !pk->name.empty();
  // Only INTEGER PRIMARY KEY (ascending) is the rowid; the IR makes any
  // single integer key column one (backends/SQLiteDDL.cpp).
  if (pk->columns.size() == 1) {
    size_t pos = info.columnIndex.lookup(pk->columns.front().lower());
    const ir::Column &col = info.table->columns[pos];
    StringRef declared = info.declaredTypes[pos];
    const SQLiteColumnDef *def = info.findColumnDef(col.name);
    bool desc = def && def->primaryKeyDesc;
    std::string where = info.displayName() + ", column " + col.name.str();
    if (col.type.isInteger() && !info.table->options.withoutRowid &&
        (!declared.equals_insensitive("INTEGER") || desc)) {
      ctx.warnUnsupported(where, "'" + declared + " PRIMARY KEY" +
                                     (desc ? " DESC" : "") +
                                     "' is not the rowid (only INTEGER PRIMARY "
                                     "KEY is); export makes it the rowid, "
                                     "declared INTEGER");
    } else if (desc) {
      ctx.warnUnsupported(where, "PRIMARY KEY DESC is not in the schema "
                                 "language; the key is pulled ascending");
    }
  }
  info.table->constraints.push_back(std::move(pk));
}

static ir::RefAction toRefAction(StringRef rule) {
  if (rule == "CASCADE")
    return ir::RefAction::Cascade;
  if (rule == "SET NULL")
    return ir::RefAction::SetNull;
  if (rule == "SET DEFAULT")
    return ir::RefAction::SetDefault;
  if (rule == "RESTRICT")
    return ir::RefAction::Restrict;
  return ir::RefAction::NoAction;
}

bool SQLiteReader::readForeignKeys() {
  auto result = ctx.query(
      ("SELECT m.name AS tbl, f.id AS id, f.\"table\" AS ref, "
       "f.\"from\" AS col, f.\"to\" AS ref_col, f.on_update AS on_update, "
       "f.on_delete AS on_delete "
       "FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f WHERE " +
       userTables() + " ORDER BY m.name, f.id DESC, f.seq")
          .str(),
      "reading foreign keys");
  if (!result)
    return false;

  // SQLite numbers a table's foreign keys from the last one declared.
  struct Group {
    TableInfo *info;
    size_t first, end; ///< rows
  };
  std::vector<Group> groups;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    TableInfo *info = findTable(row["tbl"]);
    if (!info)
      continue;
    if (groups.empty() || groups.back().info != info ||
        db::ResultRow(*result, groups.back().first)["id"] != row["id"])
      groups.push_back({info, i, i});
    groups.back().end = i + 1;
  }

  TableInfo *current = nullptr;
  std::vector<SQLiteCreateTable::ForeignKeyRef> written;
  for (const Group &g : groups) {
    TableInfo &info = *g.info;
    if (&info != current) {
      current = &info;
      written = info.def ? info.def->foreignKeys()
                         : std::vector<SQLiteCreateTable::ForeignKeyRef>();
    }
    db::ResultRow first(*result, g.first);
    std::vector<StringRef> columns;
    for (size_t i = g.first; i < g.end; ++i)
      columns.push_back(db::ResultRow(*result, i)["col"]);
    StringRef refName = first["ref"];
    // The clause of the text: the first unused one with these columns and
    // table (in declaration order, as the rows are).
    SQLiteCreateTable::ForeignKeyRef *text = nullptr;
    for (auto &w : written)
      if (!w.reference->used && sameColumns(w.columns, columns) &&
          StringRef(w.reference->table).equals_insensitive(refName)) {
        text = &w;
        w.reference->used = true;
        break;
      }
    std::string where = info.displayName() + ", foreign key (" +
                        llvm::join(columns, ", ") + ")";
    TableInfo *target = findTable(refName);
    if (!target) {
      ctx.warnUnsupported(where, "it references table " + refName +
                                     ", which is not read; it is left out");
      continue;
    }

    auto fk = std::make_unique<ir::ForeignKey>();
    if (text) {
      fk->name = ctx.save(*text->name);
      fk->deferrable = text->reference->deferrable;
      fk->initiallyDeferred = text->reference->initiallyDeferred;
    }
    fk->nameExplicit = !fk->name.empty();
    fk->refTable = target->table->name;
    fk->onDelete = toRefAction(first["on_delete"]);
    fk->onUpdate = toRefAction(first["on_update"]);
    if (text && !text->reference->match.empty())
      ctx.warnUnsupported(where, "MATCH " + text->reference->match +
                                     " is not in the schema language (SQLite "
                                     "ignores it); it is left out");
    bool ok = true;
    for (size_t i = g.first; i < g.end; ++i) {
      db::ResultRow row(*result, i);
      ir::Column *col = info.findColumn(row["col"]);
      if (!col) {
        ok = false;
        break;
      }
      fk->columns.push_back(col->name);
      if (auto to = row.optional("ref_col")) {
        ir::Column *refCol = target->findColumn(*to);
        if (!refCol) {
          ok = false;
          break;
        }
        fk->refColumns.push_back(refCol->name);
      }
    }
    // REFERENCES t without columns: t's primary key.
    if (fk->refColumns.empty())
      for (auto &[pos, column] : target->primaryKey)
        fk->refColumns.push_back(column);
    if (!ok || fk->refColumns.size() != fk->columns.size()) {
      ctx.warnUnsupported(where, "its columns do not match the referenced "
                                 "key; it is left out");
      continue;
    }
    info.table->constraints.push_back(std::move(fk));
  }
  return true;
}

/// The CONSTRAINT name of the first UNIQUE of `columns` in the text not
/// yet taken ("" if it has none).
static std::string takeUniqueName(IntrospectContext &ctx,
                                  std::optional<SQLiteCreateTable> &def,
                                  llvm::ArrayRef<StringRef> columns,
                                  const std::string &where) {
  if (!def)
    return "";
  for (SQLiteColumnDef &c : def->columns)
    if (c.unique && !c.uniqueUsed && sameColumns({c.name}, columns)) {
      c.uniqueUsed = true;
      return c.uniqueName;
    }
  for (SQLiteTableConstraintDef &c : def->constraints)
    if (c.kind == SQLiteTableConstraintDef::Kind::Unique && !c.used &&
        sameColumns(c.columns, columns)) {
      c.used = true;
      if (c.onConflict)
        ctx.warnUnsupported(where, "ON CONFLICT clauses are not in the "
                                   "schema language; they are left out");
      return c.name;
    }
  return "";
}

bool SQLiteReader::readIndexes() {
  auto result = ctx.query(
      ("SELECT m.name AS tbl, l.name AS idx, l.\"unique\" AS is_unique, "
       "l.origin AS origin, l.partial AS partial, x.cid AS cid, "
       "x.name AS col, x.\"desc\" AS descending, x.coll AS coll "
       "FROM sqlite_schema m JOIN pragma_index_list(m.name) l "
       "JOIN pragma_index_xinfo(l.name) x WHERE " +
       userTables() + " AND x.key ORDER BY m.name, l.name, x.seqno")
          .str(),
      "reading indexes");
  if (!result)
    return false;

  size_t i = 0, n = result->getNumRows();
  while (i < n) {
    db::ResultRow first(*result, i);
    size_t end = i + 1;
    while (end < n && db::ResultRow(*result, end)["tbl"] == first["tbl"] &&
           db::ResultRow(*result, end)["idx"] == first["idx"])
      ++end;
    size_t begin = i;
    i = end;
    TableInfo *info = findTable(first["tbl"]);
    StringRef origin = first["origin"];
    if (!info || origin == "pk")
      continue; // the primary key comes from the columns
    ir::Table &table = *info->table;
    StringRef name = first["idx"];
    std::string where = info->displayName() + ", index " + name.str();

    if (origin == "u") {
      auto unique = std::make_unique<ir::UniqueConstraint>();
      bool options = false;
      bool ok = true;
      for (size_t r = begin; r < end; ++r) {
        db::ResultRow row(*result, r);
        ir::Column *col = info->findColumn(row["col"]);
        if (!col) {
          ok = false;
          break;
        }
        unique->columns.push_back(col->name);
        StringRef own = col->collation.empty() ? "binary" : col->collation;
        options |=
            row.flag("descending") || !row["coll"].equals_insensitive(own);
      }
      if (!ok) {
        ctx.warnUnsupported(where, "a key that is not a column is not in the "
                                   "schema language; it is left out");
        continue;
      }
      unique->name =
          ctx.save(takeUniqueName(ctx, info->def, unique->columns, where));
      if (options)
        ctx.warnUnsupported(where, "COLLATE, ASC and DESC in a key are not in "
                                   "the schema language; they are left out");
      unique->nameExplicit = !unique->name.empty();
      unsigned number = 0;
      name.rsplit('_').second.getAsInteger(10, number);
      info->uniques.push_back({number, unique.get()});
      table.constraints.push_back(std::move(unique));
      continue;
    }

    // An index of CREATE INDEX.
    std::optional<SQLiteCreateIndex> def;
    std::string error;
    StringRef sql = indexSQL.lookup(name);
    def = parseSQLiteCreateIndex(sql, error);
    if (!def || def->elements.size() != end - begin) {
      ctx.warnUnsupported(where, "its CREATE INDEX text was not understood" +
                                     (error.empty() ? "" : " (" + error + ")") +
                                     "; it is left out");
      continue;
    }
    ir::Index idx;
    idx.name = ctx.save(name);
    idx.unique = first.flag("is_unique");
    idx.comment = ctx.save(def->comment);
    std::vector<std::string> words;
    bool ok = true;
    for (size_t r = begin; r < end; ++r) {
      db::ResultRow row(*result, r);
      const SQLiteIndexElementDef &text = def->elements[r - begin];
      ir::IndexElement el;
      int64_t cid = row.integer("cid").value_or(-1);
      const ir::Column *col = nullptr;
      if (cid >= 0) {
        col = info->findColumn(row["col"]);
        if (!col) {
          ok = false;
          break;
        }
        el.expr = schema.getArena().create<ir::ColumnRef>(
            StringRef(), col->name, SourceRange());
        words.push_back(col->name.str());
      } else if (cid == -2) {
        el.expr = mapSQLiteExpr(
            parse(text.expr, where + ", key " + std::to_string(r - begin + 1)),
            schema.getArena(), &table);
        words.push_back(getPostgresIndexKeyWord(el.expr));
      } else {
        ctx.warnUnsupported(where, "a key on the rowid is not in the schema "
                                   "language; the index is left out");
        ok = false;
        break;
      }
      if (row.flag("descending"))
        el.order = ir::SortOrder::Desc;
      if (!text.collation.empty() &&
          !(col && col->collation.equals_insensitive(text.collation)))
        el.collation = normalizeSQLiteCollation(text.collation, schema);
      idx.elements.push_back(el);
    }
    if (!ok)
      continue;
    if (!def->where.empty())
      idx.where = mapSQLiteExpr(parse(def->where, where + ", predicate"),
                                schema.getArena(), &table);
    ir::makeIndexWordsUnique(words);
    pendingIndexes.push_back({&table, table.indexes.size(), std::move(words)});
    table.indexes.push_back(std::move(idx));
  }
  return true;
}

void SQLiteReader::nameKeys() {
  const ir::Dialect lite = ir::Dialect::SQLite;
  // Relations share one namespace: tables, views, indexes and the indexes
  // of keys; explicit constraint names are taken too (sema reserves them).
  llvm::StringSet<> relations, constraints;
  for (const auto &t : schema.tables) {
    relations.insert(t->name.name);
    for (const auto &c : t->constraints)
      if (c->nameExplicit) {
        constraints.insert(c->name);
        if (llvm::isa<ir::PrimaryKey, ir::UniqueConstraint>(c.get()))
          relations.insert(c->name);
      }
    for (const ir::Index &i : t->indexes)
      relations.insert(i.name);
  }
  for (const auto &v : schema.views)
    relations.insert(v->name.name);
  auto isTaken = [&](StringRef n) {
    return relations.count(n) || constraints.count(n);
  };

  // Sema's order: tables by name; per table the primary key, then the
  // uniques in declaration order (SQLite's autoindex numbers).
  for (TableInfo *info : orderedTables) {
    ir::NameParts parts = ir::deriveNameParts(lite, ir::NamedKind::Unique,
                                              info->table->name.name, {});
    auto derive = [&](ir::Constraint &c) {
      if (c.nameExplicit)
        return;
      c.name = ctx.save(ir::chooseName(lite, parts, isTaken));
      relations.insert(c.name);
      constraints.insert(c.name);
    };
    for (auto &c : info->table->constraints)
      if (llvm::isa<ir::PrimaryKey>(c.get()))
        derive(*c);
    llvm::stable_sort(info->uniques, [](const auto &a, const auto &b) {
      return a.first < b.first;
    });
    for (auto &[number, unique] : info->uniques)
      derive(*unique);
  }

  // An index name is derived when every name sema would try before it is
  // taken by another object.
  for (PendingIndex &p : pendingIndexes) {
    ir::Index &idx = p.table->indexes[p.pos];
    ir::NameParts parts = ir::deriveNameParts(lite, ir::NamedKind::Index,
                                              p.table->name.name, p.words);
    std::string expected = ir::chooseName(lite, parts, [&](StringRef n) {
      return n != idx.name && relations.count(n);
    });
    idx.nameExplicit = expected != idx.name;
  }
}
