//===- JSONDOM.h - a compact JSON tree for reading snapshots --------------===//
//
// Private to ir/. llvm::json::Value spends about 4 KB per object (each is a
// DenseMap), which makes a 100,000-table snapshot cost gigabytes; this tree
// spends 16 bytes per value and 32 per member, references undecoded strings
// in the input and keeps member order.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_JSONDOM_H
#define SCHEMAC_IR_JSONDOM_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace schemac::ir::jsondom {

struct Member;

/// One JSON value; strings and numbers hold their (decoded) text.
class Value {
public:
  enum class Kind : uint8_t { Null, Bool, Number, String, Array, Object };

  Kind getKind() const { return kind; }
  std::optional<bool> getAsBool() const;
  std::optional<llvm::StringRef> getAsString() const;
  /// Integers written without fraction or exponent, within int64.
  std::optional<int64_t> getAsInteger() const;
  std::optional<llvm::ArrayRef<Value>> getAsArray() const;
  std::optional<llvm::ArrayRef<Member>> getAsObject() const;

  static Value makeNull() { return Value(Kind::Null, nullptr, 0); }
  static Value makeBool(bool b) { return Value(Kind::Bool, nullptr, b); }
  static Value makeNumber(llvm::StringRef text) {
    return Value(Kind::Number, text.data(), text.size());
  }
  static Value makeString(llvm::StringRef s) {
    return Value(Kind::String, s.data(), s.size());
  }
  static Value makeArray(llvm::ArrayRef<Value> items) {
    return Value(Kind::Array, items.data(), items.size());
  }
  static Value makeObject(llvm::ArrayRef<Member> members);

private:
  Value(Kind kind, const void *ptr, size_t size)
      : kind(kind), size(uint32_t(size)), ptr(ptr) {}
  llvm::StringRef text() const {
    return llvm::StringRef(static_cast<const char *>(ptr), size);
  }

  Kind kind;
  uint32_t size; ///< bytes, elements or members; 0/1 for booleans
  const void *ptr;
};

struct Member {
  llvm::StringRef key;
  Value value;
};

/// Owns a parsed tree. Undecoded strings point into the parsed text, which
/// must outlive the document.
class Document {
public:
  /// Parses `text` (which must be valid UTF-8 JSON nested at most
  /// `maxDepth` levels); the error says where parsing stopped.
  llvm::Error parse(llvm::StringRef text, unsigned maxDepth);
  const Value &getRoot() const { return root; }

private:
  friend class Parser;
  llvm::BumpPtrAllocator alloc;
  Value root = Value::makeNull();
};

} // namespace schemac::ir::jsondom

#endif
