//===- SourceManager.h - owns input buffers and maps offsets to lines -----===//
#ifndef SCHEMAC_DIAGNOSTICS_SOURCEMANAGER_H
#define SCHEMAC_DIAGNOSTICS_SOURCEMANAGER_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace schemac {

/// Index of a buffer in the SourceManager; 0 means "no file".
using FileID = uint32_t;

/// A half-open byte range [begin, end) in one buffer. Cheap to copy; an
/// invalid range (file 0) marks diagnostics without a source position.
struct SourceRange {
  FileID file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool isValid() const { return file != 0; }
  static SourceRange point(FileID f, uint32_t offset) {
    return {f, offset, offset};
  }
};

/// A position resolved for printing. Lines and columns are 1-based; `column`
/// counts bytes (clang style), `utf16Column` is 0-based UTF-16 units (LSP).
struct LineColumn {
  unsigned line = 0;
  unsigned column = 0;
  unsigned utf16Column = 0;
};

/// Owns every source buffer the driver reads, so that diagnostics can quote
/// lines long after parsing. Files keep the name the user gave.
class SourceManager {
public:
  /// Adds a buffer; returns its id (>= 1).
  FileID addBuffer(std::string name, std::string contents);

  llvm::StringRef getName(FileID id) const { return files[id - 1].name; }
  llvm::StringRef getBuffer(FileID id) const { return files[id - 1].contents; }
  size_t size() const { return files.size(); }

  LineColumn getLineColumn(FileID id, uint32_t offset) const;
  /// The text of the 1-based line (without its newline).
  llvm::StringRef getLine(FileID id, unsigned line) const;

private:
  struct File {
    std::string name;
    std::string contents;
    mutable std::vector<uint32_t> lineStarts; // computed on first use
  };
  const std::vector<uint32_t> &lineStarts(const File &f) const;
  std::vector<File> files;
};

} // namespace schemac

#endif
