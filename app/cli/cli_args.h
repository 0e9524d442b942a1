#pragma once
// A small argument reader for the command-line tool: positional words and --options, each option
// known in advance, so that a typo is an error (exit 2), never silently ignored.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cs::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // --name VALUE
  std::set<std::string> flags;                // --name

  bool flag(const std::string& name) const { return flags.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  std::uint64_t unsigned_value(const std::string& name, std::uint64_t fallback) const;
};

// with_value: options that take a value; flags: options that do not.
Args parse_args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
                const std::set<std::string>& flags);

// "30s", "1500ms", "250us", "2m" -> microseconds.
std::int64_t parse_duration_us(const std::string& text);

}  // namespace cs::cli
