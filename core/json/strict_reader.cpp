#include "json/strict_reader.h"

#include <cmath>

namespace cs::json {

Json parse_text(std::string_view text) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // Turn the byte offset into a line and column a person can find in an editor.
    std::size_t line = 1;
    std::size_t column = 1;
    const std::size_t end = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    for (std::size_t i = 0; i < end; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    const auto colon = what.find("syntax error");
    if (colon != std::string::npos) what = what.substr(colon);
    throw JsonError("line " + std::to_string(line) + ", column " + std::to_string(column), what);
  } catch (const Json::out_of_range& e) {
    // A number too large for a double (1e999): the parser names the number, not where it is.
    std::string what = e.what();
    const auto start = what.find("] ");
    if (start != std::string::npos) what = what.substr(start + 2);
    throw JsonError("/", what);
  }
}

std::string type_name(const Json& j) { return j.type_name(); }

std::int64_t as_int(const Json& j, const std::string& path) {
  if (j.is_number_integer()) {
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      throw JsonError(path, "integer too large");
    }
    return j.get<std::int64_t>();
  }
  if (j.is_number_float()) {
    const double d = j.get<double>();
    if (std::isfinite(d) && std::floor(d) == d && std::abs(d) < 9.0e15) return static_cast<std::int64_t>(d);
  }
  throw JsonError(path, "expected an integer, found " + type_name(j));
}

double as_number(const Json& j, const std::string& path) {
  if (!j.is_number()) throw JsonError(path, "expected a number, found " + type_name(j));
  const double d = j.get<double>();
  if (!std::isfinite(d)) throw JsonError(path, "number is not finite");
  return d;
}

bool as_bool(const Json& j, const std::string& path) {
  if (!j.is_boolean()) throw JsonError(path, "expected true or false, found " + type_name(j));
  return j.get<bool>();
}

std::string as_string(const Json& j, const std::string& path) {
  if (!j.is_string()) throw JsonError(path, "expected a string, found " + type_name(j));
  return j.get<std::string>();
}

const Json& as_array(const Json& j, const std::string& path) {
  if (!j.is_array()) throw JsonError(path, "expected an array, found " + type_name(j));
  return j;
}

ObjectReader::ObjectReader(const Json& j, std::string path) : j_(j), path_(std::move(path)) {
  if (!j_.is_object()) throw JsonError(path_.empty() ? "/" : path_, "expected an object, found " + type_name(j_));
}

bool ObjectReader::has(std::string_view key) const { return j_.contains(key); }

const Json& ObjectReader::at(std::string_view key) {
  const Json* value = find(key);
  if (!value) throw JsonError(path_of(key), "missing required key");
  return *value;
}

const Json* ObjectReader::find(std::string_view key) {
  const auto it = j_.find(key);
  if (it == j_.end()) return nullptr;
  seen_.emplace(key);
  return &*it;
}

std::int64_t ObjectReader::integer_or(std::string_view key, std::int64_t fallback) {
  const Json* v = find(key);
  return v ? as_int(*v, path_of(key)) : fallback;
}

double ObjectReader::number_or(std::string_view key, double fallback) {
  const Json* v = find(key);
  return v ? as_number(*v, path_of(key)) : fallback;
}

bool ObjectReader::boolean_or(std::string_view key, bool fallback) {
  const Json* v = find(key);
  return v ? as_bool(*v, path_of(key)) : fallback;
}

std::string ObjectReader::string_or(std::string_view key, std::string fallback) {
  const Json* v = find(key);
  return v ? as_string(*v, path_of(key)) : fallback;
}

void ObjectReader::finish() const {
  for (auto it = j_.begin(); it != j_.end(); ++it) {
    if (!seen_.count(it.key())) throw JsonError(path_of(it.key()), "unknown key");
  }
}

}  // namespace cs::json
