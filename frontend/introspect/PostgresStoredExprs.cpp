//===- PostgresStoredExprs.cpp - expressions in PostgreSQL's stored form --===//

#include "frontend/introspect/PostgresStoredExprs.h"
#include "backends/PostgresDDL.h"
#include "frontend/introspect/IntrospectContext.h"
#include "frontend/introspect/PostgresExprMapping.h"
#include "llvm/ADT/StringMap.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

/// Whether the server stores an expression of `index`: a key that is not a
/// plain column, or a predicate.
static bool hasExpressions(const ir::Index &index) {
  return index.where ||
         llvm::any_of(index.elements, [](const ir::IndexElement &e) {
           return !llvm::isa<ir::ColumnRef>(e.expr);
         });
}

/// Whether the server would store an expression of `table`.
static bool hasExpressions(const ir::Table &table) {
  if (llvm::any_of(table.indexes,
                   [](const ir::Index &i) { return hasExpressions(i); }))
    return true;
  return llvm::any_of(table.columns,
                      [](const ir::Column &c) {
                        return (c.defaultValue &&
                                c.identity == ir::Identity::None) ||
                               c.generated;
                      }) ||
         llvm::any_of(table.constraints,
                      [](const std::unique_ptr<ir::Constraint> &c) {
                        return llvm::isa<ir::CheckConstraint>(c.get());
                      });
}

/// CREATE TEMPORARY TABLE `name` with the columns and checks of `table`, as
/// export writes them.
static std::string temporaryTable(const ir::Table &table, StringRef name,
                                  backends::PostgresDDL &ddl) {
  std::string sql = fmt::format("CREATE TEMPORARY TABLE {} (", name);
  const char *separator = "\n  ";
  for (const ir::Column &column : table.columns) {
    sql += separator + ddl.columnDefinition(column);
    separator = ",\n  ";
  }
  for (const std::unique_ptr<ir::Constraint> &c : table.constraints)
    if (llvm::isa<ir::CheckConstraint>(c.get()))
      sql += separator + ddl.tableConstraint(*c);
  return sql + "\n)";
}

unsigned introspect::normalizePostgresExpressions(db::Connection &conn,
                                                  ir::Schema &schema,
                                                  DiagnosticEngine &diags) {
  auto run = [&](StringRef sql) {
    if (llvm::Error err = conn.execute(sql)) {
      llvm::consumeError(std::move(err));
      return false;
    }
    return true;
  };
  std::vector<ir::Table *> created;
  for (const std::unique_ptr<ir::Table> &table : schema.tables)
    if (hasExpressions(*table))
      created.push_back(table.get());
  if (created.empty() || !run("BEGIN"))
    return 0;
  // The pull prints with this search path (PostgresIntrospector.cpp).
  if (!run("SET LOCAL search_path = public")) {
    run("ROLLBACK");
    return 0;
  }
  backends::PostgresDDL ddl(diags);
  llvm::StringMap<ir::Table *> byTemporaryName;
  /// The indexes made, the n-th named schemac_index_<n>.
  std::vector<ir::Index *> indexes;
  for (ir::Table *table : created) {
    std::string tableName =
        fmt::format("schemac_table_{}", byTemporaryName.size());
    if (!run("SAVEPOINT schemac_table"))
      break;
    if (!run(temporaryTable(*table, tableName, ddl))) {
      run("ROLLBACK TO SAVEPOINT schemac_table");
      continue;
    }
    byTemporaryName[tableName] = table;
    run("RELEASE SAVEPOINT schemac_table");
    for (ir::Index &index : table->indexes) {
      if (!hasExpressions(index) || !run("SAVEPOINT schemac_index"))
        continue;
      std::string name = fmt::format("schemac_index_{}", indexes.size());
      if (run(ddl.createIndexAs(name, tableName, index))) {
        indexes.push_back(&index);
        run("RELEASE SAVEPOINT schemac_index");
      } else {
        run("ROLLBACK TO SAVEPOINT schemac_index");
      }
    }
  }

  IntrospectOptions options;
  IntrospectContext ctx(conn, schema, diags, options);
  llvm::DenseSet<ir::Table *> rewritten;
  auto rows = [&](StringRef sql, auto &&each) {
    llvm::Expected<db::QueryResult> result = conn.query(sql);
    if (!result) {
      llvm::consumeError(result.takeError());
      return;
    }
    for (size_t r = 0; r < result->getNumRows(); ++r) {
      db::ResultRow row(*result, r);
      if (ir::Table *table = byTemporaryName.lookup(row["tbl"])) {
        each(*table, row);
        rewritten.insert(table);
      }
    }
  };
  if (!byTemporaryName.empty()) {
    rows("SELECT c.relname AS tbl, a.attname AS name, "
         "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS expr "
         "FROM pg_catalog.pg_attrdef ad "
         "JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid "
         "JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND "
         "a.attnum = ad.adnum "
         "WHERE c.relnamespace = pg_catalog.pg_my_temp_schema()",
         [&](ir::Table &table, db::ResultRow &row) {
           ir::Column *column = table.findColumn(row["name"]);
           if (!column || column->identity != ir::Identity::None)
             return;
           const ir::Expr *e = ctx.parseExpr(row["expr"], "stored form");
           if (column->generated)
             column->generated->expr =
                 mapPostgresExpr(e, table, schema.getArena());
           else
             column->defaultValue =
                 mapPostgresDefault(e, *column, table, schema.getArena());
         });
    rows("SELECT c.relname AS tbl, co.conname AS name, "
         "pg_catalog.pg_get_expr(co.conbin, co.conrelid, true) AS expr "
         "FROM pg_catalog.pg_constraint co "
         "JOIN pg_catalog.pg_class c ON c.oid = co.conrelid "
         "WHERE co.contype = 'c' AND "
         "c.relnamespace = pg_catalog.pg_my_temp_schema()",
         [&](ir::Table &table, db::ResultRow &row) {
           for (std::unique_ptr<ir::Constraint> &c : table.constraints)
             if (auto *check = llvm::dyn_cast<ir::CheckConstraint>(c.get());
                 check && check->name == row["name"])
               check->expr =
                   mapPostgresExpr(ctx.parseExpr(row["expr"], "stored form"),
                                   table, schema.getArena());
         });
    // Index predicates and expression keys; schemac_index_<n> is
    // indexes[n].
    auto indexOf = [&](db::ResultRow &row) -> ir::Index * {
      StringRef name = row["idx"];
      size_t n = 0;
      if (!name.consume_front("schemac_index_") || name.getAsInteger(10, n) ||
          n >= indexes.size())
        return nullptr;
      return indexes[n];
    };
    const char *indexJoin =
        "FROM pg_catalog.pg_index i "
        "JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_catalog.pg_class t ON t.oid = i.indrelid ";
    rows(fmt::format("SELECT t.relname AS tbl, c.relname AS idx, "
                     "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) "
                     "AS expr {} WHERE i.indpred IS NOT NULL AND "
                     "c.relnamespace = pg_catalog.pg_my_temp_schema()",
                     indexJoin),
         [&](ir::Table &table, db::ResultRow &row) {
           if (ir::Index *index = indexOf(row))
             index->where =
                 mapPostgresExpr(ctx.parseExpr(row["expr"], "stored form"),
                                 table, schema.getArena());
         });
    rows(fmt::format("SELECT t.relname AS tbl, c.relname AS idx, k.n, "
                     "pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) "
                     "AS expr {}, generate_series(1, i.indnkeyatts) k(n) "
                     "WHERE i.indkey[k.n - 1] = 0 AND "
                     "c.relnamespace = pg_catalog.pg_my_temp_schema()",
                     indexJoin),
         [&](ir::Table &table, db::ResultRow &row) {
           ir::Index *index = indexOf(row);
           int64_t n = row.integer("n").value_or(0);
           if (index && n >= 1 && size_t(n) <= index->elements.size())
             index->elements[n - 1].expr =
                 mapPostgresExpr(ctx.parseExpr(row["expr"], "stored form"),
                                 table, schema.getArena());
         });
  }
  run("ROLLBACK");
  return rewritten.size();
}
