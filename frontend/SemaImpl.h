//===- SemaImpl.h - sema's private state, shared by its pass files --------===//
//
// analyzeSchema runs small passes over one SemaImpl: declare every object
// (SymbolTable.cpp), lower enums, tables, sequences and views (Lower*.cpp),
// resolve foreign keys (ForeignKeys.cpp), check dialect capabilities
// (DialectCheck.cpp) and name constraints and indexes (ConstraintNaming.cpp).
// Lookups go through StringMaps keyed by ir::QualifiedName::key(), so every
// pass is linear in the schema size.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_SEMAIMPL_H
#define SCHEMAC_FRONTEND_SEMAIMPL_H

#include "frontend/Sema.h"
#include "ir/Naming.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace schemac::sema {

/// What a relation-namespace entry is, for duplicate and collision messages.
enum class RelationKind : uint8_t { Table, View, Sequence };
llvm::StringRef getRelationKindName(RelationKind k);

/// One declared table, view or sequence (they share PostgreSQL's relation
/// namespace).
struct RelationDecl {
  RelationKind kind;
  ir::QualifiedName name;
  SourceRange range; ///< the declared name
  unsigned index;    ///< into SemaImpl::tables / views / sequences
};

struct EnumInfo {
  const ast::EnumDef *def;
  ir::EnumType *type;
  llvm::StringSet<> values;
};

/// A constraint or index waiting for its final name.
struct NamingItem {
  ir::NamedKind kind;
  ir::Constraint *constraint = nullptr; ///< null for indexes
  unsigned indexPos = 0;                ///< into Table::indexes
  ast::Ident explicitName;
  /// Words the derived name is made of (columns, expression words).
  std::vector<std::string> words;
};

/// A foreign key resolved after every table is lowered.
struct PendingForeignKey {
  ir::ForeignKey *fk;
  ast::ForeignKeyRef ref; ///< a copy: column ASTs are freed once lowered
  std::vector<SourceRange> columnRanges; ///< per local column
  SourceRange range;                     ///< the whole constraint
};

struct TableInfo {
  const ast::TableDef *def;
  std::unique_ptr<ir::Table> table; ///< moved into the Schema at the end
  ir::Table *ir = nullptr;
  llvm::StringMap<unsigned> columnIndex; ///< name -> position
  std::vector<const ast::ColumnDef *> columnDefs;
  /// Per column: false when its type did not resolve (skip type checks).
  std::vector<bool> typeResolved;
  SourceRange primaryKeyRange; ///< where the primary key was declared
  std::vector<NamingItem> naming;
  std::vector<PendingForeignKey> foreignKeys;
  /// Column sets (sorted names joined by U+001F) a foreign key may target.
  llvm::StringSet<> uniqueKeys;
  /// Implicit `<table>_<column>_seq` sequences of serial/identity columns.
  std::vector<std::pair<std::string, SourceRange>> implicitSequences;
  /// Explicit constraint names of this table (unique per table).
  llvm::StringMap<SourceRange> constraintNames;
  /// Index names of this table, where the dialect scopes them per table
  /// (MySQL).
  llvm::StringMap<SourceRange> indexNames;
};

/// Who holds a name in a namespace-wide scope, for "previous" notes.
struct NameOwner {
  std::string description; ///< "table 'users'", "index 'users_email_idx'"
  SourceRange range;
};

/// Names that must be unique within one namespace.
struct NamespaceScope {
  llvm::StringMap<NameOwner> relations;   ///< relations and index names
  llvm::StringMap<NameOwner> constraints; ///< every constraint name
};

/// The sema passes and the state they share.
class SemaImpl {
public:
  SemaImpl(ir::Schema &out, DiagnosticEngine &diags, const SemaOptions &opts)
      : out(out), diags(diags), opts(opts) {}

  bool run(llvm::ArrayRef<ast::File *> files);

  // SymbolTable.cpp
  void declareAll(llvm::ArrayRef<const ast::File *> files);
  /// Checks the namespace part of a name; empty ns is always fine.
  bool checkNamespace(const ast::QualifiedIdent &name);
  ir::QualifiedName qualify(const ast::QualifiedIdent &name);
  const RelationDecl *findRelation(const ir::QualifiedName &name) const;
  EnumInfo *findEnum(const ir::QualifiedName &name);

  // Attributes.cpp
  /// Lowers @was hints into `was`; reports unknown attributes.
  /// `col(N)` in an index: the column and the prefix length (LowerIndex.cpp).
  std::optional<std::pair<const ir::ColumnRef *, int64_t>>
  lowerPrefixKey(TableInfo &info, const ir::Expr *e);
  /// A table's options and rename hints.
  void lowerTableAttributes(const ast::TableDef &def, ir::Table &t);
  void lowerAttributes(llvm::ArrayRef<ast::Attribute> attrs,
                       std::vector<llvm::StringRef> &was);

  // TypeResolution.cpp
  /// Resolves a written type; `isSerial` reports serial spellings. Modifier
  /// errors are reported but still yield a type; unknown types yield none.
  std::optional<ir::Type> resolveType(const ast::TypeRef &ref, bool &isSerial);

  // Lowering: LowerEnum.cpp, LowerTable.cpp (tables, columns), LowerColumn.cpp
  // (column options, defaults), LowerConstraints.cpp, LowerIndex.cpp,
  // LowerSequence.cpp, LowerView.cpp
  void lowerEnum(EnumInfo &info);
  void lowerTable(TableInfo &info);
  /// Frees the AST of a lowered table's columns (see analyzeSchema).
  void releaseColumns(TableInfo &info);
  void lowerColumn(TableInfo &info, const ast::ColumnDef &def);
  void lowerColumnOptions(TableInfo &info, const ast::ColumnDef &def,
                          ir::Column &col);
  /// Lowers a column default: a bare identifier on an enum column is the
  /// enum value; other column references are errors.
  const ir::Expr *lowerDefault(const ir::Column &col, const ir::Expr *e);
  /// Generated columns may only read plain columns (PostgreSQL).
  void checkGenerated(TableInfo &info);
  void lowerTableConstraint(TableInfo &info, const ast::ConstraintDef &def);
  void lowerIndex(TableInfo &info, const ast::IndexDef &def);
  void lowerSequence(const ast::SequenceDef &def);
  void lowerView(const ast::ViewDef &def);
  /// Adds a unique constraint (name derived later unless given).
  void addUnique(TableInfo &info, std::vector<llvm::StringRef> columns,
                 bool nullsNotDistinct, const ast::Ident &name,
                 SourceRange range, std::vector<llvm::StringRef> was);
  /// Drops unique constraints that repeat the primary key or an earlier
  /// unique constraint, as PostgreSQL's CREATE TABLE does.
  void dropRedundantKeys(TableInfo &info);
  /// Records a column set a foreign key may reference.
  void addUniqueKey(TableInfo &info, llvm::ArrayRef<llvm::StringRef> columns);
  /// Adds a primary key, reporting a second one.
  void addPrimaryKey(TableInfo &info, std::vector<llvm::StringRef> columns,
                     const ast::Ident &name, SourceRange range,
                     std::vector<llvm::StringRef> was);
  /// Checks a column list (exists, no duplicates, non-empty); lowers it.
  bool lowerColumnList(TableInfo &info, llvm::ArrayRef<ast::Ident> idents,
                       SourceRange listRange, llvm::StringRef what,
                       std::vector<llvm::StringRef> &out);
  void addForeignKey(TableInfo &info, std::vector<llvm::StringRef> columns,
                     std::vector<SourceRange> columnRanges,
                     const ast::ForeignKeyRef &ref, const ast::Ident &name,
                     SourceRange range, std::vector<llvm::StringRef> was);
  void addCheck(TableInfo &info, const ir::Expr *expr, const ast::Ident &name,
                SourceRange range, std::vector<llvm::StringRef> was);

  // ExprCheck.cpp
  /// Reports column references that name no column of the table; fills
  /// `referenced` with the distinct columns in first-use order.
  bool checkColumnRefs(TableInfo &info, const ir::Expr *e,
                       llvm::StringRef context,
                       std::vector<llvm::StringRef> *referenced = nullptr);
  /// `e` with table qualifiers of column references dropped (the database
  /// stores `a` for `t.a`); `e` itself when it has none.
  const ir::Expr *unqualifyColumnRefs(const ir::Expr *e);

  // ForeignKeys.cpp
  /// Resolves the table's foreign keys; needs every table lowered.
  void resolveForeignKeys(TableInfo &info);

  // CastCheck.cpp
  /// Checks the target type of every cast in every expression.
  void checkCastTypes();
  void checkCastTypes(const ir::Expr *e);
  void checkCastType(const ir::CastExpr &cast);


  // ConstraintNaming.cpp
  /// Gives every constraint and index its final name.
  void assignNames();

  // IndexElementWord.cpp
  /// The word PostgreSQL's FigureIndexColname picks for an index key.
  static std::string getIndexElementWord(const ir::Expr *e);

  // SemaHelpers.cpp
  /// The dialect names follow (PostgreSQL when none is given).
  ir::Dialect namingDialect() const {
    return opts.dialect.value_or(ir::Dialect::PostgreSQL);
  }
  /// Warns when a database name exceeds the dialect's identifier limit.
  void checkNameLength(const ast::Ident &name, llvm::StringRef what);
  /// The name as the target database keeps it: PostgreSQL silently cuts
  /// identifiers to 63 bytes, so two long names can collide there.
  llvm::StringRef getStoredName(const ast::Ident &name);
  /// Reports a name defined twice, with a note at the first definition.
  void reportDuplicate(SourceRange range, const std::string &what,
                       SourceRange previous, const std::string &previousNote);

  ir::Schema &out;
  DiagnosticEngine &diags;
  const SemaOptions &opts;

  llvm::StringMap<SourceRange> namespaces;
  llvm::StringMap<EnumInfo> enums; ///< by QualifiedName::key()
  llvm::StringMap<RelationDecl> relations;
  std::vector<TableInfo> tables; ///< in declaration order
  std::vector<const ast::SequenceDef *> sequences;
  std::vector<const ast::ViewDef *> views;
  std::vector<EnumInfo *> enumList;       ///< in declaration order
  llvm::StringMap<NamespaceScope> scopes; ///< by namespace name
};

/// The key of a column set: sorted names joined by U+001F.
std::string getColumnSetKey(llvm::ArrayRef<llvm::StringRef> columns);

/// Quotes a name for messages: 'users' or 'blog.users'.
std::string quoted(llvm::StringRef name);
std::string quoted(const ir::QualifiedName &name);

} // namespace schemac::sema

#endif
