//===- MySQLIntrospector.cpp - a MySQL database into the Schema IR ---===//

#include "frontend/introspect/IntrospectContext.h"

using namespace schemac;
using namespace schemac::introspect;

bool introspect::introspectMySQL(IntrospectContext &ctx) {
  ctx.warnUnsupported("database", "introspection is not implemented yet");
  return true;
}
