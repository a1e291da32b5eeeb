//===- Diagnostic.cpp - the code table and the diagnostic engine ----------===//

#include "diagnostics/Diagnostic.h"
#include <algorithm>
#include <cassert>

using namespace schemac;

static const DiagInfo diagInfos[] = {
#define DIAG(ID, CODE, SEVERITY, SUMMARY) {CODE, Severity::SEVERITY, SUMMARY},
#include "diagnostics/DiagnosticCodes.def"
};

const DiagInfo &schemac::getDiagInfo(DiagID id) {
  auto index = static_cast<size_t>(id);
  assert(index < std::size(diagInfos) && "invalid DiagID");
  return diagInfos[index];
}

llvm::ArrayRef<DiagInfo> schemac::allDiagInfos() { return diagInfos; }

Diagnostic &DiagnosticEngine::report(DiagID id, SourceRange range,
                                     std::string message) {
  return report(getDiagInfo(id).severity, id, range, std::move(message));
}

Diagnostic &DiagnosticEngine::report(Severity severity, DiagID id,
                                     SourceRange range, std::string message) {
  if (severity == Severity::Error)
    ++numErrors;
  else if (severity == Severity::Warning)
    ++numWarnings;
  diags.push_back(Diagnostic{id, severity, range, std::move(message), {}, {}});
  return diags.back();
}

void DiagnosticEngine::sortByLocation() {
  // Diagnostics without a file (I/O, configuration) come first, in the order
  // they were reported.
  std::stable_sort(diags.begin(), diags.end(),
                   [](const Diagnostic &a, const Diagnostic &b) {
                     if (a.range.file != b.range.file)
                       return a.range.file < b.range.file;
                     return a.range.begin < b.range.begin;
                   });
}
