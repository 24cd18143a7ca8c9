#pragma once
// A one-pass multi-string search (Aho-Corasick over bytes) that tells which rules can possibly
// match a file: a rule lists `triggers`, words at least one of which every file it reports on
// must contain. Files where no active rule is triggered are not parsed at all; the profile of a
// full review showed parsing to dominate, and most files of a large tree trigger nothing.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secreview {

class Prefilter {
 public:
  // patterns[i] belongs to group ids[i] (a rule index); case-sensitive.
  void add(std::string_view pattern, std::uint32_t group);
  void build();
  // Sets hit[g] = true for every group with a pattern in `text`; returns the number of groups hit.
  std::size_t scan(std::string_view text, std::vector<bool>& hit) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string text;
    std::uint32_t group;
  };
  std::vector<Pattern> patterns_;
  // Bytes no pattern uses share class 0; the others have one class each (about 80 of 256), which
  // keeps the transition table small enough to build quickly at start-up and to stay in cache.
  std::array<std::uint8_t, 256> class_{};
  std::size_t classes_ = 1;
  std::vector<std::int32_t> next_;               // state * classes_ + class -> state
  std::vector<std::vector<std::uint32_t>> out_;  // groups ending at a state
};

}  // namespace secreview
