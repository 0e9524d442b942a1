// libFuzzer target: the progress-file parser must never crash, whatever the bytes; a file it
// accepts must survive a write and re-read unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "course/progress.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto parsed = cs::course::parse_progress(text);
  if (parsed.status == cs::course::ProgressParse::Status::Ok) {
    const auto again = cs::course::parse_progress(cs::course::progress_to_json(parsed.progress));
    if (again.status != cs::course::ProgressParse::Status::Ok || !(again.progress == parsed.progress)) std::abort();
  }
  return 0;
}
