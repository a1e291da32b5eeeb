//===- JSONBackend.cpp - the "json" backend: a versioned snapshot ---------===//

#include "backends/Backends.h"
#include "ir/JSON.h"

using namespace schemac;

namespace {

class JSONBackend : public Backend {
public:
  llvm::StringRef getName() const override { return "json"; }
  llvm::StringRef getDescription() const override {
    return "a versioned JSON snapshot of the Schema IR";
  }
  bool run(const ir::Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    ir::writeSnapshot(schema, os);
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> schemac::createJSONBackend() {
  return std::make_unique<JSONBackend>();
}
