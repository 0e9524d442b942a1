#pragma once
// Strict reading of hand-written JSON files (scenarios, lessons, quizzes). Every value is read by
// name with its type checked; an object's unknown keys are an error (a typo must never be silently
// ignored); every error names the JSON path, and the loaders add the file name and line.
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace cs::json {

using Json = nlohmann::json;

class JsonError : public std::runtime_error {
 public:
  JsonError(std::string path, const std::string& what)
      : std::runtime_error(path + ": " + what), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Parses text; a syntax error becomes "line L, column C: ...".
Json parse_text(std::string_view text);

std::string type_name(const Json& j);

std::int64_t as_int(const Json& j, const std::string& path);
double as_number(const Json& j, const std::string& path);
bool as_bool(const Json& j, const std::string& path);
std::string as_string(const Json& j, const std::string& path);
const Json& as_array(const Json& j, const std::string& path);

class ObjectReader {
 public:
  ObjectReader(const Json& j, std::string path);

  bool has(std::string_view key) const;
  // The value under key (marks it as read). Throws if missing.
  const Json& at(std::string_view key);
  const Json* find(std::string_view key);  // nullptr if absent
  std::string path_of(std::string_view key) const { return path_ + "/" + std::string(key); }
  const std::string& path() const { return path_; }

  std::int64_t integer(std::string_view key) { return as_int(at(key), path_of(key)); }
  std::int64_t integer_or(std::string_view key, std::int64_t fallback);
  double number(std::string_view key) { return as_number(at(key), path_of(key)); }
  double number_or(std::string_view key, double fallback);
  bool boolean(std::string_view key) { return as_bool(at(key), path_of(key)); }
  bool boolean_or(std::string_view key, bool fallback);
  std::string string(std::string_view key) { return as_string(at(key), path_of(key)); }
  std::string string_or(std::string_view key, std::string fallback);

  // Throws if the object holds a key that was never read.
  void finish() const;

 private:
  const Json& j_;
  std::string path_;
  std::set<std::string, std::less<>> seen_;
};

}  // namespace cs::json
