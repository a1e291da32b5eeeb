//===- NamingTest.cpp - derived constraint and index names ----------------===//

#include "ir/Naming.h"
#include "llvm/ADT/StringSet.h"
#include "gtest/gtest.h"

using namespace schemac::ir;

namespace {

constexpr Dialect PG = Dialect::PostgreSQL;
constexpr Dialect My = Dialect::MySQL;
constexpr Dialect Lite = Dialect::SQLite;

std::string derive(Dialect d, NamedKind k, llvm::StringRef table,
                   std::vector<std::string> cols,
                   const llvm::StringSet<> &taken = {}) {
  return chooseName(d, deriveNameParts(d, k, table, cols),
                    [&](llvm::StringRef n) { return taken.contains(n); });
}

TEST(NamingTest, MaxIdentifierLength) {
  EXPECT_EQ(getMaxIdentifierLength(PG), 63u);
  EXPECT_EQ(getMaxIdentifierLength(My), 64u);
  EXPECT_EQ(getMaxIdentifierLength(Lite), 0u);
}

TEST(NamingTest, PostgresDefaults) {
  EXPECT_EQ(derive(PG, NamedKind::PrimaryKey, "users", {"id"}), "users_pkey");
  EXPECT_EQ(derive(PG, NamedKind::Unique, "users", {"email"}),
            "users_email_key");
  EXPECT_EQ(derive(PG, NamedKind::Unique, "posts", {"author_id", "title"}),
            "posts_author_id_title_key");
  EXPECT_EQ(derive(PG, NamedKind::ForeignKey, "posts", {"author_id"}),
            "posts_author_id_fkey");
  EXPECT_EQ(derive(PG, NamedKind::Check, "posts", {"title"}),
            "posts_title_check");
  EXPECT_EQ(derive(PG, NamedKind::Check, "posts", {"a", "a"}), "posts_a_check")
      << "one distinct column";
  EXPECT_EQ(derive(PG, NamedKind::Check, "posts", {"a", "b"}), "posts_check");
  EXPECT_EQ(derive(PG, NamedKind::Check, "posts", {}), "posts_check");
  EXPECT_EQ(derive(PG, NamedKind::Index, "users", {"lower"}),
            "users_lower_idx");
}

TEST(NamingTest, PostgresNumbersTheLabel) {
  llvm::StringSet<> taken{"posts_check", "posts_check1"};
  EXPECT_EQ(derive(PG, NamedKind::Check, "posts", {}, taken), "posts_check2");
  llvm::StringSet<> idx{"t_a_idx"};
  EXPECT_EQ(derive(PG, NamedKind::Index, "t", {"a"}, idx), "t_a_idx1");
}

TEST(NamingTest, MakeObjectNameTruncatesLongerNameFirst) {
  std::string table(60, 't');
  // 60 + 1 + "pkey" > 63: name1 loses 2 bytes.
  EXPECT_EQ(makeObjectName(table, "", "pkey"), std::string(58, 't') + "_pkey");
  std::string out = makeObjectName(table, "email", "key");
  EXPECT_EQ(out.size(), 63u);
  EXPECT_EQ(out, std::string(53, 't') + "_email_key");
  // Both long: equal shares, name2 shortened first on ties.
  std::string a(40, 'a'), b(40, 'b');
  out = makeObjectName(a, b, "fkey");
  EXPECT_EQ(out.size(), 63u);
  EXPECT_EQ(out, std::string(29, 'a') + "_" + std::string(28, 'b') + "_fkey");
  out = makeObjectName(a, std::string(41, 'b'), "key");
  EXPECT_EQ(out, std::string(29, 'a') + "_" + std::string(29, 'b') + "_key");
  EXPECT_EQ(makeObjectName("t", "", ""), "t");
  EXPECT_EQ(makeObjectName("t", "a", ""), "t_a");
}

TEST(NamingTest, MakeObjectNameNeverSplitsUtf8) {
  // 30 x "é" (2 bytes each) = 60 bytes; "_pkey" leaves 58 -> 29 characters.
  std::string e;
  for (int i = 0; i < 30; ++i)
    e += "\xc3\xa9";
  std::string out = makeObjectName(e, "", "pkey");
  EXPECT_EQ(out, e.substr(0, 58) + "_pkey");
  // 3-byte characters: 59 bytes available cut inside a character.
  std::string z;
  for (int i = 0; i < 21; ++i)
    z += "\xe4\xb8\xad";              // 63 bytes
  out = makeObjectName(z, "", "key"); // 59 bytes available -> 57
  EXPECT_EQ(out, z.substr(0, 57) + "_key");
  EXPECT_LE(out.size(), 63u);
}

TEST(NamingTest, PostgresColumnAdditionStopsAtNameDataLen) {
  std::vector<std::string> cols;
  for (int i = 0; i < 40; ++i)
    cols.push_back("column_" + std::to_string(i));
  NameParts parts = deriveNameParts(PG, NamedKind::Index, "t", cols);
  // Joining stops once 64 bytes are reached.
  EXPECT_GE(parts.name2.size(), 64u);
  EXPECT_LT(parts.name2.size(), 64u + 10u);
  std::string name =
      chooseName(PG, parts, [](llvm::StringRef) { return false; });
  EXPECT_EQ(name.size(), 63u);
  EXPECT_EQ(name.substr(0, 2), "t_");
  EXPECT_EQ(name.substr(name.size() - 4), "_idx");
}

TEST(NamingTest, MySQLRules) {
  EXPECT_EQ(derive(My, NamedKind::PrimaryKey, "users", {"id"}), "PRIMARY");
  EXPECT_EQ(derive(My, NamedKind::Unique, "users", {"email", "x"}), "email");
  llvm::StringSet<> taken{"email", "email_2"};
  EXPECT_EQ(derive(My, NamedKind::Index, "users", {"email"}, taken), "email_3");
  EXPECT_EQ(derive(My, NamedKind::Index, "users", {"primary"}), "primary_2");
  EXPECT_EQ(derive(My, NamedKind::ForeignKey, "posts", {"a"}), "posts_ibfk_1");
  llvm::StringSet<> fks{"posts_ibfk_1"};
  EXPECT_EQ(derive(My, NamedKind::ForeignKey, "posts", {"a"}, fks),
            "posts_ibfk_2");
  EXPECT_EQ(derive(My, NamedKind::Check, "posts", {}), "posts_chk_1");
}

TEST(NamingTest, SQLiteRules) {
  EXPECT_EQ(derive(Lite, NamedKind::PrimaryKey, "t", {"id"}),
            "sqlite_autoindex_t_1");
  llvm::StringSet<> taken{"sqlite_autoindex_t_1"};
  EXPECT_EQ(derive(Lite, NamedKind::Unique, "t", {"a"}, taken),
            "sqlite_autoindex_t_2");
  EXPECT_EQ(derive(Lite, NamedKind::ForeignKey, "t", {"a"}), "");
  EXPECT_EQ(derive(Lite, NamedKind::Check, "t", {"a"}), "");
  std::string longTable(70, 'x');
  EXPECT_EQ(derive(Lite, NamedKind::Index, longTable, {"a"}),
            longTable + "_a_idx")
      << "no length limit";
}

} // namespace
