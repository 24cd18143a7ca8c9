#pragma once
// Writing a large JSON document without holding it: the document is built with a null
// placeholder for its one big array, and the array's elements are produced and written one at a
// time in its place. The bytes are exactly those of dump(2) of the whole document.
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <ostream>
#include <string_view>

namespace secreview {

using ojson = nlohmann::ordered_json;

// Writes `doc` (ending with a newline) with the value of `key`, a null `depth` levels deep in
// `doc`, replaced by the array of what `next` returns until it returns nothing.
void write_streamed(std::ostream& os, const ojson& doc, std::string_view key, int depth,
                    const std::function<std::optional<ojson>()>& next);

}  // namespace secreview
