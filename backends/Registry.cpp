//===- Registry.cpp - the backend registry and its one line per backend ---===//

#include "backends/Backends.h"

using namespace schemac;

void BackendRegistry::add(std::unique_ptr<Backend> backend) {
  backends.push_back(std::move(backend));
}

Backend *BackendRegistry::find(llvm::StringRef name) const {
  for (const std::unique_ptr<Backend> &backend : backends)
    if (backend->getName() == name)
      return backend.get();
  return nullptr;
}

void schemac::registerBackends(BackendRegistry &registry) {
  registry.add(createPostgresBackend());
  registry.add(createMySQLBackend());
  registry.add(createSQLiteBackend());
  registry.add(createIRBackend());
  registry.add(createJSONBackend());
  registry.add(createSchemaLanguageBackend());
  registry.add(createTypeScriptBackend(ir::Dialect::PostgreSQL));
  registry.add(createTypeScriptBackend(ir::Dialect::MySQL));
  registry.add(createTypeScriptBackend(ir::Dialect::SQLite));
}
