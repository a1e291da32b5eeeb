//===- DiffTest.cpp - the diff passes on hand-built Schema IR -------------===//

#include "IRTestUtil.h"
#include "diagnostics/Diagnostic.h"
#include "ir/Diff.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::ir;

namespace {

TEST(DiffTest, ParsesRenameRequests) {
  auto table = parseRenameRequest("table:accounts=users");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->kind, RenameRequest::Kind::Table);
  EXPECT_EQ(table->from, "accounts");
  EXPECT_EQ(table->to, "users");
  auto column = parseRenameRequest("column:users.mail=email");
  ASSERT_TRUE(column);
  EXPECT_EQ(column->kind, RenameRequest::Kind::Column);
  EXPECT_FALSE(parseRenameRequest("column:mail=email")); // needs TABLE.
  EXPECT_FALSE(parseRenameRequest("view:a=b"));
  EXPECT_FALSE(parseRenameRequest("table:a="));
  EXPECT_FALSE(parseRenameRequest("accounts=users"));
}

TEST(DiffTest, IdenticalSchemasGiveNoChange) {
  Schema a, b;
  irtest::buildFullSchema(a);
  irtest::buildFullSchema(b);
  SourceManager sm;
  DiagnosticEngine diags(sm);
  EXPECT_TRUE(diffSchemas(a, b, {}, diags).empty());
  EXPECT_EQ(diags.getDiagnostics().size(), 0u);
}

/// A schema with one table `t` whose columns are `names` (all integer).
void buildTable(Schema &s, llvm::StringRef table,
                std::initializer_list<const char *> names,
                std::initializer_list<const char *> was = {}) {
  auto t = std::make_unique<Table>();
  t->name = {"", s.save(table)};
  for (const char *name : was)
    t->was.push_back(s.save(name));
  for (const char *name : names) {
    Column c;
    c.name = s.save(name);
    c.type = Type::get(TypeKind::Integer);
    t->columns.push_back(c);
  }
  s.tables.push_back(std::move(t));
  s.canonicalize();
}

TEST(DiffTest, RenamesOnlyWithAHint) {
  SourceManager sm;
  Schema from, guessed, hinted;
  buildTable(from, "a", {"x"});
  buildTable(guessed, "b", {"x"});
  buildTable(hinted, "b", {"x"}, {"a"});

  DiagnosticEngine diags(sm);
  Migration m = diffSchemas(from, guessed, {}, diags);
  ASSERT_EQ(m.changes.size(), 2u);
  // Dropped tables go before anything is created (their names are freed).
  EXPECT_EQ(m.changes[0].kind, ChangeKind::DropTable);
  EXPECT_EQ(m.changes[1].kind, ChangeKind::CreateTable);
  ASSERT_EQ(diags.getDiagnostics().size(), 1u);
  EXPECT_EQ(diags.getDiagnostics()[0].id, DiagID::PossibleRename);

  DiagnosticEngine quiet(sm);
  m = diffSchemas(from, hinted, {}, quiet);
  ASSERT_EQ(m.changes.size(), 1u);
  EXPECT_EQ(m.changes[0].kind, ChangeKind::RenameTable);
  EXPECT_EQ(quiet.getDiagnostics().size(), 0u);

  DiffOptions byFlag;
  byFlag.renames.push_back(*parseRenameRequest("table:a=b"));
  m = diffSchemas(from, guessed, byFlag, quiet);
  ASSERT_EQ(m.changes.size(), 1u);
  EXPECT_EQ(m.changes[0].kind, ChangeKind::RenameTable);
}

TEST(DiffTest, DropsComeAfterAdds) {
  SourceManager sm;
  DiagnosticEngine diags(sm);
  Schema from, to;
  buildTable(from, "t", {"id", "old"});
  buildTable(to, "t", {"id", "fresh"});
  Migration m = diffSchemas(from, to, {}, diags);
  ASSERT_EQ(m.changes.size(), 2u);
  EXPECT_EQ(m.changes[0].kind, ChangeKind::AddColumn);
  EXPECT_EQ(m.changes[1].kind, ChangeKind::DropColumn);
  EXPECT_TRUE(m.changes[1].hazards & HazardDestructive);
}

} // namespace
