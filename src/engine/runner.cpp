#include "engine/runner.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "engine/gitignore.hpp"
#include "taint/project.hpp"

namespace fs = std::filesystem;

namespace secreview {

namespace {

// A result with an error diagnostic is never cached: the next review tries again.
bool has_error(const FileResult& r) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [](const Diagnostic& d) { return d.level == DiagnosticLevel::Error; });
}

bool is_vcs_dir(std::string_view name) {
  return name == ".git" || name == ".hg" || name == ".svn" || name == ".bzr";
}

std::string join(std::string_view dir, std::string_view name) {
  if (dir.empty() || dir == ".") return std::string(name);
  if (dir.back() == '/') return std::string(dir) + std::string(name);
  return std::string(dir) + "/" + std::string(name);
}

std::string read_text_file(const fs::path& p) {
  std::string out;
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  char buf[1 << 14];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

class Walker {
 public:
  explicit Walker(Discovery& out) : out_(out) {}

  void walk_root(const std::string& display) {
    std::error_code ec;
    fs::path abs = fs::absolute(display, ec);
    // .gitignore files between the repository top and the walked directory apply too.
    fs::path top = abs;
    for (fs::path p = abs; !p.empty(); p = p.parent_path()) {
      if (fs::exists(p / ".git", ec)) {
        top = p;
        break;
      }
      if (p == p.parent_path()) break;
    }
    IgnoreRules rules;
    std::string rel_root = fs::relative(abs, top, ec).generic_string();
    if (rel_root == ".") rel_root.clear();
    std::string base;
    load_ignore(rules, top, "");
    if (!rel_root.empty()) {
      for (const auto& part : fs::path(rel_root)) {
        base = join(base, part.generic_string());
        load_ignore(rules, top / base, base);
      }
    }
    walk_dir(abs, display, rel_root, rules, true);
  }

 private:
  static void load_ignore(IgnoreRules& rules, const fs::path& dir, const std::string& base) {
    std::error_code ec;
    fs::path gi = dir / ".gitignore";
    if (fs::is_regular_file(gi, ec)) rules.add(base, read_text_file(gi));
  }

  void walk_dir(const fs::path& dir, const std::string& display, const std::string& rel,
                IgnoreRules rules, bool is_root) {
    if (!is_root) load_ignore(rules, dir, rel);
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      out_.diagnostics.push_back(
          {DiagnosticLevel::Error, display, {}, "cannot read directory: " + ec.message()});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        out_.diagnostics.push_back(
            {DiagnosticLevel::Error, display, {}, "cannot list directory: " + ec.message()});
        break;
      }
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const auto& e : entries) {
      std::string name = e.path().filename().string();
      std::string child_display = join(display, name);
      std::string child_rel = join(rel, name);
      std::error_code sec;
      bool is_link = e.is_symlink(sec);
      bool is_dir = !is_link && e.is_directory(sec);
      if (is_dir) {
        if (is_vcs_dir(name) || rules.ignored(child_rel, true)) continue;
        walk_dir(e.path(), child_display, child_rel, rules, false);
        continue;
      }
      if (!name.ends_with(".py")) continue;
      if (rules.ignored(child_rel, false)) continue;
      // Symbolic links to directories are not followed (as git does), so loops cannot happen.
      if (is_link && fs::is_directory(e.path(), sec)) continue;
      out_.files.push_back(child_display);
    }
  }

  Discovery& out_;
};

}  // namespace

Discovery discover(const std::vector<std::string>& paths) {
  Discovery out;
  Walker walker(out);
  for (const auto& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      out.diagnostics.push_back({DiagnosticLevel::Error, p, {}, "no such file or directory"});
      continue;
    }
    if (fs::is_directory(st)) {
      std::string display = p;
      while (display.size() > 1 && display.back() == '/') display.pop_back();
      while (display.starts_with("./") && display.size() > 2) display.erase(0, 2);
      walker.walk_root(display);
    } else {
      std::string display = p.starts_with("./") ? p.substr(2) : p;
      out.files.push_back(display);
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

FileResult review_file(const std::string& path, const Engine& engine, const RunOptions& options,
                       taint::Modules* modules) {
  FileResult result;
  result.path = path;
  auto error = [&](std::string message) {
    result.diagnostics.push_back({DiagnosticLevel::Error, path, {}, std::move(message)});
    return result;
  };
  std::string text;
  if (std::string why = read_source_file(path, options.max_file_size, text); !why.empty()) {
    return error(std::move(why));
  }
  return review_text(path, std::move(text), engine, options, modules);
}

FileResult review_text(const std::string& path, std::string text, const Engine& engine,
                       const RunOptions& options, taint::Modules* modules) {
  FileResult result;
  result.path = path;
  auto error = [&](std::string message) {
    result.diagnostics.push_back({DiagnosticLevel::Error, path, {}, std::move(message)});
    return result;
  };
  if (text.size() > options.max_file_size) return error("skipped: file exceeds --max-file-size");
  if (text.find('\0') != std::string::npos) {
    return error("skipped: the file contains NUL bytes, so it is not Python source");
  }
  try {
    if (!options.cache || modules) return engine.analyze(path, std::move(text), modules);
    Digest digest = sha256(text);
    std::optional<FileResult> cached = options.cache->load(path, digest);
    if (!cached) {
      cached = engine.analyze(path, std::move(text));
      if (!has_error(*cached)) options.cache->store(*cached, digest);
    }
    cached->text_digest = digest;
    return std::move(*cached);
  } catch (const std::exception& e) {
    return error(fmt::format("internal error while analysing: {}", e.what()));
  }
}

std::vector<FileResult> analyze_parallel(std::size_t n, unsigned jobs,
                                         const std::function<FileResult(std::size_t)>& one) {
  std::vector<FileResult> results(n);
  unsigned workers = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(1, n)));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) results[i] = one(i);
  };
  if (workers <= 1) {
    worker();
  } else {
    std::vector<std::jthread> threads;
    threads.reserve(workers);
    for (unsigned i = 0; i < workers; ++i) threads.emplace_back(worker);
  }
  return results;
}

namespace {

// The cross-module pass of one file with the result cache: a stored pass is reused while the
// file and every module it consulted (by name: where the name resolves, and that file's text)
// are unchanged. An unanalysed result means the first pass's result stands.
FileResult follow_cached(const FileResult& first, taint::Project& project, const Engine& engine,
                         const RunOptions& options) {
  if (first.text_digest) {
    if (auto stored = options.cache->load_followed(first.path, *first.text_digest)) {
      bool holds = std::all_of(stored->dependencies.begin(), stored->dependencies.end(),
                               [&](const ModuleDependency& d) {
                                 return project.dependency(first.path, d.qualified) == d;
                               });
      if (holds) return stored->result ? std::move(*stored->result) : FileResult{};
    }
  }
  // Analysed again from the file as it is now, and stored under that text's digest.
  std::string text;
  if (!read_source_file(first.path, options.max_file_size, text).empty()) return FileResult{};
  Digest digest = sha256(text);
  FollowedEntry entry;
  FileResult out;
  std::vector<std::string> names;
  if (project.matters(first.path, first.module_calls)) {
    taint::FileModules modules(project, first.module_calls);
    out = review_text(first.path, std::move(text), engine, options, &modules);
    names = modules.asked();
    entry.result = out;
    entry.result->exports.reset();
  }
  for (const ModuleCall& c : first.module_calls) names.push_back(c.qualified);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const std::string& n : names)
    entry.dependencies.push_back(project.dependency(first.path, n));
  if (!has_error(out)) options.cache->store_followed(first.path, digest, entry);
  return out;
}

}  // namespace

void follow_imports(std::vector<FileResult>& files, const Engine& engine,
                    const RunOptions& options) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!files[i].module_calls.empty()) todo.push_back(i);
  }
  taint::Project project(options.max_file_size);
  for (FileResult& f : files) {
    if (f.exports && !todo.empty()) project.seed(f.path, std::move(f.exports));
    f.exports.reset();
  }
  if (todo.empty()) return;
  std::vector<FileResult> again = analyze_parallel(todo.size(), options.jobs, [&](std::size_t k) {
    const FileResult& first = files[todo[k]];
    if (options.cache) return follow_cached(first, project, engine, options);
    if (!project.matters(first.path, first.module_calls)) return FileResult{};
    taint::FileModules modules(project, first.module_calls);
    return review_file(first.path, engine, options, &modules);
  });
  for (std::size_t k = 0; k < todo.size(); ++k) {
    if (again[k].analysed) files[todo[k]] = std::move(again[k]);
  }
  for (FileResult& f : files) f.module_calls.clear();
}

Review review_paths(const std::vector<std::string>& paths, const Engine& engine,
                    const RunOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  Discovery found = discover(paths);
  Review review;
  review.diagnostics = std::move(found.diagnostics);
  review.files = analyze_parallel(found.files.size(), options.jobs, [&](std::size_t i) {
    return review_file(found.files[i], engine, options);
  });
  follow_imports(review.files, engine, options);
  review.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return review;
}

}  // namespace secreview
