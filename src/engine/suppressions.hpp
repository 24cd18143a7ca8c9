#pragma once
// Inline suppressions in reviewed code:
//   # secreview: ignore                      every finding on this line
//   # secreview: ignore[CWE-78, rule-id] -- reason
//   # nosec  /  # nosec B602,B607            Bandit's markers, honoured as they are
// A suppression applies to findings that start or end on its line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace secreview {

struct Suppression {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::vector<std::string> selectors;  // rule ids, aliases, CWE-n; empty = every finding
  std::string reason;
  bool nosec = false;  // written as Bandit's `# nosec`
};

// Parses the text of one comment (starting with '#'); nullopt when it is not a suppression.
std::optional<Suppression> parse_suppression(std::string_view comment);

}  // namespace secreview
