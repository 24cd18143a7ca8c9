#pragma once
// Finds the files to review and analyses them in parallel. Output order never depends on
// scheduling: results are stored by file index and files are sorted by path.
#include <cstdint>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "engine/engine.hpp"

namespace secreview {

struct Discovery {
  std::vector<std::string> files;        // sorted, unique
  std::vector<Diagnostic> diagnostics;   // missing paths, unreadable directories
};

// Walks files and directories: directories are searched for *.py files, skipping .git (and other
// VCS metadata) and whatever .gitignore files exclude; named files are taken as they are.
Discovery discover(const std::vector<std::string>& paths);

struct RunOptions {
  unsigned jobs = 0;                              // 0 = all cores
  std::uint64_t max_file_size = 32ull << 20;      // larger files are skipped with a diagnostic
};

struct Review {
  std::vector<FileResult> files;        // in path order
  std::vector<Diagnostic> diagnostics;  // not tied to a reviewed file
  double seconds = 0;
};

// Reads and analyses one file (never throws: problems become diagnostics).
FileResult review_file(const std::string& path, const Engine& engine, const RunOptions& options);

Review review_paths(const std::vector<std::string>& paths, const Engine& engine,
                    const RunOptions& options);

}  // namespace secreview
