#include "taint/project.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "frontend/python/parser.hpp"
#include "model/python.hpp"

namespace secreview::taint {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxLevels = 8;  // ancestor directories searched for an absolute import
constexpr int kMaxDepth = 4;   // modules analysed in a chain of imports

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// `dir/a/b.py` or `dir/a/b/__init__.py` for the module path "a/b" (empty: `dir/__init__.py`).
std::optional<std::string> module_file(const fs::path& dir, const fs::path& module) {
  fs::path file = module.empty() ? dir / "__init__.py" : dir / module;
  if (!module.empty()) {
    fs::path py = file;
    py += ".py";
    if (is_file(py)) return py.lexically_normal().string();
    file /= "__init__.py";
  }
  if (is_file(file)) return file.lexically_normal().string();
  return std::nullopt;
}

}  // namespace

std::optional<ImportTarget> resolve_import(const std::string& importer,
                                           const std::string& qualified) {
  std::size_t dots = 0;
  while (dots < qualified.size() && qualified[dots] == '.') ++dots;
  std::string rest = qualified.substr(dots);
  std::size_t last = rest.rfind('.');
  ImportTarget t;
  t.function = last == std::string::npos ? rest : rest.substr(last + 1);
  std::string module = last == std::string::npos ? "" : rest.substr(0, last);
  if (t.function.empty() || t.function == "*") return std::nullopt;
  fs::path module_path;
  for (std::size_t a = 0, b; a <= module.size() && !module.empty(); a = b + 1) {
    b = module.find('.', a);
    if (b == std::string::npos) b = module.size();
    module_path /= module.substr(a, b - a);
  }
  fs::path dir = fs::path(importer).parent_path();
  if (dir.empty()) dir = ".";
  if (dots > 0) {
    for (std::size_t i = 1; i < dots; ++i) dir = (dir / "..").lexically_normal();
    auto file = module_file(dir, module_path);
    if (!file) return std::nullopt;
    t.path = *file;
    return t;
  }
  if (module.empty()) return std::nullopt;  // `import f` then `f()`: not a function
  for (int level = 0; level < kMaxLevels; ++level) {
    if (auto file = module_file(dir, module_path)) {
      t.path = *file;
      return t;
    }
    std::error_code ec;
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path() || dir == ".") break;
    dir = dir.parent_path();
    if (dir.empty()) dir = ".";
  }
  return std::nullopt;
}

const Project::Module* Project::module(const std::string& path) {
  auto [it, fresh] = modules_.try_emplace(path);
  if (!fresh) return it->second.done ? &it->second : nullptr;  // cycle: being analysed
  if (depth_ >= kMaxDepth) {
    modules_.erase(it);
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text;
  if (in) {
    in.seekg(0, std::ios::end);
    auto size = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);
    if (size <= max_file_size_) {
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  if (!text.empty() && text.find('\0') == std::string::npos) {
    if (py::Tree tree = py::parse(text)) {
      SourceFile source(path, std::move(text));
      py::Model model(source, tree.get());
      ++depth_;
      Result r = analyze(model, Catalog::builtin(), Options{this, true});
      --depth_;
      it = modules_.find(path);
      it->second.functions = r.exports();
    }
  }
  it = modules_.find(path);
  it->second.done = true;
  return &it->second;
}

const ExternalSummary* Project::function(const std::string& importer,
                                         const std::string& qualified) {
  std::string dir = fs::path(importer).parent_path().string();
  auto key = std::make_pair(dir, qualified);
  auto r = resolved_.find(key);
  if (r == resolved_.end()) r = resolved_.emplace(key, resolve_import(importer, qualified)).first;
  if (!r->second || r->second->path == fs::path(importer).lexically_normal().string()) {
    return nullptr;
  }
  const Module* m = module(r->second->path);
  if (!m) return nullptr;
  auto f = m->functions.find(r->second->function);
  return f == m->functions.end() ? nullptr : &f->second;
}

bool Project::matters(const std::string& importer, const std::vector<ImportedCall>& calls) {
  for (const ImportedCall& c : calls) {
    const ExternalSummary* x = function(importer, c.qualified);
    if (x && (x->returns_source() || (c.tainted_args && x->uses_parameters()))) return true;
  }
  return false;
}

}  // namespace secreview::taint
