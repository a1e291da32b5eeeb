//===- SchemaLanguage.h - the Schema IR printed as a .schema file ---------===//
//
// The "dsl" backend: a canonical, hand-written-looking schema file whose
// parse and analysis give back the same IR. `schemac pull` writes it (one
// file per namespace), `schemac export --format dsl` prints it.
//
// Derived constraint and index names (nameExplicit == false) are left out,
// so sema derives them again; the file must therefore be compiled for the
// dialect the IR's names were derived for (see docs/backends.md).
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_SCHEMALANGUAGE_H
#define SCHEMAC_BACKENDS_SCHEMALANGUAGE_H

#include "diagnostics/Diagnostic.h"
#include "ir/Schema.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace schemac {

struct SchemaLanguageOptions {
  /// Print only the objects of this namespace ("" = the default one) and
  /// its `schema` declaration; nullopt prints everything.
  std::optional<llvm::StringRef> onlyNamespace;
  /// Where to warn about IR facts the language cannot express (code
  /// not-expressible); null: not reported.
  DiagnosticEngine *diags = nullptr;
};

/// Writes `schema` in the schema language: namespaces, enums, sequences,
/// tables and views in the IR's order, a blank line between declarations.
void printSchemaLanguage(const ir::Schema &schema, llvm::raw_ostream &os,
                         const SchemaLanguageOptions &options);

/// A name as the language reads it back: bare when it is a plain
/// identifier and no reserved word, else double-quoted.
std::string formatSchemaIdentifier(llvm::StringRef name);

} // namespace schemac

#endif
