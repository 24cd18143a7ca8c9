#include "report/json_stream.hpp"

#include <string>

namespace secreview {

namespace {

std::string dump(const ojson& j) {
  return j.dump(2, ' ', false, ojson::error_handler_t::replace);
}

// Writes `j` as dump(2) would inside a document, `depth` levels deep (indent 2 per level).
void write_indented(std::ostream& os, const ojson& j, int depth) {
  std::string text = dump(j);
  std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  std::string_view rest(text);
  for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos;) {
    os << rest.substr(0, nl + 1) << pad;
    rest.remove_prefix(nl + 1);
  }
  os << rest;
}

}  // namespace

void write_streamed(std::ostream& os, const ojson& doc, std::string_view key, int depth,
                    const std::function<std::optional<ojson>()>& next) {
  std::string text = dump(doc);
  std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  // A newline, the indentation and the quoted key can only stand there: newlines inside
  // strings are escaped.
  std::string marker = "\n" + pad + "\"" + std::string(key) + "\": null";
  std::size_t at = text.find(marker);
  os << std::string_view(text).substr(0, at) << "\n" << pad << "\"" << key << "\": ";
  bool any = false;
  while (std::optional<ojson> element = next()) {
    os << (any ? ",\n" : "[\n") << pad << "  ";
    write_indented(os, *element, depth + 1);
    any = true;
  }
  os << (any ? "\n" + pad + "]" : std::string("[]"));
  os << std::string_view(text).substr(at + marker.size()) << "\n";
}

}  // namespace secreview
