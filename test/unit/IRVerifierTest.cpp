//===- IRVerifierTest.cpp - the Schema IR verifier's messages -------------===//

#include "IRTestUtil.h"
#include "ir/Verifier.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::ir;

namespace {

using Messages = std::vector<std::string>;

TEST(VerifierTest, FullSchemaIsValid) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  EXPECT_EQ(verifySchema(s), Messages{});
}

TEST(VerifierTest, ReportsBrokenReferences) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  Table &users = *s.findTable({"", "users"});
  Table &posts = *s.findTable({"blog", "posts"});

  users.columns.push_back(users.columns[0]); // duplicate "id"
  users.findColumn("role")->type.name = "roles";
  auto *fk = llvm::cast<ForeignKey>(posts.constraints[1].get());
  ASSERT_EQ(fk->name, "posts_author_id_fkey");
  fk->refColumns = {"id", "nope"};
  auto *pk = llvm::cast<PrimaryKey>(posts.constraints[0].get());
  pk->columns.push_back("missing");
  s.sequences[0]->ownedBy->column = "ghost";
  Index &idx = users.indexes[1];
  idx.elements.clear();
  users.indexes[0].where = irtest::col(s, "nowhere");
  auto *ck = llvm::cast<CheckConstraint>(users.constraints.back().get());
  ck->expr = nullptr;

  EXPECT_EQ(verifySchema(s),
            (Messages{
                "sequence 'blog.order_numbers': owned by unknown column "
                "'users.ghost'",
                "table 'users': column 'role' has unknown enum type 'roles'",
                "table 'users': duplicate column 'id'",
                "table 'users': constraint 'users_check' has no expression",
                "table 'users': index 'users_email_lower' references unknown "
                "column 'nowhere'",
                "table 'users': index 'users_tags_idx' has no elements",
                "table 'blog.posts': constraint 'posts_pk' references "
                "unknown column 'missing'",
                "table 'blog.posts': constraint 'posts_author_id_fkey' has 1 "
                "columns but references 2",
                "table 'blog.posts': constraint 'posts_author_id_fkey' "
                "references unknown column 'users.nope'",
            }));
}

TEST(VerifierTest, ReportsNamesAndTables) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  Table &users = *s.findTable({"", "users"});
  Table &posts = *s.findTable({"blog", "posts"});
  auto *fk = llvm::cast<ForeignKey>(posts.constraints[1].get());
  fk->refTable = {"", "authors"};
  users.constraints[1]->name = "users_pkey";
  users.indexes[1].name = "users_pkey";
  users.constraints[3]->name = "";
  users.constraints[3]->nameExplicit = true;
  posts.columns[2].generated = Generated{irtest::col(s, "nothing"), true};
  auto dup = std::make_unique<View>();
  dup->name = {"", "active_users"};
  s.views.push_back(std::move(dup));

  EXPECT_EQ(verifySchema(s),
            (Messages{
                "duplicate view 'active_users'",
                "table 'users': duplicate constraint name 'users_pkey'",
                "table 'users': constraint with an empty name",
                "table 'users': index name 'users_pkey' is also a key "
                "constraint's name",
                "table 'blog.posts': generated column 'data' references "
                "unknown column 'nothing'",
                "table 'blog.posts': constraint 'posts_author_id_fkey' "
                "references unknown table 'authors'",
            }));
}

// SQLite leaves unnamed foreign keys and checks without any name; only
// those two kinds, and only when the name was not written, may be empty.
TEST(VerifierTest, AllowsUnnamedDerivedForeignKeysAndChecks) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  Table &posts = *s.findTable({"blog", "posts"});
  for (auto &c : posts.constraints)
    if (llvm::isa<ForeignKey>(*c) || llvm::isa<CheckConstraint>(*c)) {
      c->name = "";
      c->nameExplicit = false;
    }
  EXPECT_EQ(verifySchema(s), Messages{});
}

} // namespace
