//===- Backend.h - one emitter per output, behind one interface -----------===//
//
// A backend turns a verified Schema IR into text: SQL DDL for one dialect,
// the textual IR, a JSON snapshot (later TypeScript and the schema language).
// Each is a small class registered with one line in Registry.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_BACKEND_H
#define SCHEMAC_BACKENDS_BACKEND_H

#include "diagnostics/Diagnostic.h"
#include "ir/Schema.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <vector>

namespace schemac {

class Backend {
public:
  virtual ~Backend() = default;
  /// The name users select it by: "postgresql", "ir", "json".
  virtual llvm::StringRef getName() const = 0;
  virtual llvm::StringRef getDescription() const = 0;
  /// Writes the output for `schema` to `os`. Constructs the output cannot
  /// hold are reported to `diags` (never dropped silently); returns false if
  /// an error was reported, in which case the output must be discarded.
  virtual bool run(const ir::Schema &schema, llvm::raw_ostream &os,
                   DiagnosticEngine &diags) = 0;
};

class BackendRegistry {
public:
  void add(std::unique_ptr<Backend> backend);
  Backend *find(llvm::StringRef name) const;
  const std::vector<std::unique_ptr<Backend>> &all() const { return backends; }

private:
  std::vector<std::unique_ptr<Backend>> backends;
};

/// Registers every backend schemac ships (one line each).
void registerBackends(BackendRegistry &registry);

} // namespace schemac

#endif
