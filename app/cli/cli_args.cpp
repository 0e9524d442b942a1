#include "cli_args.h"

#include <cctype>

namespace cs::cli {

std::optional<std::string> Args::value(const std::string& name) const {
  const auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::uint64_t Args::unsigned_value(const std::string& name, std::uint64_t fallback) const {
  const auto v = value(name);
  if (!v) return fallback;
  if (v->empty() || v->size() > 19 || v->find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError("--" + name + " expects a non-negative whole number, got \"" + *v + "\"");
  }
  return std::stoull(*v);
}

Args parse_args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
                const std::set<std::string>& flags) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      args.positional.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::optional<std::string> inline_value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (with_value.count(name)) {
      if (inline_value) {
        args.values[name] = *inline_value;
      } else if (i + 1 < argv.size()) {
        args.values[name] = argv[++i];
      } else {
        throw UsageError("--" + name + " needs a value");
      }
    } else if (flags.count(name) && !inline_value) {
      args.flags.insert(name);
    } else {
      throw UsageError("unknown option --" + name);
    }
  }
  return args;
}

std::int64_t parse_duration_us(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.'))
    ++digits;
  const std::string number = text.substr(0, digits);
  const std::string unit = text.substr(digits);
  double value = 0;
  try {
    std::size_t used = 0;
    value = std::stod(number, &used);
    if (used != number.size()) throw std::invalid_argument("");
  } catch (const std::exception&) {
    throw UsageError("bad duration \"" + text + "\" (examples: 30s, 1500ms, 2m)");
  }
  double scale = 0;
  if (unit == "s" || unit.empty())
    scale = 1e6;
  else if (unit == "ms")
    scale = 1e3;
  else if (unit == "us")
    scale = 1;
  else if (unit == "m")
    scale = 60e6;
  else
    throw UsageError("bad duration unit in \"" + text + "\" (use us, ms, s or m)");
  const double us = value * scale;
  if (us < 0 || us > 9.0e15) throw UsageError("duration out of range: " + text);
  return static_cast<std::int64_t>(us + 0.5);
}

}  // namespace cs::cli
