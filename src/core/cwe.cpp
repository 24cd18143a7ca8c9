#include "core/cwe.hpp"

#include <charconv>
#include <stdexcept>

#include "core/embedded.hpp"
#include "core/text.hpp"

namespace secreview {

namespace {
int to_int(std::string_view s, std::size_t line_no) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    throw std::runtime_error("cwe catalog line " + std::to_string(line_no) + ": bad number '" +
                             std::string(s) + "'");
  }
  return v;
}
}  // namespace

CweCatalog CweCatalog::parse(std::string_view tsv) {
  CweCatalog cat;
  std::size_t line_no = 0;
  bool header_seen = false;
  for_each_line(tsv, [&](std::string_view line) {
    ++line_no;
    if (line.empty() || line.front() == '#') return;
    auto cols = split(line, '\t');
    if (!header_seen) {
      header_seen = true;
      if (cols.size() < 3 || cols[0] != "id") {
        throw std::runtime_error("cwe catalog: expected header 'id\\tname\\tpillar'");
      }
      return;
    }
    if (cols.size() < 3) {
      throw std::runtime_error("cwe catalog line " + std::to_string(line_no) +
                               ": 3 columns expected");
    }
    CweEntry e{to_int(cols[0], line_no), std::string(cols[1]), to_int(cols[2], line_no)};
    cat.entries_.emplace(e.id, std::move(e));
  });
  return cat;
}

const CweCatalog& CweCatalog::builtin() {
  static const CweCatalog cat = [] {
    for (const auto& f : embedded::files()) {
      if (f.path == "data/cwe.tsv") return parse(f.contents);
    }
    throw std::runtime_error("data/cwe.tsv is not embedded in this binary");
  }();
  return cat;
}

const CweEntry* CweCatalog::find(int id) const {
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

std::string_view CweCatalog::name(int id) const {
  const CweEntry* e = find(id);
  return e ? std::string_view(e->name) : std::string_view("Unknown CWE");
}

int CweCatalog::pillar(int id) const {
  const CweEntry* e = find(id);
  return e ? e->pillar : 0;
}

}  // namespace secreview
