//===- Naming.cpp - the names databases derive for constraints/indexes ----===//
//
// PostgreSQL rules mirror src/backend/commands/indexcmds.c (makeObjectName,
// ChooseIndexNameAddition, ChooseRelationName) and pg_constraint.c
// (ChooseConstraintName); MySQL and SQLite rules are in docs/naming.md.
//
//===----------------------------------------------------------------------===//

#include "ir/Naming.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>

namespace schemac::ir {

namespace {

/// PostgreSQL's NAMEDATALEN: names hold at most NAMEDATALEN - 1 bytes.
constexpr unsigned NameDataLen = 64;

/// Length of the UTF-8 sequence a lead byte starts (1 for stray bytes, as
/// PostgreSQL's pg_utf_mblen).
unsigned utf8SeqLength(unsigned char c) {
  if (c < 0x80)
    return 1;
  if ((c & 0xe0) == 0xc0)
    return 2;
  if ((c & 0xf0) == 0xe0)
    return 3;
  if ((c & 0xf8) == 0xf0)
    return 4;
  return 1;
}

/// pg_mbcliplen for UTF-8: the longest prefix of at most `limit` bytes that
/// ends on a character boundary.
size_t clipUtf8(llvm::StringRef s, size_t limit) {
  size_t len = 0;
  while (len < s.size()) {
    unsigned n = utf8SeqLength(s[len]);
    if (len + n > limit)
      break;
    len += n;
  }
  return std::min(len, s.size());
}

/// ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: the
/// names joined by '_', each clipped to NAMEDATALEN - 1 bytes (bytewise, as
/// strlcpy), stopping once the buffer reaches NAMEDATALEN bytes.
std::string joinNameAddition(llvm::ArrayRef<std::string> names) {
  std::string buf;
  for (const std::string &name : names) {
    if (!buf.empty())
      buf += '_';
    buf.append(name, 0, std::min<size_t>(name.size(), NameDataLen - 1));
    if (buf.size() >= NameDataLen)
      break;
  }
  return buf;
}

/// MySQL's make_unique_key_name keeps 61 bytes of the column name before
/// appending "_<n>" (its buffer holds NAME_LEN + 1 bytes, minus 4).
std::string numberMySQLKeyName(llvm::StringRef base, unsigned n) {
  return base.take_front(clipUtf8(base, 61)).str() + "_" + std::to_string(n);
}

} // namespace

unsigned getMaxIdentifierLength(Dialect d) {
  switch (d) {
  case Dialect::PostgreSQL:
    return NameDataLen - 1;
  case Dialect::MySQL:
    return 64;
  case Dialect::SQLite:
    return 0;
  }
  return 0;
}

std::string makeObjectName(llvm::StringRef name1, llvm::StringRef name2,
                           llvm::StringRef label) {
  // An empty name2 or label stands for PostgreSQL's NULL: no separator.
  size_t overhead = name2.empty() ? 0 : 1;
  if (!label.empty())
    overhead += label.size() + 1;
  size_t avail = NameDataLen - 1 > overhead ? NameDataLen - 1 - overhead : 0;

  // Take bytes from the longer name first (ties: from name2), as PostgreSQL.
  size_t n1 = name1.size(), n2 = name2.size();
  if (n1 + n2 > avail) {
    size_t excess = n1 + n2 - avail;
    if (n1 > n2) {
      size_t cut = std::min(excess, n1 - n2);
      n1 -= cut;
      excess -= cut;
    } else if (n2 > n1) {
      size_t cut = std::min(excess, n2 - n1);
      n2 -= cut;
      excess -= cut;
    }
    // Now n1 == n2 (or excess is 0): alternate, name2 first.
    n2 -= (excess + 1) / 2;
    n1 -= excess / 2;
  }
  n1 = clipUtf8(name1, n1);
  n2 = clipUtf8(name2, n2);

  std::string out = name1.take_front(n1).str();
  if (!name2.empty())
    out += "_" + name2.take_front(n2).str();
  if (!label.empty())
    out += "_" + label.str();
  return out;
}

NameParts deriveNameParts(Dialect d, NamedKind kind, llvm::StringRef table,
                          llvm::ArrayRef<std::string> columns) {
  std::string tbl = table.str();
  switch (d) {
  case Dialect::PostgreSQL:
    switch (kind) {
    case NamedKind::PrimaryKey:
      return {tbl, "", "pkey"};
    case NamedKind::Unique:
      return {tbl, joinNameAddition(columns), "key"};
    case NamedKind::ForeignKey:
      return {tbl, joinNameAddition(columns), "fkey"};
    case NamedKind::Check: {
      // PostgreSQL uses the column only when exactly one distinct column is
      // referenced.
      bool single =
          !columns.empty() && llvm::all_of(columns, [&](const std::string &c) {
            return c == columns.front();
          });
      return {tbl, single ? columns.front() : "", "check"};
    }
    case NamedKind::Index:
      return {tbl, joinNameAddition(columns), "idx"};
    }
    break;
  case Dialect::MySQL:
    switch (kind) {
    case NamedKind::PrimaryKey:
      return {"PRIMARY", "", ""};
    case NamedKind::Unique:
    case NamedKind::Index:
      return {columns.empty() ? "" : columns.front(), "", ""};
    case NamedKind::ForeignKey:
      return {tbl, "", "ibfk"};
    case NamedKind::Check:
      return {tbl, "", "chk"};
    }
    break;
  case Dialect::SQLite:
    switch (kind) {
    case NamedKind::PrimaryKey:
    case NamedKind::Unique:
      return {"sqlite_autoindex_" + tbl, "", ""};
    case NamedKind::Index:
      return {tbl, joinNameAddition(columns), "idx"};
    case NamedKind::ForeignKey:
    case NamedKind::Check:
      return {};
    }
    break;
  }
  return {};
}

std::string chooseName(Dialect d, const NameParts &parts,
                       llvm::function_ref<bool(llvm::StringRef)> isTaken) {
  switch (d) {
  case Dialect::PostgreSQL: {
    std::string name = makeObjectName(parts.name1, parts.name2, parts.label);
    for (unsigned pass = 1; isTaken(name); ++pass)
      name = makeObjectName(parts.name1, parts.name2,
                            parts.label + std::to_string(pass));
    return name;
  }
  case Dialect::MySQL: {
    if (parts.name1 == "PRIMARY" && parts.label.empty())
      return parts.name1;
    if (!parts.label.empty()) {
      // <table>_ibfk_<n> / <table>_chk_<n>, numbered from 1.
      for (unsigned n = 1;; ++n) {
        std::string name =
            parts.name1 + "_" + parts.label + "_" + std::to_string(n);
        if (!isTaken(name))
          return name;
      }
    }
    // Index names: the first column, then <column>_2, <column>_3, ...
    std::string name = parts.name1;
    for (unsigned n = 2;
         isTaken(name) || llvm::StringRef(name).equals_insensitive("PRIMARY");
         ++n)
      name = numberMySQLKeyName(parts.name1, n);
    return name;
  }
  case Dialect::SQLite: {
    if (parts.name1.empty())
      return ""; // SQLite keeps unnamed foreign keys and checks unnamed.
    if (parts.label.empty()) {
      // sqlite_autoindex_<table>_<n>, numbered from 1.
      for (unsigned n = 1;; ++n) {
        std::string name = parts.name1 + "_" + std::to_string(n);
        if (!isTaken(name))
          return name;
      }
    }
    std::string base = parts.name1;
    if (!parts.name2.empty())
      base += "_" + parts.name2;
    std::string name = base + "_" + parts.label;
    for (unsigned pass = 1; isTaken(name); ++pass)
      name = base + "_" + parts.label + std::to_string(pass);
    return name;
  }
  }
  return "";
}

void makeIndexWordsUnique(std::vector<std::string> &words) {
  llvm::StringSet<> used;
  for (std::string &w : words) {
    std::string candidate = w;
    for (unsigned i = 1; used.count(candidate); ++i)
      candidate = w + std::to_string(i);
    used.insert(candidate);
    w = std::move(candidate);
  }
}

} // namespace schemac::ir
