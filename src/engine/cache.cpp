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

  // The field interface shared with Reader, so each record's fields are listed once
  // (record_fields() and friends below) and written and read in the same order.
  void io(const std::string& s) { str(s); }
  void io(bool b) { flag(b); }
  void io(int v) { u32(static_cast<std::uint32_t>(v)); }
  void io(std::uint64_t v) { u64(v); }
  void io(const Position& p) { pos(p); }
  void io(const Digest& d) { digest(d); }
  // An enum as one byte (the range matters to the reader only).
  template <class E>
  requires std::is_enum_v<E>
  void io(E e, std::uint8_t /*lo*/, std::uint8_t /*hi*/) {
    u8(static_cast<std::uint8_t>(static_cast<std::underlying_type_t<E>>(e)));
  }
  // A list: its length, then each item written by `one`.
  template <class T, class Fn>
  void list(const std::vector<T>& items, std::size_t /*min_bytes*/, Fn one) {
    u32(static_cast<std::uint32_t>(items.size()));
    for (const T& item : items) one(item);
  }

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

  // The field interface shared with Writer.
  void io(std::string& s) { s = str(); }
  void io(bool& b) { b = flag(); }
  void io(int& v) { v = i32(); }
  void io(std::uint64_t& v) { v = u64(); }
  void io(Position& p) { p = pos(); }
  void io(Digest& d) { d = digest(); }
  // An enum stored as one byte, which must lie in [lo, hi].
  template <class E>
  requires std::is_enum_v<E>
  void io(E& e, std::uint8_t lo, std::uint8_t hi) { e = enumerated<E>(lo, hi); }
  // A list written by Writer::list, each item read by `one`; `min_bytes` is the least an item
  // takes.
  template <class T, class Fn>
  void list(std::vector<T>& out, std::size_t min_bytes, Fn one) {
    std::size_t n = count(min_bytes);
    out.reserve(n);
    for (std::size_t i = 0; i < n && ok(); ++i) one(out.emplace_back());
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

// Each record's fields, once, for Writer (const records) and Reader (records to fill).
template <class Archive, class F>
void finding_fields(Archive& a, F& f) {
  a.io(f.rule_id);
  a.io(f.cwe);
  a.io(f.kind, 0, 1);
  a.io(f.severity, 1, 3);
  a.io(f.confidence, 1, 3);
  a.io(f.path);
  a.io(f.start);
  a.io(f.end);
  a.io(f.issue);
  a.io(f.solution);
  a.io(f.snippet);
  a.io(f.fingerprint);
  a.list(f.related, 8, [&](auto& p) { a.io(p); });
  a.list(f.trace, 16, [&](auto& t) {
    a.io(t.at);
    a.io(t.message);
    a.io(t.file);
  });
  a.io(f.suppressed);
  a.io(f.suppression_reason);
  a.io(f.in_baseline);
}

template <class Archive, class R>
void result_fields(Archive& a, R& r) {
  a.io(r.path);
  a.io(r.analysed);
  a.io(r.lines);
  a.io(r.bytes);
  // The least a finding takes: seven strings' lengths (28), the CWE and two counts (12), two
  // positions (16), three enum bytes and two flags (5).
  a.list(r.findings, 61, [&](auto& f) { finding_fields(a, f); });
  a.list(r.diagnostics, 17, [&](auto& d) {
    a.io(d.level, 0, 2);
    a.io(d.path);
    a.io(d.at);
    a.io(d.message);
  });
  a.list(r.module_calls, 6, [&](auto& c) {
    a.io(c.qualified);
    a.io(c.client_args);
    a.io(c.parameter_args);
  });
}

// The modules a cross-module pass consulted: each name, where it resolved, that file's digest.
template <class Archive, class E>
void dependency_fields(Archive& a, E& e) {
  a.list(e.dependencies, 8 + 32, [&](auto& d) {
    a.io(d.qualified);
    a.io(d.path);
    a.io(d.text);
  });
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

constexpr std::uint8_t kFirstPass = 1;
constexpr std::uint8_t kFollowed = 2;

}  // namespace

std::string encode_entry(const FileResult& r, const Digest& text) {
  Writer w;
  write_header(w, kFirstPass, text, r.path);
  result_fields(w, r);
  return w.take();
}

std::optional<FileResult> decode_entry(std::string_view entry, const std::string& path,
                                       const Digest& text) {
  Reader r(entry);
  if (!read_header(r, kFirstPass, text, path)) return std::nullopt;
  FileResult out;
  result_fields(r, out);
  if (!r.at_end() || out.path != path) return std::nullopt;
  return out;
}

std::string encode_followed(const std::string& path, const Digest& text, const FollowedEntry& e) {
  Writer w;
  write_header(w, kFollowed, text, path);
  dependency_fields(w, e);
  w.flag(e.result.has_value());
  if (e.result) result_fields(w, *e.result);
  return w.take();
}

std::optional<FollowedEntry> decode_followed(std::string_view entry, const std::string& path,
                                             const Digest& text) {
  Reader r(entry);
  if (!read_header(r, kFollowed, text, path)) return std::nullopt;
  FollowedEntry e;
  dependency_fields(r, e);
  if (r.flag()) {
    result_fields(r, e.result.emplace());
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
