//===- DiagnosticPrinter.cpp - text, JSON (LSP-shaped) and SARIF output ---===//

#include "diagnostics/DiagnosticPrinter.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <fmt/format.h>

using namespace schemac;
namespace json = llvm::json;

std::optional<DiagnosticFormat>
schemac::parseDiagnosticFormat(llvm::StringRef name) {
  if (name == "text")
    return DiagnosticFormat::Text;
  if (name == "json")
    return DiagnosticFormat::JSON;
  if (name == "sarif")
    return DiagnosticFormat::SARIF;
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

/// A resolved range: 1-based lines, byte and 0-based UTF-16 columns.
struct ResolvedRange {
  LineColumn start, end;
};

static ResolvedRange resolve(const SourceManager &sm, SourceRange r) {
  ResolvedRange res;
  res.start = sm.getLineColumn(r.file, r.begin);
  res.end = sm.getLineColumn(r.file, std::max(r.begin, r.end));
  return res;
}

/// A file:// URI for a buffer name: the absolute path with every byte
/// outside the RFC 3986 unreserved set (and '/') percent-encoded.
static std::string fileURI(llvm::StringRef name) {
  llvm::SmallString<256> path(name);
  llvm::sys::fs::make_absolute(path);
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  std::string uri = "file://";
  for (char c : path) {
    if (llvm::isAlnum(c) || llvm::StringRef("-._~/").contains(c))
      uri += c;
    else
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return uri;
}

static llvm::StringRef severityName(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  llvm_unreachable("unknown severity");
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

namespace {
class TextPrinter {
public:
  TextPrinter(const SourceManager &sm, llvm::raw_ostream &os, bool useColor)
      : sm(sm), os(os),
        mode(useColor ? llvm::ColorMode::Enable : llvm::ColorMode::Disable) {}

  void print(const Diagnostic &d) {
    printHeader(d.range, d.severity, d.message, d.code());
    printSnippet(d.range);
    for (const DiagNote &n : d.notes) {
      printHeader(n.range, Severity::Note, n.message, {});
      printSnippet(n.range);
    }
    for (const FixIt &f : d.fixIts)
      printHeader(f.range, Severity::Note, describeFixIt(f), {});
  }

  void printSummary(unsigned errors, unsigned warnings) {
    if (errors == 0 && warnings == 0)
      return;
    std::string text;
    auto plural = [](unsigned n, llvm::StringRef word) {
      return fmt::format("{} {}{}", n, word.str(), n == 1 ? "" : "s");
    };
    if (errors)
      text = plural(errors, "error");
    if (warnings)
      text += (text.empty() ? "" : ", ") + plural(warnings, "warning");
    os << text << " generated.\n";
  }

private:
  void printHeader(SourceRange range, Severity severity,
                   llvm::StringRef message, llvm::StringRef code) {
    {
      llvm::WithColor bold(os, llvm::raw_ostream::SAVEDCOLOR, true, false,
                           mode);
      if (range.isValid()) {
        LineColumn lc = sm.getLineColumn(range.file, range.begin);
        bold << sm.getName(range.file) << ':' << lc.line << ':' << lc.column
             << ": ";
      } else {
        bold << "schemac: ";
      }
    }
    llvm::WithColor(os, severityColor(severity), true, false, mode)
        << severityName(severity) << ": ";
    llvm::WithColor(os, llvm::raw_ostream::SAVEDCOLOR, true, false, mode)
        << message;
    if (!code.empty())
      os << " [" << code << ']';
    os << '\n';
  }

  static llvm::raw_ostream::Colors severityColor(Severity s) {
    switch (s) {
    case Severity::Error:
      return llvm::raw_ostream::RED;
    case Severity::Warning:
      return llvm::raw_ostream::MAGENTA;
    case Severity::Note:
      return llvm::raw_ostream::CYAN;
    }
    llvm_unreachable("unknown severity");
  }

  /// The source line, then a caret line with `^~~~` under the range. The
  /// indentation copies tabs so the caret lines up in any tab width; one
  /// column per code point otherwise. Bytes that are not UTF-8 show as
  /// `<XX>`. A range spanning lines is underlined to the end of its first
  /// line.
  void printSnippet(SourceRange range) {
    if (!range.isValid())
      return;
    ResolvedRange r = resolve(sm, range);
    llvm::StringRef line = sm.getLine(range.file, r.start.line);
    size_t startByte = std::min<size_t>(r.start.column - 1, line.size());
    size_t endByte = r.end.line == r.start.line
                         ? std::min<size_t>(r.end.column - 1, line.size())
                         : line.size();
    std::string text, caret;
    for (size_t i = 0; i < line.size();) {
      size_t len = utf8Length(line.substr(i));
      if (len)
        text += line.substr(i, len);
      else
        text += fmt::format("<{:02X}>", static_cast<unsigned char>(line[i]));
      size_t width = len ? 1 : 4;
      size_t next = i + std::max<size_t>(len, 1);
      if (next <= startByte)
        caret += line[i] == '\t' ? "\t" : std::string(width, ' ');
      else if (i <= startByte)
        caret += '^' + std::string(width - 1, '~');
      else if (i < endByte)
        caret += std::string(width, '~');
      i = next;
    }
    if (startByte >= line.size())
      caret.append(1, '^');
    os << text << '\n';
    llvm::WithColor(os, llvm::raw_ostream::GREEN, true, false, mode) << caret;
    os << '\n';
  }

  /// Length of the valid UTF-8 sequence at the start of `s`; 0 if invalid.
  static size_t utf8Length(llvm::StringRef s) {
    auto c = static_cast<unsigned char>(s[0]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || len > s.size())
      return 0;
    const auto *p = reinterpret_cast<const llvm::UTF8 *>(s.data());
    return llvm::isLegalUTF8Sequence(p, p + len) ? len : 0;
  }

  static std::string describeFixIt(const FixIt &f) {
    if (f.replacement.empty())
      return "remove this";
    if (f.range.begin == f.range.end)
      return fmt::format("insert '{}'", f.replacement);
    return fmt::format("replace with '{}'", f.replacement);
  }

  const SourceManager &sm;
  llvm::raw_ostream &os;
  llvm::ColorMode mode;
};
} // namespace

//===----------------------------------------------------------------------===//
// JSON (LSP Diagnostic objects)
//===----------------------------------------------------------------------===//

static json::Object lspPosition(const LineColumn &lc) {
  return json::Object{{"line", lc.line - 1}, {"character", lc.utf16Column}};
}

static json::Object lspRange(const SourceManager &sm, SourceRange range) {
  if (!range.isValid()) {
    LineColumn origin{1, 1, 0};
    return json::Object{{"start", lspPosition(origin)},
                        {"end", lspPosition(origin)}};
  }
  ResolvedRange r = resolve(sm, range);
  return json::Object{{"start", lspPosition(r.start)},
                      {"end", lspPosition(r.end)}};
}

static int lspSeverity(Severity s) {
  switch (s) {
  case Severity::Error:
    return 1;
  case Severity::Warning:
    return 2;
  case Severity::Note:
    return 3;
  }
  llvm_unreachable("unknown severity");
}

static json::Value toLSP(const SourceManager &sm, const Diagnostic &d) {
  json::Object obj{{"range", lspRange(sm, d.range)},
                   {"severity", lspSeverity(d.severity)},
                   {"code", d.code()},
                   {"source", "schemac"},
                   {"message", d.message}};
  if (d.range.isValid()) {
    obj["file"] = sm.getName(d.range.file);
    obj["uri"] = fileURI(sm.getName(d.range.file));
  }
  json::Array related;
  for (const DiagNote &n : d.notes) {
    if (!n.range.isValid())
      continue;
    related.push_back(json::Object{
        {"location", json::Object{{"uri", fileURI(sm.getName(n.range.file))},
                                  {"range", lspRange(sm, n.range)}}},
        {"message", n.message}});
  }
  if (!related.empty())
    obj["relatedInformation"] = std::move(related);
  // Fix-its travel in `data`, which LSP hands back with code-action requests.
  json::Array fixes;
  for (const FixIt &f : d.fixIts)
    fixes.push_back(json::Object{{"range", lspRange(sm, f.range)},
                                 {"newText", f.replacement}});
  if (!fixes.empty())
    obj["data"] = json::Object{{"fixIts", std::move(fixes)}};
  return obj;
}

static void printJSON(const DiagnosticEngine &diags, llvm::raw_ostream &os) {
  const SourceManager &sm = diags.getSourceManager();
  json::Array all;
  for (const Diagnostic &d : diags.getDiagnostics())
    all.push_back(toLSP(sm, d));
  os << llvm::formatv("{0:2}", json::Value(std::move(all))) << '\n';
}

//===----------------------------------------------------------------------===//
// SARIF 2.1.0
//===----------------------------------------------------------------------===//

/// SARIF regions use 1-based lines and columns; the end column is the one
/// after the last character. Columns count UTF-16 units (the SARIF default
/// columnKind, stated explicitly in the run).
static json::Object sarifRegion(const SourceManager &sm, SourceRange range) {
  ResolvedRange r = resolve(sm, range);
  return json::Object{{"startLine", r.start.line},
                      {"startColumn", r.start.utf16Column + 1},
                      {"endLine", r.end.line},
                      {"endColumn", r.end.utf16Column + 1}};
}

static json::Object sarifPhysicalLocation(const SourceManager &sm,
                                          SourceRange range) {
  return json::Object{{"artifactLocation",
                       json::Object{{"uri", fileURI(sm.getName(range.file))}}},
                      {"region", sarifRegion(sm, range)}};
}

static llvm::StringRef sarifLevel(Severity s) {
  return s == Severity::Note ? "note" : severityName(s);
}

static void printSARIF(const DiagnosticEngine &diags, llvm::raw_ostream &os,
                       llvm::StringRef toolVersion) {
  const SourceManager &sm = diags.getSourceManager();
  // Rules for the codes used, in DiagnosticCodes.def order.
  llvm::ArrayRef<DiagInfo> infos = allDiagInfos();
  std::vector<int> ruleIndex(infos.size(), -1);
  for (const Diagnostic &d : diags.getDiagnostics())
    ruleIndex[static_cast<size_t>(d.id)] = 0;
  json::Array rules;
  for (size_t i = 0; i < infos.size(); ++i) {
    if (ruleIndex[i] < 0)
      continue;
    ruleIndex[i] = static_cast<int>(rules.size());
    rules.push_back(json::Object{
        {"id", infos[i].code},
        {"shortDescription", json::Object{{"text", infos[i].summary}}},
        {"defaultConfiguration",
         json::Object{{"level", sarifLevel(infos[i].severity)}}}});
  }

  json::Array results;
  for (const Diagnostic &d : diags.getDiagnostics()) {
    json::Object result{{"ruleId", d.code()},
                        {"ruleIndex", ruleIndex[static_cast<size_t>(d.id)]},
                        {"level", sarifLevel(d.severity)},
                        {"message", json::Object{{"text", d.message}}}};
    if (d.range.isValid())
      result["locations"] = json::Array{json::Object{
          {"physicalLocation", sarifPhysicalLocation(sm, d.range)}}};
    json::Array related;
    for (const DiagNote &n : d.notes) {
      if (!n.range.isValid())
        continue;
      related.push_back(
          json::Object{{"id", static_cast<int64_t>(related.size())},
                       {"physicalLocation", sarifPhysicalLocation(sm, n.range)},
                       {"message", json::Object{{"text", n.message}}}});
    }
    if (!related.empty())
      result["relatedLocations"] = std::move(related);
    json::Array fixes;
    for (const FixIt &f : d.fixIts) {
      if (!f.range.isValid())
        continue;
      json::Object replacement{
          {"deletedRegion", sarifRegion(sm, f.range)},
          {"insertedContent", json::Object{{"text", f.replacement}}}};
      fixes.push_back(json::Object{
          {"artifactChanges",
           json::Array{json::Object{
               {"artifactLocation",
                json::Object{{"uri", fileURI(sm.getName(f.range.file))}}},
               {"replacements", json::Array{std::move(replacement)}}}}}});
    }
    if (!fixes.empty())
      result["fixes"] = std::move(fixes);
    results.push_back(std::move(result));
  }

  json::Object driver{{"name", "schemac"}, {"rules", std::move(rules)}};
  if (!toolVersion.empty())
    driver["version"] = toolVersion;
  json::Object run{{"tool", json::Object{{"driver", std::move(driver)}}},
                   {"columnKind", "utf16CodeUnits"},
                   {"results", std::move(results)}};
  json::Object log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::Array{std::move(run)}}};
  os << llvm::formatv("{0:2}", json::Value(std::move(log))) << '\n';
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void schemac::printDiagnostics(const DiagnosticEngine &diags,
                               DiagnosticFormat format, llvm::raw_ostream &os,
                               bool useColor, llvm::StringRef toolVersion) {
  switch (format) {
  case DiagnosticFormat::Text: {
    TextPrinter printer(diags.getSourceManager(), os, useColor);
    // WithColor only colours streams that allow it; allow it for this call.
    bool hadColors = os.colors_enabled();
    os.enable_colors(useColor);
    for (const Diagnostic &d : diags.getDiagnostics())
      printer.print(d);
    printer.printSummary(diags.getNumErrors(), diags.getNumWarnings());
    os.enable_colors(hadColors);
    return;
  }
  case DiagnosticFormat::JSON:
    printJSON(diags, os);
    return;
  case DiagnosticFormat::SARIF:
    printSARIF(diags, os, toolVersion);
    return;
  }
}

void schemac::printDiagnostics(const DiagnosticEngine &diags,
                               DiagnosticFormat format, llvm::raw_ostream &os,
                               bool useColor) {
  printDiagnostics(diags, format, os, useColor, {});
}
