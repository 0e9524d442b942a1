// libFuzzer target: the course loader reads course.json and every lesson folder it names. The
// input is split at 0xFF bytes into course.json, lesson.md, quiz.json, tryit.json and outline.json
// of one lesson folder "01-x"; the loader must refuse bad files with a CourseError, never crash.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "course/course.h"

namespace {

class MemorySource final : public cs::course::ContentSource {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& path) const override {
    const auto it = files.find(path);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  bool exists(const std::string& path) const override { return files.count(path) > 0; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0xFF && parts.size() < 5) {
      parts.emplace_back();
    } else {
      parts.back() += static_cast<char>(data[i]);
    }
  }
  parts.resize(5);
  MemorySource source;
  source.files["course.json"] = parts[0];
  source.files["01-x/lesson.md"] = parts[1];
  source.files["01-x/quiz.json"] = parts[2];
  source.files["01-x/tryit.json"] = parts[3];
  source.files["01-x/outline.json"] = parts[4];
  try {
    cs::course::load_course(source);
  } catch (const cs::course::CourseError&) {
  }
  return 0;
}
