// sql-string-formatting: a query built by formatting strings and passed to a SQL executor.
#include "engine/rule.hpp"
#include "core/text.hpp"

namespace secreview::rules {
namespace {

class SqlStringFormatting final : public Rule {
 public:
  explicit SqlStringFormatting(const RuleMeta& meta)
      : keywords_(option_strings(meta, "keywords")) {}

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode query = call.argument(0, "sql");
    if (ts_node_is_null(query)) query = call.argument(0, "operation");
    if (ts_node_is_null(query)) return;
    py::StringShape shape = m.string_shape(query, call.scope);
    if (shape.kind != py::StringShape::Kind::Interpolated || !looks_like_sql(shape.literal)) return;
    std::string name = call.name.empty() ? std::string(call.method) : call.name;
    Report r;
    r.issue = expand(ctx.meta().issue, {{"name", name}, {"arg", excerpt(m, shape.site)}});
    ctx.report(call.node, std::move(r));
  }

 private:
  bool looks_like_sql(std::string_view text) const {
    std::string padded(1, ' ');  // (not `" " + s`: GCC 12 -Wrestrict false positive)
    padded += to_lower(text);
    padded += ' ';
    for (char& c : padded) {
      if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    }
    for (const auto& k : keywords_) {
      if (padded.find(k) != std::string::npos) return true;
    }
    return false;
  }
  std::vector<std::string> keywords_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::SqlStringFormatting, "sql-string-formatting")
