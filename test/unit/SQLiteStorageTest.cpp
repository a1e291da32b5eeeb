//===- SQLiteStorageTest.cpp - canonicalizeSQLiteStorage ------------------===//
//
// The pass gives exactly the rowid column (getSQLiteRowidColumn's rule)
// the type and identity a SQLite pull gives it, lower-cases collations of
// columns and index keys, is idempotent, and changes nothing the SQLite
// DDL says: export writes the same text before and after.
//
//===----------------------------------------------------------------------===//

#include "backends/SQLiteStorage.h"
#include "backends/Backends.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

class SQLiteStorageTest : public ::testing::Test {
protected:
  /// A table whose primary key is `keys`; its columns are added after.
  Table &addTable(StringRef name, std::vector<StringRef> keys) {
    schema.tables.push_back(std::make_unique<Table>());
    Table &table = *schema.tables.back();
    table.name = {"", schema.save(name)};
    auto pk = std::make_unique<PrimaryKey>();
    pk->name = schema.save((name + "_pkey").str());
    for (StringRef key : keys)
      pk->columns.push_back(schema.save(key));
    table.constraints.push_back(std::move(pk));
    return table;
  }
  Column &addColumn(Table &table, StringRef name, TypeKind kind,
                    Identity identity = Identity::None) {
    Column column;
    column.name = schema.save(name);
    column.type = Type::get(kind);
    column.identity = identity;
    table.columns.push_back(column);
    return table.columns.back();
  }
  const Column &column(StringRef table, StringRef name) {
    const Table *t = schema.findTable({"", table});
    EXPECT_NE(t, nullptr);
    const Column *c = t->findColumn(name);
    EXPECT_NE(c, nullptr);
    return *c;
  }
  /// The forms SQLite stores alike, and integer keys that are no rowid.
  void buildForms() {
    addColumn(addTable("always", {"id"}), "id", TypeKind::BigInt,
              Identity::Always);
    addColumn(addTable("serial", {"id"}), "id", TypeKind::Integer,
              Identity::Serial);
    addColumn(addTable("small", {"id"}), "id", TypeKind::SmallInt);
    Table &pair = addTable("pair", {"a", "b"});
    addColumn(pair, "a", TypeKind::BigInt);
    addColumn(pair, "b", TypeKind::SmallInt);
    Table &noRowid = addTable("no_rowid", {"id"});
    noRowid.options.withoutRowid = true;
    addColumn(noRowid, "id", TypeKind::BigInt);
    Table &named = addTable("named", {"code"});
    addColumn(named, "code", TypeKind::Text).collation = "NOCASE";
    addColumn(named, "n", TypeKind::BigInt).collation = "";
    Column &title = addColumn(named, "title", TypeKind::Text);
    title.collation = "RTrim";
    title.nullable = true;
    Index index;
    index.name = "named_title";
    IndexElement key;
    key.expr = schema.getArena().create<ColumnRef>("", "title", SourceRange());
    key.collation = "BINARY";
    index.elements.push_back(key);
    named.indexes.push_back(index);
    schema.canonicalize();
  }
  std::string exportSQLite() {
    SourceManager sm;
    DiagnosticEngine diags(sm);
    std::string out;
    llvm::raw_string_ostream os(out);
    EXPECT_TRUE(createSQLiteBackend()->run(schema, os, diags));
    EXPECT_EQ(diags.getDiagnostics().size(), 0u);
    return out;
  }

  Schema schema;
};

TEST_F(SQLiteStorageTest, RowidTakesThePulledForm) {
  buildForms();
  canonicalizeSQLiteStorage(schema);
  EXPECT_EQ(column("always", "id").type, Type::get(TypeKind::Integer));
  EXPECT_EQ(column("always", "id").identity, Identity::ByDefault);
  EXPECT_EQ(column("serial", "id").type, Type::get(TypeKind::Integer));
  EXPECT_EQ(column("serial", "id").identity, Identity::ByDefault);
  // A rowid without identity stays without (no AUTOINCREMENT).
  EXPECT_EQ(column("small", "id").type, Type::get(TypeKind::Integer));
  EXPECT_EQ(column("small", "id").identity, Identity::None);
}

TEST_F(SQLiteStorageTest, OtherIntegerKeysKeepTheirType) {
  buildForms();
  canonicalizeSQLiteStorage(schema);
  EXPECT_EQ(column("pair", "a").type, Type::get(TypeKind::BigInt));
  EXPECT_EQ(column("pair", "b").type, Type::get(TypeKind::SmallInt));
  EXPECT_EQ(column("no_rowid", "id").type, Type::get(TypeKind::BigInt));
  EXPECT_EQ(column("named", "n").type, Type::get(TypeKind::BigInt));
}

TEST_F(SQLiteStorageTest, CollationsLowerCase) {
  buildForms();
  canonicalizeSQLiteStorage(schema);
  EXPECT_EQ(column("named", "code").collation, "nocase");
  EXPECT_EQ(column("named", "title").collation, "rtrim");
  EXPECT_EQ(column("named", "n").collation, "");
  const Table *named = schema.findTable({"", "named"});
  ASSERT_EQ(named->indexes.size(), 1u);
  EXPECT_EQ(named->indexes[0].elements[0].collation, "binary");
}

TEST_F(SQLiteStorageTest, IdempotentAndSameDDL) {
  buildForms();
  std::string before = exportSQLite();
  canonicalizeSQLiteStorage(schema);
  std::string once = exportSQLite();
  EXPECT_EQ(once, before);
  canonicalizeSQLiteStorage(schema);
  EXPECT_EQ(exportSQLite(), once);
  EXPECT_EQ(column("always", "id").identity, Identity::ByDefault);
}

} // namespace
