#pragma once
// Project configuration: `.secreview.toml`, or `[tool.secreview]` in `pyproject.toml`, found by
// walking up from the reviewed path; `--config FILE` names one explicitly.
//
//   include = ["src/**"]            globs, relative to the configuration file's directory
//   exclude = ["**/migrations/**"]
//   select = ["security"]           rule ids, aliases (B602), CWE-n, pillar:707, security,
//   ignore = ["B101"]               maintainability
//   min-severity = "medium"         low | medium | high (security findings)
//   min-confidence = "medium"
//   profile = "default"             default | strict
//   suggestions = true
//   cache-dir = ".secreview_cache"  result cache (as --cache-dir), relative to the file's directory
//   [rules.missing-docstring]       rule options (as with --set)
//   private_min_lines = 20
//   [[overrides]]                   per-path changes
//   paths = ["tests/**"]
//   ignore = ["hardcoded-password"]
//
// Unknown keys and bad values are errors naming the file, line and key.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/finding.hpp"

namespace secreview {

struct PathOverride {
  std::vector<std::string> paths;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
};

struct Config {
  std::string file;  // where it was read from ("" = no configuration)
  std::string root;  // directory globs are relative to
  std::vector<std::string> include, exclude, select, ignore;
  std::optional<Severity> min_severity;
  std::optional<Confidence> min_confidence;
  std::optional<std::string> profile;
  std::optional<bool> suggestions;
  std::string cache_dir;                   // absolute; "" = none configured
  std::vector<std::string> rule_settings;  // "rule.option=value"
  std::vector<PathOverride> overrides;

  // Whether a path (as reviewed) passes include/exclude.
  bool wanted(const std::string& path) const;
  // The path relative to `root`, '/'-separated.
  std::string relative(const std::string& path) const;
};

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses a configuration from TOML text; `pyproject` selects the [tool.secreview] table.
Config parse_config(const std::string& file, std::string_view text, bool pyproject);
// Reads a configuration file (pyproject.toml or any other TOML file).
Config load_config(const std::string& file);
// Finds the nearest configuration above `start` (a file or directory); empty Config if none.
Config find_config(const std::string& start);

}  // namespace secreview
