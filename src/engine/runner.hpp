#pragma once
// Finds the files to review and analyses them in parallel. Output order never depends on
// scheduling: results are stored by file index and files are sorted by path.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "engine/cache.hpp"
#include "engine/engine.hpp"

namespace secreview {

struct Discovery {
  std::vector<std::string> files;       // sorted, unique
  std::vector<Diagnostic> diagnostics;  // missing paths, unreadable directories
};

// Walks files and directories: directories are searched for *.py files, skipping .git (and other
// VCS metadata) and whatever .gitignore files exclude; named files are taken as they are.
Discovery discover(const std::vector<std::string>& paths);

struct RunOptions {
  unsigned jobs = 0;                          // 0 = all cores
  std::uint64_t max_file_size = 32ull << 20;  // larger files are skipped with a diagnostic
  const ResultCache* cache = nullptr;         // --cache-dir: reuse unchanged files' results
};

// When the review is of a change (--diff / --patch), what changed.
struct ChangeInfo {
  std::string description;            // "HEAD~1", "origin/main..HEAD", "patch from -"
  std::size_t files_changed = 0;      // files the diff touches
  std::vector<std::string> reviewed;  // post-change paths reviewed
};

struct Review {
  std::vector<FileResult> files;        // in path order
  std::vector<Diagnostic> diagnostics;  // not tied to a reviewed file
  double seconds = 0;
  std::optional<std::size_t> cached_files;  // with --cache-dir: results reused from the cache
  bool baseline_used = false;
  std::optional<ChangeInfo> change;
};

// Runs `one(i)` for i in [0, n) on `jobs` threads (0 = all cores); results in index order.
std::vector<FileResult> analyze_parallel(std::size_t n, unsigned jobs,
                                         const std::function<FileResult(std::size_t)>& one);

// Analyses text that is already in memory (never throws: problems become diagnostics). Without
// `modules` (a first pass), the result comes from and goes to options.cache when there is one.
FileResult review_text(const std::string& path, std::string text, const Engine& engine,
                       const RunOptions& options, taint::Modules* modules = nullptr);

// Reads and analyses one file (never throws: problems become diagnostics).
FileResult review_file(const std::string& path, const Engine& engine, const RunOptions& options,
                       taint::Modules* modules = nullptr);

// The cross-module taint pass over files read from disk: analyses again, in parallel, each file
// whose calls into other modules can change its flows (taint/project.hpp).
void follow_imports(std::vector<FileResult>& files, const Engine& engine,
                    const RunOptions& options);

Review review_paths(const std::vector<std::string>& paths, const Engine& engine,
                    const RunOptions& options);

}  // namespace secreview
