//===- JSONDOM.cpp - parser for the compact JSON tree ---------------------===//

#include "ir/JSONDOM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/JSON.h"
#include <climits>

namespace schemac::ir::jsondom {

Value Value::makeObject(llvm::ArrayRef<Member> members) {
  return Value(Kind::Object, members.data(), members.size());
}

std::optional<bool> Value::getAsBool() const {
  if (kind != Kind::Bool)
    return std::nullopt;
  return size != 0;
}

std::optional<llvm::StringRef> Value::getAsString() const {
  if (kind != Kind::String)
    return std::nullopt;
  return text();
}

std::optional<int64_t> Value::getAsInteger() const {
  if (kind != Kind::Number)
    return std::nullopt;
  int64_t v;
  // getAsInteger rejects fractions, exponents and overflow.
  if (text().getAsInteger(10, v))
    return std::nullopt;
  return v;
}

std::optional<llvm::ArrayRef<Value>> Value::getAsArray() const {
  if (kind != Kind::Array)
    return std::nullopt;
  return llvm::ArrayRef<Value>(static_cast<const Value *>(ptr), size);
}

std::optional<llvm::ArrayRef<Member>> Value::getAsObject() const {
  if (kind != Kind::Object)
    return std::nullopt;
  return llvm::ArrayRef<Member>(static_cast<const Member *>(ptr), size);
}

/// A recursive-descent JSON parser (RFC 8259) building the compact tree.
class Parser {
public:
  Parser(llvm::StringRef text, unsigned maxDepth, Document &doc)
      : text(text), maxDepth(maxDepth), alloc(doc.alloc) {}

  llvm::Error run(Value &root) {
    skipSpace();
    if (parseValue(root, 0)) {
      skipSpace();
      if (pos == text.size())
        return llvm::Error::success();
      fail("unexpected text after the JSON value");
    }
    // Report 1-based line and column of the failure.
    llvm::StringRef before = text.take_front(errorPos);
    size_t line = before.count('\n') + 1;
    size_t lineStart = before.rfind('\n');
    size_t column =
        errorPos - (lineStart == llvm::StringRef::npos ? 0 : lineStart + 1) + 1;
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "line " + std::to_string(line) +
                                       ", column " + std::to_string(column) +
                                       ": " + error);
  }

private:
  bool fail(llvm::StringRef msg) {
    if (error.empty()) {
      error = msg.str();
      errorPos = std::min(pos, text.size());
    }
    return false;
  }

  void skipSpace() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }

  bool consume(llvm::StringRef word) {
    if (!text.substr(pos).starts_with(word))
      return false;
    pos += word.size();
    return true;
  }

  bool parseValue(Value &out, unsigned depth) {
    if (pos >= text.size())
      return fail("unexpected end of input");
    switch (text[pos]) {
    case '{':
    case '[':
      if (depth >= maxDepth)
        return fail("nested deeper than " + std::to_string(maxDepth) +
                    " levels");
      return text[pos] == '{' ? parseObject(out, depth + 1)
                              : parseArray(out, depth + 1);
    case '"': {
      llvm::StringRef s;
      if (!parseString(s))
        return false;
      out = Value::makeString(s);
      return true;
    }
    case 't':
    case 'f':
    case 'n':
      if (consume("true"))
        out = Value::makeBool(true);
      else if (consume("false"))
        out = Value::makeBool(false);
      else if (consume("null"))
        out = Value::makeNull();
      else
        return fail("invalid literal");
      return true;
    default:
      return parseNumber(out);
    }
  }

  bool parseNumber(Value &out) {
    size_t start = pos;
    auto digits = [&] {
      size_t from = pos;
      while (pos < text.size() && llvm::isDigit(text[pos]))
        ++pos;
      return pos > from;
    };
    if (pos < text.size() && text[pos] == '-')
      ++pos;
    if (pos < text.size() && text[pos] == '0')
      ++pos;
    else if (!digits())
      return fail("expected a value");
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      if (!digits())
        return fail("expected digits after '.'");
    }
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
      ++pos;
      if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
        ++pos;
      if (!digits())
        return fail("expected exponent digits");
    }
    out = Value::makeNumber(text.slice(start, pos));
    return true;
  }

  /// Four hex digits of a \u escape.
  bool parseHex4(unsigned &out) {
    if (pos + 4 > text.size())
      return fail("truncated \\u escape");
    out = 0;
    for (unsigned i = 0; i < 4; ++i) {
      char c = text[pos++];
      unsigned d = llvm::hexDigitValue(c);
      if (d == ~0U)
        return fail("invalid \\u escape");
      out = out * 16 + d;
    }
    return true;
  }

  bool parseString(llvm::StringRef &out) {
    ++pos; // opening quote
    size_t start = pos;
    // Fast path: no escapes, the text is referenced in place.
    while (pos < text.size() && text[pos] != '"' && text[pos] != '\\') {
      if (static_cast<unsigned char>(text[pos]) < 0x20)
        return fail("control character in string");
      ++pos;
    }
    if (pos >= text.size())
      return fail("unterminated string");
    if (text[pos] == '"') {
      out = text.slice(start, pos++);
      return checkSize(out);
    }
    std::string decoded = text.slice(start, pos).str();
    while (true) {
      if (pos >= text.size())
        return fail("unterminated string");
      char c = text[pos];
      if (c == '"') {
        ++pos;
        break;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return fail("control character in string");
      if (c != '\\') {
        decoded += c;
        ++pos;
        continue;
      }
      if (++pos >= text.size())
        return fail("unterminated string");
      switch (text[pos++]) {
      case '"':
        decoded += '"';
        break;
      case '\\':
        decoded += '\\';
        break;
      case '/':
        decoded += '/';
        break;
      case 'b':
        decoded += '\b';
        break;
      case 'f':
        decoded += '\f';
        break;
      case 'n':
        decoded += '\n';
        break;
      case 'r':
        decoded += '\r';
        break;
      case 't':
        decoded += '\t';
        break;
      case 'u': {
        unsigned cp;
        if (!parseHex4(cp))
          return false;
        // A surrogate pair makes one code point; a lone surrogate becomes
        // U+FFFD, as llvm::json does.
        if (cp >= 0xD800 && cp <= 0xDBFF &&
            text.substr(pos).starts_with("\\u")) {
          size_t save = pos;
          pos += 2;
          unsigned low;
          if (!parseHex4(low))
            return false;
          if (low >= 0xDC00 && low <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          else
            pos = save;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
          cp = 0xFFFD;
        char buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
        char *end = buf;
        llvm::ConvertCodePointToUTF8(cp, end);
        decoded.append(buf, end);
        break;
      }
      default:
        --pos;
        return fail("invalid escape");
      }
    }
    char *mem = alloc.Allocate<char>(decoded.size());
    std::copy(decoded.begin(), decoded.end(), mem);
    out = llvm::StringRef(mem, decoded.size());
    return checkSize(out);
  }

  bool checkSize(llvm::StringRef s) {
    return s.size() <= UINT32_MAX || fail("string too long");
  }

  template <typename T> llvm::ArrayRef<T> copy(llvm::ArrayRef<T> items) {
    if (items.empty())
      return {};
    T *mem = alloc.Allocate<T>(items.size());
    std::uninitialized_copy(items.begin(), items.end(), mem);
    return {mem, items.size()};
  }

  bool parseArray(Value &out, unsigned depth) {
    ++pos; // [
    llvm::SmallVector<Value, 8> items;
    skipSpace();
    if (pos < text.size() && text[pos] == ']') {
      ++pos;
      out = Value::makeArray({});
      return true;
    }
    while (true) {
      skipSpace();
      if (!parseValue(items.emplace_back(Value::makeNull()), depth))
        return false;
      skipSpace();
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] == ']') {
        ++pos;
        break;
      }
      return fail("expected ',' or ']'");
    }
    out = Value::makeArray(copy<Value>(items));
    return true;
  }

  bool parseObject(Value &out, unsigned depth) {
    ++pos; // {
    llvm::SmallVector<Member, 8> members;
    skipSpace();
    if (pos < text.size() && text[pos] == '}') {
      ++pos;
      out = Value::makeObject({});
      return true;
    }
    while (true) {
      skipSpace();
      if (pos >= text.size() || text[pos] != '"')
        return fail("expected a string key");
      Member &m = members.emplace_back(Member{"", Value::makeNull()});
      if (!parseString(m.key))
        return false;
      skipSpace();
      if (pos >= text.size() || text[pos] != ':')
        return fail("expected ':'");
      ++pos;
      skipSpace();
      if (!parseValue(m.value, depth))
        return false;
      skipSpace();
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] == '}') {
        ++pos;
        break;
      }
      return fail("expected ',' or '}'");
    }
    out = Value::makeObject(copy<Member>(members));
    return true;
  }

  llvm::StringRef text;
  size_t pos = 0;
  unsigned maxDepth;
  llvm::BumpPtrAllocator &alloc;
  std::string error;
  size_t errorPos = 0;
};

llvm::Error Document::parse(llvm::StringRef text, unsigned maxDepth) {
  if (!llvm::json::isUTF8(text))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the text is not valid UTF-8");
  return Parser(text, maxDepth, *this).run(root);
}

} // namespace schemac::ir::jsondom
