//===- SQLScript.cpp - a SQL script split into its statements -------------===//

#include "db/SQLScript.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using llvm::StringRef;

namespace {

bool isIdentChar(char c) { return llvm::isAlnum(c) || c == '_' || c == '$'; }

class Splitter {
public:
  Splitter(StringRef text, ir::Dialect d) : text(text), d(d) {}

  std::vector<ScriptStatement> run() {
    std::vector<ScriptStatement> out;
    size_t start = npos;
    unsigned startLine = 1;
    while (pos < text.size()) {
      char c = text[pos];
      if (c == '-' && peek(1) == '-') {
        skipLineComment();
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        skipBlockComment();
        continue;
      }
      if (llvm::isSpace(c)) {
        if (c == '\n')
          ++line;
        ++pos;
        continue;
      }
      if (start == npos) {
        start = pos;
        startLine = line;
      }
      if (c == ';' && !insideTriggerBody(start)) {
        out.push_back({start, pos + 1, startLine});
        start = npos;
        ++pos;
        continue;
      }
      skipToken();
    }
    if (start != npos)
      out.push_back({start, text.size(), startLine});
    return out;
  }

private:
  static constexpr size_t npos = StringRef::npos;

  char peek(size_t ahead) const {
    return pos + ahead < text.size() ? text[pos + ahead] : '\0';
  }

  /// Advances over `n` bytes, counting lines.
  void advance(size_t n) {
    for (size_t end = std::min(pos + n, text.size()); pos < end; ++pos)
      if (text[pos] == '\n')
        ++line;
  }

  void skipLineComment() {
    size_t end = text.find('\n', pos);
    advance(end == npos ? text.size() - pos : end - pos);
  }

  void skipBlockComment() {
    // PostgreSQL nests block comments; the others end at the first */.
    unsigned depth = 0;
    while (pos < text.size()) {
      if (text[pos] == '/' && peek(1) == '*') {
        ++depth;
        advance(2);
      } else if (text[pos] == '*' && peek(1) == '/') {
        advance(2);
        if (--depth == 0 || d != ir::Dialect::PostgreSQL)
          return;
      } else {
        advance(1);
      }
    }
  }

  /// A quoted run ending at `quote`; a doubled quote stays inside, and so
  /// does a backslash-escaped one where `backslash` is set.
  void skipQuoted(char quote, bool backslash) {
    advance(1);
    while (pos < text.size()) {
      char c = text[pos];
      if (backslash && c == '\\') {
        advance(2);
        continue;
      }
      if (c == quote) {
        if (peek(1) == quote) {
          advance(2);
          continue;
        }
        advance(1);
        return;
      }
      advance(1);
    }
  }

  /// $tag$ ... $tag$ (PostgreSQL); false if `$` does not open one.
  bool skipDollarQuote() {
    if (pos > 0 && isIdentChar(text[pos - 1]))
      return false;
    size_t tagEnd = pos + 1;
    while (tagEnd < text.size() && text[tagEnd] != '$' &&
           (llvm::isAlpha(text[tagEnd]) || text[tagEnd] == '_' ||
            (tagEnd > pos + 1 && llvm::isDigit(text[tagEnd]))))
      ++tagEnd;
    if (tagEnd >= text.size() || text[tagEnd] != '$')
      return false;
    StringRef tag = text.slice(pos, tagEnd + 1);
    size_t close = text.find(tag, tagEnd + 1);
    advance(close == npos ? text.size() - pos : close + tag.size() - pos);
    return true;
  }

  void skipToken() {
    char c = text[pos];
    bool mysql = d == ir::Dialect::MySQL;
    if (c == '\'') {
      bool escapeString = pos > 0 &&
                          (text[pos - 1] == 'E' || text[pos - 1] == 'e') &&
                          (pos < 2 || !isIdentChar(text[pos - 2]));
      return skipQuoted('\'', mysql || escapeString);
    }
    if (c == '"')
      return skipQuoted('"', mysql);
    if (c == '`' && d != ir::Dialect::PostgreSQL)
      return skipQuoted('`', false);
    if (c == '[' && d == ir::Dialect::SQLite) {
      size_t close = text.find(']', pos);
      return advance(close == npos ? text.size() - pos : close + 1 - pos);
    }
    if (c == '$' && d == ir::Dialect::PostgreSQL && skipDollarQuote())
      return;
    if (isIdentChar(c)) {
      size_t end = pos;
      while (end < text.size() && isIdentChar(text[end]))
        ++end;
      return advance(end - pos);
    }
    advance(1);
  }

  /// SQLite: a `;` inside CREATE TRIGGER ... BEGIN ... END ends a body
  /// statement, not the trigger.
  bool insideTriggerBody(size_t start) const {
    if (d != ir::Dialect::SQLite)
      return false;
    llvm::SmallVector<StringRef, 4> words;
    StringRef rest = text.slice(start, pos);
    for (int i = 0; i < 4 && !rest.empty(); ++i) {
      auto [word, tail] = rest.ltrim().split(' ');
      words.push_back(word.trim());
      rest = tail;
    }
    bool trigger =
        words.size() >= 2 && words[0].equals_insensitive("create") &&
        llvm::any_of(llvm::ArrayRef(words).drop_front(), [](StringRef w) {
          return w.equals_insensitive("trigger");
        });
    if (!trigger)
      return false;
    StringRef body = text.slice(start, pos).rtrim();
    return !(body.size() >= 3 && body.take_back(3).equals_insensitive("end") &&
             (body.size() == 3 || !isIdentChar(body[body.size() - 4])));
  }

  StringRef text;
  ir::Dialect d;
  size_t pos = 0;
  unsigned line = 1;
};

} // namespace

std::vector<ScriptStatement> schemac::splitStatements(StringRef script,
                                                      ir::Dialect dialect) {
  return Splitter(script, dialect).run();
}
