// wildcard-injection: an unquoted leading wildcard in a shell command of tar/chown/chmod/...
#include <algorithm>

#include "core/text.hpp"
#include "engine/rule.hpp"
#include "rules/python/injection/common.hpp"

namespace secreview::rules {
namespace {

class WildcardInjection final : public Rule {
 public:
  explicit WildcardInjection(const RuleMeta& meta)
      : flag_calls_(option_strings(meta, "shell_flag_calls")) {
    for (const auto& p : option_strings(meta, "programs")) {
      std::size_t eq = p.find('=');
      programs_.emplace_back(p.substr(0, eq), eq == std::string::npos ? "" : p.substr(eq + 1));
    }
  }

  void check_call(const py::Call& call, Context& ctx) const override {
    const py::Model& m = ctx.model();
    TSNode cmd{};
    if (std::find(flag_calls_.begin(), flag_calls_.end(), call.name) != flag_calls_.end()) {
      const py::Argument* shell = call.keyword("shell");
      if (!shell || m.evaluate(shell->value, call.scope).truthy() != true) return;
      cmd = call.argument(0, "args");
    } else {
      cmd = call.argument(0, "cmd");
      if (ts_node_is_null(cmd)) cmd = call.argument(0, "command");
    }
    if (ts_node_is_null(cmd)) return;
    ScopedNode line = argv_program(m, cmd, call.scope);  // with a list, the shell parses item 0
    if (ts_node_is_null(line.node)) return;
    std::string text = command_template(m, line.node, line.scope);
    for (const ShellCommand& c : shell_commands(text)) {
      const Program* program = nullptr;
      for (const ShellWord& w : c) {
        if (!program) {
          program = find_program(w.text);
          continue;
        }
        if (w.text == "--") break;  // later words are operands, never options
        if (!w.leading_glob) continue;
        Report r;
        r.issue = expand(ctx.meta().issue, {{"name", call.name},
                                            {"command", printable(text)},
                                            {"word", w.text},
                                            {"example", program->second},
                                            {"program", program->first}});
        r.solution = expand(ctx.meta().solution, {{"program", program->first}});
        if (m.is_test_file()) {
          r.confidence = Confidence::Low;
          r.issue += " (in test code)";
        }
        ctx.report(call.node, std::move(r));
        return;
      }
    }
  }

 private:
  using Program = std::pair<std::string, std::string>;

  const Program* find_program(const std::string& word) const {
    std::string_view base = word;
    if (auto slash = base.find_last_of('/'); slash != std::string_view::npos) {
      base.remove_prefix(slash + 1);
    }
    for (const auto& p : programs_) {
      if (base == p.first) return &p;
    }
    return nullptr;
  }

  static std::string printable(const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == kHole) {
        out += "{...}";
      } else if (c == '\n' || c == '\t') {
        out += ' ';
      } else {
        out += c;
      }
    }
    if (out.size() > 60) out = out.substr(0, 57) + "...";
    return utf8_sanitize(out);
  }

  std::vector<std::string> flag_calls_;
  std::vector<Program> programs_;
};

}  // namespace
}  // namespace secreview::rules

SECREVIEW_RULE(secreview::rules::WildcardInjection, "wildcard-injection")
