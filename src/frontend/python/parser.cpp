#include "frontend/python/parser.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace secreview::py {

namespace {
struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

TSParser* thread_parser() {
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser = [] {
    std::unique_ptr<TSParser, ParserDeleter> p(ts_parser_new());
    if (!ts_parser_set_language(p.get(), tree_sitter_python())) {
      throw std::runtime_error("tree-sitter-python grammar ABI is not supported by tree-sitter");
    }
    return p;
  }();
  return parser.get();
}

TSSymbol sym(const TSLanguage* lang, const char* name, bool named = true) {
  TSSymbol s =
      ts_language_symbol_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)), named);
  if (s == 0) throw std::runtime_error(std::string("python grammar has no node kind ") + name);
  return s;
}

TSFieldId field(const TSLanguage* lang, const char* name) {
  TSFieldId f = ts_language_field_id_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)));
  if (f == 0) throw std::runtime_error(std::string("python grammar has no field ") + name);
  return f;
}
}  // namespace

Tree parse(std::string_view source) {
  TSParser* p = thread_parser();
  ts_parser_reset(p);
  return Tree(ts_parser_parse_string_encoding(
      p, nullptr, source.data(), static_cast<uint32_t>(source.size()), TSInputEncodingUTF8));
}

const Grammar& Grammar::get() {
  static const Grammar g = [] {
    const TSLanguage* l = tree_sitter_python();
    Grammar x{};
    x.module = sym(l, "module");
    x.identifier = sym(l, "identifier");
    x.attribute = sym(l, "attribute");
    x.call = sym(l, "call");
    x.argument_list = sym(l, "argument_list");
    x.keyword_argument = sym(l, "keyword_argument");
    x.list_splat = sym(l, "list_splat");
    x.dictionary_splat = sym(l, "dictionary_splat");
    x.string = sym(l, "string");
    x.string_start = sym(l, "string_start");
    x.string_content = sym(l, "string_content");
    x.string_end = sym(l, "string_end");
    x.escape_sequence = sym(l, "escape_sequence");
    x.interpolation = sym(l, "interpolation");
    x.concatenated_string = sym(l, "concatenated_string");
    x.integer = sym(l, "integer");
    x.float_ = sym(l, "float");
    x.true_ = sym(l, "true");
    x.false_ = sym(l, "false");
    x.none = sym(l, "none");
    x.binary_operator = sym(l, "binary_operator");
    x.unary_operator = sym(l, "unary_operator");
    x.parenthesized_expression = sym(l, "parenthesized_expression");
    x.tuple = sym(l, "tuple");
    x.list = sym(l, "list");
    x.set = sym(l, "set");
    x.dictionary = sym(l, "dictionary");
    x.pair = sym(l, "pair");
    x.function_definition = sym(l, "function_definition");
    x.class_definition = sym(l, "class_definition");
    x.decorated_definition = sym(l, "decorated_definition");
    x.decorator = sym(l, "decorator");
    x.lambda = sym(l, "lambda");
    x.parameters = sym(l, "parameters");
    x.lambda_parameters = sym(l, "lambda_parameters");
    x.default_parameter = sym(l, "default_parameter");
    x.typed_parameter = sym(l, "typed_parameter");
    x.typed_default_parameter = sym(l, "typed_default_parameter");
    x.list_splat_pattern = sym(l, "list_splat_pattern");
    x.dictionary_splat_pattern = sym(l, "dictionary_splat_pattern");
    x.assignment = sym(l, "assignment");
    x.augmented_assignment = sym(l, "augmented_assignment");
    x.import_statement = sym(l, "import_statement");
    x.import_from_statement = sym(l, "import_from_statement");
    x.future_import_statement = sym(l, "future_import_statement");
    x.aliased_import = sym(l, "aliased_import");
    x.dotted_name = sym(l, "dotted_name");
    x.relative_import = sym(l, "relative_import");
    x.wildcard_import = sym(l, "wildcard_import");
    x.for_statement = sym(l, "for_statement");
    x.global_statement = sym(l, "global_statement");
    x.nonlocal_statement = sym(l, "nonlocal_statement");
    x.expression_statement = sym(l, "expression_statement");
    x.block = sym(l, "block");
    x.comment = sym(l, "comment");
    x.subscript = sym(l, "subscript");
    x.pattern_list = sym(l, "pattern_list");
    x.tuple_pattern = sym(l, "tuple_pattern");
    x.list_pattern = sym(l, "list_pattern");
    x.with_item = sym(l, "with_item");
    x.as_pattern = sym(l, "as_pattern");
    x.as_pattern_target = sym(l, "as_pattern_target");
    x.conditional_expression = sym(l, "conditional_expression");
    x.boolean_operator = sym(l, "boolean_operator");
    x.comparison_operator = sym(l, "comparison_operator");
    x.not_operator = sym(l, "not_operator");
    x.generator_expression = sym(l, "generator_expression");
    x.await_ = sym(l, "await");
    x.return_statement = sym(l, "return_statement");
    x.expression_list = sym(l, "expression_list");
    x.named_expression = sym(l, "named_expression");
    x.except_clause = sym(l, "except_clause");
    x.assert_statement = sym(l, "assert_statement");
    x.for_in_clause = sym(l, "for_in_clause");
    x.while_statement = sym(l, "while_statement");
    x.try_statement = sym(l, "try_statement");
    x.if_statement = sym(l, "if_statement");
    x.elif_clause = sym(l, "elif_clause");
    x.with_statement = sym(l, "with_statement");
    x.pass_statement = sym(l, "pass_statement");
    x.continue_statement = sym(l, "continue_statement");
    x.raise_statement = sym(l, "raise_statement");
    x.match_statement = sym(l, "match_statement");
    x.case_clause = sym(l, "case_clause");
    x.list_comprehension = sym(l, "list_comprehension");
    x.dictionary_comprehension = sym(l, "dictionary_comprehension");
    x.set_comprehension = sym(l, "set_comprehension");
    x.delete_statement = sym(l, "delete_statement");
    x.break_statement = sym(l, "break_statement");
    x.f_function = field(l, "function");
    x.f_arguments = field(l, "arguments");
    x.f_name = field(l, "name");
    x.f_value = field(l, "value");
    x.f_left = field(l, "left");
    x.f_right = field(l, "right");
    x.f_operator = field(l, "operator");
    x.f_object = field(l, "object");
    x.f_attribute = field(l, "attribute");
    x.f_alias = field(l, "alias");
    x.f_module_name = field(l, "module_name");
    x.f_body = field(l, "body");
    x.f_parameters = field(l, "parameters");
    x.f_type = field(l, "type");
    x.f_key = field(l, "key");
    x.f_definition = field(l, "definition");
    x.f_superclasses = field(l, "superclasses");
    x.f_expression = field(l, "expression");
    x.f_subscript = field(l, "subscript");
    x.f_return_type = field(l, "return_type");
    x.f_condition = field(l, "condition");
    return x;
  }();
  return g;
}

}  // namespace secreview::py
