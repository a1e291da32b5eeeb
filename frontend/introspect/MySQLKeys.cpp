//===- MySQLKeys.cpp - checks, foreign keys and indexes of a MySQL pull ---===//
//
// One query each for CHECK_CONSTRAINTS, foreign keys (KEY_COLUMN_USAGE with
// REFERENTIAL_CONSTRAINTS) and STATISTICS. MariaDB's JSON is LONGTEXT with
// a column check json_valid(col): that check makes the column json again.
// The primary key and unique keys come from STATISTICS, where a unique key
// that only an index can say (prefix, descending key, comment) is a unique
// index. The index InnoDB creates for a foreign key (named after it) is not
// an index of the schema: export writes it again.
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/MySQLIntrospector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

bool MySQLReader::readChecks() {
  // LEVEL is MariaDB's (column checks are named after their column); MySQL 8
  // has no such column and no column checks.
  std::string level = isMariaDB ? "LEVEL" : "'Table'";
  checkRows =
      ctx.query("SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, " + level +
                    " AS level, CHECK_CLAUSE AS clause "
                    "FROM information_schema.CHECK_CONSTRAINTS "
                    "WHERE CONSTRAINT_SCHEMA = DATABASE() "
                    "ORDER BY TABLE_NAME, CONSTRAINT_NAME",
                "reading check constraints");
  if (!checkRows)
    return false;
  for (size_t i = 0; i < checkRows->getNumRows(); ++i) {
    db::ResultRow row(*checkRows, i);
    TableInfo *info = findTable(row["tbl"]);
    if (!info)
      continue;
    PendingCheck check{row["tbl"], row["name"], row["clause"],
                       row["level"] == "Column"};
    if (check.columnLevel &&
        check.clause == ("json_valid(`" + check.name + "`)").str()) {
      info->jsonColumns.insert(check.name);
      continue;
    }
    pendingChecks.push_back(check);
  }
  return true;
}

void MySQLReader::makeChecks() {
  for (const PendingCheck &p : pendingChecks) {
    TableInfo *info = findTable(p.table);
    ir::Table &table = *info->table;
    // A json_valid check on a column that is not longtext stays a check.
    auto check = std::make_unique<ir::CheckConstraint>();
    check->name = ctx.save(p.name);
    check->nameExplicit = true;
    check->expr =
        mapMySQLExpr(parse(p.clause, info->displayName() + ", check " + p.name),
                     table, nullptr, schema.getArena(), /*condition=*/true);
    table.constraints.push_back(std::move(check));
  }
}

static ir::RefAction toRefAction(StringRef rule) {
  // InnoDB's RESTRICT is NO ACTION (both check at once), and it is what a
  // foreign key without an action reads back as.
  if (rule == "CASCADE")
    return ir::RefAction::Cascade;
  if (rule == "SET NULL")
    return ir::RefAction::SetNull;
  if (rule == "SET DEFAULT")
    return ir::RefAction::SetDefault;
  return ir::RefAction::NoAction;
}

bool MySQLReader::readKeys() {
  makeChecks();
  auto result = ctx.query(
      "SELECT k.TABLE_NAME AS tbl, k.CONSTRAINT_NAME AS name, "
      "k.COLUMN_NAME AS col, k.REFERENCED_TABLE_SCHEMA AS ref_schema, "
      "k.REFERENCED_TABLE_NAME AS ref_table, "
      "k.REFERENCED_COLUMN_NAME AS ref_col, r.UPDATE_RULE AS on_update, "
      "r.DELETE_RULE AS on_delete "
      "FROM information_schema.KEY_COLUMN_USAGE k "
      "JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
      "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
      "AND r.TABLE_NAME = k.TABLE_NAME "
      "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
      "WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT "
      "NULL ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
      "reading foreign keys");
  if (!result)
    return false;
  ir::ForeignKey *fk = nullptr;
  bool skipped = false;
  StringRef currentTable, currentName;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    TableInfo *info = findTable(row["tbl"]);
    if (!info)
      continue;
    if ((!fk && !skipped) || row["tbl"] != currentTable ||
        row["name"] != currentName) {
      currentTable = row["tbl"];
      currentName = row["name"];
      fk = nullptr;
      skipped = row["ref_schema"] != database || !findTable(row["ref_table"]);
      if (skipped) {
        // Its index stays an index of the table.
        ctx.warnUnsupported(info->displayName() + ", foreign key " +
                                currentName,
                            "it references a table that is not read; it is "
                            "left out");
        continue;
      }
      auto made = std::make_unique<ir::ForeignKey>();
      fk = made.get();
      fk->name = ctx.save(currentName);
      fk->nameExplicit = true;
      fk->refTable = {"", ctx.save(row["ref_table"])};
      fk->onDelete = toRefAction(row["on_delete"]);
      fk->onUpdate = toRefAction(row["on_update"]);
      info->table->constraints.push_back(std::move(made));
    }
    if (skipped)
      continue;
    fk->columns.push_back(ctx.save(row["col"]));
    fk->refColumns.push_back(ctx.save(row["ref_col"]));
    foreignKeyColumns[currentTable][currentName].push_back(row["col"].str());
  }
  return true;
}

bool MySQLReader::readIndexes() {
  auto result = ctx.query(
      "SELECT TABLE_NAME AS tbl, INDEX_NAME AS name, NON_UNIQUE AS non_unique, "
      "COLUMN_NAME AS col, COLLATION AS ord, SUB_PART AS sub_part, "
      "INDEX_TYPE AS type, INDEX_COMMENT AS comment "
      "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
      "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
      "reading indexes");
  if (!result)
    return false;

  // Rows of one index, then turned into a key or an index.
  struct Key {
    TableInfo *info;
    StringRef name, type, comment;
    bool unique;
    std::vector<ir::IndexElement> elements;
    std::vector<StringRef> columns;
    bool unsupported = false;
  };
  auto finish = [&](Key &key) {
    ir::Table &table = *key.info->table;
    std::string where = key.info->displayName() + ", index " + key.name.str();
    if (key.unsupported)
      return;
    if (key.type == "FULLTEXT" || key.type == "SPATIAL") {
      ctx.warnUnsupported(where, key.type + " indexes are not in the schema "
                                            "language; the index is left out");
      return;
    }
    bool plain = llvm::all_of(key.elements, [](const ir::IndexElement &e) {
      return !e.prefixLength && e.order == ir::SortOrder::Default;
    });
    StringRef method;
    if (key.type != "BTREE") {
      method = ctx.save(key.type.lower());
      plain = false;
    }
    if (key.name == "PRIMARY") {
      auto pk = std::make_unique<ir::PrimaryKey>();
      pk->name = ctx.save("PRIMARY");
      pk->columns = key.columns;
      table.constraints.push_back(std::move(pk));
      return;
    }
    if (key.unique && plain && key.comment.empty()) {
      auto u = std::make_unique<ir::UniqueConstraint>();
      u->name = ctx.save(key.name);
      u->nameExplicit = true;
      u->columns = key.columns;
      table.constraints.push_back(std::move(u));
      return;
    }
    // The index InnoDB made for a foreign key (export writes it again).
    auto fks = foreignKeyColumns.find(table.name.name);
    if (!key.unique && plain && key.comment.empty() &&
        fks != foreignKeyColumns.end()) {
      auto fk = fks->second.find(key.name);
      if (fk != fks->second.end() && llvm::equal(fk->second, key.columns))
        return;
    }
    ir::Index index;
    index.name = ctx.save(key.name);
    index.nameExplicit = true;
    index.unique = key.unique;
    index.method = method;
    index.elements = std::move(key.elements);
    index.comment = ctx.save(key.comment);
    table.indexes.push_back(std::move(index));
  };

  std::optional<Key> key;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    TableInfo *info = findTable(row["tbl"]);
    if (!info)
      continue;
    if (!key || key->info != info || key->name != row["name"]) {
      if (key)
        finish(*key);
      key = Key{info,
                row["name"],
                row["type"],
                row["comment"],
                row["non_unique"] == "0",
                {},
                {},
                false};
    }
    auto col = row.optional("col");
    if (!col) {
      // MySQL 8 functional key parts; MariaDB has none.
      ctx.warnUnsupported(info->displayName() + ", index " + row["name"],
                          "expression key parts are not read; the index is "
                          "left out");
      key->unsupported = true;
      continue;
    }
    ir::IndexElement element;
    element.expr = schema.getArena().create<ir::ColumnRef>("", ctx.save(*col),
                                                           SourceRange());
    element.prefixLength = row.integer("sub_part");
    if (row["ord"] == "D")
      element.order = ir::SortOrder::Desc;
    key->elements.push_back(element);
    key->columns.push_back(ctx.save(*col));
  }
  if (key)
    finish(*key);
  return true;
}

/// Whether `name` is `<base>_<n>` (n without a leading zero), with n in `n`.
static bool isNumbered(StringRef name, StringRef base, unsigned &n) {
  if (!name.consume_front(base) || !name.consume_front("_") || name.empty() ||
      name.front() == '0')
    return false;
  return !name.getAsInteger(10, n);
}

void MySQLReader::markDerivedNames() {
  const ir::Dialect my = ir::Dialect::MySQL;
  for (auto &entry : tables) {
    ir::Table &table = *entry.second.table;
    StringRef tname = table.name.name;

    // Checks and foreign keys: <table>_chk_<n> / <table>_ibfk_<n>, numbered
    // from 1 around the names the author gave.
    for (auto [kind, label] :
         {std::pair{ir::Constraint::Kind::Check, StringRef("chk")},
          std::pair{ir::Constraint::Kind::ForeignKey, StringRef("ibfk")}}) {
      std::string base = (tname + "_" + label).str();
      llvm::StringSet<> taken;
      std::vector<std::pair<unsigned, ir::Constraint *>> candidates;
      for (auto &c : table.constraints) {
        if (c->getKind() != kind)
          continue;
        unsigned n;
        if (isNumbered(c->name, base, n))
          candidates.push_back({n, c.get()});
        else
          taken.insert(c->name);
      }
      llvm::sort(candidates,
                 [](auto &a, auto &b) { return a.first < b.first; });
      ir::NameParts parts = ir::deriveNameParts(
          my,
          kind == ir::Constraint::Kind::Check ? ir::NamedKind::Check
                                              : ir::NamedKind::ForeignKey,
          tname, {});
      for (auto &[n, c] : candidates) {
        std::string expected = ir::chooseName(
            my, parts, [&](StringRef s) { return taken.count(s) != 0; });
        c->nameExplicit = expected != c->name;
        taken.insert(c->name);
      }
    }

    // Unique keys, then indexes: the first column, then <column>_2, ...
    // around the names the author gave (index names are per table).
    struct Named {
      StringRef *name;
      bool *nameExplicit;
      StringRef first;
      bool unique;
    };
    std::vector<Named> keys;
    for (auto &c : table.constraints)
      if (auto *u = llvm::dyn_cast<ir::UniqueConstraint>(c.get()))
        keys.push_back({&u->name, &u->nameExplicit, u->columns.front(), true});
    for (ir::Index &index : table.indexes) {
      const auto *ref =
          llvm::dyn_cast<ir::ColumnRef>(index.elements.front().expr);
      keys.push_back({&index.name, &index.nameExplicit,
                      ref ? ref->getColumn() : StringRef(), false});
    }
    llvm::StringSet<> taken;
    std::vector<std::pair<unsigned, Named *>> candidates;
    for (Named &k : keys) {
      unsigned n = 1;
      if (!k.first.empty() &&
          (*k.name == k.first || (isNumbered(*k.name, k.first, n) && n >= 2)))
        candidates.push_back({n, &k});
      else
        taken.insert(*k.name);
    }
    // Sema names unique keys first, each kind in declaration order.
    llvm::stable_sort(candidates, [](auto &a, auto &b) {
      if (a.second->unique != b.second->unique)
        return a.second->unique;
      return a.first < b.first;
    });
    for (auto &[n, k] : candidates) {
      ir::NameParts parts = ir::deriveNameParts(
          my, k->unique ? ir::NamedKind::Unique : ir::NamedKind::Index, tname,
          {k->first.str()});
      std::string expected = ir::chooseName(
          my, parts, [&](StringRef s) { return taken.count(s) != 0; });
      *k->nameExplicit = expected != *k->name;
      taken.insert(*k->name);
    }
  }
}
