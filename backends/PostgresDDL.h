//===- PostgresDDL.h - PostgreSQL statements for single IR objects --------===//
//
// One statement per call, without the trailing ';': the export writes them
// for a whole schema (PostgresBackend.cpp), the migration writer for the
// objects a change touches (PostgresMigration.cpp). Constraint and index
// names are written as the IR has them, explicit or derived.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_POSTGRESDDL_H
#define SCHEMAC_BACKENDS_POSTGRESDDL_H

#include "backends/SQLExprPrinter.h"
#include "ir/Schema.h"
#include <string>

namespace schemac::backends {

class PostgresDDL {
public:
  explicit PostgresDDL(DiagnosticEngine &diags)
      : exprs(ir::Dialect::PostgreSQL, &diags) {}

  std::string quote(llvm::StringRef name) const;
  std::string quote(const ir::QualifiedName &name) const;
  std::string literal(llvm::StringRef text) const;
  std::string quoteList(llvm::ArrayRef<llvm::StringRef> names) const;
  /// An enum type's name as a type reference (public."time" where needed).
  std::string enumName(const ir::QualifiedName &name) const;
  /// An expression; printOperand parenthesizes it for DEFAULT.
  std::string expr(const ir::Expr *e) { return exprs.print(e); }
  std::string operand(const ir::Expr *e) { return exprs.printOperand(e); }

  std::string createSchema(const ir::Namespace &ns) const;
  std::string createEnum(const ir::EnumType &e) const;
  std::string createSequence(const ir::Sequence &sequence);
  std::string sequenceOwnedBy(const ir::Sequence &sequence) const;
  /// CREATE TABLE with columns and every constraint but foreign keys.
  std::string createTable(const ir::Table &table);
  /// `name type ...`: a column as CREATE TABLE and ADD COLUMN write it.
  std::string columnDefinition(const ir::Column &column);
  /// The type a column is declared with (serial types included).
  std::string columnType(const ir::Column &column) const;
  /// `CONSTRAINT name ...` for primary keys, uniques and checks.
  std::string tableConstraint(const ir::Constraint &constraint);
  /// ALTER TABLE ... ADD CONSTRAINT for any constraint.
  std::string addConstraint(const ir::Table &table,
                            const ir::Constraint &constraint);
  std::string addForeignKey(const ir::Table &table, const ir::ForeignKey &fk);
  std::string createIndex(const ir::Table &table, const ir::Index &index,
                          bool concurrently = false);
  /// The same with the index and table names given as SQL (quoted or not).
  std::string createIndexAs(llvm::StringRef name, llvm::StringRef table,
                            const ir::Index &index, bool concurrently = false);
  std::string createView(const ir::View &view) const;
  /// COMMENT ON `what` `name` IS text (NULL for an empty text).
  std::string comment(llvm::StringRef what, const std::string &name,
                      llvm::StringRef text) const;
  /// The statement that sets an object's doc comment: the first non-null
  /// of the pointers names it (a column or index with its table).
  std::string commentOn(const ir::Namespace *ns, const ir::EnumType *e,
                        const ir::Sequence *s, const ir::Table *t,
                        const ir::Column *c, const ir::Index *i,
                        const ir::View *v) const;

private:
  std::string indexElement(const ir::IndexElement &element);

  SQLExprPrinter exprs;
};

} // namespace schemac::backends

#endif
