//===- SourceCharStream.cpp - UTF-8 source buffers as ANTLR input ---------===//

#include "SourceCharStream.h"

#include "Exceptions.h"
#include "misc/Interval.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ConvertUTF.h"

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

void SourceCharStream::consume() {
  if (position >= points.size())
    throw antlr4::IllegalStateException("cannot consume EOF");
  ++position;
}

size_t SourceCharStream::LA(ssize_t i) {
  if (i == 0)
    return 0; // undefined, as in ANTLR's own streams
  // LA(1) is the current code point, LA(-1) the one before it.
  ssize_t at = i > 0 ? (ssize_t)position + i - 1 : (ssize_t)position + i;
  if (at < 0 || (size_t)at >= points.size())
    return antlr4::IntStream::EOF;
  return codePointAt(at);
}

uint32_t SourceCharStream::codePointAt(size_t i) const {
  if (points.isAscii())
    return (unsigned char)text[i];
  uint32_t begin = points.byteOffset(i), end = points.byteOffset(i + 1);
  auto *source = reinterpret_cast<const llvm::UTF8 *>(text.data() + begin);
  if (end - begin == 1)
    return *source;
  llvm::UTF32 codePoint = 0xFFFD; // what invalid UTF-8 reads as
  llvm::UTF32 *target = &codePoint;
  llvm::ConvertUTF8toUTF32(&source, source + (end - begin), &target, target + 1,
                           llvm::lenientConversion);
  return codePoint;
}

std::string SourceCharStream::getText(const antlr4::misc::Interval &interval) {
  if (interval.a < 0 || interval.b < interval.a ||
      (size_t)interval.a >= points.size())
    return "";
  size_t last = std::min<size_t>(interval.b, points.size() - 1);
  uint32_t begin = points.byteOffset(interval.a);
  uint32_t end = points.byteOffset(last + 1);
  return text.substr(begin, end - begin).str();
}
