//===- IRBackend.cpp - the "ir" backend: the textual Schema IR ------------===//

#include "backends/Backends.h"
#include "ir/Printer.h"

using namespace schemac;

namespace {

class IRBackend : public Backend {
public:
  llvm::StringRef getName() const override { return "ir"; }
  llvm::StringRef getDescription() const override {
    return "the Schema IR as stable, line-oriented text";
  }
  bool run(const ir::Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    ir::printSchema(schema, os);
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> schemac::createIRBackend() {
  return std::make_unique<IRBackend>();
}
