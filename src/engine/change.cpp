#include "engine/change.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "engine/process.hpp"

namespace secreview {

namespace {

std::string read_all(const std::string& patch) {
  if (patch == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(patch, std::ios::binary);
  if (!in) throw std::runtime_error(patch + ": cannot read the patch file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool supported(const std::string& path) {
  return path.ends_with(".py");
}

}  // namespace

void keep_changed_lines(FileResult& result, const FileChange& change) {
  std::erase_if(result.findings, [&](const Finding& f) {
    auto it = change.added_lines.lower_bound(f.start.line);
    return it == change.added_lines.end() || *it > std::max(f.start.line, f.end.line);
  });
}

Review review_change(const ChangeSource& source, const Engine& engine, const RunOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  Review review;
  ChangeInfo info;
  std::string diff_text;
  std::string new_rev;  // for "A..B": read post-change files from B, not the working tree
  if (!source.patch.empty()) {
    info.description =
        source.patch == "-" ? "the patch on standard input" : "the patch " + source.patch;
    diff_text = read_all(source.patch);
  } else {
    info.description = source.git_range;
    if (std::size_t dots = source.git_range.find(".."); dots != std::string::npos) {
      new_rev =
          source.git_range.substr(dots + (source.git_range.compare(dots, 3, "...") == 0 ? 3 : 2));
      if (new_rev.empty()) new_rev = "HEAD";
    }
    ProcessResult r =
        run_process({"git", "diff", "--no-color", "--no-ext-diff", "--relative", "-M", "-U0",
                     "--src-prefix=a/", "--dst-prefix=b/", source.git_range, "--"});
    if (r.exit_code != 0) {
      throw std::runtime_error("git diff " + source.git_range + " failed" +
                               (r.exit_code == -1 ? ": cannot run git" : ": " + r.err));
    }
    diff_text = std::move(r.out);
  }
  std::vector<FileChange> changes;
  try {
    changes = parse_unified_diff(diff_text);
  } catch (const DiffError& e) {
    throw std::runtime_error(info.description + ": " + e.what());
  }
  info.files_changed = changes.size();
  std::vector<const FileChange*> todo;
  for (const auto& c : changes) {
    std::string shown = c.path.empty() ? c.old_path : c.path;
    std::string why;
    if (c.status == FileChange::Status::Deleted) {
      why = "deleted by the change";
    } else if (c.binary) {
      why = "binary file";
    } else if (!supported(c.path)) {
      why = "not a supported language";
    }
    if (!why.empty()) {
      review.diagnostics.push_back({DiagnosticLevel::Note, shown, {}, "skipped: " + why});
      continue;
    }
    todo.push_back(&c);
    info.reviewed.push_back(c.path);
  }
  std::sort(todo.begin(), todo.end(),
            [](const FileChange* a, const FileChange* b) { return a->path < b->path; });
  review.files = analyze_parallel(todo.size(), options.jobs, [&](std::size_t i) {
    const FileChange& c = *todo[i];
    FileResult r;
    if (new_rev.empty()) {
      r = review_file(c.path, engine, options);
    } else {
      ProcessResult shown = run_process({"git", "show", new_rev + ":./" + c.path});
      if (shown.exit_code != 0) {
        r.path = c.path;
        r.diagnostics.push_back({DiagnosticLevel::Error,
                                 c.path,
                                 {},
                                 "cannot read the file at " + new_rev + ": " + shown.err});
        return r;
      }
      r = review_text(c.path, std::move(shown.out), engine, options);
      // Other modules are read from the work tree, not from new_rev.
      r.module_calls.clear();
      r.exports.reset();
    }
    return r;
  });
  follow_imports(review.files, engine, options);
  for (std::size_t i = 0; i < todo.size(); ++i) keep_changed_lines(review.files[i], *todo[i]);
  std::sort(info.reviewed.begin(), info.reviewed.end());
  review.change = std::move(info);
  review.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return review;
}

}  // namespace secreview
