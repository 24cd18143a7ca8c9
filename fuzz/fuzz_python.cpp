// libFuzzer target: the Python frontend, the semantic model and every rule (security and
// maintainability), on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const secreview::Engine engine(secreview::RuleRegistry::builtin(), {});
  std::string text(reinterpret_cast<const char*>(data), size);
  secreview::FileResult r = engine.analyze("fuzz.py", std::move(text));
  for (const auto& f : r.findings) {
    if (f.start.line == 0 || f.start.line > r.lines + 1)
      __builtin_trap();  // a line that is not there
  }
  return 0;
}
