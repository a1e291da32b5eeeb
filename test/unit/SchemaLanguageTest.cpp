//===- SchemaLanguageTest.cpp - printSchemaLanguage's per-namespace output ===//
//
// `schemac pull` writes one schema file per namespace through
// SchemaLanguageOptions::onlyNamespace, which the driver's export does not
// reach: each file holds its namespace's declaration and objects only.
//
//===----------------------------------------------------------------------===//

#include "backends/SchemaLanguage.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::ir;

namespace {

/// A table `ns.name` with one column `id integer`.
void addTable(Schema &s, llvm::StringRef ns, llvm::StringRef name) {
  auto t = std::make_unique<Table>();
  t->name = {s.save(ns), s.save(name)};
  Column c;
  c.name = s.save("id");
  c.type = Type::get(TypeKind::Integer);
  t->columns.push_back(c);
  s.tables.push_back(std::move(t));
}

std::string print(const Schema &s, std::optional<llvm::StringRef> only) {
  std::string out;
  llvm::raw_string_ostream os(out);
  SchemaLanguageOptions options;
  options.onlyNamespace = only;
  printSchemaLanguage(s, os, options);
  return out;
}

TEST(SchemaLanguageTest, OnlyNamespace) {
  Schema s;
  s.namespaces.push_back({s.save("blog"), s.save("Posts."), SourceRange()});
  addTable(s, "", "users");
  addTable(s, "blog", "posts");
  s.canonicalize();

  EXPECT_EQ(print(s, std::nullopt), "/// Posts.\n"
                                    "schema blog\n"
                                    "\n"
                                    "table users {\n"
                                    "  id  integer\n"
                                    "}\n"
                                    "\n"
                                    "table blog.posts {\n"
                                    "  id  integer\n"
                                    "}\n");
  EXPECT_EQ(print(s, llvm::StringRef("")), "table users {\n"
                                           "  id  integer\n"
                                           "}\n");
  EXPECT_EQ(print(s, llvm::StringRef("blog")), "/// Posts.\n"
                                               "schema blog\n"
                                               "\n"
                                               "table blog.posts {\n"
                                               "  id  integer\n"
                                               "}\n");
  EXPECT_EQ(print(s, llvm::StringRef("none")), "");
}

TEST(SchemaLanguageTest, Identifiers) {
  EXPECT_EQ(formatSchemaIdentifier("users"), "users");
  EXPECT_EQ(formatSchemaIdentifier("Users"), "Users"); // names are exact
  EXPECT_EQ(formatSchemaIdentifier("key"), "key");     // not reserved
  EXPECT_EQ(formatSchemaIdentifier("check"), "\"check\"");
  EXPECT_EQ(formatSchemaIdentifier("CHECK"), "\"CHECK\"");
  EXPECT_EQ(formatSchemaIdentifier("a b"), "\"a b\"");
  EXPECT_EQ(formatSchemaIdentifier("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(formatSchemaIdentifier("1a"), "\"1a\"");
  EXPECT_EQ(formatSchemaIdentifier(""), "\"\"");
}

} // namespace
