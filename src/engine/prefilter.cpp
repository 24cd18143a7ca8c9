#include "engine/prefilter.hpp"

#include <deque>

namespace secreview {

void Prefilter::add(std::string_view pattern, std::uint32_t group) {
  if (!pattern.empty()) patterns_.push_back({std::string(pattern), group});
}

void Prefilter::build() {
  // Trie.
  next_.assign(256, -1);
  out_.assign(1, {});
  for (const auto& p : patterns_) {
    std::int32_t s = 0;
    for (unsigned char c : p.text) {
      std::int32_t& t = next_[static_cast<std::size_t>(s) * 256 + c];
      if (t < 0) {
        t = static_cast<std::int32_t>(out_.size());
        out_.emplace_back();
        next_.resize(next_.size() + 256, -1);
      }
      s = next_[static_cast<std::size_t>(s) * 256 + c];
    }
    out_[static_cast<std::size_t>(s)].push_back(p.group);
  }
  // Failure links folded into a full transition table (breadth first).
  std::vector<std::int32_t> fail(out_.size(), 0);
  std::deque<std::int32_t> queue;
  for (int c = 0; c < 256; ++c) {
    std::int32_t& t = next_[static_cast<std::size_t>(c)];
    if (t < 0) {
      t = 0;
    } else {
      fail[static_cast<std::size_t>(t)] = 0;
      queue.push_back(t);
    }
  }
  while (!queue.empty()) {
    std::int32_t s = queue.front();
    queue.pop_front();
    auto su = static_cast<std::size_t>(s);
    const auto& inherited = out_[static_cast<std::size_t>(fail[su])];
    out_[su].insert(out_[su].end(), inherited.begin(), inherited.end());
    for (int c = 0; c < 256; ++c) {
      std::int32_t& t = next_[su * 256 + static_cast<std::size_t>(c)];
      std::int32_t via_fail =
          next_[static_cast<std::size_t>(fail[su]) * 256 + static_cast<std::size_t>(c)];
      if (t < 0) {
        t = via_fail;
      } else {
        fail[static_cast<std::size_t>(t)] = via_fail;
        queue.push_back(t);
      }
    }
  }
}

std::size_t Prefilter::scan(std::string_view text, std::vector<bool>& hit) const {
  std::size_t count = 0;
  std::int32_t s = 0;
  const std::int32_t* table = next_.data();
  for (unsigned char c : text) {
    s = table[static_cast<std::size_t>(s) * 256 + c];
    const auto& out = out_[static_cast<std::size_t>(s)];
    if (out.empty()) continue;
    for (std::uint32_t g : out) {
      if (!hit[g]) {
        hit[g] = true;
        ++count;
      }
    }
  }
  return count;
}

}  // namespace secreview
