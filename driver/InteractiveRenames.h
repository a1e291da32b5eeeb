//===- InteractiveRenames.h - asking about possible renames on a TTY ------===//
#ifndef SCHEMAC_DRIVER_INTERACTIVERENAMES_H
#define SCHEMAC_DRIVER_INTERACTIVERENAMES_H

#include "diagnostics/Diagnostic.h"
#include "ir/Diff.h"

namespace schemac::driver {

/// `--interactive`: asks on the terminal about each drop and create that
/// the diff of `from` and `to` would only warn about as a possible rename,
/// and adds the renames the user confirms to `options.renames`, until no
/// new question comes up (a table taken as renamed can raise questions
/// about its columns). Asks nothing, with an interactive-unavailable
/// warning, unless stdin and stderr are terminals: a build never hangs.
void askForRenames(const ir::Schema &from, const ir::Schema &to,
                   ir::DiffOptions &options, DiagnosticEngine &diags);

} // namespace schemac::driver

#endif
