// libFuzzer target: the Python frontend, the semantic model and every rule (security and
// maintainability), on arbitrary bytes; then the same file as the importer of, and as the module
// imported by, the cross-module taint pass (an in-memory stand-in for other modules, so no files
// are read).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/engine.hpp"
#include "frontend/python/parser.hpp"
#include "model/python.hpp"
#include "taint/analysis.hpp"

namespace {

// Every imported function runs its first parameter as a command and returns its second one
// and client data from the other module.
class AnyModule final : public secreview::taint::Modules {
 public:
  AnyModule() {
    const auto& catalog = secreview::taint::Catalog::builtin();
    const secreview::taint::Sink* sink = catalog.sinks.empty() ? nullptr : &catalog.sinks.front();
    summary_.params = {{"cmd", true}, {"value", true}, {"opt", false}};
    if (sink) summary_.sinks.push_back({0, sink, "os.system", {{{7, 5}, "os.system", "m.py"}}});
    summary_.ret.push_back({1, catalog.all_bits(), "", {{{9, 12}, "value", "m.py"}}});
    summary_.ret.push_back({-1, catalog.all_bits(), "request.args", {{{3, 1}, "src", "m.py"}}});
  }
  const secreview::taint::ExternalSummary* function(const std::string&,
                                                    const std::string&) override {
    return &summary_;
  }
  bool may_return_source(const std::string&, const std::string&) override { return true; }
  bool passes_client_data(const std::string&, const std::string&) override { return true; }

 private:
  secreview::taint::ExternalSummary summary_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const secreview::Engine engine(secreview::RuleRegistry::builtin(), {});
  static AnyModule modules;
  std::string text(reinterpret_cast<const char*>(data), size);
  secreview::FileResult r = engine.analyze("fuzz.py", text, &modules);
  for (const auto& f : r.findings) {
    if (f.start.line == 0 || f.start.line > r.lines + 1)
      __builtin_trap();  // a line that is not there
  }
  // The same file as a module another one imports: its exported summaries.
  secreview::py::Tree tree = secreview::py::parse(text);
  if (tree) {
    secreview::SourceFile source("m.py", std::move(text));
    secreview::py::Model model(source, tree.get());
    secreview::taint::Options options;
    options.export_summaries = true;
    (void)secreview::taint::analyze(model, secreview::taint::Catalog::builtin(), options);
  }
  return 0;
}
