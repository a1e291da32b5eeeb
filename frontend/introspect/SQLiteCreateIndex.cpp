//===- SQLiteCreateIndex.cpp - splitting stored CREATE INDEX and VIEW -----===//

#include "frontend/introspect/SQLiteCreateTable.h"
#include "frontend/introspect/SQLiteTokens.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

/// `e` without parentheses that wrap all of it (export writes expression
/// keys as `(expr)`).
static StringRef stripWrappingParens(StringRef e) {
  e = e.trim();
  while (e.starts_with("(") && e.ends_with(")")) {
    int depth = 0;
    for (size_t i = 0; i < e.size(); ++i) {
      depth += e[i] == '(' ? 1 : e[i] == ')' ? -1 : 0;
      if (depth == 0 && i + 1 < e.size())
        return e;
    }
    e = e.drop_front().drop_back().trim();
  }
  return e;
}

std::optional<SQLiteCreateIndex>
introspect::parseSQLiteCreateIndex(StringRef sql, std::string &error) {
  SQLiteTokenCursor p(sql);
  if (!parseSQLiteCreateHeader(p, "INDEX") || !p.accept("ON") ||
      !p.qualifiedName() || !p.acceptPunct('(')) {
    error = "it is not CREATE INDEX name ON table (...)";
    return std::nullopt;
  }
  SQLiteCreateIndex out;
  if (!p.pendingComments().empty())
    out.comment = getSQLiteCommentText(p.pendingComments());
  p.clearComments();
  while (true) {
    SQLiteIndexElementDef el;
    size_t begin = p.peek().begin, end = begin;
    std::vector<const SQLiteToken *> keyTokens;
    int depth = 0;
    while (!p.atEnd()) {
      if (depth == 0 && (p.isPunct(',') || p.isPunct(')')))
        break;
      if (p.isPunct('('))
        ++depth;
      else if (p.isPunct(')'))
        --depth;
      // COLLATE, ASC and DESC at depth 0 end the key expression.
      if (depth == 0 && p.isKeyword("COLLATE")) {
        p.next();
        if (auto n = p.name())
          el.collation = *n;
        continue;
      }
      if (depth == 0 && (p.isKeyword("ASC") || p.isKeyword("DESC"))) {
        (p.isKeyword("ASC") ? el.asc : el.desc) = true;
        p.next();
        continue;
      }
      const SQLiteToken &t = p.next();
      if (el.collation.empty() && !el.asc && !el.desc) {
        keyTokens.push_back(&t);
        end = t.end;
      }
    }
    el.expr = sql.slice(begin, end);
    if (keyTokens.size() == 1 && (keyTokens[0]->kind == SQLiteToken::Word ||
                                  keyTokens[0]->kind == SQLiteToken::Ident)) {
      el.isColumn = true;
      el.column = keyTokens[0]->value;
    } else {
      el.expr = stripWrappingParens(el.expr);
    }
    out.elements.push_back(std::move(el));
    if (p.acceptPunct(','))
      continue;
    if (!p.acceptPunct(')')) {
      error = "the index key list was not understood";
      return std::nullopt;
    }
    break;
  }
  if (p.accept("WHERE")) {
    size_t begin = p.peek().begin;
    size_t end = begin;
    while (!p.atEnd() && !p.isPunct(';'))
      end = p.next().end;
    out.where = sql.slice(begin, end);
  }
  return out;
}

std::optional<SQLiteCreateView>
introspect::parseSQLiteCreateView(StringRef sql, std::string &error) {
  SQLiteTokenCursor p(sql);
  if (!parseSQLiteCreateHeader(p, "VIEW")) {
    error = "it is not CREATE VIEW name AS ...";
    return std::nullopt;
  }
  SQLiteCreateView out;
  if (p.isPunct('(')) {
    p.parenthesized();
    out.hasColumnList = true;
  }
  p.clearComments();
  if (!p.accept("AS")) {
    error = "it is not CREATE VIEW name AS ...";
    return std::nullopt;
  }
  if (!p.pendingComments().empty())
    out.comment = getSQLiteCommentText(p.pendingComments());
  StringRef query = sql.drop_front(p.peek().begin).trim();
  while (query.consume_back(";"))
    query = query.rtrim();
  out.query = query;
  return out;
}
