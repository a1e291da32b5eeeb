//===- SQLiteTokens.cpp - SQLite's SQL text as tokens ---------------------===//

#include "frontend/introspect/SQLiteTokens.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

static bool isWordChar(char c) {
  return llvm::isAlnum(c) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::vector<SQLiteToken> introspect::tokenizeSQLite(StringRef sql) {
  std::vector<SQLiteToken> out;
  size_t i = 0, n = sql.size(), lineBegin = 0;
  unsigned line = 0;
  bool onlySpace = true;
  auto newlinesIn = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k)
      if (sql[k] == '\n') {
        ++line;
        lineBegin = k + 1;
      }
  };
  while (i < n) {
    char c = sql[i];
    if (c == '\n') {
      ++i;
      ++line;
      lineBegin = i;
      onlySpace = true;
      continue;
    }
    if (llvm::isSpace(c)) {
      ++i;
      continue;
    }
    SQLiteToken t;
    t.begin = i;
    t.lineStart = onlySpace;
    t.column = unsigned(i - lineBegin);
    t.line = line;
    onlySpace = false;
    if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      t.kind = SQLiteToken::Comment;
      size_t e = sql.find('\n', i);
      i = e == StringRef::npos ? n : e;
      t.value = sql.slice(t.begin + 2, i).rtrim("\r").str();
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      // Block comments are skipped: they are not how doc comments are kept.
      size_t e = sql.find("*/", i + 2);
      i = e == StringRef::npos ? n : e + 2;
      newlinesIn(t.begin, i);
      continue;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      t.kind = c == '\'' ? SQLiteToken::String : SQLiteToken::Ident;
      t.quote = c;
      size_t start = i++;
      while (i < n) {
        if (sql[i] == close) {
          if (close != ']' && i + 1 < n && sql[i + 1] == close) {
            t.value += close;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        t.value += sql[i++];
      }
      newlinesIn(start, i);
    } else if (llvm::isDigit(c) ||
               (c == '.' && i + 1 < n && llvm::isDigit(sql[i + 1]))) {
      t.kind = SQLiteToken::Number;
      while (i < n && (isWordChar(sql[i]) || sql[i] == '.' ||
                       ((sql[i] == '+' || sql[i] == '-') &&
                        (sql[i - 1] == 'e' || sql[i - 1] == 'E'))))
        ++i;
      t.value = sql.slice(t.begin, i).str();
    } else if (isWordChar(c)) {
      t.kind = SQLiteToken::Word;
      while (i < n && isWordChar(sql[i]))
        ++i;
      t.value = sql.slice(t.begin, i).str();
    } else {
      t.kind = SQLiteToken::Punct;
      StringRef rest = sql.substr(i);
      size_t len = 1;
      for (StringRef op :
           {"->>", "||", "==", "!=", "<>", "<=", ">=", "<<", ">>", "->"})
        if (rest.starts_with(op)) {
          len = op.size();
          break;
        }
      i += len;
      t.value = rest.take_front(len).str();
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  SQLiteToken end;
  end.begin = end.end = n;
  end.line = line;
  out.push_back(end);
  return out;
}

std::string
introspect::getSQLiteCommentText(llvm::ArrayRef<const SQLiteToken *> lines) {
  std::string out;
  for (const SQLiteToken *t : lines) {
    StringRef text = t->value;
    text.consume_front(" ");
    if (t != lines.front())
      out += '\n';
    out += text.rtrim().str();
  }
  return out;
}

bool introspect::parseSQLiteCreateHeader(SQLiteTokenCursor &p, StringRef kind) {
  if (!p.accept("CREATE"))
    return false;
  if (!p.accept("TEMP"))
    p.accept("TEMPORARY");
  p.accept("UNIQUE");
  if (!p.accept(kind))
    return false;
  if (p.isKeyword("IF")) {
    p.next();
    p.accept("NOT");
    p.accept("EXISTS");
  }
  return p.qualifiedName().has_value();
}

SQLiteTokenCursor::SQLiteTokenCursor(StringRef sql)
    : sql(sql), tokens(tokenizeSQLite(sql)) {
  skipComments();
}

const SQLiteToken &SQLiteTokenCursor::peek(unsigned ahead) const {
  size_t i = pos;
  for (unsigned k = 0;; ++i) {
    if (tokens[i].kind == SQLiteToken::End)
      return tokens[i];
    if (tokens[i].kind == SQLiteToken::Comment)
      continue;
    if (k++ == ahead)
      return tokens[i];
  }
}

const SQLiteToken &SQLiteTokenCursor::next() {
  const SQLiteToken &t = tokens[pos];
  if (t.kind != SQLiteToken::End)
    ++pos;
  lastEnd = t.end;
  lastLine = t.line;
  skipComments();
  return t;
}

bool SQLiteTokenCursor::accept(StringRef word) {
  if (!isKeyword(word))
    return false;
  next();
  return true;
}

bool SQLiteTokenCursor::acceptPunct(char c) {
  if (!isPunct(c))
    return false;
  next();
  return true;
}

std::optional<std::string> SQLiteTokenCursor::name() {
  const SQLiteToken &t = peek();
  if (t.kind != SQLiteToken::Word && t.kind != SQLiteToken::Ident &&
      t.kind != SQLiteToken::String)
    return std::nullopt;
  next();
  return t.value;
}

std::optional<std::string> SQLiteTokenCursor::qualifiedName() {
  auto n = name();
  if (n && isPunct('.')) {
    next();
    n = name();
  }
  return n;
}

std::optional<StringRef> SQLiteTokenCursor::parenthesized() {
  if (!isPunct('('))
    return std::nullopt;
  next();
  size_t begin = peek().begin;
  size_t end = begin;
  int depth = 1;
  while (!atEnd()) {
    if (isPunct('('))
      ++depth;
    if (isPunct(')') && --depth == 0) {
      next();
      return sql.slice(begin, std::max(begin, end));
    }
    end = next().end;
  }
  return std::nullopt;
}

bool SQLiteTokenCursor::skipToSeparator(StringRef word) {
  int depth = 0;
  bool seen = false;
  while (!atEnd()) {
    if (isPunct('('))
      ++depth;
    else if (isPunct(')')) {
      if (depth == 0)
        return seen;
      --depth;
    } else if (isPunct(',') && depth == 0)
      return seen;
    if (depth == 0 && !word.empty() && isKeyword(word))
      seen = true;
    next();
  }
  return seen;
}

void SQLiteTokenCursor::skipComments() {
  while (tokens[pos].kind == SQLiteToken::Comment)
    comments.push_back(&tokens[pos++]);
}
