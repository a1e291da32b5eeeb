//===- ViewOrder.cpp - creation order for views that read other views -----===//

#include "ir/ViewOrder.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include <queue>

using namespace schemac;
using namespace schemac::ir;

void ir::forEachSQLIdentifier(llvm::StringRef sql,
                              llvm::function_ref<void(llvm::StringRef)> fn) {
  size_t i = 0, n = sql.size();
  auto isWordStart = [](char c) { return llvm::isAlpha(c) || c == '_'; };
  auto isWordChar = [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '$';
  };
  while (i < n) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      std::string text;
      size_t j = i + 1;
      for (; j < n; ++j) {
        if (sql[j] == c) {
          if (j + 1 < n && sql[j + 1] == c) {
            text += c;
            ++j;
            continue;
          }
          break;
        }
        text += sql[j];
      }
      if (c == '"')
        fn(text);
      i = j + 1;
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      i = sql.find('\n', i);
      i = i == llvm::StringRef::npos ? n : i + 1;
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      i = sql.find("*/", i + 2);
      i = i == llvm::StringRef::npos ? n : i + 2;
    } else if (isWordStart(c)) {
      size_t j = i;
      while (j < n && isWordChar(sql[j]))
        ++j;
      fn(sql.slice(i, j).lower());
      i = j;
    } else {
      ++i;
    }
  }
}

std::vector<const View *> ir::orderViewsForCreation(const Schema &schema) {
  size_t n = schema.views.size();
  llvm::StringMap<std::vector<size_t>> byName;
  for (size_t i = 0; i < n; ++i)
    byName[schema.views[i]->name.name].push_back(i);

  // dependents[j]: views that read view j; waiting[i]: views i still needs.
  std::vector<std::vector<size_t>> dependents(n);
  std::vector<unsigned> waiting(n, 0);
  for (size_t i = 0; i < n; ++i) {
    llvm::DenseSet<size_t> deps;
    forEachSQLIdentifier(schema.views[i]->query, [&](llvm::StringRef word) {
      auto it = byName.find(word);
      if (it == byName.end())
        return;
      for (size_t j : it->second)
        if (j != i && deps.insert(j).second) {
          dependents[j].push_back(i);
          ++waiting[i];
        }
    });
  }

  // Kahn's algorithm, always taking the ready view first in name order, so
  // the result is deterministic and equals name order without dependencies.
  std::priority_queue<size_t, std::vector<size_t>, std::greater<size_t>> ready;
  for (size_t i = 0; i < n; ++i)
    if (waiting[i] == 0)
      ready.push(i);
  std::vector<const View *> order;
  std::vector<bool> placed(n, false);
  while (order.size() < n) {
    if (ready.empty()) {
      // A cycle, which real SQL cannot have: a word matched by chance.
      // Release the first unplaced view in name order.
      for (size_t i = 0; i < n; ++i)
        if (!placed[i]) {
          waiting[i] = 0;
          ready.push(i);
          break;
        }
    }
    size_t i = ready.top();
    ready.pop();
    if (placed[i])
      continue;
    placed[i] = true;
    order.push_back(schema.views[i].get());
    for (size_t d : dependents[i])
      if (waiting[d] && --waiting[d] == 0)
        ready.push(d);
  }
  return order;
}
