//===- DialectCapabilities.h - what each SQL dialect can hold -------------===//
//
// One table per dialect, in one place: the legality pass
// (DialectLegality.h) checks a schema against it and the SQL backends rely
// on it, so no backend tests `dialect == ...` to decide what is allowed.
// docs/dialects.md is the readable version of these tables.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_DIALECTCAPABILITIES_H
#define SCHEMAC_BACKENDS_DIALECTCAPABILITIES_H

#include "ir/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace schemac::backends {

/// Which columns may auto-increment (identity and serial).
enum class AutoIncrementScope : uint8_t {
  AnyIntegerColumn, ///< PostgreSQL: an owned sequence per column
  FirstKeyColumn,   ///< MySQL: one per table, first column of a key
  RowidAlias,       ///< SQLite: the single-column INTEGER PRIMARY KEY
};

/// Which collations a column or index key may name.
enum class CollationSupport : uint8_t {
  Any,     ///< the server checks the name (PostgreSQL, MySQL)
  Builtin, ///< only the built-in ones (SQLite: BINARY, NOCASE, RTRIM)
};

struct DialectCapabilities {
  ir::Dialect dialect;
  // Top-level objects.
  bool namespaces;        ///< schemas as namespaces
  bool sequences;         ///< CREATE SEQUENCE
  bool materializedViews; ///< CREATE MATERIALIZED VIEW
  /// Enums are named types (CREATE TYPE); else each column holds its own
  /// list (MySQL ENUM, SQLite CHECK IN) and the database keeps no enum
  /// names (ir/InlineEnums.h).
  bool namedEnums;
  // Types.
  bool arrays;
  bool unsignedNumbers;
  bool timeWithTimeZone;
  bool intervals;
  bool unboundedVarchar; ///< varchar without a length
  bool unboundedNumeric; ///< numeric without a precision keeps every digit
  /// Largest numeric precision and scale; 0: no limit schemac checks.
  unsigned maxNumericPrecision, maxNumericScale;
  /// Longest char(n); 0: no limit schemac checks.
  unsigned maxCharLength;
  /// Text, bytes and JSON can be key columns without a prefix length.
  bool unboundedKeyColumns;
  /// Tables have a rowid unless WITHOUT ROWID (SQLite), which needs a key.
  bool rowidTables;
  // Columns.
  AutoIncrementScope autoIncrement;
  /// An identity can be GENERATED ALWAYS (explicit values refused).
  bool identityAlways;
  bool virtualGenerated;
  /// A generated column can be declared NOT NULL (MariaDB refuses it).
  bool notNullGenerated;
  CollationSupport collations;
  // Constraints.
  bool deferrableForeignKeys;
  bool setDefaultAction; ///< ON DELETE/UPDATE SET DEFAULT
  /// A foreign-key column may differ in type from the column it references
  /// (int -> bigint); InnoDB wants the same kind, size and sign.
  bool looseForeignKeyTypes;
  bool uniqueNullsNotDistinct;
  // Indexes.
  bool partialIndexes;
  bool expressionIndexes;
  /// Index methods USING may name; empty: none (the clause is unsupported).
  llvm::ArrayRef<llvm::StringRef> indexMethods;
  bool indexInclude;
  bool operatorClasses;
  bool indexNullsOrder;
  bool indexCollations;
  /// Prefix keys `col(N)` (MySQL), the way to index text and blobs there.
  bool indexPrefixLengths;
  // Comments: where a doc comment can be kept.
  bool enumComments;
  bool viewComments;
  // Names of tables, views, columns, constraints and indexes.
  /// Longest name in characters that the server takes whole; 0: the
  /// legality pass does not limit it (PostgreSQL truncates to 63 bytes,
  /// which sema warns about where it derives names).
  unsigned maxNameCharacters;
  /// Names may end in a space.
  bool trailingSpaceInNames;
  /// Names may hold characters outside the Basic Multilingual Plane
  /// (MySQL keeps identifiers as 3-byte UTF-8).
  bool supplementaryCharactersInNames;
  /// Column names compare without ASCII case (MySQL, SQLite).
  bool caseInsensitiveColumnNames;
  /// Index names compare without ASCII case: per table on MySQL; on SQLite
  /// they share one namespace with tables and views, all compared so.
  bool caseInsensitiveIndexNames;
  bool caseInsensitiveTableNames;
  /// Index names are unique per table (MySQL), not per namespace.
  bool indexNamesPerTable;
  /// Foreign-key names are unique in the whole database (InnoDB), compared
  /// without ASCII case, not just per table.
  bool foreignKeyNamesPerDatabase;
};

/// The capabilities of `d` (static storage).
const DialectCapabilities &getCapabilities(ir::Dialect d);

/// Whether a native type (TypeKind::Native) exists on dialect `d`. Natives
/// read back from a database need not be built-ins; those are kept.
bool isNativeTypeOf(ir::Dialect d, const ir::Type &t);

} // namespace schemac::backends

#endif
