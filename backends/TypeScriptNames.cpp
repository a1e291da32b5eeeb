//===- TypeScriptNames.cpp - identifiers and literals in TypeScript -------===//

#include "backends/TypeScriptNames.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <vector>

using namespace schemac::backends;
using llvm::StringRef;

namespace {

bool isWordChar(char c) {
  return llvm::isAlnum(c) || static_cast<unsigned char>(c) >= 0x80;
}

bool isAllUpper(StringRef word) {
  return llvm::any_of(word, llvm::isUpper) &&
         llvm::none_of(word, [](char c) { return llvm::isLower(c); });
}

/// Reserved words of ECMAScript and TypeScript's strict mode, plus names
/// the emitted module uses as globals; sorted for binary search.
const StringRef ReservedWords[] = {
    "Array",      "Buffer",     "Date",        "Error",    "JSON",
    "Map",        "Number",     "Object",      "Set",      "String",
    "Symbol",     "any",        "arguments",   "as",       "async",
    "await",      "boolean",    "break",       "case",     "catch",
    "class",      "const",      "constructor", "continue", "debugger",
    "declare",    "default",    "delete",      "do",       "else",
    "enum",       "eval",       "export",      "extends",  "false",
    "finally",    "for",        "from",        "function", "get",
    "if",         "implements", "import",      "in",       "infer",
    "instanceof", "interface",  "is",          "keyof",    "let",
    "module",     "namespace",  "never",       "new",      "null",
    "number",     "object",     "of",          "package",  "private",
    "protected",  "public",     "readonly",    "require",  "return",
    "set",        "static",     "string",      "super",    "switch",
    "symbol",     "this",       "throw",       "true",     "try",
    "type",       "typeof",     "undefined",   "unique",   "unknown",
    "var",        "void",       "while",       "with",     "yield",
};

} // namespace

std::string schemac::backends::toCamelCase(StringRef name) {
  std::vector<StringRef> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && !isWordChar(name[i]))
      ++i;
    size_t start = i;
    while (i < name.size() && isWordChar(name[i]))
      ++i;
    if (i > start)
      words.push_back(name.slice(start, i));
  }
  std::string out;
  for (StringRef word : words) {
    if (out.empty()) {
      out = isAllUpper(word) ? word.lower() : word.str();
      out[0] = llvm::toLower(out[0]);
    } else {
      std::string w = word.str();
      w[0] = llvm::toUpper(w[0]);
      out += w;
    }
  }
  return out;
}

bool schemac::backends::isPlainTSIdentifier(StringRef name) {
  if (name.empty() || llvm::isDigit(name[0]))
    return false;
  return llvm::all_of(
      name, [](char c) { return llvm::isAlnum(c) || c == '_' || c == '$'; });
}

bool schemac::backends::isReservedTSWord(StringRef name) {
  return std::binary_search(std::begin(ReservedWords), std::end(ReservedWords),
                            name);
}

std::string schemac::backends::quoteTSString(StringRef value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      else
        out += c;
    }
  }
  return out + '"';
}

std::string schemac::backends::formatPropertyKey(StringRef key) {
  return isPlainTSIdentifier(key) ? key.str() : quoteTSString(key);
}

std::string schemac::backends::formatMemberAccess(StringRef object,
                                                  StringRef key) {
  if (isPlainTSIdentifier(key))
    return (object + "." + key).str();
  return (object + "[" + quoteTSString(key) + "]").str();
}

std::string schemac::backends::formatSQLTemplate(StringRef sqlText) {
  std::string out = "sql`";
  for (size_t i = 0; i < sqlText.size(); ++i) {
    char c = sqlText[i];
    if (c == '\\' || c == '`')
      out += '\\';
    else if (c == '$' && i + 1 < sqlText.size() && sqlText[i + 1] == '{')
      out += '\\';
    out += c;
  }
  return out + '`';
}

std::string TSNameAllocator::allocate(StringRef base, StringRef suffix) {
  std::string name;
  for (char c : base)
    if (llvm::isAlnum(c) || c == '_' || c == '$')
      name += c;
  if (name.empty() || llvm::isDigit(name[0]))
    name = "_" + name;
  if (taken.contains(name) || isReservedTSWord(name))
    name += suffix;
  std::string candidate = name;
  for (unsigned n = 2; taken.contains(candidate) || isReservedTSWord(candidate);
       ++n)
    candidate = name + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}
