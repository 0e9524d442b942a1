#include "sim/inspection.h"

#include <string>

namespace cs::sim {

void InspectionSection::add(Detail line) {
  if (full()) {
    ++not_shown;
  } else {
    lines.push_back(std::move(line));
  }
}

void InspectionSection::add(const char* id, std::vector<DetailArg> args) {
  Detail line;
  line.add(id, std::move(args));
  add(std::move(line));
}

std::string render_english(const Inspection& inspection, const std::vector<std::string>& node_names) {
  std::string out;
  const auto section = [&](const char* heading, const InspectionSection& s) {
    if (s.empty()) return;
    out += heading;
    out += ":\n";
    const std::string hidden = "  (" + std::to_string(s.not_shown) + " more not shown)\n";
    if (s.not_shown > 0 && s.not_shown_first) out += hidden;
    for (const Detail& line : s.lines) out += "  " + render_english(line, node_names) + '\n';
    if (s.not_shown > 0 && !s.not_shown_first) out += hidden;
  };
  section("State", inspection.state);
  section("Log", inspection.log);
  section("Data", inspection.data);
  section("View of the cluster", inspection.cluster);
  if (out.empty()) out = "Nothing inside this node beyond what its card shows.\n";
  return out;
}

}  // namespace cs::sim
