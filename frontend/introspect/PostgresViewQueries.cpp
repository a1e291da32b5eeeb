//===- PostgresViewQueries.cpp - view queries in PostgreSQL's stored form -===//

#include "frontend/introspect/PostgresViewQueries.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

StringRef introspect::trimPostgresViewQuery(StringRef query) {
  query = query.trim();
  while (query.consume_back(";"))
    query = query.rtrim();
  return query;
}

unsigned introspect::normalizePostgresViewQueries(db::Connection &conn,
                                                  ir::Schema &schema) {
  if (schema.views.empty())
    return 0;
  auto run = [&](StringRef sql) {
    if (llvm::Error err = conn.execute(sql)) {
      llvm::consumeError(std::move(err));
      return false;
    }
    return true;
  };
  if (!run("BEGIN"))
    return 0;
  // Unqualified names mean `public`, as in the schema language; the pull
  // prints with the same search path.
  unsigned rewritten = 0;
  if (run("SET LOCAL search_path = public")) {
    std::vector<std::pair<ir::View *, std::string>> created;
    for (const auto &view : schema.views) {
      std::string temp = fmt::format("schemac_view_{}", created.size());
      std::string body = trimPostgresViewQuery(view->query).str();
      if (!run("SAVEPOINT schemac_view"))
        break;
      if (run(fmt::format("CREATE TEMPORARY VIEW {} AS\n{}", temp, body))) {
        created.emplace_back(view.get(), temp);
        run("RELEASE SAVEPOINT schemac_view");
      } else {
        run("ROLLBACK TO SAVEPOINT schemac_view");
      }
    }
    if (!created.empty()) {
      std::string sql = "SELECT v.n, pg_catalog.pg_get_viewdef(c.oid, true) "
                        "AS def FROM (VALUES ";
      for (size_t i = 0; i < created.size(); ++i)
        sql += fmt::format("{}({}, '{}')", i ? ", " : "", i, created[i].second);
      sql += ") v(n, name) JOIN pg_catalog.pg_class c ON c.relname = v.name "
             "AND c.relnamespace = pg_catalog.pg_my_temp_schema()";
      if (auto result = conn.query(sql)) {
        for (size_t r = 0; r < result->getNumRows(); ++r) {
          db::ResultRow row(*result, r);
          auto n = row.integer("n");
          if (!n || *n < 0 || size_t(*n) >= created.size())
            continue;
          created[*n].first->query =
              schema.save(trimPostgresViewQuery(row["def"]));
          ++rewritten;
        }
      } else {
        llvm::consumeError(result.takeError());
      }
    }
  }
  run("ROLLBACK");
  return rewritten;
}
