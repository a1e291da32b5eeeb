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
      if (startsLineComment()) {
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
        trigger = TriggerState();
      }
      if (c == ';' && !insideTriggerBody()) {
        out.push_back({start, pos + 1, startLine});
        start = npos;
        ++pos;
        continue;
      }
      size_t tokenStart = pos;
      skipToken();
      noteToken(text.slice(tokenStart, pos));
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

  /// `--` everywhere, but on MySQL only when white space or a control
  /// character follows (`1--1` is one minus minus one), and `#` there too.
  bool startsLineComment() const {
    char c = text[pos];
    if (d == ir::Dialect::MySQL) {
      if (c == '#')
        return true;
      unsigned char next = static_cast<unsigned char>(peek(2));
      return c == '-' && peek(1) == '-' &&
             (next <= ' ' || next == 0x7f); // includes the end of input
    }
    return c == '-' && peek(1) == '-';
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
  /// statement, not the trigger. As in SQLite's own sqlite3_complete(), the
  /// trigger ends at `; END ;`: every body statement ends in `;`, so the
  /// trigger's END always follows one, while the END of a CASE (which may
  /// nest) never does, and neither does a column named `end` or `begin`.
  struct TriggerState {
    unsigned words = 0;  ///< tokens of the statement seen, up to 3
    bool create = false; ///< it begins CREATE or CREATE TEMP[ORARY]
    bool inside = false; ///< it is CREATE [TEMP|TEMPORARY] TRIGGER
    bool body = false;   ///< past the trigger's BEGIN
    /// The last token was `;` (or BEGIN, so that the invalid empty body
    /// `BEGIN END;` still ends the statement), or `; END`.
    bool afterSemi = false, endAfterSemi = false;
  };

  /// Follows one token (not white space or a comment) of the statement.
  void noteToken(StringRef token) {
    if (d != ir::Dialect::SQLite)
      return;
    TriggerState &t = trigger;
    bool word = !token.empty() && isIdentChar(token.front());
    auto is = [&](StringRef keyword) {
      return word && token.equals_insensitive(keyword);
    };
    switch (t.words < 3 ? t.words++ : 3) {
    case 0:
      t.create = is("create");
      break;
    case 1:
      t.inside = t.create && is("trigger");
      t.create = t.create && (is("temp") || is("temporary"));
      break;
    case 2:
      t.inside = t.inside || (t.create && is("trigger"));
      break;
    default:
      break;
    }
    if (!t.inside)
      return;
    t.body = t.body || is("begin");
    t.endAfterSemi = t.afterSemi && is("end");
    t.afterSemi = token == ";" || is("begin");
  }

  /// Whether the `;` at `pos` ends a statement inside a trigger's body
  /// rather than the trigger (or another statement).
  bool insideTriggerBody() const {
    return trigger.inside && trigger.body && !trigger.endAfterSemi;
  }

  StringRef text;
  ir::Dialect d;
  size_t pos = 0;
  unsigned line = 1;
  TriggerState trigger;
};

} // namespace

std::vector<ScriptStatement> schemac::splitStatements(StringRef script,
                                                      ir::Dialect dialect) {
  return Splitter(script, dialect).run();
}
