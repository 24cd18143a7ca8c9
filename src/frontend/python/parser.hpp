#pragma once
// Python frontend, layer 1: tree-sitter parsing. One TSParser per thread, reused across files.
#include <tree_sitter/api.h>

#include <memory>
#include <string_view>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace secreview::py {

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// Parses Python source. Never fails on bad syntax (the tree then holds ERROR/MISSING nodes);
// returns null only if tree-sitter itself gives up (e.g. out of memory).
Tree parse(std::string_view source);

// Node kinds and fields of the Python grammar, resolved once to tree-sitter's numeric ids so
// that the model compares integers, not strings.
struct Grammar {
  TSSymbol module, identifier, attribute, call, argument_list, keyword_argument, list_splat,
      dictionary_splat, string, string_start, string_content, string_end, escape_sequence,
      interpolation, concatenated_string, integer, float_, true_, false_, none, binary_operator,
      unary_operator, parenthesized_expression, tuple, list, set, dictionary, pair,
      function_definition, class_definition, decorated_definition, decorator, lambda, parameters,
      lambda_parameters, default_parameter, typed_parameter, typed_default_parameter,
      list_splat_pattern, dictionary_splat_pattern, assignment, augmented_assignment,
      import_statement, import_from_statement, future_import_statement, aliased_import, dotted_name,
      relative_import, wildcard_import, for_statement, global_statement, nonlocal_statement,
      expression_statement, block, comment, subscript, pattern_list, tuple_pattern, list_pattern,
      with_item, as_pattern, as_pattern_target, conditional_expression, boolean_operator,
      comparison_operator, not_operator, generator_expression, await_, return_statement,
      expression_list, named_expression, except_clause, for_in_clause, while_statement,
      try_statement, if_statement, elif_clause, with_statement, pass_statement, continue_statement,
      raise_statement, match_statement, case_clause, list_comprehension, dictionary_comprehension,
      set_comprehension, delete_statement, break_statement, assert_statement;
  TSFieldId f_function, f_arguments, f_name, f_value, f_left, f_right, f_operator, f_object,
      f_attribute, f_alias, f_module_name, f_body, f_parameters, f_type, f_key, f_definition,
      f_superclasses, f_expression, f_subscript, f_return_type, f_condition;

  static const Grammar& get();
};

}  // namespace secreview::py
