// path-traversal-request: open/send_file/FileResponse/save/os.remove/pathlib I/O on a path that
// contains a value read from the request, with no sanitising in the function.
#include "engine/rule.hpp"
#include "rules/python/web/request.hpp"

namespace secreview::rules {
namespace {

class PathTraversalRequest final : public Rule {
 public:
  explicit PathTraversalRequest(const RuleMeta& meta)
      : sources_(meta),
        keywords_(option_strings(meta, "path_keywords")),
        receiver_methods_(option_strings(meta, "path_receiver_methods")),
        argument_methods_(option_strings(meta, "path_argument_methods")),
        joiners_(option_strings(meta, "path_joiners")),
        path_types_(option_strings(meta, "path_types")),
        sanitizers_(option_strings(meta, "sanitizers")),
        normalizers_(option_strings(meta, "normalizers")),
        containment_(option_strings(meta, "containment_checks")) {
    for (const auto& c : meta.calls) {
      if (!c.starts_with(".")) functions_.push_back(c);
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    const py::Grammar& g = m.grammar();
    web::RequestFlow flow(m, sources_, call.scope, web::RequestFlow::Mode::Path);
    flow.set_path_builders(&joiners_, &path_types_);
    bool external = call.origin == py::NameOrigin::Import || call.origin == py::NameOrigin::Global;
    bool attribute = ts_node_symbol(call.callee) == g.attribute;
    TSNode path{};
    std::string name = call.name;
    std::optional<web::RequestRead> read;
    if (external && web::in_list(functions_, call.name)) {
      path = web::argument_of(call, 0, keywords_);
      if (ts_node_is_null(path)) return;
      read = flow.anywhere(path);
    } else if (attribute && web::in_list(argument_methods_, call.method)) {
      path = web::argument_of(call, 0, keywords_);
      if (ts_node_is_null(path)) return;
      read = flow.anywhere(path);
      name = std::string(m.text(call.callee));
    } else if (attribute && web::in_list(receiver_methods_, call.method)) {
      // Path(BASE, name).read_text(), (UPLOADS / name).unlink(): the receiver is the path.
      path = ts_node_child_by_field_id(call.callee, g.f_object);
      read = flow.anywhere(path);
      if (read && !flow.path_object()) return;
      name = std::string(m.text(call.callee));
    } else {
      return;
    }
    if (!read) return;
    const std::vector<std::string>& terms = flow.terms();
    if (web::function_checks(m, call.scope, terms, sanitizers_)) return;
    if (web::function_checks(m, call.scope, terms, normalizers_) &&
        web::function_calls(m, call.scope, containment_)) {
      return;
    }
    if (web::validated(m, call.scope, terms, {})) return;  // compared: `if ".." in name`
    Report r;
    r.issue = expand(ctx.meta().issue,
                     {{"name", name},
                      {"path", excerpt(m, path)},
                      {"source", web::source_phrase(m, *read, path, call.node, "which contains")}});
    if (m.is_test_file()) {
      r.confidence = Confidence::Low;
      r.issue += " (in test code)";
    }
    ctx.report(call.node, std::move(r));
  }

 private:
  web::RequestSources sources_;
  std::vector<std::string> keywords_;
  std::vector<std::string> receiver_methods_;
  std::vector<std::string> argument_methods_;
  std::vector<std::string> joiners_;
  std::vector<std::string> path_types_;
  std::vector<std::string> sanitizers_;
  std::vector<std::string> normalizers_;
  std::vector<std::string> containment_;
  std::vector<std::string> functions_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::PathTraversalRequest, "path-traversal-request")
