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

/// The stages of parseSchemaFile's fast path, for bench/ParseFloor.cpp to
/// time the ANTLR runtime without the bridge: the lexer alone; lexer and
/// parser building no parse tree; building (and freeing) each declaration's
/// tree. No AST is made and nothing is reported.
enum class ParseStage { Lex, Recognize, ParseTree };

/// Runs `file` through `stage`; false if a parser stage finds that it needs
/// the slow path (a lexical or syntax error, or input SLL cannot decide).
/// The lexer stage checks nothing.
bool runParseStage(FileID file, const SourceManager &sm, ParseStage stage);

} // namespace schemac

#endif
