#pragma once
// The taint analysis: follows client data (catalog sources) through a file to the catalog's
// sinks, stopping at sanitizers and guards, and records each flow with its trace.
//
// One pass per function over its statements, in order, with an environment from names to taint.
// Branches are analysed on copies and joined (a value is tainted when any path taints it); a
// branch that returns, raises, aborts or continues does not reach the join, which is how guards
// such as `if x not in ALLOWED: abort(403)` clean `x`. Calls to functions of the same file
// (and `self.method(...)`) use summaries: which parameters reach the return value and which
// reach a sink, computed on first use, bottom-up, with recursion cut off. See ARCHITECTURE.md,
// "Taint engine".
#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/finding.hpp"
#include "model/python.hpp"
#include "taint/catalog.hpp"

namespace secreview::taint {

// Client data reaching a sink.
struct Flow {
  int cwe = 0;
  TSNode sink{};                 // the call (or the store's target) reported
  TSNode argument{};             // the dangerous argument / stored value
  std::string sink_name;         // "os.system", "cursor.execute", "session[...]"
  std::string what;              // the sink's description from the catalog ("a shell command")
  std::string source;            // the source expression as written ("request.args.get('cmd')")
  std::vector<TraceStep> trace;  // source, steps, sink
};

// What the analysis knows about an expression that was passed to a call.
enum class State : std::uint8_t {
  Unknown,    // not evaluated (not a call argument, or in code the analysis does not reach)
  Clean,      // no client data reaches it
  Parameter,  // only data from the enclosing function's parameters (callers unknown)
  Tainted,    // client data reaches it
};

class Result {
 public:
  // Flows in a fixed order (by sink position, then CWE).
  const std::vector<Flow>& flows() const { return flows_; }
  // The taint of a call argument (or receiver) as the analysis saw it.
  State state(TSNode expr) const;

 private:
  friend class Analyzer;
  std::vector<Flow> flows_;
  std::unordered_map<const void*, State> states_;
};

Result analyze(const py::Model& model, const Catalog& catalog = Catalog::builtin());

// The analysis of one file, run on first use: files no taint-aware rule looks at cost nothing.
class Lazy {
 public:
  explicit Lazy(const py::Model& model) : model_(model) {}
  const Result& get() {
    if (!result_) result_ = std::make_unique<Result>(analyze(model_));
    return *result_;
  }

 private:
  const py::Model& model_;
  std::unique_ptr<Result> result_;
};

}  // namespace secreview::taint
