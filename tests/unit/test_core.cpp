// core/: text utilities, source positions, the CWE catalog, findings.
#include <gtest/gtest.h>

#include "core/cwe.hpp"
#include "core/finding.hpp"
#include "core/source.hpp"
#include "core/text.hpp"

namespace secreview {
namespace {

TEST(Text, Utf8) {
  EXPECT_EQ(utf8_length("aé€😀"), 4u);
  EXPECT_EQ(utf8_length("\xff\xfe"), 2u);
  EXPECT_EQ(utf8_sanitize("a\xffz"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(utf8_sanitize("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD") << "overlong form rejected";
}

TEST(Text, TerminalSafeEscapesControlSequences) {
  EXPECT_EQ(terminal_safe("ok\x1b[31mred"), "ok\\x1b[31mred");
  EXPECT_EQ(terminal_safe("a\rb\x07"), "a\\x0db\\x07");
  EXPECT_EQ(terminal_safe("\xC2\x9B"
                          "2J"),
            "\\u009b2J")
      << "C1 CSI";
  EXPECT_EQ(terminal_safe("tab\tkept é"), "tab\tkept é");
}

TEST(Text, SplitTrimCase) {
  EXPECT_EQ(split("a\tb\t", '\t').size(), 3u);
  EXPECT_EQ(trim("  x \r\n"), "x");
  EXPECT_TRUE(contains_icase("Hello World", "WORLD"));
  EXPECT_TRUE(starts_with_icase("CWE-78", "cwe-"));
  EXPECT_NE(fnv1a64("a"), fnv1a64("b"));
}

TEST(SourceFile, LinesAndPositions) {
  SourceFile crlf("f.py", "a = 1\r\nb = 2\r\n");
  EXPECT_EQ(crlf.line_count(), 2u);
  EXPECT_EQ(crlf.line(2), "b = 2");
  SourceFile cr("f.py", "a\rb\rc");
  EXPECT_EQ(cr.line_count(), 3u) << "a lone CR ends a line, as in Python";
  EXPECT_EQ(cr.line(3), "c");
  SourceFile utf("f.py", "s = 'ü'; x\n");
  EXPECT_EQ(utf.position(0, 10), (Position{1, 10}))
      << "byte 10 is code point 10 after a 2-byte char";
  EXPECT_EQ(crlf.line(9), "");
}

TEST(CweCatalog, DerivedFromMitre) {
  const CweCatalog& c = CweCatalog::builtin();
  EXPECT_EQ(c.size(), 938u);
  EXPECT_EQ(c.pillar(78), 707);
  EXPECT_EQ(
      c.name(78),
      "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')");
  EXPECT_EQ(c.pillar(502), 664);
  EXPECT_EQ(c.pillar(259), 284);
  EXPECT_EQ(c.pillar(1327), 664);
  EXPECT_EQ(c.pillar(707), 707);
  EXPECT_EQ(c.find(999999), nullptr);
  EXPECT_EQ(c.name(999999), "Unknown CWE");
}

TEST(CweCatalog, RejectsMalformedData) {
  EXPECT_THROW(CweCatalog::parse("id\tname\tpillar\nx\ty\tz\n"), std::runtime_error);
  EXPECT_THROW(CweCatalog::parse("nope\n"), std::runtime_error);
  EXPECT_EQ(CweCatalog::parse("# c\nid\tname\tpillar\n1\tOne\t2\n").pillar(1), 2);
}

TEST(Findings, SortAndDeduplicate) {
  std::vector<Finding> v(3);
  v[0].rule_id = "b";
  v[0].start = {3, 1};
  v[1].rule_id = "a";
  v[1].start = {1, 5};
  v[2] = v[1];
  sort_findings(v);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].rule_id, "a");
}

}  // namespace
}  // namespace secreview

namespace secreview {
TEST(Text, BackslashEscapes) {
  EXPECT_EQ(simple_escape('n'), '\n');
  EXPECT_EQ(simple_escape('v'), '\v');
  EXPECT_EQ(simple_escape('"'), '"');
  EXPECT_EQ(simple_escape('\\'), '\\');
  EXPECT_EQ(simple_escape('d'), 0);
  EXPECT_EQ(simple_escape('x'), 0);
  std::string_view s = "303\251x";
  std::size_t i = 0;
  EXPECT_EQ(read_octal_escape(s, i), 0303u);
  EXPECT_EQ(i, 2u);  // on the last digit read
  s = "78";
  i = 0;
  EXPECT_EQ(read_octal_escape(s, i), 7u);  // 8 is no octal digit
  EXPECT_EQ(i, 0u);
}

TEST(Text, IdentifierWords) {
  using W = std::vector<std::string>;
  EXPECT_EQ(identifier_words("dbPassword"), (W{"db", "password"}));
  EXPECT_EQ(identifier_words("DB_PASS"), (W{"db", "pass"}));
  EXPECT_EQ(identifier_words("tmp-dir2 /x"), (W{"tmp", "dir2", "x"}));
  EXPECT_EQ(identifier_words("HTTPServer"), (W{"httpserver"}));
  EXPECT_TRUE(identifier_words("__").empty());
}
}  // namespace secreview

namespace secreview {
TEST(SourceFile, ByteColumnInvertsPosition) {
  SourceFile f("x.py", "a = 1\nb = 'caf\xC3\xA9' + x\n");
  Position p = f.position(1, 12);  // the `+` after a two-byte character
  EXPECT_EQ(p, (Position{2, 12}));
  EXPECT_EQ(f.byte_column(p), 12u);
  EXPECT_EQ(f.byte_column(Position{1, 1}), 0u);
}
}  // namespace secreview
