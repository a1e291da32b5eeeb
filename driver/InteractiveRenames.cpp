//===- InteractiveRenames.cpp - asking about possible renames on a TTY ----===//

#include "driver/InteractiveRenames.h"
#include "driver/Prompt.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
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

void driver::askForRenames(const ir::Schema &from, const ir::Schema &to,
                           ir::DiffOptions &options, DiagnosticEngine &diags) {
  if (!canAskUser()) {
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
      if (askYesNo(question, inputOpen)) {
        // The rename can settle other questions: ask again from scratch.
        options.renames.push_back(candidate);
        break;
      }
    }
  }
}
