#include "taint/project.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/source.hpp"
#include "frontend/python/parser.hpp"
#include "model/python.hpp"

namespace secreview::taint {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxLevels = 8;  // ancestor directories searched for an absolute import

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

const ModuleExports& Project::module(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = modules_.find(path); it != modules_.end()) return *it->second;
  }
  auto exports = std::make_shared<ModuleExports>();
  std::string text = read(path);
  if (!text.empty() && text.find('\0') == std::string::npos) {
    if (py::Tree tree = py::parse(text)) {
      SourceFile source(path, std::move(text));
      py::Model model(source, tree.get());
      Options options;
      options.export_summaries = true;  // and no modules: its own file only
      *exports = analyze(model, Catalog::builtin(), options).exports();
    }
  }
  std::lock_guard lock(mutex_);
  // Another worker may have analysed it meanwhile, with the same result.
  auto [it, inserted] = modules_.try_emplace(path, std::move(exports));
  if (inserted) ++analysed_;
  return *it->second;
}

void Project::seed(const std::string& path, std::shared_ptr<const ModuleExports> exports) {
  // Imports resolve to lexically normal paths; trace steps name the file as the import would.
  std::string key = fs::path(path).lexically_normal().string();
  if (key != path) {
    auto renamed = std::make_shared<ModuleExports>(*exports);
    auto rename = [&](std::vector<TraceStep>& steps) {
      for (TraceStep& t : steps) {
        if (t.file == path) t.file = key;
      }
    };
    for (auto& [name, x] : renamed->functions) {
      for (auto& s : x.sinks) rename(s.inner);
      for (auto& r : x.ret) rename(r.steps);
    }
    exports = std::move(renamed);
  }
  modules_.try_emplace(key, std::move(exports));
}

std::string Project::read(const std::string& path) {
  std::string text;
  if (!read_source_file(path, max_file_size_, text).empty()) text.clear();
  // Every read is hashed, so a module edited while the review runs (two reads, two texts) is
  // known, and no cached result claims to depend on either text.
  Digest digest = sha256(text);
  std::lock_guard lock(mutex_);
  auto [it, inserted] = digests_.try_emplace(path, digest);
  if (!inserted && it->second != digest) unstable_.insert(path);
  return text;
}

std::optional<ImportTarget> Project::target(const std::string& importer,
                                            const std::string& qualified) {
  auto key = std::make_pair(fs::path(importer).parent_path().string(), qualified);
  std::optional<ImportTarget> t;
  bool known = false;
  {
    std::lock_guard lock(mutex_);
    if (auto r = resolved_.find(key); r != resolved_.end()) {
      t = r->second;
      known = true;
    }
  }
  if (!known) {
    t = resolve_import(importer, qualified);
    std::lock_guard lock(mutex_);
    resolved_.try_emplace(key, t);
  }
  if (t && t->path == fs::path(importer).lexically_normal().string()) return std::nullopt;
  return t;
}

bool Project::mentions_sources(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = mentions_.find(path); it != mentions_.end()) return it->second;
  }
  static const std::vector<std::string> kWords = Catalog::builtin().source_words();
  std::string text = read(path);
  bool found = std::any_of(kWords.begin(), kWords.end(),
                           [&](const std::string& w) { return text.find(w) != std::string::npos; });
  std::lock_guard lock(mutex_);
  mentions_.try_emplace(path, found);
  return found;
}

const ExternalSummary* Project::function(const std::string& importer,
                                         const std::string& qualified) {
  std::optional<ImportTarget> t = target(importer, qualified);
  if (!t) return nullptr;
  const auto& functions = module(t->path).functions;
  auto f = functions.find(t->function);
  return f == functions.end() ? nullptr : &f->second;
}

bool Project::may_return_source(const std::string& importer, const std::string& qualified) {
  std::optional<ImportTarget> t = target(importer, qualified);
  return t && mentions_sources(t->path);
}

bool Project::matters(const std::string& importer, const std::vector<ImportedCall>& calls) {
  for (const ImportedCall& c : calls) {
    bool tainted = c.client_args || c.parameter_args;
    if (!tainted && !may_return_source(importer, c.qualified)) continue;
    const ExternalSummary* x = function(importer, c.qualified);
    if (x && (x->returns_source() || (tainted && x->uses_parameters()))) return true;
  }
  return false;
}

ModuleDependency Project::dependency(const std::string& importer, const std::string& qualified) {
  ModuleDependency d;
  d.qualified = qualified;
  std::optional<ImportTarget> t = target(importer, qualified);
  if (!t) return d;
  d.path = t->path;
  bool known = false;
  {
    std::lock_guard lock(mutex_);
    known = digests_.count(d.path) > 0;
  }
  if (!known) (void)read(d.path);
  std::lock_guard lock(mutex_);
  // A module that changed during the review keeps the all-zero digest, which no text has.
  if (!unstable_.count(d.path)) d.text = digests_.at(d.path);
  return d;
}

FileModules::FileModules(Project& project, const std::vector<ImportedCall>& first_pass)
    : project_(project) {
  for (const ImportedCall& c : first_pass) {
    if (c.parameter_args) reached_.push_back(c.qualified);
  }
  std::sort(reached_.begin(), reached_.end());
}

bool FileModules::passes_client_data(const std::string& /*importer*/,
                                     const std::string& qualified) {
  return std::binary_search(reached_.begin(), reached_.end(), qualified);
}

std::vector<std::string> FileModules::asked() const {
  std::vector<std::string> out = asked_;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace secreview::taint
