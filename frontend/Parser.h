//===- Parser.h - schema-language text to AST -----------------------------===//
#ifndef SCHEMAC_FRONTEND_PARSER_H
#define SCHEMAC_FRONTEND_PARSER_H

#include "diagnostics/Diagnostic.h"
#include "frontend/AST.h"
#include <memory>

namespace schemac {

/// Parses the buffer `file` of the engine's SourceManager. Syntax errors are
/// reported (with the expected tokens) and parsing recovers, so the returned
/// File holds every declaration that parsed; check diags.hasErrors().
/// Strings and expressions are allocated in `arena`. Never throws.
std::unique_ptr<ast::File> parseSchemaFile(FileID file, DiagnosticEngine &diags,
                                           ir::ExprArena &arena);

/// Parses one SQL expression (a database's default or check text) with the
/// same expression grammar; null with a diagnostic on failure.
const ir::Expr *parseExpression(FileID file, DiagnosticEngine &diags,
                                ir::ExprArena &arena);

} // namespace schemac

#endif
