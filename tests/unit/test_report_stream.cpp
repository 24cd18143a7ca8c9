// Writing a report's big array element by element (report/json_stream.hpp) gives exactly the
// bytes of dumping the whole document at once.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "report/json_stream.hpp"

namespace secreview {
namespace {

// Streams `elements` into `key` of `doc` and returns what was written.
std::string streamed(const ojson& doc, const char* key, int depth,
                     const std::vector<ojson>& elements) {
  std::ostringstream os;
  std::size_t i = 0;
  write_streamed(os, doc, key, depth, [&]() -> std::optional<ojson> {
    if (i == elements.size()) return std::nullopt;
    return elements[i++];
  });
  return os.str();
}

std::string dumped(const ojson& doc) {
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

TEST(ReportStream, SameBytesAsDumpingTheWholeDocument) {
  std::vector<ojson> elements{
      ojson{{"path", "a.py"}, {"defects", ojson::array({{{"line", 1}, {"issue", "x\ny"}}})}},
      ojson{{"path", "b \"q\".py"}, {"defects", ojson::array()}, {"nested", {{"k", {1, 2}}}}},
      ojson(42)};
  // At the top level, between other keys.
  ojson top{{"schema", "s"}, {"files", nullptr}, {"summary", {{"files", 2}}}};
  ojson full = top;
  full["files"] = ojson(elements);
  EXPECT_EQ(streamed(top, "files", 1, elements), dumped(full));
  // Deeper, as the last key of an object inside an array (SARIF's runs[0].results).
  ojson deep{{"version", "2.1.0"}, {"runs", ojson::array({{{"tool", "t"}, {"results", nullptr}}})}};
  ojson deep_full = deep;
  deep_full["runs"][0]["results"] = ojson(elements);
  EXPECT_EQ(streamed(deep, "results", 3, elements), dumped(deep_full));
  // No elements: an empty array, as dump writes it.
  ojson empty = top;
  empty["files"] = ojson::array();
  EXPECT_EQ(streamed(top, "files", 1, {}), dumped(empty));
  // A string value that looks like the placeholder is not mistaken for it.
  ojson tricky{{"note", "\n  \"files\": null"}, {"files", nullptr}};
  ojson tricky_full = tricky;
  tricky_full["files"] = ojson(elements);
  EXPECT_EQ(streamed(tricky, "files", 1, elements), dumped(tricky_full));
}

}  // namespace
}  // namespace secreview
