#include "engine/cache.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <type_traits>

#include "core/source.hpp"

namespace fs = std::filesystem;

namespace secreview {

namespace {

// Version 1 of the entry format; any change to it or to FileResult changes the magic.
constexpr std::string_view kMagic = "secreview-cache-1\n";
constexpr std::uint64_t kMaxEntry = 1ull << 30;  // bytes read of an entry (or the executable)

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void raw(std::string_view s) { out_.append(s); }
  void flag(bool b) { u8(b ? 1 : 0); }
  void digest(const Digest& d) { out_.append(reinterpret_cast<const char*>(d.data()), d.size()); }
  void pos(const Position& p) {
    u32(p.line);
    u32(p.column);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && at_ == in_.size(); }

  std::uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<std::uint8_t>(in_[at_++]);
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(u8()) << (8 * i);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(u8()) << (8 * i);
    return v;
  }
  int i32() { return static_cast<int>(static_cast<std::int32_t>(u32())); }
  bool flag() {
    std::uint8_t v = u8();
    if (v > 1) ok_ = false;
    return v == 1;
  }
  // An enum stored as one byte, which must lie in [lo, hi].
  template <class E>
  E enumerated(std::uint8_t lo, std::uint8_t hi) {
    std::uint8_t v = u8();
    if (v < lo || v > hi) ok_ = false;
    return static_cast<E>(v);
  }
  std::string str() {
    std::uint32_t n = u32();
    if (!need(n)) return {};
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::string_view raw(std::size_t n) {
    if (!need(n)) return {};
    std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  Digest digest() {
    Digest d{};
    std::string_view bytes = raw(d.size());
    if (ok_) std::memcpy(d.data(), bytes.data(), d.size());
    return d;
  }
  Position pos() {
    Position p;
    p.line = u32();
    p.column = u32();
    return p;
  }
  // A count of items each taking at least `min_bytes`: a corrupt count cannot make a caller
  // reserve more than the entry could hold.
  std::size_t count(std::size_t min_bytes) {
    std::uint32_t n = u32();
    if (!ok_ || n > (in_.size() - at_) / min_bytes) {
      ok_ = false;
      return 0;
    }
    return n;
  }

 private:
  bool need(std::size_t n) {
    if (!ok_ || n > in_.size() - at_) ok_ = false;
    return ok_;
  }

  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

template <class E>
std::uint8_t byte(E e) {
  return static_cast<std::uint8_t>(static_cast<std::underlying_type_t<E>>(e));
}

// A list: its length, then each item written by `one`.
template <class T, class Fn>
void write_list(Writer& w, const std::vector<T>& items, Fn one) {
  w.u32(static_cast<std::uint32_t>(items.size()));
  for (const T& item : items) one(item);
}

// A list written by write_list, each item read by `one`; `min_bytes` is the least an item takes.
template <class T, class Fn>
void read_list(Reader& r, std::size_t min_bytes, std::vector<T>& out, Fn one) {
  std::size_t n = r.count(min_bytes);
  out.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) out.push_back(one());
}

void write_finding(Writer& w, const Finding& f) {
  w.str(f.rule_id);
  w.u32(static_cast<std::uint32_t>(f.cwe));
  w.u8(byte(f.kind));
  w.u8(byte(f.severity));
  w.u8(byte(f.confidence));
  w.str(f.path);
  w.pos(f.start);
  w.pos(f.end);
  w.str(f.issue);
  w.str(f.solution);
  w.str(f.snippet);
  w.str(f.fingerprint);
  write_list(w, f.related, [&](const Position& p) { w.pos(p); });
  write_list(w, f.trace, [&](const TraceStep& t) {
    w.pos(t.at);
    w.str(t.message);
    w.str(t.file);
  });
  w.flag(f.suppressed);
  w.str(f.suppression_reason);
  w.flag(f.in_baseline);
}

Finding read_finding(Reader& r) {
  Finding f;
  f.rule_id = r.str();
  f.cwe = r.i32();
  f.kind = r.enumerated<FindingKind>(0, 1);
  f.severity = r.enumerated<Severity>(1, 3);
  f.confidence = r.enumerated<Confidence>(1, 3);
  f.path = r.str();
  f.start = r.pos();
  f.end = r.pos();
  f.issue = r.str();
  f.solution = r.str();
  f.snippet = r.str();
  f.fingerprint = r.str();
  read_list(r, 8, f.related, [&] { return r.pos(); });
  read_list(r, 16, f.trace, [&] {
    TraceStep t;
    t.at = r.pos();
    t.message = r.str();
    t.file = r.str();
    return t;
  });
  f.suppressed = r.flag();
  f.suppression_reason = r.str();
  f.in_baseline = r.flag();
  return f;
}

void write_header(Writer& w, std::uint8_t kind, const Digest& text, const std::string& path) {
  w.raw(kMagic);
  w.u8(kind);
  w.digest(text);
  w.str(path);
}

bool read_header(Reader& r, std::uint8_t kind, const Digest& text, const std::string& path) {
  if (r.raw(kMagic.size()) != kMagic || r.u8() != kind) return false;
  return r.digest() == text && r.str() == path && r.ok();
}

void write_result(Writer& w, const FileResult& r) {
  w.str(r.path);
  w.flag(r.analysed);
  w.u64(r.lines);
  w.u64(r.bytes);
  write_list(w, r.findings, [&](const Finding& f) { write_finding(w, f); });
  write_list(w, r.diagnostics, [&](const Diagnostic& d) {
    w.u8(byte(d.level));
    w.str(d.path);
    w.pos(d.at);
    w.str(d.message);
  });
  write_list(w, r.module_calls, [&](const ModuleCall& c) {
    w.str(c.qualified);
    w.flag(c.client_args);
    w.flag(c.parameter_args);
  });
}

FileResult read_result(Reader& r) {
  FileResult out;
  out.path = r.str();
  out.analysed = r.flag();
  out.lines = r.u64();
  out.bytes = r.u64();
  // The least a finding takes: seven strings' lengths (28), the CWE and two counts (12), two
  // positions (16), three enum bytes and two flags (5).
  read_list(r, 61, out.findings, [&] { return read_finding(r); });
  read_list(r, 17, out.diagnostics, [&] {
    Diagnostic d;
    d.level = r.enumerated<DiagnosticLevel>(0, 2);
    d.path = r.str();
    d.at = r.pos();
    d.message = r.str();
    return d;
  });
  read_list(r, 6, out.module_calls, [&] {
    ModuleCall c;
    c.qualified = r.str();
    c.client_args = r.flag();
    c.parameter_args = r.flag();
    return c;
  });
  return out;
}

constexpr std::uint8_t kFirstPass = 1;
constexpr std::uint8_t kFollowed = 2;

}  // namespace

std::string encode_entry(const FileResult& r, const Digest& text) {
  Writer w;
  write_header(w, kFirstPass, text, r.path);
  write_result(w, r);
  return w.take();
}

std::optional<FileResult> decode_entry(std::string_view entry, const std::string& path,
                                       const Digest& text) {
  Reader r(entry);
  if (!read_header(r, kFirstPass, text, path)) return std::nullopt;
  FileResult out = read_result(r);
  if (!r.at_end() || out.path != path) return std::nullopt;
  return out;
}

std::string encode_followed(const std::string& path, const Digest& text, const FollowedEntry& e) {
  Writer w;
  write_header(w, kFollowed, text, path);
  write_list(w, e.dependencies, [&](const ModuleDependency& d) {
    w.str(d.qualified);
    w.str(d.path);
    w.digest(d.text);
  });
  w.flag(e.result.has_value());
  if (e.result) write_result(w, *e.result);
  return w.take();
}

std::optional<FollowedEntry> decode_followed(std::string_view entry, const std::string& path,
                                             const Digest& text) {
  Reader r(entry);
  if (!read_header(r, kFollowed, text, path)) return std::nullopt;
  FollowedEntry e;
  read_list(r, 8 + 32, e.dependencies, [&] {
    ModuleDependency d;
    d.qualified = r.str();
    d.path = r.str();
    d.text = r.digest();
    return d;
  });
  if (r.flag()) {
    e.result = read_result(r);
    if (r.ok() && e.result->path != path) return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;
  return e;
}

namespace {

bool is_part_name(const std::string& name) {
  return name.size() == 32 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

void ResultCache::prune(const std::filesystem::path& root, const std::string& keep) {
  std::error_code ec;
  auto stale_before = fs::file_time_type::clock::now() - kUnusedFor;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code sec;
    if (name == keep || !is_part_name(name) || !it->is_directory(sec) || it->is_symlink(sec)) {
      continue;
    }
    auto used = fs::last_write_time(it->path(), sec);
    if (!sec && used < stale_before) stale.push_back(it->path());
  }
  for (const fs::path& p : stale) fs::remove_all(p, ec);  // best effort
}

ResultCache::ResultCache(const std::string& dir, std::string_view binary,
                         std::string_view settings) {
  std::string key(binary);
  key.push_back('\0');
  key.append(settings);
  fs::path root(dir);
  dir_ = (root / to_hex(sha256(key), 16)).string();
  std::error_code ec;
  bool fresh = !fs::exists(root, ec);
  fs::create_directories(dir_, ec);
  if (ec) {
    note_problem("cannot create " + dir_ + ": " + ec.message());
    return;
  }
  // Mark this part as used now; remove the parts no review has used for two weeks (other builds
  // of secreview, other settings), so a cache kept across upgrades does not grow without end.
  fs::last_write_time(dir_, fs::file_time_type::clock::now(), ec);
  prune(root, fs::path(dir_).filename().string());
  if (fresh) {
    // Keep the cache out of backups (CACHEDIR.TAG) and out of git.
    if (FILE* f = std::fopen((root / "CACHEDIR.TAG").c_str(), "wb")) {
      std::fputs(
          "Signature: 8a477f597d28d172789f06886806bc55\n"
          "# This directory holds secreview's result cache; it can be deleted at any time.\n",
          f);
      std::fclose(f);
    }
    if (FILE* f = std::fopen((root / ".gitignore").c_str(), "wb")) {
      std::fputs("*\n", f);
      std::fclose(f);
    }
  }
}

std::string ResultCache::entry_path(std::uint8_t kind, const std::string& path) const {
  std::string key(1, static_cast<char>(kind));
  key += path;
  return dir_ + "/" + to_hex(sha256(key), 16);
}

std::string ResultCache::load_bytes(const std::string& entry) const {
  std::string bytes;
  if (!read_source_file(entry, kMaxEntry, bytes).empty()) bytes.clear();
  return bytes;
}

std::optional<FileResult> ResultCache::load(const std::string& path, const Digest& text) const {
  std::optional<FileResult> out =
      decode_entry(load_bytes(entry_path(kFirstPass, path)), path, text);
  if (out) ++hits_;
  return out;
}

void ResultCache::store(const FileResult& r, const Digest& text) const {
  store_bytes(entry_path(kFirstPass, r.path), encode_entry(r, text));
}

std::optional<FollowedEntry> ResultCache::load_followed(const std::string& path,
                                                        const Digest& text) const {
  return decode_followed(load_bytes(entry_path(kFollowed, path)), path, text);
}

void ResultCache::store_followed(const std::string& path, const Digest& text,
                                 const FollowedEntry& e) const {
  store_bytes(entry_path(kFollowed, path), encode_followed(path, text, e));
}

void ResultCache::store_bytes(const std::string& target, const std::string& bytes) const {
  std::string temp = target + ".tmp" + std::to_string(::getpid()) + "-" +
                     std::to_string(temp_counter_.fetch_add(1));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    note_problem("cannot write " + temp + ": " + std::strerror(errno));
    return;
  }
  std::size_t done = 0;
  std::string why;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      why = n < 0 ? std::strerror(errno) : "short write";
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  bool ok = done == bytes.size();
  if (::close(fd) != 0 && ok) {
    ok = false;
    why = std::strerror(errno);
  }
  if (ok && ::rename(temp.c_str(), target.c_str()) != 0) {
    ok = false;
    why = std::strerror(errno);
  }
  if (!ok) {
    ::unlink(temp.c_str());
    note_problem("cannot write " + target + ": " + why);
  }
}

void ResultCache::note_problem(std::string what) const {
  std::lock_guard lock(mutex_);
  if (problem_.empty()) problem_ = std::move(what);
}

std::string ResultCache::problem() const {
  std::lock_guard lock(mutex_);
  return problem_;
}

std::string ResultCache::executable_bytes() {
  std::string out;
  if (!read_source_file("/proc/self/exe", kMaxEntry, out).empty()) out.clear();
  return out;
}

}  // namespace secreview
