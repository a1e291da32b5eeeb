//===- SQLScriptTest.cpp - splitting SQL scripts into statements ----------===//
//
// splitStatements (db/SQLScript.h) is what `migrate` runs statement by
// statement and what the drizzle layout puts breakpoints between: a `;`
// inside a string, a quoted identifier, a comment (MySQL's `#` and `-- `
// included, but not PostgreSQL's `#` operator or MySQL's `1--1`), a
// dollar-quoted body or an SQLite trigger body (CASE ... END inside it
// included) ends no statement, and each statement knows the line it starts
// on.
//
//===----------------------------------------------------------------------===//

#include "db/SQLScript.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

using namespace schemac;

namespace {

/// The statements' texts.
std::vector<std::string> texts(llvm::StringRef script, ir::Dialect d) {
  std::vector<std::string> out;
  for (const ScriptStatement &s : splitStatements(script, d))
    out.push_back(script.slice(s.begin, s.end).str());
  return out;
}

std::vector<unsigned> lines(llvm::StringRef script, ir::Dialect d) {
  std::vector<unsigned> out;
  for (const ScriptStatement &s : splitStatements(script, d))
    out.push_back(s.line);
  return out;
}

using V = std::vector<std::string>;
constexpr ir::Dialect PG = ir::Dialect::PostgreSQL;
constexpr ir::Dialect MySQL = ir::Dialect::MySQL;
constexpr ir::Dialect SQLite = ir::Dialect::SQLite;

TEST(SQLScriptTest, PlainStatementsAndTheirLines) {
  llvm::StringRef script =
      "CREATE TABLE a (x int);\n\nCREATE TABLE b (y int);\n"
      "  DROP TABLE c;";
  EXPECT_EQ(texts(script, PG), (V{"CREATE TABLE a (x int);",
                                  "CREATE TABLE b (y int);", "DROP TABLE c;"}));
  EXPECT_EQ(lines(script, PG), (std::vector<unsigned>{1, 3, 4}));
}

TEST(SQLScriptTest, CommentsAreNotStatements) {
  llvm::StringRef script = "-- a header; with a semicolon\n"
                           "/* a block; comment */\n"
                           "SELECT 1; -- trailing; comment\n"
                           "-- only a comment at the end;\n";
  EXPECT_EQ(texts(script, PG), (V{"SELECT 1;"}));
  EXPECT_EQ(lines(script, PG), (std::vector<unsigned>{3}));
  EXPECT_TRUE(splitStatements("-- nothing here;\n", SQLite).empty());
  EXPECT_TRUE(splitStatements("", PG).empty());
}

TEST(SQLScriptTest, PostgresBlockCommentsNest) {
  llvm::StringRef script =
      "/* outer /* inner; */ still; a comment */ SELECT 1;";
  EXPECT_EQ(texts(script, PG), (V{"SELECT 1;"}));
  // Elsewhere the first */ ends the comment.
  EXPECT_EQ(texts("/* a /* b */ SELECT 1; SELECT 2;", SQLite),
            (V{"SELECT 1;", "SELECT 2;"}));
}

TEST(SQLScriptTest, StringsAndQuotedIdentifiers) {
  llvm::StringRef script = "INSERT INTO \"a;b\" VALUES ('x;''y');\n"
                           "COMMENT ON TABLE t IS 'it''s; fine';";
  EXPECT_EQ(texts(script, PG), (V{"INSERT INTO \"a;b\" VALUES ('x;''y');",
                                  "COMMENT ON TABLE t IS 'it''s; fine';"}));
  // A line break inside a string counts towards the next statement's line.
  EXPECT_EQ(lines("SELECT 'a\nb';\nSELECT 2;", PG),
            (std::vector<unsigned>{1, 3}));
}

TEST(SQLScriptTest, BackslashEscapes) {
  // E'' strings on PostgreSQL and every string on MySQL take \' inside.
  EXPECT_EQ(texts("SELECT E'a\\';b'; SELECT 2;", PG),
            (V{"SELECT E'a\\';b';", "SELECT 2;"}));
  EXPECT_EQ(texts("SELECT 'a\\';b'; SELECT 2;", MySQL),
            (V{"SELECT 'a\\';b';", "SELECT 2;"}));
  // A standard PostgreSQL string ends at the quote after a backslash.
  EXPECT_EQ(texts("SELECT 'a\\'; SELECT 2;", PG),
            (V{"SELECT 'a\\';", "SELECT 2;"}));
}

TEST(SQLScriptTest, BackticksAndBrackets) {
  EXPECT_EQ(texts("CREATE TABLE `a;b` (x int); SELECT 1;", MySQL),
            (V{"CREATE TABLE `a;b` (x int);", "SELECT 1;"}));
  EXPECT_EQ(texts("CREATE TABLE [a;b] (x int); SELECT 1;", SQLite),
            (V{"CREATE TABLE [a;b] (x int);", "SELECT 1;"}));
}

TEST(SQLScriptTest, DollarQuotes) {
  // schemac's own DO blocks, with statements inside.
  llvm::StringRef script =
      "DO $schemac$\nBEGIN\n  IF true THEN\n    RAISE NOTICE 'x';\n"
      "  END IF;\nEND\n$schemac$;\nSELECT 1;";
  EXPECT_EQ(texts(script, PG),
            (V{script.substr(0, script.find("SELECT 1;")).rtrim().str(),
               "SELECT 1;"}));
  EXPECT_EQ(lines(script, PG), (std::vector<unsigned>{1, 8}));
  // $$ without a tag, and a tag that only closes with the same tag.
  EXPECT_EQ(texts("SELECT $$a;b$$; SELECT $x$ $$; $x$;", PG),
            (V{"SELECT $$a;b$$;", "SELECT $x$ $$; $x$;"}));
  // $1 is a parameter, and a$b$ an identifier: neither opens a quote.
  EXPECT_EQ(texts("SELECT $1; SELECT a$b$; SELECT 3;", PG),
            (V{"SELECT $1;", "SELECT a$b$;", "SELECT 3;"}));
}

TEST(SQLScriptTest, SQLiteTriggerBodies) {
  llvm::StringRef trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                            "  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND;";
  std::string script = trigger.str() + "\nSELECT 1;";
  EXPECT_EQ(texts(script, SQLite), (V{trigger.str(), "SELECT 1;"}));
  llvm::StringRef temp =
      "CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE DELETE ON a BEGIN "
      "SELECT 1; end;";
  EXPECT_EQ(texts(temp, SQLite), (V{temp.str()}));
  // Outside a trigger, BEGIN is a statement of its own.
  EXPECT_EQ(texts("BEGIN; SELECT 1; COMMIT;", SQLite),
            (V{"BEGIN;", "SELECT 1;", "COMMIT;"}));
}

TEST(SQLScriptTest, SQLiteTriggerBodiesWithCase) {
  // The END of a CASE ends no trigger, however deeply CASEs nest; the
  // trigger ends at the END after a body statement's `;`.
  llvm::StringRef trigger =
      "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
      "  UPDATE b SET x = CASE WHEN new.y THEN 1 ELSE 0 END;\n"
      "  UPDATE b SET z = CASE WHEN new.y > 1 THEN\n"
      "    CASE new.y WHEN 2 THEN 'two' ELSE 'many' END\n"
      "  ELSE 'one' END;\n"
      "END;";
  std::string script = trigger.str() + "\nSELECT CASE 1 WHEN 1 THEN 2 END;"
                                       "\nSELECT 3;";
  EXPECT_EQ(
      texts(script, SQLite),
      (V{trigger.str(), "SELECT CASE 1 WHEN 1 THEN 2 END;", "SELECT 3;"}));
  EXPECT_EQ(lines(script, SQLite), (std::vector<unsigned>{1, 7, 8}));
  // A CASE in the WHEN clause, columns named end and begin, and comments
  // between the last `;` and END.
  llvm::StringRef when =
      "CREATE TEMPORARY TRIGGER t BEFORE UPDATE ON a\n"
      "WHEN CASE WHEN new.x THEN 1 END BEGIN\n"
      "  INSERT INTO log (begin, end) VALUES (new.begin, new.end);\n"
      "  SELECT end FROM log; -- a comment; before END\n"
      "END\n;";
  EXPECT_EQ(texts(when.str() + " DROP TABLE log;", SQLite),
            (V{when.str(), "DROP TABLE log;"}));
  // A trigger without CASE and one after another still split as before.
  llvm::StringRef plain = "create trigger u after delete on a begin "
                          "delete from b; end;";
  EXPECT_EQ(texts(plain.str() + plain.str(), SQLite),
            (V{plain.str(), plain.str()}));
  // The invalid empty body ends at its END, for SQLite to report it.
  EXPECT_EQ(
      texts("CREATE TRIGGER v AFTER INSERT ON a BEGIN END; SELECT 1;", SQLite),
      (V{"CREATE TRIGGER v AFTER INSERT ON a BEGIN END;", "SELECT 1;"}));
  // Neither another CREATE nor a trigger on another dialect keeps `;`
  // together.
  EXPECT_EQ(texts("CREATE TABLE trigger_log (x int); BEGIN; END;", SQLite),
            (V{"CREATE TABLE trigger_log (x int);", "BEGIN;", "END;"}));
  EXPECT_EQ(texts("CREATE TRIGGER t BEGIN SELECT 1; END;", PG),
            (V{"CREATE TRIGGER t BEGIN SELECT 1;", "END;"}));
}

TEST(SQLScriptTest, MySQLComments) {
  // `#` runs to the end of the line, `--` when white space follows.
  llvm::StringRef script = "# header; with a semicolon\n"
                           "SELECT 1; # trailing; comment\n"
                           "SELECT 2 -- inside; a statement\n"
                           "  + 3;\n"
                           "--\ttab; comment\n"
                           "SELECT 4; --";
  EXPECT_EQ(
      texts(script, MySQL),
      (V{"SELECT 1;", "SELECT 2 -- inside; a statement\n  + 3;", "SELECT 4;"}));
  EXPECT_EQ(lines(script, MySQL), (std::vector<unsigned>{2, 3, 6}));
  // Without white space `--` is two minus signs: 1--1 is one statement, cut
  // nowhere, and a `;` after it still ends it.
  EXPECT_EQ(texts("SELECT 1--1; SELECT 2;", MySQL),
            (V{"SELECT 1--1;", "SELECT 2;"}));
  EXPECT_EQ(texts("SELECT 1--1", MySQL), (V{"SELECT 1--1"}));
  // `#` in a string or a quoted identifier is no comment.
  EXPECT_EQ(texts("SELECT '#;', `#;`; SELECT 2;", MySQL),
            (V{"SELECT '#;', `#;`;", "SELECT 2;"}));
  EXPECT_TRUE(splitStatements("# only; a comment", MySQL).empty());
}

TEST(SQLScriptTest, HashIsAnOperatorElsewhere) {
  // PostgreSQL's # (xor) and #> (json path) are operators, and `--` is a
  // comment even without white space; on SQLite too.
  EXPECT_EQ(texts("SELECT 5 # 3; SELECT j #> '{a}' FROM t; SELECT 3;", PG),
            (V{"SELECT 5 # 3;", "SELECT j #> '{a}' FROM t;", "SELECT 3;"}));
  EXPECT_EQ(texts("SELECT 1--1; still a comment\n;", PG),
            (V{"SELECT 1--1; still a comment\n;"}));
  EXPECT_EQ(texts("SELECT 1--1; still a comment\n;", SQLite),
            (V{"SELECT 1--1; still a comment\n;"}));
  EXPECT_EQ(texts("SELECT '#'; # not; a comment", SQLite),
            (V{"SELECT '#';", "# not;", "a comment"}));
}

TEST(SQLScriptTest, LastStatementWithoutSemicolon) {
  EXPECT_EQ(texts("SELECT 1;\nSELECT 2\n-- the end\n", PG),
            (V{"SELECT 1;", "SELECT 2\n-- the end\n"}));
}

} // namespace
