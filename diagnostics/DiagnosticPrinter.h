//===- DiagnosticPrinter.h - text, JSON (LSP-shaped) and SARIF output -----===//
#ifndef SCHEMAC_DIAGNOSTICS_DIAGNOSTICPRINTER_H
#define SCHEMAC_DIAGNOSTICS_DIAGNOSTICPRINTER_H

#include "diagnostics/Diagnostic.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace schemac {

enum class DiagnosticFormat : uint8_t { Text, JSON, SARIF };
std::optional<DiagnosticFormat> parseDiagnosticFormat(llvm::StringRef name);

/// Text: `file:line:col: error: message [code]`, the source line and a caret
/// range, then notes and fix-its; colour only when `useColor`.
/// JSON: an array of LSP Diagnostic objects with a "uri"/"file" member,
/// 0-based UTF-16 positions. SARIF: one 2.1.0 log with a run of tool
/// "schemac", rules for the codes used.
void printDiagnostics(const DiagnosticEngine &diags, DiagnosticFormat format,
                      llvm::raw_ostream &os, bool useColor);
/// As above; `toolVersion` is recorded as the SARIF tool driver's version
/// (the driver knows it, the library does not).
void printDiagnostics(const DiagnosticEngine &diags, DiagnosticFormat format,
                      llvm::raw_ostream &os, bool useColor,
                      llvm::StringRef toolVersion);

} // namespace schemac

#endif
