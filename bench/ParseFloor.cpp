//===- ParseFloor.cpp - what the ANTLR runtime alone costs on a schema ----===//
//
//   schemac-parse-floor [--repeat R] FILE...
//
// The floor under schemac's parse: for each FILE, the median of R runs of
//   read        reading the file into memory (the I/O baseline)
//   lex         the generated ANTLR lexer over the whole file
//   recognize   lexer + parser, SLL, one declaration at a time, building no
//               parse tree (the runtime's own cost: prediction, contexts)
//   parse tree  the same, building each declaration's tree and freeing it
//   schemac     schemac::parseSchemaFile: the above plus the conversion of
//               each tree into the AST (frontend/ParseTreeBridge.cpp)
// printed as a markdown table, in ms and as a ratio to `schemac`. The stages
// run the bridge's own fast path (runParseStage), on the same character
// stream and token release as parseSchemaFile. See bench/README.md.
//
//===----------------------------------------------------------------------===//

#include "frontend/Parser.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace schemac;

namespace {

/// The median wall time of `repeat` runs of `run`, in milliseconds.
double medianMs(unsigned repeat, const std::function<bool()> &run, bool &ok) {
  std::vector<double> times;
  for (unsigned i = 0; i < repeat; ++i) {
    auto start = std::chrono::steady_clock::now();
    ok &= run();
    times.push_back(std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - start)
                        .count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
  unsigned repeat = 5;
  std::vector<std::string> files;
  const char *usage = "usage: schemac-parse-floor [--repeat R] FILE...\n";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "-h" || arg == "--help") {
      llvm::outs() << usage;
      return 0;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    llvm::errs() << usage;
    return 2;
  }
  llvm::outs() << "| file | size | read | lex | recognize | parse tree | "
                  "schemac |\n|---|---:|---:|---:|---:|---:|---:|\n";
  for (const std::string &path : files) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer) {
      llvm::errs() << "schemac-parse-floor: cannot read '" << path
                   << "': " << buffer.getError().message() << "\n";
      return 1;
    }
    SourceManager sm;
    FileID file = sm.addBuffer(path, (*buffer)->getBuffer().str());
    bool ok = true;
    double read = medianMs(
        repeat, [&] { return bool(llvm::MemoryBuffer::getFile(path)); }, ok);
    auto stage = [&](ParseStage s) {
      return medianMs(
          repeat, [&] { return runParseStage(file, sm, s); }, ok);
    };
    double lex = stage(ParseStage::Lex);
    double recognize = stage(ParseStage::Recognize);
    double tree = stage(ParseStage::ParseTree);
    double full = medianMs(
        repeat,
        [&] {
          DiagnosticEngine diags(sm);
          ir::ExprArena arena;
          parseSchemaFile(file, diags, arena);
          return !diags.hasErrors();
        },
        ok);
    if (!ok) {
      llvm::errs() << "schemac-parse-floor: '" << path
                   << "' does not parse cleanly\n";
      return 1;
    }
    auto cell = [&](double ms) {
      return llvm::formatv("{0:f1} ms ({1:f2})", ms, ms / full).str();
    };
    llvm::outs() << "| " << llvm::sys::path::filename(path) << " | "
                 << (*buffer)->getBufferSize() / 1024 << " KiB | " << cell(read)
                 << " | " << cell(lex) << " | " << cell(recognize) << " | "
                 << cell(tree) << " | " << cell(full) << " |\n";
  }
  return 0;
}
