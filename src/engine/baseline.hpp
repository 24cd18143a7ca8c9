#pragma once
// Baselines: a file of the findings a project has accepted for now, so reviews report only new
// ones. Findings are matched by path, rule and fingerprint (which ignores line numbers and
// whitespace, so unrelated edits and shifted lines keep matching).
#include <set>
#include <string>
#include <tuple>

#include "engine/runner.hpp"

namespace secreview {

class Baseline {
 public:
  // Reads a baseline file; throws std::runtime_error naming the file and the problem.
  static Baseline read(const std::string& path);
  // Writes every active finding of a review as a baseline (JSON, schema secreview-baseline v1).
  static void write(const std::string& path, const Review& review);

  bool contains(const Finding& f) const;
  // Marks the findings of a review that the baseline contains.
  void apply(Review& review) const;
  std::size_t size() const { return keys_.size(); }

 private:
  std::set<std::tuple<std::string, std::string, std::string>> keys_;  // path, rule, fingerprint
};

}  // namespace secreview
