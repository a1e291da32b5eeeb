//===- Diagnostic.h - diagnostics as data, and the engine that collects them ===//
#ifndef SCHEMAC_DIAGNOSTICS_DIAGNOSTIC_H
#define SCHEMAC_DIAGNOSTICS_DIAGNOSTIC_H

#include "diagnostics/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace schemac {

enum class Severity : uint8_t { Error, Warning, Note };

/// Every diagnostic schemac can report, from DiagnosticCodes.def.
enum class DiagID : uint16_t {
#define DIAG(ID, CODE, SEVERITY, SUMMARY) ID,
#include "diagnostics/DiagnosticCodes.def"
};

/// Static facts about one DiagID.
struct DiagInfo {
  llvm::StringRef code;
  Severity severity;
  llvm::StringRef summary;
};
const DiagInfo &getDiagInfo(DiagID id);
/// All codes in declaration order (for docs checks and SARIF rule tables).
llvm::ArrayRef<DiagInfo> allDiagInfos();

/// Replace `range` by `replacement` to fix the problem.
struct FixIt {
  SourceRange range;
  std::string replacement;
};

/// Secondary location ("previous definition is here").
struct DiagNote {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  DiagID id;
  Severity severity;
  SourceRange range;
  std::string message;
  std::vector<DiagNote> notes;
  std::vector<FixIt> fixIts;

  llvm::StringRef code() const { return getDiagInfo(id).code; }
};

/// Collects diagnostics. Libraries report here and return failure; only the
/// driver decides how to print and which exit code follows. No global state.
class DiagnosticEngine {
public:
  explicit DiagnosticEngine(SourceManager &sm) : sm(sm) {}

  /// Reports with the code's default severity. The returned reference stays
  /// valid until the next report; use it to attach notes and fix-its.
  Diagnostic &report(DiagID id, SourceRange range, std::string message);
  Diagnostic &report(Severity severity, DiagID id, SourceRange range,
                     std::string message);

  bool hasErrors() const { return numErrors != 0; }
  unsigned getNumErrors() const { return numErrors; }
  unsigned getNumWarnings() const { return numWarnings; }
  const std::vector<Diagnostic> &getDiagnostics() const { return diags; }
  SourceManager &getSourceManager() const { return sm; }

  /// Sorts by file and position so output is stable whatever pass found what.
  void sortByLocation();

private:
  SourceManager &sm;
  std::vector<Diagnostic> diags;
  unsigned numErrors = 0;
  unsigned numWarnings = 0;
};

} // namespace schemac

#endif
