//===- OutputFile.h - atomic output files and Makefile depfiles -----------===//
#ifndef SCHEMAC_DRIVER_OUTPUTFILE_H
#define SCHEMAC_DRIVER_OUTPUTFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace llvm {
class raw_ostream;
}

namespace schemac::driver {

/// Replaces `path` with `contents` through a temporary file in the same
/// directory and a rename, so readers never see a partial file. With
/// `onlyIfChanged`, an existing file with the same bytes is left untouched
/// (its mtime too), which keeps build systems from rebuilding dependents.
/// Devices and pipes (/dev/null, /dev/stdout) are written in place.
llvm::Error writeFileAtomically(llvm::StringRef path, llvm::StringRef contents,
                                bool onlyIfChanged);

/// Writes what `write` prints, atomically as above, without first building
/// the whole text in memory (snapshots of large schemas).
using ContentWriter = llvm::function_ref<void(llvm::raw_ostream &)>;
llvm::Error writeFileAtomically(llvm::StringRef path,
                                const ContentWriter &write);

/// As above, for a writer that can fail partway (a backend reporting an
/// error): when `write` returns false the temporary is discarded and `path`
/// is left as it was. The result says whether the file was written.
using FallibleWriter = llvm::function_ref<bool(llvm::raw_ostream &)>;
llvm::Expected<bool> writeFileIfComplete(llvm::StringRef path,
                                         const FallibleWriter &write);

/// Makefile syntax: `target: dep1 dep2 ...`, with spaces, '#' and '$'
/// escaped the way make and ninja read them.
std::string formatDepfile(llvm::StringRef target,
                          llvm::ArrayRef<std::string> dependencies);

} // namespace schemac::driver

#endif
