//===- SourceManager.cpp - input buffers and offset-to-line mapping -------===//

#include "diagnostics/SourceManager.h"
#include <algorithm>
#include <cassert>

using namespace schemac;

FileID SourceManager::addBuffer(std::string name, std::string contents) {
  files.push_back(File{std::move(name), std::move(contents), {}});
  return static_cast<FileID>(files.size());
}

const std::vector<uint32_t> &SourceManager::lineStarts(const File &f) const {
  if (!f.lineStarts.empty())
    return f.lineStarts;
  f.lineStarts.push_back(0);
  llvm::StringRef text = f.contents;
  for (size_t i = 0, e = text.size(); i != e; ++i)
    if (text[i] == '\n')
      f.lineStarts.push_back(static_cast<uint32_t>(i + 1));
  return f.lineStarts;
}

/// Counts the UTF-16 code units of UTF-8 text. Invalid bytes count as one
/// unit each, the way editors show a replacement character.
static unsigned countUTF16(llvm::StringRef text) {
  unsigned units = 0;
  for (size_t i = 0, e = text.size(); i < e;) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 1;
    if (i + len > e)
      len = 1;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
        len = 1;
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

LineColumn SourceManager::getLineColumn(FileID id, uint32_t offset) const {
  assert(id >= 1 && id <= files.size() && "invalid FileID");
  const File &f = files[id - 1];
  offset = std::min<uint32_t>(offset, f.contents.size());
  const std::vector<uint32_t> &starts = lineStarts(f);
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  unsigned lineIndex = static_cast<unsigned>(it - starts.begin()) - 1;
  uint32_t lineStart = starts[lineIndex];
  LineColumn lc;
  lc.line = lineIndex + 1;
  lc.column = offset - lineStart + 1;
  lc.utf16Column =
      countUTF16(llvm::StringRef(f.contents).slice(lineStart, offset));
  return lc;
}

llvm::StringRef SourceManager::getLine(FileID id, unsigned line) const {
  assert(id >= 1 && id <= files.size() && "invalid FileID");
  const File &f = files[id - 1];
  const std::vector<uint32_t> &starts = lineStarts(f);
  if (line == 0 || line > starts.size())
    return {};
  llvm::StringRef text = f.contents;
  size_t begin = starts[line - 1];
  size_t end = line < starts.size() ? starts[line] - 1 : text.size();
  llvm::StringRef result = text.slice(begin, end);
  return result.ends_with("\r") ? result.drop_back() : result;
}
