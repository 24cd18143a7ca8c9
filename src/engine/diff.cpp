#include "engine/diff.hpp"

#include <charconv>

#include "core/text.hpp"

namespace secreview {

std::string unquote_git_path(std::string_view q) {
  if (q.size() < 2 || q.front() != '"' || q.back() != '"') return std::string(q);
  q = q.substr(1, q.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < q.size(); ++i) {
    char c = q[i];
    if (c != '\\' || i + 1 == q.size()) {
      out += c;
      continue;
    }
    char e = q[++i];
    if (char c2 = simple_escape(e)) {
      out += c2;
    } else if (e >= '0' && e <= '7') {
      out += static_cast<char>(read_octal_escape(q, i));
    } else {
      out += e;
    }
  }
  return out;
}

namespace {

// "a/x.py\t2024-01-01 ..." -> "x.py"; "/dev/null" -> "".
std::string header_path(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '"') {
    std::size_t close = 1;
    while (close < s.size() && !(s[close] == '"' && s[close - 1] != '\\')) ++close;
    s = s.substr(0, close + 1);
  } else if (std::size_t tab = s.find('\t'); tab != std::string_view::npos) {
    s = s.substr(0, tab);
  }
  std::string p = unquote_git_path(s);
  if (p == "/dev/null") return {};
  if (p.starts_with("a/") || p.starts_with("b/")) p.erase(0, 2);
  return p;
}

// "-12,3" -> {12, 3}; "-12" -> {12, 1}
bool parse_range(std::string_view s, std::uint32_t& start, std::uint32_t& count) {
  s.remove_prefix(1);
  std::size_t comma = s.find(',');
  std::string_view a = s.substr(0, comma);
  auto r1 = std::from_chars(a.data(), a.data() + a.size(), start);
  if (r1.ec != std::errc() || r1.ptr != a.data() + a.size()) return false;
  count = 1;
  if (comma != std::string_view::npos) {
    std::string_view b = s.substr(comma + 1);
    auto r2 = std::from_chars(b.data(), b.data() + b.size(), count);
    if (r2.ec != std::errc() || r2.ptr != b.data() + b.size()) return false;
  }
  return true;
}

}  // namespace

std::vector<FileChange> parse_unified_diff(std::string_view diff) {
  std::vector<FileChange> files;
  FileChange* cur = nullptr;
  std::uint32_t old_left = 0, new_left = 0, new_line = 0;
  std::size_t line_no = 0;
  bool in_git_header = false;  // after "diff --git", before its "+++" line
  auto fail = [&](const std::string& what) {
    throw DiffError("diff line " + std::to_string(line_no) + ": " + what);
  };
  auto start_file = [&]() {
    files.emplace_back();
    cur = &files.back();
  };
  for_each_line(diff, [&](std::string_view line) {
    ++line_no;
    if (old_left > 0 || new_left > 0) {            // inside a hunk
      char c = line.empty() ? ' ' : line.front();  // an empty line is an empty context line
      if (c == '\\') return;                       // "\ No newline at end of file"
      if (c == '+') {
        if (new_left == 0) fail("more added lines than the hunk header says");
        cur->added_lines.insert(new_line++);
        --new_left;
      } else if (c == '-') {
        if (old_left == 0) fail("more removed lines than the hunk header says");
        --old_left;
      } else if (c == ' ') {
        if (old_left == 0 || new_left == 0) fail("more context lines than the hunk header says");
        --old_left;
        --new_left;
        ++new_line;
      } else {
        fail("unexpected line inside a hunk");
      }
      return;
    }
    if (line.starts_with("\\")) return;
    if (line.starts_with("diff --git ")) {
      start_file();
      in_git_header = true;
      return;
    }
    if (line.starts_with("--- ")) {
      // A plain `diff -u` has no "diff --git" line; a git one already started the file.
      if (!in_git_header) start_file();
      cur->old_path = header_path(line.substr(4));
      return;
    }
    if (line.starts_with("+++ ")) {
      if (!cur) fail("'+++' without a preceding '---'");
      in_git_header = false;
      cur->path = header_path(line.substr(4));
      if (cur->path.empty()) {
        cur->status = FileChange::Status::Deleted;
      } else if (cur->old_path.empty() && cur->status != FileChange::Status::Renamed) {
        cur->status = FileChange::Status::Added;
      } else if (cur->old_path != cur->path) {
        cur->status = FileChange::Status::Renamed;
      }
      return;
    }
    if (!cur) return;  // preamble (commit message, email headers)
    if (line.starts_with("@@ ")) {
      std::size_t end = line.find(" @@", 3);
      if (end == std::string_view::npos) fail("malformed hunk header");
      auto parts = split(line.substr(3, end - 3), ' ');
      std::uint32_t old_start = 0, new_start = 0;
      if (parts.size() != 2 || !parts[0].starts_with("-") || !parts[1].starts_with("+") ||
          !parse_range(parts[0], old_start, old_left) ||
          !parse_range(parts[1], new_start, new_left)) {
        fail("malformed hunk header");
      }
      new_line = new_start;
      return;
    }
    if (line.starts_with("new file mode")) {
      cur->status = FileChange::Status::Added;
    } else if (line.starts_with("deleted file mode")) {
      cur->status = FileChange::Status::Deleted;
    } else if (line.starts_with("rename from ")) {
      cur->old_path = unquote_git_path(line.substr(12));
      cur->status = FileChange::Status::Renamed;
    } else if (line.starts_with("rename to ")) {
      cur->path = unquote_git_path(line.substr(10));
      cur->status = FileChange::Status::Renamed;
    } else if (line.starts_with("Binary files ") || line.starts_with("GIT binary patch")) {
      cur->binary = true;
      if (line.starts_with("Binary files ")) {
        // "Binary files a/x and b/y differ": take the new name when the header gave none.
        std::string_view rest = line.substr(13);
        std::size_t and_pos = rest.find(" and ");
        std::size_t differ = rest.rfind(" differ");
        if (and_pos != std::string_view::npos && differ != std::string_view::npos &&
            cur->path.empty()) {
          cur->path = header_path(rest.substr(and_pos + 5, differ - and_pos - 5));
          if (cur->old_path.empty()) cur->old_path = header_path(rest.substr(0, and_pos));
          if (cur->path.empty()) cur->status = FileChange::Status::Deleted;
        }
      }
    }
  });
  if (old_left > 0 || new_left > 0) {
    ++line_no;
    fail("the diff ends inside a hunk");
  }
  // "diff --git a/x b/x" with only a mode change or a pure rename has no ---/+++ lines: take
  // the names from the rename lines already parsed; drop entries that name nothing.
  std::erase_if(files, [](const FileChange& f) { return f.path.empty() && f.old_path.empty(); });
  return files;
}

}  // namespace secreview
