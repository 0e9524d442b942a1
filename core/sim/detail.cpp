#include "sim/detail.h"

#include <cassert>
#include <cstdio>
#include <cstring>

namespace cs::sim {

bool DetailPart::operator==(const DetailPart& other) const {
  return std::strcmp(id, other.id) == 0 && args == other.args;
}

namespace {

std::string arg_text(const DetailArg& a, const std::vector<std::string>& node_names) {
  switch (a.kind) {
    case DetailArg::Kind::Integer: return std::to_string(a.integer);
    case DetailArg::Kind::Decimal: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(a.decimals), a.decimal);
      return buf;
    }
    case DetailArg::Kind::Node: {
      const auto id = static_cast<std::size_t>(a.integer);
      return id < node_names.size() ? node_names[id] : "n" + std::to_string(id + 1);
    }
    case DetailArg::Kind::Text: return a.text;
  }
  return {};
}

// Replaces %1..%9 in the shape with the arguments, as QString::arg does for the UI.
std::string fill(const char* shape, const std::vector<DetailArg>& args, const std::vector<std::string>& node_names) {
  std::string out;
  for (const char* c = shape; *c != '\0'; ++c) {
    if (*c == '%' && c[1] >= '1' && c[1] <= '9') {
      const auto index = static_cast<std::size_t>(c[1] - '1');
      assert(index < args.size() && "a detail shape names an argument it was not given");
      if (index < args.size()) {
        out += arg_text(args[index], node_names);
        ++c;
        continue;
      }
    }
    out += *c;
  }
  return out;
}

}  // namespace

std::string render_english(const Detail& detail, const std::vector<std::string>& node_names) {
  std::string out;
  for (const DetailPart& part : detail.parts) {
    if (!out.empty()) out += ", ";
    out += fill(part.id, part.args, node_names);
  }
  if (!detail.label.empty()) out = out.empty() ? detail.label : detail.label + ": " + out;
  return out;
}

}  // namespace cs::sim
