//===- Introspect.cpp - picks the dialect's introspector ------------------===//

#include "frontend/introspect/Introspect.h"
#include "frontend/introspect/IntrospectContext.h"
#include "llvm/ADT/STLExtras.h"

using namespace schemac;
using namespace schemac::introspect;

/// Leaves out schemac migrate's history table, and its PostgreSQL schema
/// when that holds nothing else.
static void dropHistoryTable(ir::Schema &schema,
                             const IntrospectOptions &options) {
  llvm::StringRef ns;
  bool dropped = false;
  llvm::erase_if(schema.tables, [&](const std::unique_ptr<ir::Table> &t) {
    if (t->name.name != options.historyTable ||
        (!t->name.ns.empty() && t->name.ns != options.historySchema))
      return false;
    ns = t->name.ns;
    dropped = true;
    return true;
  });
  if (!dropped || ns.empty())
    return;
  auto inNamespace = [&](const auto &objects) {
    return llvm::any_of(objects,
                        [&](const auto &o) { return o->name.ns == ns; });
  };
  if (inNamespace(schema.tables) || inNamespace(schema.enums) ||
      inNamespace(schema.sequences) || inNamespace(schema.views))
    return;
  llvm::erase_if(schema.namespaces,
                 [&](const ir::Namespace &n) { return n.name == ns; });
}

bool schemac::introspectDatabase(db::Connection &conn, ir::Schema &out,
                                 DiagnosticEngine &diags,
                                 const IntrospectOptions &options) {
  IntrospectContext ctx(conn, out, diags, options);
  unsigned errorsBefore = diags.getNumErrors();
  bool ok = false;
  switch (conn.getDialect()) {
  case ir::Dialect::PostgreSQL:
    ok = introspectPostgres(ctx);
    break;
  case ir::Dialect::MySQL:
    ok = introspectMySQL(ctx);
    break;
  case ir::Dialect::SQLite:
    ok = introspectSQLite(ctx);
    break;
  }
  dropHistoryTable(out, options);
  out.canonicalize();
  return ok && diags.getNumErrors() == errorsBefore;
}
