//===- DialectCapabilities.cpp - the capability table of each dialect -----===//
//
// PostgreSQL 15, MySQL as MariaDB 10.11 runs it (MySQL 8 differences are in
// docs/dialects.md), SQLite 3.40.
//
//===----------------------------------------------------------------------===//

#include "backends/DialectCapabilities.h"
#include "llvm/Support/ErrorHandling.h"

using namespace schemac;
using namespace schemac::backends;

namespace {

const llvm::StringRef PostgresIndexMethods[] = {"btree", "hash", "gist",
                                                "spgist", "gin", "brin"};
// InnoDB builds every index as a B-tree and takes USING HASH without a word.
const llvm::StringRef MySQLIndexMethods[] = {"btree"};

const DialectCapabilities Postgres = {
    /*dialect=*/ir::Dialect::PostgreSQL,
    /*namespaces=*/true,
    /*sequences=*/true,
    /*materializedViews=*/true,
    /*namedEnums=*/true,
    /*arrays=*/true,
    /*unsignedNumbers=*/false,
    /*timeWithTimeZone=*/true,
    /*intervals=*/true,
    /*unboundedVarchar=*/true,
    /*unboundedNumeric=*/true,
    /*maxNumericPrecision=*/0,
    /*maxNumericScale=*/0,
    /*maxCharLength=*/0,
    /*unboundedKeyColumns=*/true,
    /*rowidTables=*/false,
    /*autoIncrement=*/AutoIncrementScope::AnyIntegerColumn,
    /*identityAlways=*/true,
    /*virtualGenerated=*/false,
    /*notNullGenerated=*/true,
    /*collations=*/CollationSupport::Any,
    /*deferrableForeignKeys=*/true,
    /*setDefaultAction=*/true,
    /*looseForeignKeyTypes=*/true,
    /*uniqueNullsNotDistinct=*/true,
    /*partialIndexes=*/true,
    /*expressionIndexes=*/true,
    /*indexMethods=*/PostgresIndexMethods,
    /*indexInclude=*/true,
    /*operatorClasses=*/true,
    /*indexNullsOrder=*/true,
    /*indexCollations=*/true,
    /*indexPrefixLengths=*/false,
    /*enumComments=*/true,
    /*viewComments=*/true,
    /*maxNameCharacters=*/0,
    /*trailingSpaceInNames=*/true,
    /*supplementaryCharactersInNames=*/true,
    /*caseInsensitiveColumnNames=*/false,
    /*caseInsensitiveIndexNames=*/false,
    /*caseInsensitiveTableNames=*/false,
    /*indexNamesPerTable=*/false,
    /*foreignKeyNamesPerDatabase=*/false,
};

const DialectCapabilities MySQL = {
    /*dialect=*/ir::Dialect::MySQL,
    /*namespaces=*/false,
    /*sequences=*/false,
    /*materializedViews=*/false,
    /*namedEnums=*/false,
    /*arrays=*/false,
    /*unsignedNumbers=*/true,
    /*timeWithTimeZone=*/false,
    /*intervals=*/false,
    /*unboundedVarchar=*/false,
    /*unboundedNumeric=*/false,
    /*maxNumericPrecision=*/65,
    /*maxNumericScale=*/30,
    /*maxCharLength=*/255,
    /*unboundedKeyColumns=*/false,
    /*rowidTables=*/false,
    /*autoIncrement=*/AutoIncrementScope::FirstKeyColumn,
    /*identityAlways=*/false,
    /*virtualGenerated=*/true,
    /*notNullGenerated=*/false,
    /*collations=*/CollationSupport::Any,
    /*deferrableForeignKeys=*/false,
    /*setDefaultAction=*/false,
    /*looseForeignKeyTypes=*/false,
    /*uniqueNullsNotDistinct=*/false,
    /*partialIndexes=*/false,
    /*expressionIndexes=*/false,
    /*indexMethods=*/MySQLIndexMethods,
    /*indexInclude=*/false,
    /*operatorClasses=*/false,
    /*indexNullsOrder=*/false,
    /*indexCollations=*/false,
    /*indexPrefixLengths=*/true,
    /*enumComments=*/false,
    /*viewComments=*/false,
    /*maxNameCharacters=*/64,
    /*trailingSpaceInNames=*/false,
    /*supplementaryCharactersInNames=*/false,
    /*caseInsensitiveColumnNames=*/true,
    /*caseInsensitiveIndexNames=*/true,
    /*caseInsensitiveTableNames=*/false, // on Linux (lower_case_table_names=0)
    /*indexNamesPerTable=*/true,
    /*foreignKeyNamesPerDatabase=*/true,
};

const DialectCapabilities SQLite = {
    /*dialect=*/ir::Dialect::SQLite,
    /*namespaces=*/false,
    /*sequences=*/false,
    /*materializedViews=*/false,
    /*namedEnums=*/false,
    /*arrays=*/false,
    /*unsignedNumbers=*/false,
    /*timeWithTimeZone=*/true, // as text
    /*intervals=*/true,        // as text
    /*unboundedVarchar=*/true,
    /*unboundedNumeric=*/true,
    /*maxNumericPrecision=*/0,
    /*maxNumericScale=*/0,
    /*maxCharLength=*/0,
    /*unboundedKeyColumns=*/true,
    /*rowidTables=*/true,
    /*autoIncrement=*/AutoIncrementScope::RowidAlias,
    /*identityAlways=*/false,
    /*virtualGenerated=*/true,
    /*notNullGenerated=*/true,
    /*collations=*/CollationSupport::Builtin,
    /*deferrableForeignKeys=*/true,
    /*setDefaultAction=*/true,
    /*looseForeignKeyTypes=*/true,
    /*uniqueNullsNotDistinct=*/false,
    /*partialIndexes=*/true,
    /*expressionIndexes=*/true,
    /*indexMethods=*/{},
    /*indexInclude=*/false,
    /*operatorClasses=*/false,
    /*indexNullsOrder=*/false,
    /*indexCollations=*/true,
    /*indexPrefixLengths=*/false,
    /*enumComments=*/false,
    /*viewComments=*/true, // as -- lines kept in sqlite_schema
    /*maxNameCharacters=*/0,
    /*trailingSpaceInNames=*/true,
    /*supplementaryCharactersInNames=*/true,
    /*caseInsensitiveColumnNames=*/true,
    /*caseInsensitiveIndexNames=*/true,
    /*caseInsensitiveTableNames=*/true,
    /*indexNamesPerTable=*/false,
    /*foreignKeyNamesPerDatabase=*/false,
};

} // namespace

const DialectCapabilities &backends::getCapabilities(ir::Dialect d) {
  switch (d) {
  case ir::Dialect::PostgreSQL:
    return Postgres;
  case ir::Dialect::MySQL:
    return MySQL;
  case ir::Dialect::SQLite:
    return SQLite;
  }
  llvm_unreachable("unknown dialect");
}

bool backends::isNativeTypeOf(ir::Dialect d, const ir::Type &t) {
  const ir::BuiltinTypeInfo *info = ir::lookupBuiltinType(t.name);
  return !info || (info->dialectMask & (1u << unsigned(d))) != 0;
}
