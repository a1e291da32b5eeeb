//===- OutputFile.cpp - atomic output files and Makefile depfiles ---------===//

#include "driver/OutputFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace schemac;
using namespace schemac::driver;

static bool hasContents(llvm::StringRef path, llvm::StringRef contents) {
  auto existing = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
  return existing && (*existing)->getBuffer() == contents;
}

/// Flushes `os` and turns a write failure into an error.
static llvm::Error finish(llvm::raw_fd_ostream &os) {
  os.flush();
  if (!os.has_error())
    return llvm::Error::success();
  std::error_code ec = os.error();
  os.clear_error();
  return llvm::errorCodeToError(ec);
}

static llvm::Expected<bool> writeInPlace(llvm::StringRef path,
                                         const FallibleWriter &write) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return llvm::errorCodeToError(ec);
  bool complete = write(os);
  if (llvm::Error err = finish(os))
    return err;
  return complete;
}

llvm::Error driver::writeFileAtomically(llvm::StringRef path,
                                        llvm::StringRef contents,
                                        bool onlyIfChanged) {
  if (onlyIfChanged && hasContents(path, contents))
    return llvm::Error::success();
  return writeFileAtomically(path,
                             [&](llvm::raw_ostream &os) { os << contents; });
}

llvm::Error driver::writeFileAtomically(llvm::StringRef path,
                                        const ContentWriter &write) {
  llvm::Expected<bool> written =
      writeFileIfComplete(path, [&](llvm::raw_ostream &os) {
        write(os);
        return true;
      });
  return written.takeError();
}

llvm::Expected<bool> driver::writeFileIfComplete(llvm::StringRef path,
                                                 const FallibleWriter &write) {
  // A device or pipe (-o /dev/null, -o /dev/stdout) is written in place:
  // renaming a temporary over it would replace the device with a file.
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(path, status) && llvm::sys::fs::exists(status) &&
      !llvm::sys::fs::is_regular_file(status) &&
      !llvm::sys::fs::is_directory(status))
    return writeInPlace(path, write);
  llvm::SmallString<256> model(path);
  model += "-%%%%%%%%.tmp";
  auto temp = llvm::sys::fs::TempFile::create(model);
  if (!temp)
    return temp.takeError();
  bool complete;
  {
    llvm::raw_fd_ostream os(temp->FD, /*shouldClose=*/false);
    complete = write(os);
    if (llvm::Error err = finish(os))
      return llvm::joinErrors(std::move(err), temp->discard());
  }
  if (!complete) {
    if (llvm::Error err = temp->discard())
      return err;
    return false;
  }
  if (llvm::Error err = temp->keep(path))
    return llvm::joinErrors(std::move(err), temp->discard());
  return true;
}

/// Escapes one path for the Makefile rule grammar make and ninja share.
static void escapePath(llvm::StringRef path, std::string &out) {
  for (char c : path) {
    if (c == ' ' || c == '#')
      out += '\\';
    else if (c == '$')
      out += '$';
    out += c;
  }
}

std::string driver::formatDepfile(llvm::StringRef target,
                                  llvm::ArrayRef<std::string> dependencies) {
  std::string out;
  escapePath(target, out);
  out += ':';
  for (const std::string &dep : dependencies) {
    out += " \\\n  ";
    escapePath(dep, out);
  }
  out += '\n';
  return out;
}
