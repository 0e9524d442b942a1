// libFuzzer target: the quiz, Try it and outline loaders must never crash; an accepted quiz must
// yield attempts that grade without fault.
#include <cstddef>
#include <cstdint>
#include <string>

#include "course/course.h"
#include "course/quiz_session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const cs::course::Quiz quiz = cs::course::parse_quiz(text, "fuzz/quiz.json");
    const auto attempt = cs::course::draw_attempt(quiz, {}, size);
    std::vector<int> chosen(attempt.asked.size(), 0);
    cs::course::grade(quiz, attempt, chosen);
  } catch (const cs::course::CourseError&) {
  }
  try {
    cs::course::parse_tryits(text, "fuzz/tryit.json");
  } catch (const cs::course::CourseError&) {
  }
  try {
    cs::course::parse_outline(text, "fuzz/outline.json");
  } catch (const cs::course::CourseError&) {
  }
  return 0;
}
