//===- CodePointIndex.h - code point positions in a UTF-8 buffer -*- C++ -*-===//
#ifndef SCHEMAC_FRONTEND_CODEPOINTINDEX_H
#define SCHEMAC_FRONTEND_CODEPOINTINDEX_H

#include "llvm/ADT/StringRef.h"
#include <algorithm>
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

} // namespace schemac

#endif
