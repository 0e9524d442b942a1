#pragma once
// Shared by the quiz tests: answering the quiz on screen as a learner would.
#include <cstddef>

#include "quiz/quiz_widget.h"
#include "shell/lesson_pane.h"
#include "shell/main_window.h"

namespace test {

// Answers the current attempt: `right` of the questions correctly, the rest wrongly.
inline void answer(cs::ui::MainWindow& w, int right) {
  cs::ui::QuizWidget* quiz = w.lessonPane()->quiz();
  const auto& bank = quiz->quiz();  // the lesson's bank and the attempt's computed questions
  const auto& attempt = quiz->attempt();
  for (std::size_t i = 0; i < attempt.asked.size(); ++i) {
    const auto& asked = attempt.asked[i];
    for (std::size_t k = 0; k < asked.options.size(); ++k) {
      const bool correct = bank.questions[asked.question].options[asked.options[k]].correct;
      if (correct == (static_cast<int>(i) < right)) {
        quiz->choose(static_cast<int>(i), static_cast<int>(k));
        break;
      }
    }
  }
}

}  // namespace test
