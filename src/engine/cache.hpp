#pragma once
// The result cache (`--cache-dir`): a file's first-pass result, reused while nothing it depends
// on has changed. A result depends on the secreview binary (its rules and data are compiled in),
// the review's settings (Engine::settings_key()), the file's path and its text; the cache is
// keyed by all four, the text by its SHA-256, so an edited file is always analysed again.
//
// Layout: DIR/<key of binary and settings>/<key of path>, one entry per reviewed file, replaced
// atomically (write to a temporary file, then rename) so concurrent runs never see half an entry.
// An entry that is missing, unreadable, truncated or malformed is a miss, never an error. The
// cross-module taint pass of a file is cached apart (FollowedEntry), with the modules it consulted.
// A part of DIR that no review has used for two weeks (another binary or settings) is removed.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/digest.hpp"
#include "core/finding.hpp"
#include "taint/project.hpp"

namespace secreview {

// One cache entry: `r` (findings, diagnostics, module calls, sizes; not the taint exports) for
// the text whose digest is `text`.
std::string encode_entry(const FileResult& r, const Digest& text);
// The result stored in `entry` if it is well formed and was stored for `path` and `text`.
std::optional<FileResult> decode_entry(std::string_view entry, const std::string& path,
                                       const Digest& text);

using taint::ModuleDependency;

// The cross-module pass of one file: valid while the file's text and every dependency (each name
// resolving to the same module, with the same text) are unchanged.
struct FollowedEntry {
  std::vector<ModuleDependency> dependencies;  // sorted by qualified name
  std::optional<FileResult> result;            // none: the first pass's result stands
};
std::string encode_followed(const std::string& path, const Digest& text, const FollowedEntry& e);
std::optional<FollowedEntry> decode_followed(std::string_view entry, const std::string& path,
                                             const Digest& text);

class ResultCache {
 public:
  // `dir` is created when missing. `binary` identifies the analysing code and data (the
  // executable's bytes; tests pass a label), `settings` everything else that changes a result.
  ResultCache(const std::string& dir, std::string_view binary, std::string_view settings);

  // The stored result of `path` with text digest `text`; counts a hit.
  std::optional<FileResult> load(const std::string& path, const Digest& text) const;
  // Stores a result (best effort: a failure is remembered for problem(), the review goes on).
  void store(const FileResult& r, const Digest& text) const;

  // The stored cross-module pass of `path` with text digest `text`; the caller checks that its
  // dependencies still hold.
  std::optional<FollowedEntry> load_followed(const std::string& path, const Digest& text) const;
  void store_followed(const std::string& path, const Digest& text, const FollowedEntry& e) const;

  std::size_t hits() const { return hits_; }
  // The first problem met writing the cache ("" when none).
  std::string problem() const;

  // The executable's own bytes (/proc/self/exe); "" if unreadable.
  static std::string executable_bytes();

  // Parts of the cache (other binaries or settings) unused this long are removed.
  static constexpr std::chrono::hours kUnusedFor{24 * 14};
  // Removes the parts of the cache directory `root` unused for kUnusedFor, except `keep`.
  static void prune(const std::filesystem::path& root, const std::string& keep);

 private:
  std::string entry_path(std::uint8_t kind, const std::string& path) const;
  std::string load_bytes(const std::string& entry) const;
  void store_bytes(const std::string& entry, const std::string& bytes) const;
  void note_problem(std::string what) const;

  std::string dir_;  // DIR/<key>
  mutable std::atomic<std::size_t> hits_{0};
  mutable std::atomic<std::size_t> temp_counter_{0};
  mutable std::mutex mutex_;
  mutable std::string problem_;
};

}  // namespace secreview
