#pragma once
// Reviewing a change: the whole post-change files are analysed (context matters), and only
// findings on lines the change adds or modifies are kept.
#include <string>

#include "engine/diff.hpp"
#include "engine/runner.hpp"

namespace secreview {

struct ChangeSource {
  std::string git_range;  // --diff: "HEAD~1" (against the working tree) or "A..B"
  std::string patch;      // --patch: a file name, or "-" for standard input
};

// Throws std::runtime_error when git fails or the patch cannot be read or parsed.
Review review_change(const ChangeSource& source, const Engine& engine, const RunOptions& options);

// Keeps the findings that touch an added line; exposed for tests.
void keep_changed_lines(FileResult& result, const FileChange& change);

}  // namespace secreview
