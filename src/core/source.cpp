#include "core/source.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/text.hpp"

namespace secreview {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // A UTF-8 byte order mark is not part of the code (editors hide it; Python ignores it).
  if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
  // Python accepts a lone CR as a line break; tree-sitter counts rows by LF only. Turning a
  // lone CR into LF keeps every byte offset and makes both agree.
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')) text_[i] = '\n';
  }
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
  // A trailing newline does not open another line.
  if (line_starts_.size() > 1 && line_starts_.back() == text_.size()) line_starts_.pop_back();
}

std::string_view SourceFile::line(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view s = std::string_view(text_).substr(begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Position SourceFile::position(std::uint32_t row, std::uint32_t byte_column) const {
  std::string_view l = line(row + 1);
  std::size_t col = utf8_length(l.substr(0, std::min<std::size_t>(byte_column, l.size())));
  if (byte_column > l.size()) col += byte_column - l.size();
  return Position{row + 1, static_cast<std::uint32_t>(col + 1)};
}

std::string read_source_file(const std::string& path, std::uint64_t max_size, std::string& text) {
  text.clear();
  // O_NONBLOCK: a FIFO does not block the open; fstat then rejects it as not a regular file.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return fmt::format("cannot open: {}", std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fmt::format("cannot stat: {}", std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return "not a regular file";
  if (static_cast<std::uint64_t>(st.st_size) > max_size) {
    return fmt::format("skipped: {} bytes exceeds --max-file-size ({} bytes)", st.st_size,
                       max_size);
  }
  std::string buffer(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  for (;;) {
    if (got == buffer.size()) buffer.resize(buffer.size() + 4096);  // the file grew since fstat
    ssize_t n = ::read(fd, buffer.data() + got, buffer.size() - got);
    if (n < 0) return fmt::format("read failed: {}", std::strerror(errno));
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > max_size) return "skipped: file exceeds --max-file-size";
  }
  buffer.resize(got);
  text = std::move(buffer);
  return {};
}

std::uint32_t SourceFile::byte_column(Position at) const {
  std::string_view l = line(at.line);
  return static_cast<std::uint32_t>(utf8_prefix_bytes(l, at.column > 0 ? at.column - 1 : 0));
}

}  // namespace secreview
