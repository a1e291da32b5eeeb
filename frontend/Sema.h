//===- Sema.h - semantic analysis and lowering to the Schema IR -----------===//
#ifndef SCHEMAC_FRONTEND_SEMA_H
#define SCHEMAC_FRONTEND_SEMA_H

#include "diagnostics/Diagnostic.h"
#include "frontend/AST.h"
#include "ir/Schema.h"
#include <optional>

namespace schemac {

struct SemaOptions {
  /// The target, for capability checks and derived names. Without one,
  /// names follow PostgreSQL's rules and no capability checks run.
  std::optional<ir::Dialect> dialect;
};

/// Resolves names across all files, checks the schema, and lowers it into
/// `out` (whose arena the files were parsed into). Returns false if any
/// error was reported; `out` is then incomplete and must not be emitted.
/// Consumes the files: each table's columns are released once lowered, so
/// a large schema's AST and IR are never in memory whole at once.
bool analyzeSchema(llvm::ArrayRef<ast::File *> files, ir::Schema &out,
                   DiagnosticEngine &diags, const SemaOptions &options);

} // namespace schemac

#endif
