//===- SQLiteCreateTable.cpp - splitting SQLite's stored CREATE TABLE -----===//

#include "frontend/introspect/SQLiteCreateTable.h"
#include "frontend/introspect/SQLiteTokens.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

namespace {

using Parser = SQLiteTokenCursor;

void appendComment(std::string &to, const std::string &text) {
  if (text.empty() && to.empty())
    return;
  to += (to.empty() ? "" : "\n") + text;
}

bool isColumnConstraintStart(const Parser &p) {
  for (StringRef w : {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
                      "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"})
    if (p.isKeyword(w))
      return true;
  return false;
}

bool isTableConstraintStart(const Parser &p) {
  for (StringRef w : {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"})
    if (p.isKeyword(w))
      return true;
  return false;
}

/// ON CONFLICT <resolution>; SQLite's own, the IR has no place for it.
void skipConflictClause(Parser &p, bool &onConflict) {
  if (p.isKeyword("ON") && p.isKeyword("CONFLICT", 1)) {
    p.next();
    p.next();
    p.next();
    onConflict = true;
  }
}

/// ( name [COLLATE x] [ASC|DESC] [AUTOINCREMENT], ... ): the names.
std::optional<std::vector<std::string>>
parseKeyList(Parser &p, bool *keyOptions = nullptr,
             bool *autoincrement = nullptr) {
  if (!p.acceptPunct('('))
    return std::nullopt;
  std::vector<std::string> out;
  while (!p.atEnd()) {
    auto n = p.name();
    if (!n)
      return std::nullopt;
    out.push_back(*n);
    if (p.isKeyword("COLLATE") || p.isKeyword("ASC") || p.isKeyword("DESC"))
      if (keyOptions)
        *keyOptions = true;
    if (p.skipToSeparator("AUTOINCREMENT") && autoincrement)
      *autoincrement = true;
    if (p.acceptPunct(')'))
      return out;
    if (!p.acceptPunct(','))
      return std::nullopt;
  }
  return std::nullopt;
}

/// The rest of a REFERENCES clause after the keyword.
bool parseReference(Parser &p, SQLiteReference &ref) {
  auto table = p.qualifiedName();
  if (!table)
    return false;
  ref.table = *table;
  if (p.isPunct('(')) {
    auto cols = parseKeyList(p);
    if (!cols)
      return false;
    ref.columns = *cols;
  }
  while (true) {
    if (p.isKeyword("ON") && !p.isKeyword("CONFLICT", 1)) {
      p.next();
      std::string *target = p.accept("DELETE")   ? &ref.onDelete
                            : p.accept("UPDATE") ? &ref.onUpdate
                                                 : nullptr;
      if (!target)
        return false;
      if (p.accept("SET")) {
        *target = p.accept("NULL") ? "SET NULL" : "SET DEFAULT";
        p.accept("DEFAULT");
      } else if (p.accept("CASCADE")) {
        *target = "CASCADE";
      } else if (p.accept("RESTRICT")) {
        *target = "RESTRICT";
      } else if (p.accept("NO")) {
        p.accept("ACTION");
        *target = "NO ACTION";
      } else {
        return false;
      }
    } else if (p.accept("MATCH")) {
      ref.match = p.name().value_or("");
    } else if (p.isKeyword("NOT") && p.isKeyword("DEFERRABLE", 1)) {
      p.next();
      p.next();
      if (p.accept("INITIALLY"))
        p.next();
    } else if (p.accept("DEFERRABLE")) {
      ref.deferrable = true;
      if (p.accept("INITIALLY")) {
        ref.initiallyDeferred = p.isKeyword("DEFERRED");
        p.next();
      }
    } else {
      return true;
    }
  }
}

/// The text of a DEFAULT value: `(expr)`, a signed number, a literal or a
/// keyword.
bool parseDefault(Parser &p, SQLiteColumnDef &col) {
  col.hasDefault = true;
  if (p.isPunct('(')) {
    auto inner = p.parenthesized();
    if (!inner)
      return false;
    col.defaultText = *inner;
    col.defaultParenthesized = true;
    return true;
  }
  size_t begin = p.peek().begin;
  if (p.isPunct('-') || p.isPunct('+'))
    p.next();
  const SQLiteToken &t = p.next();
  if (t.kind == SQLiteToken::End)
    return false;
  if (t.kind == SQLiteToken::Ident && t.quote == '"')
    col.defaultIsQuotedIdent = true;
  // A blob literal X'..'.
  if (t.kind == SQLiteToken::Word &&
      StringRef(t.value).equals_insensitive("x") &&
      p.peek().kind == SQLiteToken::String && p.peek().begin == t.end)
    p.next();
  col.defaultText = p.getSQL().slice(begin, p.getLastEnd());
  return true;
}

bool parseColumn(Parser &p, SQLiteColumnDef &col) {
  auto name = p.name();
  if (!name)
    return false;
  col.name = *name;
  // The declared type: words up to the first constraint keyword, with an
  // optional (n[, m]).
  std::string type;
  while (!p.atEnd() && !p.isPunct(',') && !p.isPunct(')') &&
         !isColumnConstraintStart(p)) {
    if (p.isPunct('(')) {
      auto inner = p.parenthesized();
      if (!inner)
        return false;
      std::string mods;
      for (char c : *inner)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
          mods += c;
      type += "(" + mods + ")";
      continue;
    }
    const SQLiteToken &t = p.next();
    if (!type.empty())
      type += ' ';
    type += t.value;
  }
  col.type = type;
  std::string constraintName;
  while (!p.atEnd() && !p.isPunct(',') && !p.isPunct(')')) {
    if (p.accept("CONSTRAINT")) {
      auto n = p.name();
      if (!n)
        return false;
      constraintName = *n;
      continue;
    }
    if (p.accept("PRIMARY")) {
      if (!p.accept("KEY"))
        return false;
      col.primaryKey = true;
      col.primaryKeyName = constraintName;
      if (p.accept("DESC"))
        col.primaryKeyDesc = true;
      else
        p.accept("ASC");
      skipConflictClause(p, col.onConflict);
      if (p.accept("AUTOINCREMENT"))
        col.autoincrement = true;
    } else if (p.accept("NOT")) {
      if (!p.accept("NULL"))
        return false;
      col.notNull = true;
      skipConflictClause(p, col.onConflict);
    } else if (p.accept("NULL")) {
      skipConflictClause(p, col.onConflict);
    } else if (p.accept("UNIQUE")) {
      col.unique = true;
      col.uniqueName = constraintName;
      skipConflictClause(p, col.onConflict);
    } else if (p.accept("CHECK")) {
      auto inner = p.parenthesized();
      if (!inner)
        return false;
      col.checks.push_back({constraintName, *inner});
    } else if (p.accept("DEFAULT")) {
      if (!parseDefault(p, col))
        return false;
    } else if (p.accept("COLLATE")) {
      auto n = p.name();
      if (!n)
        return false;
      col.collation = *n;
    } else if (p.accept("REFERENCES")) {
      SQLiteReference ref;
      if (!parseReference(p, ref))
        return false;
      col.reference = ref;
      col.referenceName = constraintName;
    } else if (p.isKeyword("GENERATED") || p.isKeyword("AS")) {
      if (p.accept("GENERATED") && !p.accept("ALWAYS"))
        return false;
      if (!p.accept("AS"))
        return false;
      auto inner = p.parenthesized();
      if (!inner)
        return false;
      col.generated = *inner;
      if (p.accept("STORED"))
        col.stored = true;
      else
        p.accept("VIRTUAL");
    } else {
      return false;
    }
    constraintName.clear();
  }
  return true;
}

bool parseTableConstraint(Parser &p, SQLiteTableConstraintDef &c) {
  if (p.accept("CONSTRAINT")) {
    auto n = p.name();
    if (!n)
      return false;
    c.name = *n;
  }
  using Kind = SQLiteTableConstraintDef::Kind;
  if (p.accept("PRIMARY") || p.accept("UNIQUE")) {
    c.kind = Kind::Unique;
    if (p.accept("KEY"))
      c.kind = Kind::PrimaryKey;
    auto cols = parseKeyList(p, &c.keyOptions, &c.autoincrement);
    if (!cols)
      return false;
    c.columns = *cols;
    skipConflictClause(p, c.onConflict);
    return true;
  }
  if (p.accept("CHECK")) {
    c.kind = Kind::Check;
    auto inner = p.parenthesized();
    if (!inner)
      return false;
    c.expr = *inner;
    return true;
  }
  if (p.accept("FOREIGN")) {
    c.kind = Kind::ForeignKey;
    if (!p.accept("KEY"))
      return false;
    auto cols = parseKeyList(p);
    if (!cols || !p.accept("REFERENCES"))
      return false;
    c.columns = *cols;
    return parseReference(p, c.reference);
  }
  return false;
}

/// Splits the comments pending before a definition: those on the line of
/// the previous token end the previous column's comment (or, after the
/// `(`, are the table's); unindented ones before the first definition are
/// the table's; the rest start the next column's.
void splitComments(Parser &p, std::string *previous, std::string &next,
                   std::string *tableComment) {
  std::vector<const SQLiteToken *> trailing, leading, table;
  for (const SQLiteToken *t : p.pendingComments()) {
    bool sameLine = !t->lineStart && t->line == p.getLastLine();
    if (sameLine && previous)
      trailing.push_back(t);
    else if (tableComment && (sameLine || t->column == 0))
      table.push_back(t);
    else
      leading.push_back(t);
  }
  p.clearComments();
  if (!trailing.empty())
    appendComment(*previous, getSQLiteCommentText(trailing));
  if (!table.empty())
    appendComment(*tableComment, getSQLiteCommentText(table));
  if (!leading.empty())
    appendComment(next, getSQLiteCommentText(leading));
}

} // namespace

SQLiteColumnDef *SQLiteCreateTable::findColumn(StringRef name) {
  for (SQLiteColumnDef &c : columns)
    if (StringRef(c.name).equals_insensitive(name))
      return &c;
  return nullptr;
}

std::vector<SQLiteCreateTable::ForeignKeyRef> SQLiteCreateTable::foreignKeys() {
  std::vector<ForeignKeyRef> out;
  for (SQLiteColumnDef &c : columns)
    if (c.reference)
      out.push_back({{c.name}, &*c.reference, &c.referenceName});
  for (SQLiteTableConstraintDef &c : constraints)
    if (c.kind == SQLiteTableConstraintDef::Kind::ForeignKey)
      out.push_back({c.columns, &c.reference, &c.name});
  return out;
}

std::optional<SQLiteCreateTable>
introspect::parseSQLiteCreateTable(StringRef sql, std::string &error) {
  Parser p(sql);
  if (!parseSQLiteCreateHeader(p, "TABLE") || !p.acceptPunct('(')) {
    error = "it is not CREATE TABLE name (...)";
    return std::nullopt;
  }
  SQLiteCreateTable out;
  std::string *previous = nullptr;
  bool first = true;
  while (true) {
    std::string comment;
    splitComments(p, previous, comment, first ? &out.comment : nullptr);
    first = false;
    if (isTableConstraintStart(p)) {
      SQLiteTableConstraintDef c;
      if (!parseTableConstraint(p, c)) {
        error = "a table constraint was not understood";
        return std::nullopt;
      }
      out.constraints.push_back(std::move(c));
      previous = nullptr;
    } else {
      SQLiteColumnDef col;
      col.comment = comment;
      if (!parseColumn(p, col)) {
        error = "the definition of a column was not understood";
        return std::nullopt;
      }
      out.columns.push_back(std::move(col));
      previous = &out.columns.back().comment;
    }
    if (p.acceptPunct(','))
      continue;
    if (!p.isPunct(')')) {
      error = "a definition was not understood";
      return std::nullopt;
    }
    std::string ignored;
    splitComments(p, previous, ignored, nullptr);
    p.next();
    break;
  }
  // Table options: WITHOUT ROWID, STRICT, separated by commas.
  while (!p.atEnd()) {
    if (p.accept("WITHOUT")) {
      p.accept("ROWID");
      out.withoutRowid = true;
    } else if (p.accept("STRICT")) {
      out.strict = true;
    } else if (!p.acceptPunct(',') && !p.acceptPunct(';')) {
      error = "a table option was not understood";
      return std::nullopt;
    }
  }
  return out;
}
