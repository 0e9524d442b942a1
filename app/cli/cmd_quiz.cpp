// `quiz LESSON --seed S [--json] [--lessons DIR]`: prints a drawn quiz of a lesson with its
// answers, for teachers and tests. LESSON is the lesson's number in the course (1-based) or its id.
//
// It prints the first attempt the app would draw with that seed (course/quiz_mix.h has the rules:
// the bank's outline questions, then one question computed by a template).
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli_args.h"
#include "commands.h"
#include "course/course.h"
#include "course/final_test.h"
#include "course/question_templates.h"
#include "course/quiz_mix.h"
#include "course/quiz_session.h"
#include "usage.h"

namespace cs::cli {

namespace {

struct PrintedQuestion {
  std::string source;  // "bank" or "template"
  course::QuizQuestion question;
  const course::DrawnQuestion* drawn = nullptr;  // template questions
};

std::size_t lesson_index(const course::Course& c, const std::string& word) {
  for (std::size_t i = 0; i < c.lessons.size(); ++i) {
    if (c.lessons[i].id == word || std::to_string(i + 1) == word) return i;
  }
  throw UsageError("no lesson \"" + word + "\" (give its number, 1 to " + std::to_string(c.lessons.size()) +
                   ", or its id)");
}

char letter(std::size_t k) { return static_cast<char>('A' + k); }

void print_text(const course::Lesson& lesson, int number, std::uint64_t seed, int pass,
                const std::vector<PrintedQuestion>& questions) {
  std::cout << "Lesson " << number << ": " << lesson.title << "\n"
            << "Quiz drawn with seed " << seed << "; pass with " << pass << " of " << questions.size()
            << " correct. The correct option is marked with *.\n";
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const PrintedQuestion& p = questions[i];
    std::cout << "\n" << i + 1 << ". " << p.question.text << "\n   (" << p.question.id;
    if (p.drawn) {
      std::cout << "; drawn:";
      for (const auto& [name, value] : p.drawn->params) std::cout << " " << name << "=" << value;
    }
    std::cout << ")\n";
    std::string explanation;
    for (std::size_t k = 0; k < p.question.options.size(); ++k) {
      const course::QuizOption& o = p.question.options[k];
      std::cout << "   " << (o.correct ? '*' : ' ') << " " << letter(k) << ") " << o.text << "\n";
      if (o.correct) explanation = o.explanation;
    }
    std::cout << "   Explanation: " << explanation << "\n";
  }
}

void print_json(const course::Lesson& lesson, int number, std::uint64_t seed, int pass,
                const std::vector<PrintedQuestion>& questions) {
  nlohmann::json out = {{"lesson", number}, {"lesson_id", lesson.id}, {"seed", seed}, {"pass", pass}};
  out["questions"] = nlohmann::json::array();
  for (const PrintedQuestion& p : questions) {
    nlohmann::json q = {{"id", p.question.id}, {"source", p.source}, {"text", p.question.text}};
    if (p.drawn) {
      q["template"] = p.drawn->template_id;
      q["params"] = nlohmann::json::object();
      for (const auto& [name, value] : p.drawn->params) q["params"][name] = value;
    }
    q["options"] = nlohmann::json::array();
    for (std::size_t k = 0; k < p.question.options.size(); ++k) {
      const course::QuizOption& o = p.question.options[k];
      nlohmann::json option = {{"letter", std::string(1, letter(k))},
                               {"text", o.text},
                               {"correct", o.correct},
                               {"explanation", o.explanation}};
      if (p.drawn) option["value"] = p.drawn->values[k];
      q["options"].push_back(std::move(option));
    }
    out["questions"].push_back(std::move(q));
  }
  std::cout << out.dump() << '\n';
}

}  // namespace

int cmd_quiz(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "quiz");
  if (args.positional.size() != 1) throw UsageError("quiz takes exactly one LESSON (its number or id)");
  if (!args.value("seed")) throw UsageError("quiz needs --seed S");
  const std::uint64_t seed = args.unsigned_value("seed", 0);
  const std::string lessons = args.value("lessons").value_or("lessons");
  if (!std::filesystem::exists(std::filesystem::path(lessons) / "course.json")) {
    throw UsageError("\"" + lessons + "\" is not a course folder (give --lessons DIR)");
  }
  course::Course c;
  try {
    c = course::load_course(course::DirectorySource(lessons));
  } catch (const course::CourseError& e) {
    std::cerr << "clusterscope-cli quiz: " << e.what() << '\n';
    return kExitUsage;
  }
  const std::size_t index = lesson_index(c, args.positional[0]);
  const course::Lesson& lesson = c.lessons[index];
  const int number = static_cast<int>(index + 1);

  // The last lesson's quiz is the cumulative final test, drawn from the whole course.
  const course::MixedAttempt mixed = lesson.quiz.final_test ? course::draw_final_test(c, {}, seed)
                                                            : course::draw_mixed_attempt(lesson.quiz, number, {}, seed);
  std::vector<PrintedQuestion> questions;
  for (const course::AskedQuestion& asked : mixed.attempt.asked) {
    const course::QuizQuestion& q = mixed.quiz.questions[asked.question];
    PrintedQuestion p{"bank", q};
    p.question.options.clear();
    for (std::size_t k : asked.options) p.question.options.push_back(q.options[k]);
    for (const course::DrawnQuestion& d : mixed.drawn) {
      if (d.question.id == q.id) {
        p.source = "template";
        p.drawn = &d;
      }
    }
    questions.push_back(std::move(p));
  }
  if (args.flag("json")) {
    print_json(lesson, number, seed, mixed.attempt.pass, questions);
  } else {
    print_text(lesson, number, seed, mixed.attempt.pass, questions);
  }
  return kExitOk;
}

}  // namespace cs::cli
