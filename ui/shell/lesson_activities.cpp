#include "shell/lesson_activities.h"

#include <QCoreApplication>

#include "course/prediction.h"

namespace cs::ui {

// The words keep the window's translation context: the window is where they are shown.
LessonActivities read_lesson_activities(course::Course& course) {
  LessonActivities out;
  out.challenges.assign(course.lessons.size(), {});
  for (std::size_t i = 0; i < course.lessons.size(); ++i) {
    course::Lesson& lesson = course.lessons[i];
    if (!lesson.challenges_text.empty()) {
      try {
        out.challenges[i] = course::load_challenges(lesson.challenges_text, lesson.challenges_path);
      } catch (const course::CourseError& e) {
        out.problems << QCoreApplication::translate("cs::ui::MainWindow",
                                                    "The challenges of lesson %1 could not be read: %2")
                            .arg(i + 1)
                            .arg(e.what());
      }
    }
    for (auto& tryit : lesson.tryits) {
      const scenario::Scenario* s = course::builtin_scenario(tryit.scenario);
      for (auto& step : tryit.steps) {
        if (step.predict_json.empty() || !s) continue;
        try {
          course::load_prediction(step, *s, lesson.id + "/tryit.json");
        } catch (const course::CourseError& e) {
          out.problems << QCoreApplication::translate("cs::ui::MainWindow",
                                                      "A prediction in lesson %1 could not be read: %2")
                              .arg(i + 1)
                              .arg(e.what());
          step.predict_json.clear();
        }
      }
    }
  }
  return out;
}

}  // namespace cs::ui
