//===- Prompt.cpp - yes/no questions on a terminal ------------------------===//

#include "driver/Prompt.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <iostream>

using namespace schemac;
using namespace schemac::driver;

bool driver::canAskUser() {
  return llvm::sys::Process::StandardInIsUserInput() &&
         llvm::sys::Process::StandardErrIsDisplayed();
}

bool driver::askYesNo(const std::string &question, bool &inputOpen) {
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
