//===- SQLiteTokens.h - SQLite's SQL text as tokens -----------------------===//
//
// SQLite keeps CREATE statements verbatim, so pull reads their text: the
// statement splitter (SQLiteCreateTable.cpp) and the expression normalizer
// (SQLiteExprMapping.cpp) share this tokenizer. It knows SQLite's quoting
// ("x", `x`, [x], 'str'), numbers, `--` comments (kept: they are doc
// comments) and `/* */` comments (skipped).
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_SQLITETOKENS_H
#define SCHEMAC_FRONTEND_INTROSPECT_SQLITETOKENS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace schemac::introspect {

struct SQLiteToken {
  enum Kind { Word, Ident, String, Number, Punct, Comment, End } kind = End;
  size_t begin = 0, end = 0;
  /// Identifiers and strings decoded; words, numbers and punctuation as
  /// written (punctuation is one character, or `||`, `==`, `!=`, `<>`, `<=`,
  /// `>=`, `<<`, `>>`, `->`, `->>`).
  std::string value;
  bool lineStart = false; ///< only white space before it on its line
  unsigned column = 0;    ///< offset from the start of its line
  unsigned line = 0;
  char quote = 0; ///< the opening quote of an Ident or String

  bool isWord(llvm::StringRef w) const {
    return kind == Word && llvm::StringRef(value).equals_insensitive(w);
  }
  bool isPunct(llvm::StringRef p) const { return kind == Punct && value == p; }
};

/// The whole text as tokens, `--` comments included, ending in an End token.
std::vector<SQLiteToken> tokenizeSQLite(llvm::StringRef sql);

/// A cursor over the tokens that skips comments, keeping them at hand.
class SQLiteTokenCursor {
public:
  explicit SQLiteTokenCursor(llvm::StringRef sql);

  const SQLiteToken &peek(unsigned ahead = 0) const;
  bool atEnd() const { return peek().kind == SQLiteToken::End; }
  bool isKeyword(llvm::StringRef word, unsigned ahead = 0) const {
    return peek(ahead).isWord(word);
  }
  bool isPunct(char c) const {
    return peek().kind == SQLiteToken::Punct && peek().value.size() == 1 &&
           peek().value[0] == c;
  }
  const SQLiteToken &next();
  bool accept(llvm::StringRef word);
  bool acceptPunct(char c);

  /// Comments between the last token taken and the next one.
  llvm::ArrayRef<const SQLiteToken *> pendingComments() const {
    return comments;
  }
  void clearComments() { comments.clear(); }
  size_t getLastEnd() const { return lastEnd; }
  unsigned getLastLine() const { return lastLine; }
  llvm::StringRef getSQL() const { return sql; }

  /// A name: a word, a quoted identifier or a string.
  std::optional<std::string> name();
  /// [schema .] name
  std::optional<std::string> qualifiedName();
  /// Skips a balanced ( ... ) whose `(` is next and returns its inside.
  std::optional<llvm::StringRef> parenthesized();
  /// Skips tokens (balancing parentheses) up to a `,` or `)` at depth 0.
  /// Returns whether a word `word` was among them at depth 0.
  bool skipToSeparator(llvm::StringRef word = {});

private:
  void skipComments();

  llvm::StringRef sql;
  std::vector<SQLiteToken> tokens;
  size_t pos = 0;
  size_t lastEnd = 0;
  unsigned lastLine = 0;
  std::vector<const SQLiteToken *> comments;
};

/// CREATE [TEMP|TEMPORARY] [UNIQUE] <kind> [IF NOT EXISTS] [schema.]name:
/// whether the statement starts so (the cursor is then past the name).
bool parseSQLiteCreateHeader(SQLiteTokenCursor &p, llvm::StringRef kind);

/// `--` lines as doc comment text: the marker and one space dropped, lines
/// joined by newlines.
std::string getSQLiteCommentText(llvm::ArrayRef<const SQLiteToken *> lines);

} // namespace schemac::introspect

#endif
