//===- SQLiteStorage.cpp - schemas in the form a SQLite database holds them
//===//

#include "backends/SQLiteStorage.h"
#include "backends/DialectLegality.h"

using namespace schemac;
using namespace schemac::ir;

/// `name` in lower case, saved in `schema` when it changes.
static llvm::StringRef lowered(llvm::StringRef name, Schema &schema) {
  std::string lower = name.lower();
  return lower == name ? name : schema.save(lower);
}

void backends::canonicalizeSQLiteStorage(Schema &schema) {
  for (const std::unique_ptr<Table> &table : schema.tables) {
    const Column *rowid = getSQLiteRowidColumn(*table);
    for (Column &column : table->columns) {
      if (&column == rowid) {
        column.type = Type::get(TypeKind::Integer);
        if (column.identity != Identity::None)
          column.identity = Identity::ByDefault;
      }
      column.collation = lowered(column.collation, schema);
    }
    for (Index &index : table->indexes)
      for (IndexElement &element : index.elements)
        element.collation = lowered(element.collation, schema);
  }
}
