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
#include <map>
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

// ---- across modules ---------------------------------------------------------------------------
// What a top-level function of another module does with its parameters, kept as plain data so it
// outlives that module's tree. Trace steps carry that module's path.
struct ExternalSummary {
  struct Param {
    std::string name;
    bool positional = true;  // can be passed by position (not *args, **kw or keyword-only)
  };
  struct ParamSink {
    std::size_t param = 0;
    const Sink* sink = nullptr;  // in the builtin catalog
    std::string sink_name;
    std::vector<TraceStep> inner;  // from the parameter to the sink, inclusive
  };
  struct Return {
    std::int64_t param = -1;  // the parameter that reaches the return value; -1: a source
    std::uint32_t mask = 0;   // the sink CWEs it is still dangerous for
    std::string source;       // for a source: the expression as written
    std::vector<TraceStep> steps;
  };
  std::vector<Param> params;
  std::vector<ParamSink> sinks;
  std::vector<Return> ret;

  bool returns_source() const;
  bool uses_parameters() const;  // a parameter reaches a sink or the return value
};

using ImportedCall = ModuleCall;  // see core/finding.hpp

// The summaries of a module's top-level functions, by name (Options::export_summaries). Only
// functions that pass something on (a parameter to a sink or the return value, or a source to
// the return value) have one.
struct ModuleExports {
  std::map<std::string, ExternalSummary> functions;
};

// Resolves an imported function to its summary; implemented by the project pass
// (taint/project.hpp). Null when the module is not found or the function has none.
class Modules {
 public:
  virtual ~Modules() = default;
  virtual const ExternalSummary* function(const std::string& importer,
                                          const std::string& qualified) = 0;
  // A cheap test before function() for calls without client data in their arguments: false when
  // no function of that module can return client data.
  virtual bool may_return_source(const std::string& importer, const std::string& qualified) = 0;
  // Whether the call passes parameter data of a function that client data reaches (as the first,
  // single-file pass found), so the callee's summary can extend a flow.
  virtual bool passes_client_data(const std::string& importer, const std::string& qualified) = 0;
};

struct Options {
  Modules* modules = nullptr;     // summaries of imported functions; null: each file alone
  bool export_summaries = false;  // fill Result::exports
};

class Result {
 public:
  // Flows in a fixed order (by sink position, then CWE).
  const std::vector<Flow>& flows() const { return flows_; }
  // What reaches an expression the analysis evaluated (a call argument or receiver, or a call:
  // the union of its arguments and receiver), by the expression's start point: the sink CWEs
  // client data is still dangerous for, and those a parameter's data is (bits of Catalog::bit).
  struct Reach {
    std::uint32_t tainted = 0;
    std::uint32_t parameter = 0;
  };
  Reach reach_at(TSPoint start) const {
    auto it = reach_.find({start.row, start.column});
    return it == reach_.end() ? Reach{} : it->second;
  }
  // The same as a State: Unknown when the analysis did not evaluate `expr`.
  State state(TSNode expr) const;
  // Calls to imported functions, sorted, unique: what a cross-module pass would need.
  const std::vector<ImportedCall>& imported_calls() const { return imported_calls_; }
  // With Options::export_summaries: the summaries of the module's top-level functions.
  const ModuleExports& exports() const { return exports_; }

 private:
  friend class Analyzer;
  std::vector<Flow> flows_;
  std::vector<ImportedCall> imported_calls_;
  ModuleExports exports_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, Reach> reach_;  // by (row, byte column)
};

Result analyze(const py::Model& model, const Catalog& catalog = Catalog::builtin(),
               const Options& options = {});

// The analysis of one file, run on first use: files no taint-aware rule looks at cost nothing.
// Without modules (the first, single-file pass) it also exports the file's summaries, which are
// exactly what the cross-module pass would compute for it as an imported module.
class Lazy {
 public:
  explicit Lazy(const py::Model& model, Modules* modules = nullptr)
      : model_(model), modules_(modules) {}
  const Result& get() {
    if (!result_)
      result_ = std::make_unique<Result>(
          analyze(model_, Catalog::builtin(), {modules_, modules_ == nullptr}));
    return *result_;
  }
  // The analysis if a rule asked for it, else null.
  const Result* ran() const { return result_.get(); }

 private:
  const py::Model& model_;
  Modules* modules_ = nullptr;
  std::unique_ptr<Result> result_;
};

}  // namespace secreview::taint
