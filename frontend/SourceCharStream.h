//===- SourceCharStream.h - UTF-8 source buffers as ANTLR input -*- C++ -*-===//
//
// ANTLR's own ANTLRInputStream copies the buffer and widens it to UTF-32
// with a growth policy that costs about 20 bytes per input byte (34 MB for a
// 1.7 MB schema). This stream reads the buffer in place: nothing extra for
// ASCII, one 4-byte offset per code point otherwise. Private to frontend/:
// only the parse-tree bridge includes it.
//
//===----------------------------------------------------------------------===//

#ifndef SCHEMAC_FRONTEND_SOURCECHARSTREAM_H
#define SCHEMAC_FRONTEND_SOURCECHARSTREAM_H

#include "CharStream.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <vector>

namespace schemac {

/// Where each code point of a UTF-8 buffer starts. ANTLR positions count
/// code points; diagnostics want byte offsets. A code point starts at every
/// byte that is not a continuation byte, so invalid UTF-8 still maps 1:1.
class CodePointIndex {
public:
  explicit CodePointIndex(llvm::StringRef text);
  bool isAscii() const { return starts.empty(); }
  size_t size() const { return count; }
  uint32_t byteOffset(size_t codePoint) const {
    if (starts.empty())
      return codePoint;
    return starts[std::min(codePoint, starts.size() - 1)];
  }

private:
  std::vector<uint32_t> starts; // empty when the text is ASCII; ends with size
  size_t count = 0;
};

/// An ANTLR character stream over a buffer that outlives it.
class SourceCharStream : public antlr4::CharStream {
public:
  SourceCharStream(llvm::StringRef text, const CodePointIndex &points)
      : text(text), points(points) {}

  void consume() override;
  size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return position; }
  void seek(size_t to) override { position = std::min(to, points.size()); }
  size_t size() override { return points.size(); }
  std::string getSourceName() const override { return "<schema>"; }
  std::string getText(const antlr4::misc::Interval &interval) override;
  std::string toString() const override { return text.str(); }

private:
  uint32_t codePointAt(size_t i) const;

  llvm::StringRef text;
  const CodePointIndex &points;
  size_t position = 0;
};

} // namespace schemac

#endif
