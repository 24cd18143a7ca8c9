// Google Benchmark micro-benchmarks: tree-sitter parsing, the semantic model, and the whole
// engine on one representative file. Run: build/secreview_micro
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "frontend/python/parser.hpp"
#include "model/python.hpp"

namespace {

const std::string& sample() {
  static const std::string text = [] {
    std::ifstream in(std::string(SECREVIEW_SOURCE_DIR) + "/examples/webapp/app.py");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string one = ss.str();
    std::string many;
    for (int i = 0; i < 50; ++i) many += one;  // ~3,500 lines
    return many;
  }();
  return text;
}

void BM_Parse(benchmark::State& state) {
  for (auto _ : state) {
    auto tree = secreview::py::parse(sample());
    benchmark::DoNotOptimize(tree.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sample().size()));
}
BENCHMARK(BM_Parse);

void BM_ParseAndModel(benchmark::State& state) {
  secreview::SourceFile src("bench.py", sample());
  for (auto _ : state) {
    auto tree = secreview::py::parse(src.text());
    secreview::py::Model model(src, tree.get());
    benchmark::DoNotOptimize(model.calls().size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sample().size()));
}
BENCHMARK(BM_ParseAndModel);

void BM_EngineSecurity(benchmark::State& state) {
  secreview::EngineOptions opts;
  opts.suggestions = false;
  secreview::Engine engine(secreview::RuleRegistry::builtin(), opts);
  for (auto _ : state) {
    auto r = engine.analyze("bench.py", sample());
    benchmark::DoNotOptimize(r.findings.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sample().size()));
}
BENCHMARK(BM_EngineSecurity);

void BM_EngineFullReview(benchmark::State& state) {
  secreview::Engine engine(secreview::RuleRegistry::builtin(), {});
  for (auto _ : state) {
    auto r = engine.analyze("bench.py", sample());
    benchmark::DoNotOptimize(r.findings.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sample().size()));
}
BENCHMARK(BM_EngineFullReview);

}  // namespace

BENCHMARK_MAIN();
