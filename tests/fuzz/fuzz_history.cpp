// libFuzzer target: the history readers (the JSON history format and Jepsen/Knossos logs) refuse
// bad input with a HistoryFormatError naming the line; an accepted history goes through the
// linearizability checker within a small budget without fault.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "check/history_formats.h"
#include "check/linearizability.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto format :
       {cs::check::HistoryFormat::Json, cs::check::HistoryFormat::Jepsen, cs::check::HistoryFormat::Edn}) {
    cs::check::OpHistory history;
    try {
      history = cs::check::read_history(text, format);
    } catch (const cs::check::HistoryFormatError&) {
      continue;
    }
    cs::check::CheckBudget budget;
    budget.max_steps = 20'000;
    budget.max_memory_bytes = std::size_t{64} << 20;
    for (const auto model : {cs::check::Model::Register, cs::check::Model::CasRegister, cs::check::Model::Kv}) {
      try {
        cs::check::check_linearizability(history, model, budget);
      } catch (const std::invalid_argument&) {
        // the history holds an operation this model does not have: refused, as documented
      }
    }
  }
  return 0;
}
