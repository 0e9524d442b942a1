#include "scenario_arg.h"

#include <fstream>
#include <sstream>

#include "cli_args.h"
#include "scenario/builtin.h"

namespace cs::cli {

scenario::Scenario load_scenario_argument(const std::string& id_or_file) {
  if (const auto* builtin = scenario::find_builtin(id_or_file)) {
    return scenario::load_scenario(builtin->json, "builtin:" + std::string(builtin->id));
  }
  std::ifstream in(id_or_file, std::ios::binary);
  if (!in) throw UsageError("no built-in scenario or readable file \"" + id_or_file + "\" (see clusterscope-cli list)");
  std::ostringstream text;
  text << in.rdbuf();
  return scenario::load_scenario(text.str(), id_or_file);
}

}  // namespace cs::cli
