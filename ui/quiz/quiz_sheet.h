#pragma once
// A lesson's quiz printed as a sheet for a class (File > Print quiz sheet (PDF)...): the questions
// with boxes to tick, then, from a new page on, the answers with their explanations, as an A4 PDF.
// The questions come from the lesson's bank and its question templates (computed questions with
// numbers of their own), all drawn from a seed: the same seed gives the same sheet again, another
// seed another sheet, so two classes can get different ones. The last lesson's sheet is the
// course's final test, drawn by its own rules (course/final_test.h) with the seed.
#include <QDialog>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>
#include <memory>

#include "course/course.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTextDocument;

namespace cs::ui {

struct QuizSheet {
  struct Question {
    QString text;
    QStringList options;    // in the printed order: A, B, C, ...
    int correct = -1;       // index into options
    QString explanation;    // why the correct option is right
    bool computed = false;  // drawn by a question template, with numbers of its own
  };
  int lesson_number = 0;  // 1-based
  QString lesson_title;
  std::uint64_t seed = 0;
  bool final_test = false;
  int pass = 0;  // the final test's pass mark; 0 for a lesson's sheet (the teacher marks it)
  QVector<Question> questions;
};

// A lesson's sheet asks this many questions unless told otherwise; the final test asks its own.
inline constexpr int kQuizSheetQuestions = 6;

// The sheet of lesson `lesson` (0-based) drawn with `seed`: `questions` of them (at most
// maxQuizSheetQuestions), a third or so computed by the lesson's templates, the rest from its bank
// in the lesson's order, each with its options shuffled. The final test ignores `questions`.
QuizSheet drawQuizSheet(const course::Course& course, int lesson, std::uint64_t seed,
                        int questions = kQuizSheetQuestions);
// The most questions a lesson's sheet can ask: its bank and one per template.
int maxQuizSheetQuestions(const course::Course& course, int lesson);

// The sheet as a document: the heading, a line for the name, the questions; then a page break and
// the answers. Black on white, in points, for paper.
std::unique_ptr<QTextDocument> quizSheetDocument(const QuizSheet& sheet);

// Writes the sheet as an A4 PDF, atomically (nothing is left at `path` when it fails); false with
// the reason, naming the path, in `error` otherwise.
bool writeQuizSheet(const QuizSheet& sheet, const QString& path, QString* error);
bool writeQuizSheet(const course::Course& course, int lesson, std::uint64_t seed, const QString& path, QString* error);
// The pages exactly as the PDF lays them out, as images at `dpi` (a preview; tests look at them).
QVector<QImage> renderQuizSheet(const QuizSheet& sheet, int dpi);
// The page (0-based) the answers start on.
int quizSheetAnswerPage(const QuizSheet& sheet);

// The dialog behind the menu entry: which lesson, the seed (a new one each time it opens), how many
// questions, and where to save the PDF.
class QuizSheetDialog : public QDialog {
  Q_OBJECT

 public:
  // `lesson` is preselected (0-based; -1: the first).
  QuizSheetDialog(const course::Course& course, int lesson, QWidget* parent = nullptr);

  int lesson() const;
  std::uint64_t seed() const;
  int questions() const;
  QString path() const;
  void setLesson(int lesson);
  void setSeed(std::uint64_t seed);
  void setPath(const QString& path);
  // Draws and writes the sheet; on failure the dialog says why and stays open.
  bool save();
  // Where the sheet goes unless the teacher chooses: the Documents folder, named by lesson and seed.
  static QString defaultPath(int lesson_number, std::uint64_t seed);

 signals:
  void saved(const QString& path);

 private:
  void lessonChanged();
  void proposePath();
  void browse();

  const course::Course& course_;
  QComboBox* lesson_;
  QSpinBox* seed_;
  QSpinBox* questions_;
  QLineEdit* path_;
  QLabel* error_;
  bool path_chosen_ = false;  // the teacher typed or chose a path: it no longer follows the lesson
};

}  // namespace cs::ui
