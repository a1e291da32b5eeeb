//===- CodePointIndex.cpp - code point positions in a UTF-8 buffer --------===//

#include "frontend/CodePointIndex.h"
#include "llvm/ADT/STLExtras.h"

using namespace schemac;

CodePointIndex::CodePointIndex(llvm::StringRef text) {
  bool ascii =
      llvm::all_of(text, [](char c) { return (unsigned char)c < 0x80; });
  if (ascii) {
    count = text.size();
    return;
  }
  for (uint32_t i = 0; i < text.size(); ++i)
    if (((unsigned char)text[i] & 0xC0) != 0x80)
      starts.push_back(i);
  count = starts.size();
  starts.push_back(text.size());
}
