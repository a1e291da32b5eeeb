//===- SQLiteIntrospector.cpp - a SQLite database into the Schema IR ---===//

#include "frontend/introspect/IntrospectContext.h"

using namespace schemac;
using namespace schemac::introspect;

bool introspect::introspectSQLite(IntrospectContext &ctx) {
  ctx.warnUnsupported("database", "introspection is not implemented yet");
  return true;
}
