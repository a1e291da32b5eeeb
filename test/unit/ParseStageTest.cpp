//===- ParseStageTest.cpp - the parse stages bench/ParseFloor.cpp times ---===//
//
// runParseStage runs the fast path's own lexer and parser: every stage
// accepts what parseSchemaFile parses on its fast path, and the parser
// stages refuse what it would hand to the slow path.
//
//===----------------------------------------------------------------------===//

#include "frontend/Parser.h"
#include "gtest/gtest.h"

using namespace schemac;

namespace {

const ParseStage AllStages[] = {ParseStage::Lex, ParseStage::Recognize,
                                ParseStage::ParseTree};

TEST(ParseStageTest, EveryStageTakesValidInput) {
  SourceManager sm;
  FileID file = sm.addBuffer("ok.schema", R"(
/// Users.
table users {
  id   bigint identity primary key
  name text default 'x' check (length(name) between 1 and 50)
  index (lower(name)) where id > 0
}
view names as $$select name from users$$
)");
  for (ParseStage stage : AllStages)
    EXPECT_TRUE(runParseStage(file, sm, stage));
}

TEST(ParseStageTest, ParserStagesRefuseErrors) {
  SourceManager sm;
  FileID syntax = sm.addBuffer("syntax.schema", "table t { id integer ( }");
  FileID lexical =
      sm.addBuffer("lexical.schema", "table t { s text default 'x }");
  for (ParseStage stage : {ParseStage::Recognize, ParseStage::ParseTree}) {
    EXPECT_FALSE(runParseStage(syntax, sm, stage));
    EXPECT_FALSE(runParseStage(lexical, sm, stage));
  }
}

} // namespace
