// libFuzzer target: every parser of input secreview accepts besides Python source: unified
// diffs, configuration files, suppression comments and baselines. The first byte picks one.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/baseline.hpp"
#include "engine/config.hpp"
#include "engine/diff.hpp"
#include "engine/gitignore.hpp"
#include "engine/suppressions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0:
      try {
        (void)secreview::parse_unified_diff(text);
      } catch (const secreview::DiffError&) {
      }
      break;
    case 1:
      try {
        (void)secreview::parse_config("/fuzz/.secreview.toml", text, false);
        (void)secreview::parse_config("/fuzz/pyproject.toml", text, true);
      } catch (const secreview::ConfigError&) {
      }
      break;
    case 2:
      (void)secreview::parse_suppression(text);
      break;
    case 3: {
      static const std::string path =
          (std::filesystem::temp_directory_path() / "secreview-fuzz-baseline.json").string();
      std::ofstream(path, std::ios::binary) << text;
      try {
        (void)secreview::Baseline::read(path);
      } catch (const std::runtime_error&) {
      }
      break;
    }
    case 4: {
      secreview::IgnoreRules rules;
      rules.add("", text);
      (void)rules.ignored("a/b/c.py", false);
      (void)secreview::glob_match(text.substr(0, text.find('\n')), "src/pkg/mod.py");
      break;
    }
  }
  return 0;
}
