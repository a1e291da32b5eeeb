//===- TypeScriptEmitter.h - state shared by the TypeScript writers -------===//
//
// printTypeScript runs in three parts that share one emitter: the const
// names of every object (TypeScriptBackend.cpp), the tables and other
// declarations (TypeScriptTables.cpp) and relations() (TypeScriptRelations
// .cpp). Output goes to `body`; imports are collected while writing and
// printed first.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_TYPESCRIPTEMITTER_H
#define SCHEMAC_BACKENDS_TYPESCRIPTEMITTER_H

#include "backends/SQLExprPrinter.h"
#include "backends/TypeScript.h"
#include "backends/TypeScriptNames.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace schemac::backends {

/// The TypeScript names of one table.
struct TSTableNames {
  std::string var;                    ///< the const
  std::vector<std::string> keys;      ///< one property per column, in order
  llvm::StringMap<std::string> keyOf; ///< column name -> property
};

class TSEmitter {
public:
  TSEmitter(const ir::Schema &schema, const TypeScriptOptions &options,
            DiagnosticEngine &diags)
      : schema(schema), options(options), diags(diags),
        exprs(options.dialect, &diags) {}

  /// Assigns every const and property name (TypeScriptBackend.cpp).
  void assignNames();
  /// Custom types, schemas, enums, sequences (TypeScriptTables.cpp).
  void emitPreamble();
  void emitTable(const ir::Table &table);
  void emitViews();
  /// relations() for every table a foreign key touches.
  void emitRelations();
  /// The import lines, then the body.
  void finish(llvm::raw_ostream &os);

  bool failed() const { return exprs.hasErrors() || diags.hasErrors(); }

  //===--- shared helpers -------------------------------------------------===//
  void use(llvm::StringRef module, llvm::StringRef name) {
    imports[module.str()].insert(name.str());
  }
  void useCore(llvm::StringRef name);
  /// Reports a dialect-approximation warning; the caller writes the comment.
  void warn(SourceRange range, const std::string &context,
            const std::string &message);
  std::string tsName(llvm::StringRef dbName) const;
  const TSTableNames &names(const ir::Table &table) const {
    return tableNames.find(&table)->second;
  }
  /// The const holding a table, enum or namespace ("" if unknown).
  std::string tableVar(const ir::QualifiedName &name) const;
  /// A column of `table` as the const's member (`users.id`).
  std::string columnOf(const ir::Table &table, llvm::StringRef column) const;
  /// `sql` template text of an expression.
  std::string sqlOf(const ir::Expr *e) {
    useDrizzle("sql");
    return formatSQLTemplate(exprs.print(e));
  }
  std::string sqlText(llvm::StringRef text) {
    useDrizzle("sql");
    return formatSQLTemplate(text);
  }
  void useDrizzle(llvm::StringRef name) { use("drizzle-orm", name); }
  ir::Dialect dialect() const { return options.dialect; }

  const ir::Schema &schema;
  const TypeScriptOptions &options;
  DiagnosticEngine &diags;
  SQLExprPrinter exprs;
  std::string body;
  TSNameAllocator consts;
  llvm::DenseMap<const ir::Table *, TSTableNames> tableNames;
  llvm::StringMap<std::string> enumVars;              ///< QualifiedName::key()
  llvm::StringMap<std::string> namespaceVars;         ///< namespace name
  llvm::StringMap<std::string> sequenceVars;          ///< QualifiedName::key()
  llvm::StringMap<std::string> viewVars;              ///< QualifiedName::key()
  std::map<std::string, std::string> customTypes;     ///< SQL type -> const
  std::map<std::string, std::string> customDataTypes; ///< SQL type -> TS type

private:
  std::map<std::string, std::set<std::string>> imports;
};

} // namespace schemac::backends

#endif
