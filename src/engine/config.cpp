#include "engine/config.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/gitignore.hpp"

namespace fs = std::filesystem;

namespace secreview {

namespace {

[[noreturn]] void fail(const std::string& file, const toml::node& n, const std::string& what) {
  throw ConfigError(file + ":" + std::to_string(n.source().begin.line) + ": " + what);
}

std::vector<std::string> strings(const std::string& file, const toml::node& n,
                                 const std::string& key) {
  const toml::array* a = n.as_array();
  if (!a) fail(file, n, "'" + key + "' must be an array of strings");
  std::vector<std::string> out;
  for (const auto& e : *a) {
    auto s = e.value<std::string>();
    if (!s) fail(file, e, "'" + key + "' must be an array of strings");
    out.push_back(*s);
  }
  return out;
}

std::string string_value(const std::string& file, const toml::node& n, const std::string& key) {
  auto s = n.value<std::string>();
  if (!s) fail(file, n, "'" + key + "' must be a string");
  return *s;
}

std::string scalar_text(const std::string& file, const toml::node& n, const std::string& key) {
  // Check the exact type first: toml++'s value<bool>() also converts integers.
  if (n.is_string()) return *n.value<std::string>();
  if (n.is_boolean()) return *n.value<bool>() ? "true" : "false";
  if (n.is_integer()) return std::to_string(*n.value<std::int64_t>());
  if (const toml::array* a = n.as_array()) {
    std::string out;
    for (const auto& e : *a) {
      auto s = e.value<std::string>();
      if (!s) fail(file, e, "'" + key + "' must hold strings");
      out += (out.empty() ? "" : ",") + *s;
    }
    return out;
  }
  fail(file, n, "'" + key + "' must be a string, integer, boolean or array of strings");
}

}  // namespace

Config parse_config(const std::string& file, std::string_view text, bool pyproject) {
  toml::table doc;
  try {
    doc = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw ConfigError(file + ":" + std::to_string(e.source().begin.line) + ": " +
                      std::string(e.description()));
  }
  Config c;
  c.file = file;
  c.root = fs::absolute(fs::path(file)).parent_path().lexically_normal().string();
  const toml::table* t = &doc;
  if (pyproject) {
    t = doc["tool"]["secreview"].as_table();
    if (!t) return c;
  }
  for (const auto& [k, v] : *t) {
    std::string key(k.str());
    if (key == "include") {
      c.include = strings(file, v, key);
    } else if (key == "exclude") {
      c.exclude = strings(file, v, key);
    } else if (key == "select") {
      c.select = strings(file, v, key);
    } else if (key == "ignore") {
      c.ignore = strings(file, v, key);
    } else if (key == "min-severity") {
      c.min_severity = parse_severity(string_value(file, v, key));
      if (!c.min_severity) fail(file, v, "'min-severity' must be low, medium or high");
    } else if (key == "min-confidence") {
      c.min_confidence = parse_confidence(string_value(file, v, key));
      if (!c.min_confidence) fail(file, v, "'min-confidence' must be low, medium or high");
    } else if (key == "profile") {
      c.profile = string_value(file, v, key);
      if (*c.profile != "default" && *c.profile != "strict") {
        fail(file, v, "'profile' must be default or strict");
      }
    } else if (key == "suggestions") {
      if (!v.is_boolean()) fail(file, v, "'suggestions' must be true or false");
      c.suggestions = *v.value<bool>();
    } else if (key == "cache-dir") {
      std::string dir = string_value(file, v, key);
      if (dir.empty()) fail(file, v, "'cache-dir' must name a directory");
      c.cache_dir = (fs::path(c.root) / dir).lexically_normal().string();
    } else if (key == "rules") {
      const toml::table* rules = v.as_table();
      if (!rules) fail(file, v, "'rules' must be a table of rule tables");
      for (const auto& [rid, opts] : *rules) {
        const toml::table* ot = opts.as_table();
        if (!ot) fail(file, opts, "'rules." + std::string(rid.str()) + "' must be a table");
        for (const auto& [ok, ov] : *ot) {
          c.rule_settings.push_back(std::string(rid.str()) + "." + std::string(ok.str()) + "=" +
                                    scalar_text(file, ov, std::string(ok.str())));
        }
      }
    } else if (key == "overrides") {
      const toml::array* arr = v.as_array();
      if (!arr) fail(file, v, "'overrides' must be an array of tables ([[overrides]])");
      for (const auto& e : *arr) {
        const toml::table* ot = e.as_table();
        if (!ot) fail(file, e, "each [[overrides]] entry must be a table");
        PathOverride o;
        for (const auto& [ok, ov] : *ot) {
          std::string okey(ok.str());
          if (okey == "paths") {
            o.paths = strings(file, ov, okey);
          } else if (okey == "select") {
            o.select = strings(file, ov, okey);
          } else if (okey == "ignore") {
            o.ignore = strings(file, ov, okey);
          } else {
            fail(file, ov, "unknown key 'overrides." + okey + "'");
          }
        }
        if (o.paths.empty()) fail(file, e, "an [[overrides]] entry needs 'paths'");
        c.overrides.push_back(std::move(o));
      }
    } else {
      fail(file, v, "unknown key '" + key + "'");
    }
  }
  return c;
}

Config load_config(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file + ": cannot read the configuration file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_config(file, ss.str(), fs::path(file).filename() == "pyproject.toml");
}

Config find_config(const std::string& start) {
  std::error_code ec;
  fs::path p = fs::absolute(start, ec);
  if (!fs::is_directory(p, ec)) p = p.parent_path();
  for (; !p.empty(); p = p.parent_path()) {
    fs::path own = p / ".secreview.toml";
    if (fs::is_regular_file(own, ec)) return load_config(own.string());
    fs::path py = p / "pyproject.toml";
    if (fs::is_regular_file(py, ec)) {
      Config c = load_config(py.string());
      std::ifstream in(py);
      std::stringstream ss;
      ss << in.rdbuf();
      if (ss.str().find("[tool.secreview") != std::string::npos) return c;
    }
    if (p == p.parent_path()) break;
  }
  return {};
}

std::string Config::relative(const std::string& path) const {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  return fs::path(abs).lexically_relative(root).generic_string();
}

bool Config::wanted(const std::string& path) const {
  if (file.empty()) return true;
  std::string rel = relative(path);
  auto any = [&](const std::vector<std::string>& globs) {
    for (const auto& g : globs) {
      if (glob_match(g, rel)) return true;
    }
    return false;
  };
  if (!include.empty() && !any(include)) return false;
  return !any(exclude);
}

}  // namespace secreview
