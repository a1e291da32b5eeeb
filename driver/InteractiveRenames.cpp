//===- InteractiveRenames.cpp - asking about possible renames on a TTY ----===//

#include "driver/InteractiveRenames.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <iostream>
#include <string>

using namespace schemac;
using namespace schemac::driver;

/// "table 'users' -> 'people'" and the like, for the question.
static std::string describe(const ir::RenameRequest &r) {
  if (r.kind == ir::RenameRequest::Kind::Table)
    return "table '" + r.from + "' was renamed to '" +
           llvm::StringRef(r.to).rsplit('.').second.str() + "'";
  auto [table, column] = llvm::StringRef(r.from).rsplit('.');
  return "column '" + column.str() + "' of table '" + table.str() +
         "' was renamed to '" + r.to + "'";
}

/// Asks one yes/no question; no on a bare Enter, and on end of input.
static bool confirm(const std::string &question, bool &inputOpen) {
  llvm::errs() << "schemac: " << question << "? [y/N] ";
  llvm::errs().flush();
  std::string answer;
  if (!std::getline(std::cin, answer)) {
    inputOpen = false;
    llvm::errs() << "\n";
    return false;
  }
  answer = llvm::StringRef(answer).trim().lower();
  return answer == "y" || answer == "yes";
}

void driver::askForRenames(const ir::Schema &from, const ir::Schema &to,
                           ir::DiffOptions &options, DiagnosticEngine &diags) {
  if (!llvm::sys::Process::StandardInIsUserInput() ||
      !llvm::sys::Process::StandardErrIsDisplayed()) {
    diags.report(DiagID::InteractiveUnavailable, {},
                 "--interactive needs a terminal on stdin and stderr; "
                 "nothing was asked");
    return;
  }
  llvm::StringSet<> asked;
  bool inputOpen = true;
  for (bool askedNew = true; askedNew && inputOpen;) {
    askedNew = false;
    std::vector<ir::RenameRequest> candidates;
    ir::DiffOptions probe = options;
    probe.renameCandidates = &candidates;
    DiagnosticEngine quiet(diags.getSourceManager());
    (void)ir::diffSchemas(from, to, probe, quiet);
    for (const ir::RenameRequest &candidate : candidates) {
      std::string question = describe(candidate);
      if (!inputOpen || !asked.insert(question).second)
        continue;
      askedNew = true;
      if (confirm(question, inputOpen)) {
        // The rename can settle other questions: ask again from scratch.
        options.renames.push_back(candidate);
        break;
      }
    }
  }
}
