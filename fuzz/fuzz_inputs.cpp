// libFuzzer target: every parser of input secreview accepts besides Python source: unified
// diffs, configuration files, suppression comments, baselines, .gitignore files and result-cache
// entries. The first byte picks one.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/baseline.hpp"
#include "engine/cache.hpp"
#include "engine/config.hpp"
#include "engine/diff.hpp"
#include "engine/gitignore.hpp"
#include "engine/suppressions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 6) {
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
    case 5: {
      // A cache entry read back for any text and path: the digest in the entry decides.
      static const secreview::Digest kText = secreview::sha256("fuzz");
      (void)secreview::decode_entry(text, "fuzz.py", kText);
      (void)secreview::decode_followed(text, "fuzz.py", kText);
      if (text.size() > 60) {
        secreview::Digest stored{};
        std::copy_n(text.begin() + 19, stored.size(), stored.begin());
        (void)secreview::decode_entry(text, "fuzz.py", stored);
        (void)secreview::decode_followed(text, "fuzz.py", stored);
      }
      break;
    }
  }
  return 0;
}
