//===- AST.h - the schema language's syntax tree --------------------------===//
//
// What the user wrote, with a source range on everything sema may report.
// Built by the parse-tree bridge (the only code that sees ANTLR types) and
// consumed by sema, which resolves names and lowers it to the Schema IR.
// Expressions are already IR trees (ir/Expr.h, with ranges) because they need
// no resolution beyond what sema checks in place. Strings are interned in the
// ExprArena handed to the parser (the target Schema's arena).
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_AST_H
#define SCHEMAC_FRONTEND_AST_H

#include "ir/Expr.h"
#include "ir/Schema.h"
#include <optional>
#include <memory>
#include <vector>

namespace schemac::ast {

struct Ident {
  llvm::StringRef name; ///< quotes removed, escapes decoded
  SourceRange range;
  bool empty() const { return name.empty(); }
};

/// name or ns.name.
struct QualifiedIdent {
  Ident ns; ///< empty when unqualified
  Ident name;
  SourceRange range;
};

/// @name(arg, ...) e.g. @was(old_name).
struct Attribute {
  Ident name;
  std::vector<Ident> args;
  SourceRange range;
};

/// A type as written: a built-in spelling or an enum name, with modifiers,
/// `unsigned` and array brackets.
struct TypeRef {
  /// Lower-cased words joined by one space ("double precision") when the
  /// type is unquoted and unqualified; sema looks it up as a built-in first.
  llvm::StringRef builtinSpelling;
  /// The name for an enum lookup (the single word or qualified name).
  QualifiedIdent name;
  std::vector<int64_t> modifiers;
  SourceRange modifiersRange;
  bool isUnsigned = false;
  uint8_t arrayDims = 0;
  SourceRange range;
};

struct ForeignKeyRef {
  QualifiedIdent table;
  std::vector<Ident> columns; ///< empty: the target's primary key
  ir::RefAction onDelete = ir::RefAction::NoAction;
  ir::RefAction onUpdate = ir::RefAction::NoAction;
  bool deferrable = false;
  bool initiallyDeferred = false;
  SourceRange range;
};

/// One option after a column's type, in the order written.
struct ColumnOption {
  enum class Kind : uint8_t {
    PrimaryKey, Unique, Default, Identity, References, Check, Generated, Collate
  };
  Kind kind;
  Ident constraintName;                      ///< `constraint NAME` prefix
  const ir::Expr *expr = nullptr;            ///< Default, Check, Generated
  ir::Identity identity = ir::Identity::ByDefault; ///< Identity
  bool stored = true;                        ///< Generated
  /// References; behind a pointer because few options are references and
  /// column options are a large share of a schema's AST.
  std::unique_ptr<ForeignKeyRef> references;
  Ident collation;                           ///< Collate
  SourceRange range;
};

struct ColumnDef {
  Ident name;
  TypeRef type;
  bool nullable = false;
  SourceRange nullableRange; ///< the `?`
  std::vector<ColumnOption> options;
  std::vector<Attribute> attributes;
  llvm::StringRef doc;
  SourceRange range;
};

/// Table-level primary key, unique, foreign key or check.
struct ConstraintDef {
  enum class Kind : uint8_t { PrimaryKey, Unique, ForeignKey, Check };
  Kind kind;
  Ident name; ///< optional
  std::vector<Ident> columns;
  ForeignKeyRef references;          ///< ForeignKey
  const ir::Expr *check = nullptr;   ///< Check
  bool nullsNotDistinct = false;     ///< Unique
  std::vector<Attribute> attributes;
  SourceRange range;
};

struct IndexElementDef {
  const ir::Expr *expr = nullptr; ///< a ColumnRef for a plain column
  Ident collation;
  Ident opclass;
  ir::SortOrder order = ir::SortOrder::Default;
  ir::NullsOrder nulls = ir::NullsOrder::Default;
  SourceRange range;
};

struct IndexDef {
  Ident name; ///< optional
  bool unique = false;
  Ident method;
  std::vector<IndexElementDef> elements;
  std::vector<Ident> include;
  const ir::Expr *where = nullptr;
  std::vector<Attribute> attributes;
  llvm::StringRef doc;
  SourceRange range;
};

struct TableDef {
  QualifiedIdent name;
  std::vector<ColumnDef> columns;
  std::vector<ConstraintDef> constraints;
  std::vector<IndexDef> indexes;
  std::vector<Attribute> attributes;
  llvm::StringRef doc;
  SourceRange range;
};

struct EnumValueDef {
  Ident name;
  std::vector<Attribute> attributes;
  SourceRange range;
};

struct EnumDef {
  QualifiedIdent name;
  std::vector<EnumValueDef> values;
  std::vector<Attribute> attributes;
  llvm::StringRef doc;
  SourceRange range;
};

/// A sequence option with where it was written, for duplicate checks.
struct SequenceOption {
  enum class Kind : uint8_t { As, Start, Increment, MinValue, MaxValue, Cache, Cycle, OwnedBy };
  Kind kind;
  int64_t value = 0;        ///< Start..Cache
  TypeRef type;             ///< As
  QualifiedIdent ownerTable; ///< OwnedBy
  Ident ownerColumn;        ///< OwnedBy
  SourceRange range;
};

struct SequenceDef {
  QualifiedIdent name;
  std::vector<SequenceOption> options;
  std::vector<Attribute> attributes;
  llvm::StringRef doc;
  SourceRange range;
};

struct ViewDef {
  QualifiedIdent name;
  bool materialized = false;
  llvm::StringRef query; ///< raw SQL, trimmed
  SourceRange queryRange;
  std::vector<Attribute> attributes;
  llvm::StringRef doc;
  SourceRange range;
};

struct NamespaceDef {
  Ident name;
  llvm::StringRef doc;
  SourceRange range;
};

/// One parsed file; declarations by kind, each list in source order.
struct File {
  FileID id = 0;
  std::vector<NamespaceDef> namespaces;
  std::vector<EnumDef> enums;
  std::vector<SequenceDef> sequences;
  std::vector<TableDef> tables;
  std::vector<ViewDef> views;
};

} // namespace schemac::ast

#endif
