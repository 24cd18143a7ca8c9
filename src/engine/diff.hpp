#pragma once
// Unified diffs as `git diff` and Gerrit produce them (also plain `diff -u`): which files a
// change touches and which lines of the post-change files it adds or modifies.
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace secreview {

struct FileChange {
  enum class Status : std::uint8_t { Added, Modified, Renamed, Deleted };
  Status status = Status::Modified;
  std::string path;      // after the change ("" only when deleted)
  std::string old_path;  // before the change ("" when added)
  bool binary = false;
  std::set<std::uint32_t> added_lines;  // 1-based lines of the new file that the change adds
};

struct DiffError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses a unified diff. Throws DiffError naming the diff line for malformed input.
std::vector<FileChange> parse_unified_diff(std::string_view diff);

// Undoes git's C-style quoting of unusual path names ("a/caf\303\251.py" -> bytes).
std::string unquote_git_path(std::string_view quoted);

}  // namespace secreview
