//===- ViewOrderTest.cpp - creation order of views ------------------------===//

#include "ir/ViewOrder.h"
#include "gtest/gtest.h"

using namespace schemac::ir;

namespace {

void addView(Schema &s, llvm::StringRef name, llvm::StringRef query) {
  auto v = std::make_unique<View>();
  v->name = {"", s.save(name)};
  v->query = s.save(query);
  s.views.push_back(std::move(v));
}

std::string names(const std::vector<const View *> &views) {
  std::string out;
  for (const View *v : views)
    out += (out.empty() ? "" : " ") + v->name.name.str();
  return out;
}

TEST(ViewOrderTest, DependenciesFirstOtherwiseNameOrder) {
  Schema s;
  addView(s, "a", "select * from c");
  addView(s, "b", "select 1");
  addView(s, "c", "select * from d join t on true");
  addView(s, "d", "select 'a', \"A\" from t /* b */ -- b");
  s.canonicalize();
  EXPECT_EQ(names(orderViewsForCreation(s)), "b d c a");
}

// Two views that name each other (a column called like the other view) can
// not both come first; they keep name order instead of vanishing.
TEST(ViewOrderTest, FalseCycleKeepsNameOrder) {
  Schema s;
  addView(s, "x", "select y from t");
  addView(s, "y", "select x from t");
  addView(s, "z", "select * from y");
  s.canonicalize();
  EXPECT_EQ(names(orderViewsForCreation(s)), "x y z");
}

} // namespace
