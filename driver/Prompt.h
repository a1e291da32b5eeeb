//===- Prompt.h - yes/no questions on a terminal --------------------------===//
#ifndef SCHEMAC_DRIVER_PROMPT_H
#define SCHEMAC_DRIVER_PROMPT_H

#include <string>

namespace schemac::driver {

/// Whether a person can answer: stdin is a terminal and stderr shows.
bool canAskUser();

/// Asks `question` on stderr; true only for y/yes. End of input clears
/// `inputOpen` and answers no.
bool askYesNo(const std::string &question, bool &inputOpen);

} // namespace schemac::driver

#endif
