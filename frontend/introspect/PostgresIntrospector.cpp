//===- PostgresIntrospector.cpp - a Postgres database into the Schema IR
//---===//

#include "frontend/introspect/IntrospectContext.h"

using namespace schemac;
using namespace schemac::introspect;

bool introspect::introspectPostgres(IntrospectContext &ctx) {
  ctx.warnUnsupported("database", "introspection is not implemented yet");
  return true;
}
