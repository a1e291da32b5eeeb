//===- IRJSONTest.cpp - snapshot round trips and corrupt inputs -----------===//

#include "IRTestUtil.h"
#include "ir/JSON.h"
#include "ir/Printer.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::ir;

namespace {

std::string write(const Schema &s) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeSnapshot(s, os);
  return out;
}

/// The error message readSnapshot gives for `text` ("" if it loads).
std::string loadError(llvm::StringRef text) {
  Schema s;
  llvm::Error err = readSnapshot(text, s);
  return err ? llvm::toString(std::move(err)) : std::string();
}

TEST(JSONTest, RoundTripIsByteIdentical) {
  Schema original;
  schemac::irtest::buildFullSchema(original);
  std::string first = write(original);

  Schema loaded;
  llvm::Error err = readSnapshot(first, loaded);
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  EXPECT_TRUE(schemaEquals(original, loaded));
  EXPECT_EQ(write(loaded), first);

  std::string dumpA, dumpB;
  llvm::raw_string_ostream a(dumpA), b(dumpB);
  printSchema(original, a);
  printSchema(loaded, b);
  EXPECT_EQ(dumpA, dumpB);
  EXPECT_TRUE(loaded.findTable({"blog", "posts"})) << "maps rebuilt";
}

TEST(JSONTest, FormatIsSmallAndVersioned) {
  Schema empty;
  EXPECT_EQ(write(empty), R"({
  "format": "schemac-snapshot",
  "version": 1,
  "namespaces": [],
  "enums": [],
  "sequences": [],
  "tables": [],
  "views": []
}
)");
  Schema s;
  auto t = std::make_unique<Table>();
  t->name = {"", "t"};
  Column c;
  c.name = "a";
  c.type = Type::get(TypeKind::Text);
  t->columns.push_back(c);
  s.tables.push_back(std::move(t));
  s.canonicalize();
  std::string text = write(s);
  EXPECT_NE(text.find(R"("columns": [
        {
          "name": "a",
          "type": {
            "kind": "text"
          }
        }
      ])"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("nullable"), std::string::npos) << "defaults omitted";
  EXPECT_EQ(text.find("comment"), std::string::npos);
}

TEST(JSONTest, ErrorsNameTheJSONPath) {
  const char *header = R"("format": "schemac-snapshot", "version": 1)";
  auto doc = [&](const std::string &body) {
    return "{" + std::string(header) + ", " + body + "}";
  };
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": "t", "columns": [
        {"name": "a", "type": {"kind": "text"}},
        {"name": "b", "type": {"kind": "text"}},
        {"name": "c", "type": {"kind": "foo"}}]}])")),
            "tables[0].columns[2].type.kind: unknown type kind 'foo'");
  EXPECT_EQ(loadError(doc(R"("tables": [{"columns": []}])")),
            "tables[0].name: missing required field");
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": 5, "columns": []}])")),
            "tables[0].name: expected a string");
  EXPECT_EQ(loadError(doc(R"("tables": {})")), "tables: expected an array");
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": "t", "columns": [],
        "colour": 1, "bogus": 2}])")),
            "tables[0].colour: unknown field");
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": "t", "columns": [],
        "name": "u"}])")),
            "tables[0].name: repeated field");
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": "t", "columns": [
        {"name": "a", "type": {"kind": "text"},
         "default": {"kind": "binary", "op": "plus", "lhs": {"kind": "null"},
                     "rhs": {"kind": "null"}}}]}])")),
            "tables[0].columns[0].default.op: unknown binary operator 'plus'");
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": "t", "columns": [
        {"name": "a", "type": {"kind": "text"},
         "default": {"kind": "number", "text": "1; drop table t"}}]}])")),
            "tables[0].columns[0].default.text: not a number literal");
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": "t", "columns": [],
        "constraints": [{"kind": "exclusion", "name": "x"}]}])")),
            "tables[0].constraints[0].kind: unknown constraint kind "
            "'exclusion'");
  EXPECT_EQ(loadError(doc(R"("tables": [{"name": "t", "columns": [
        {"name": "a", "type": {"kind": "numeric", "modifiers": [1, 2, 3]}}]}])")),
            "tables[0].columns[0].type.modifiers[2]: a type has at most 2 "
            "modifiers");
  EXPECT_EQ(loadError(doc(R"("sequences": [{"name": "s",
        "type": {"kind": "bigint"}, "start": 1.5}])")),
            "sequences[0].start: expected an integer");
  EXPECT_EQ(
      loadError(doc(R"("enums": [{"name": "e", "values": [{"name": ""}]}])")),
      "enums[0].values[0].name: expected a non-empty string");
}

TEST(JSONTest, RejectsOtherFormatsAndVersions) {
  EXPECT_EQ(loadError(R"({"format": "schemac-snapshot", "version": 2})"),
            "version: unsupported snapshot version 2 (this schemac reads "
            "version 1)");
  EXPECT_EQ(loadError(R"({"format": "other", "version": 1})"),
            "format: not a schemac snapshot (expected \"schemac-snapshot\")");
  EXPECT_EQ(loadError(R"({"version": 1})"), "format: missing required field");
  EXPECT_EQ(loadError("[]"), "<root>: expected an object");
  EXPECT_EQ(loadError("null"), "<root>: expected an object");
  EXPECT_EQ(loadError("").rfind("invalid JSON: ", 0), 0u);
  EXPECT_EQ(loadError("{\"a\": [1, 2").rfind("invalid JSON: ", 0), 0u);
  std::string deep(100000, '[');
  EXPECT_EQ(
      loadError(deep),
      "invalid JSON: line 1, column 2001: nested deeper than 2000 levels");
  EXPECT_EQ(loadError("{\n  \"a\": tru }"),
            "invalid JSON: line 2, column 8: invalid literal");
  EXPECT_EQ(loadError("\"\xff\""), "invalid JSON: the text is not valid UTF-8");
  EXPECT_EQ(loadError("\"a\nb\""),
            "invalid JSON: line 1, column 3: control character in string");
}

TEST(JSONTest, DecodesEscapes) {
  Schema s;
  llvm::Error err = readSnapshot(
      R"({"format": "schemac-snapshot", "version": 1, "namespaces": [
      {"name": "caf\u00e9 \ud83d\ude00 \ud800 \"q\"\\\/\b\f\n\r\t"}]})",
      s);
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  ASSERT_EQ(s.namespaces.size(), 1u);
  EXPECT_EQ(s.namespaces[0].name,
            "caf\xc3\xa9 \xf0\x9f\x98\x80 \xef\xbf\xbd \"q\"\\/\b\f\n\r\t");
  // And the writer escapes them back so the round trip holds.
  std::string text = write(s);
  Schema again;
  err = readSnapshot(text, again);
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  EXPECT_EQ(again.namespaces[0].name, s.namespaces[0].name);
}

TEST(JSONTest, FailedLoadLeavesSchemaEmpty) {
  Schema s;
  llvm::Error err = readSnapshot(R"({"format": "schemac-snapshot",
      "version": 1, "tables": [{"name": "ok", "columns": []},
      {"name": "bad", "columns": 3}]})",
                                 s);
  EXPECT_TRUE(bool(err));
  llvm::consumeError(std::move(err));
  EXPECT_TRUE(s.tables.empty());
  EXPECT_EQ(s.findTable({"", "ok"}), nullptr);
}

/// Mutating the valid snapshot in many small ways must never crash.
TEST(JSONTest, CorruptVariantsNeverCrash) {
  Schema original;
  schemac::irtest::buildFullSchema(original);
  std::string text = write(original);
  const char *replacements[] = {"0", "\"x\"", "[]", "{}", "null", "true"};
  unsigned failures = 0;
  for (size_t pos = 0; pos < text.size(); pos += 37) {
    size_t end = text.find_first_of(",}]", pos);
    if (end == std::string::npos)
      break;
    for (const char *rep : replacements) {
      std::string mutated = text.substr(0, pos) + rep + text.substr(end);
      Schema s;
      if (llvm::Error err = readSnapshot(mutated, s)) {
        ++failures;
        llvm::consumeError(std::move(err));
      }
    }
  }
  EXPECT_GT(failures, 0u);
  // Truncations and single-byte deletions.
  for (size_t pos = 0; pos < text.size(); pos += 53) {
    Schema s;
    llvm::Error err = readSnapshot(text.substr(0, pos), s);
    EXPECT_TRUE(bool(err)) << pos;
    llvm::consumeError(std::move(err));
    Schema s2;
    llvm::consumeError(
        readSnapshot(text.substr(0, pos) + text.substr(pos + 1), s2));
  }
}

} // namespace
