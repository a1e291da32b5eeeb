//===- Introspect.cpp - picks the dialect's introspector ------------------===//

#include "frontend/introspect/Introspect.h"
#include "frontend/introspect/IntrospectContext.h"

using namespace schemac;
using namespace schemac::introspect;

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
  out.canonicalize();
  return ok && diags.getNumErrors() == errorsBefore;
}
