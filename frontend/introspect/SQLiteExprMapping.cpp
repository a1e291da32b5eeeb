//===- SQLiteExprMapping.cpp - SQLite's stored expressions to sema's IR ---===//
//
// SQLite keeps expressions as they were written, so what export wrote reads
// back almost unchanged: only SQLite's own spellings need a rewrite, first
// of the text (quoting, ==, IS) so the schema language's expression parser
// takes it, then of the tree (CURRENT_TIMESTAMP is how export spells now()).
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/SQLiteIntrospector.h"
#include "frontend/introspect/SQLiteTokens.h"
#include "llvm/ADT/SmallVector.h"

using namespace schemac;
using namespace schemac::introspect;
using namespace schemac::ir;
using llvm::StringRef;

/// `"name"` with inner quotes doubled.
static std::string quoteIdent(StringRef name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"')
      out += c;
  }
  return out + "\"";
}

/// Whether a token ends an operand, so a NOT NULL after it is the postfix
/// test `x NOT NULL` and not a keyword sequence.
static bool endsOperand(const SQLiteToken &t) {
  switch (t.kind) {
  case SQLiteToken::Ident:
  case SQLiteToken::String:
  case SQLiteToken::Number:
    return true;
  case SQLiteToken::Punct:
    return t.value == ")";
  case SQLiteToken::Word:
    for (StringRef k : {"AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "CASE",
                        "IS", "IN", "LIKE", "BETWEEN", "SELECT", "WHERE"})
      if (t.isWord(k))
        return false;
    return true;
  default:
    return false;
  }
}

std::string introspect::normalizeSQLiteText(StringRef text) {
  std::vector<SQLiteToken> tokens = tokenizeSQLite(text);
  std::string out;
  out.reserve(text.size() + 16);
  size_t last = 0;
  const SQLiteToken *previous = nullptr;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const SQLiteToken &t = tokens[i];
    if (t.kind == SQLiteToken::Comment)
      continue;
    // The space before the token as written (a block comment is a space).
    StringRef gap = text.slice(last, t.begin);
    if (!gap.empty())
      out += gap.trim().empty() ? gap.str() : std::string(" ");
    last = t.end;
    auto nextWord = [&](size_t from, unsigned ahead) -> const SQLiteToken & {
      for (size_t k = from + 1; k < tokens.size(); ++k)
        if (tokens[k].kind != SQLiteToken::Comment && ahead-- == 0)
          return tokens[k];
      return tokens.back();
    };
    auto skipTo = [&](size_t &k, unsigned count) {
      for (; count; --count) {
        do
          ++k;
        while (tokens[k].kind == SQLiteToken::Comment);
      }
      last = tokens[k].end;
    };
    if (t.kind == SQLiteToken::Ident) {
      out += quoteIdent(t.value);
    } else if (t.isPunct("==")) {
      out += "=";
    } else if (t.isWord("ISNULL")) {
      out += "IS NULL";
    } else if (t.isWord("NOTNULL")) {
      out += "IS NOT NULL";
    } else if (t.isWord("NOT") && nextWord(i, 0).isWord("NULL") && previous &&
               endsOperand(*previous)) {
      out += "IS NOT NULL";
      skipTo(i, 1);
    } else if (t.isWord("IS")) {
      // IS NULL, IS NOT NULL, IS [NOT] DISTINCT FROM stay; SQLite's
      // `a IS b` and `a IS NOT b` are the null-safe comparisons.
      const SQLiteToken &n0 = nextWord(i, 0);
      if (n0.isWord("NOT")) {
        const SQLiteToken &n1 = nextWord(i, 1);
        if (n1.isWord("NULL") || n1.isWord("DISTINCT")) {
          out += t.value;
        } else {
          out += "IS DISTINCT FROM";
          skipTo(i, 1);
        }
      } else if (n0.isWord("NULL") || n0.isWord("DISTINCT")) {
        out += t.value;
      } else {
        out += "IS NOT DISTINCT FROM";
      }
    } else {
      out += text.slice(t.begin, t.end).str();
    }
    previous = &tokens[i];
  }
  return out;
}

namespace {

/// Rebuilds a tree, rewriting SQLite's spellings on the way.
class Mapper {
public:
  Mapper(ExprArena &arena, const Table *table) : arena(arena), table(table) {}

  const Expr *map(const Expr *e) {
    if (!e)
      return nullptr;
    switch (e->getKind()) {
    case Expr::Kind::ColumnRef: {
      // A qualifier can only name the table itself.
      const auto *ref = llvm::cast<ColumnRef>(e);
      StringRef column = ref->getColumn();
      if (table && !table->findColumn(column))
        for (const Column &c : table->columns)
          if (c.name.equals_insensitive(column))
            column = c.name;
      if (ref->getTable().empty() && column == ref->getColumn())
        return e;
      return arena.create<ColumnRef>(StringRef(), column, SourceRange());
    }
    case Expr::Kind::FuncCall: {
      const auto *call = llvm::cast<FuncCall>(e);
      if (call->hasNoParens() && call->getSchema().empty() &&
          call->getName() == "current_timestamp")
        return arena.create<FuncCall>(StringRef(), "now",
                                      llvm::ArrayRef<const Expr *>(), false,
                                      false, false, SourceRange());
      break;
    }
    default:
      break;
    }
    return mapChildren(e, arena, [this](const Expr *c) { return map(c); });
  }

private:
  ExprArena &arena;
  const Table *table;
};

} // namespace

const Expr *introspect::mapSQLiteExpr(const Expr *e, ExprArena &arena,
                                      const Table *table) {
  return Mapper(arena, table).map(e);
}
