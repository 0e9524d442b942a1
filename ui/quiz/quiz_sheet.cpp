#include "quiz/quiz_sheet.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>

#include "course/final_test.h"
#include "course/question_templates.h"
#include "sim/random.h"

namespace cs::ui {

namespace {

struct QuizSheetText {
  Q_DECLARE_TR_FUNCTIONS(QuizSheetText)
};

constexpr std::uint64_t kTemplateSeedSalt = 0x2545f4914f6cdd1dULL;  // a computed question's numbers
constexpr int kPdfDpi = 300;
constexpr double kBodyPoints = 11.0;
constexpr double kHeadingPoints = 17.0;
// Marks a question's or an answer's table, which paginate() keeps on one page.
constexpr int kKeepTogether = QTextFormat::UserProperty + 1;
constexpr double kFooterPoints = 8.5;
// A4, and the margins round the text; the footer sits in the bottom margin.
constexpr double kPageWidthMm = 210.0;
constexpr double kPageHeightMm = 297.0;
constexpr double kSideMm = 20.0;
constexpr double kTopMm = 18.0;
constexpr double kBottomMm = 22.0;

QuizSheet::Question sheet_question(const course::QuizQuestion& q, const std::vector<std::size_t>& order,
                                   bool computed) {
  QuizSheet::Question out;
  out.text = QString::fromStdString(q.text);
  out.computed = computed;
  for (std::size_t k : order) {
    const course::QuizOption& option = q.options[k];
    if (option.correct) {
      out.correct = static_cast<int>(out.options.size());
      out.explanation = QString::fromStdString(option.explanation);
    }
    out.options << QString::fromStdString(option.text);
  }
  return out;
}

std::vector<std::size_t> in_order(std::size_t n) {
  std::vector<std::size_t> v(n);
  std::iota(v.begin(), v.end(), std::size_t{0});
  return v;
}

QString letter(int k) { return QString(QChar(u'A' + k)); }

QString sheet_name(const QuizSheet& sheet) {
  return (sheet.final_test ? QuizSheetText::tr("Lesson %1: %2 (final test)") : QuizSheetText::tr("Lesson %1: %2"))
      .arg(sheet.lesson_number)
      .arg(sheet.lesson_title);
}

// Where a page's text and footer go, in the device's pixels at `dpi`.
struct PageGeometry {
  QSizeF page;
  QRectF body;
  QRectF footer;
};

PageGeometry page_geometry(int dpi) {
  const auto px = [dpi](double mm) { return mm / 25.4 * dpi; };
  PageGeometry g;
  g.page = QSizeF(px(kPageWidthMm), px(kPageHeightMm));
  g.body = QRectF(px(kSideMm), px(kTopMm), px(kPageWidthMm - 2 * kSideMm), px(kPageHeightMm - kTopMm - kBottomMm));
  g.footer = QRectF(g.body.left(), g.body.bottom() + px(8), g.body.width(), px(10));
  return g;
}

// Lays the document out in pages of the body's size, as `device` measures type, with each
// question and answer on one page: one that would run over a page's end starts on the next.
void paginate(QTextDocument& doc, QPaintDevice* device, const PageGeometry& g) {
  doc.documentLayout()->setPaintDevice(device);
  doc.setPageSize(g.body.size());
  const qreal page = g.body.height();
  for (QTextFrame* frame : doc.rootFrame()->childFrames()) {
    if (!frame->format().hasProperty(kKeepTogether)) continue;
    doc.documentLayout()->documentSize();  // lays out what the last move changed
    const QRectF r = doc.documentLayout()->frameBoundingRect(frame);
    const bool split = static_cast<int>(r.top() / page) != static_cast<int>((r.bottom() - 1) / page);
    if (!split || r.height() > page) continue;
    QTextFrameFormat f = frame->frameFormat();
    f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    frame->setFrameFormat(f);
  }
}

// The first page of the answers: the page of the block that starts with a page break.
int answer_page(const QTextDocument& doc, const PageGeometry& g) {
  for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
    if (!(b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)) continue;
    const QRectF r = doc.documentLayout()->blockBoundingRect(b);
    return static_cast<int>((r.top() + 1) / g.body.height());
  }
  return doc.pageCount();
}

void paint_page(QPainter& painter, QTextDocument& doc, const PageGeometry& g, const QuizSheet& sheet, int page,
                int pages, int answers_from) {
  painter.save();
  const QRectF clip(0, page * g.body.height(), g.body.width(), g.body.height());
  painter.translate(g.body.left(), g.body.top() - clip.top());
  painter.setClipRect(clip);
  QAbstractTextDocumentLayout::PaintContext context;
  context.clip = clip;
  context.palette.setColor(QPalette::Text, Qt::black);
  doc.documentLayout()->draw(&painter, context);
  painter.restore();
  QFont small = doc.defaultFont();
  small.setPointSizeF(kFooterPoints);
  painter.setFont(small);
  painter.setPen(QColor(0x55, 0x55, 0x55));
  const QString footer = page >= answers_from ? QuizSheetText::tr("Answers to %1 \u00b7 sheet %2 \u00b7 page %3 of %4")
                                              : QuizSheetText::tr("%1 \u00b7 sheet %2 \u00b7 page %3 of %4");
  painter.drawText(g.footer, Qt::AlignHCenter | Qt::AlignTop,
                   footer.arg(sheet_name(sheet)).arg(sheet.seed).arg(page + 1).arg(pages));
}

}  // namespace

int maxQuizSheetQuestions(const course::Course& course, int lesson) {
  if (lesson < 0 || lesson >= static_cast<int>(course.lessons.size())) return 0;
  const course::Lesson& l = course.lessons[static_cast<std::size_t>(lesson)];
  if (l.quiz.final_test) return course::kFinalQuestions;
  return static_cast<int>(l.quiz.questions.size() + course::templates_for_lesson(lesson + 1).size());
}

QuizSheet drawQuizSheet(const course::Course& course, int lesson, std::uint64_t seed, int questions) {
  QuizSheet sheet;
  if (lesson < 0 || lesson >= static_cast<int>(course.lessons.size())) return sheet;
  const course::Lesson& l = course.lessons[static_cast<std::size_t>(lesson)];
  sheet.lesson_number = lesson + 1;
  sheet.lesson_title = QString::fromStdString(l.title);
  sheet.seed = seed;
  if (l.quiz.final_test) {
    // The course's final test, as the app draws a first attempt at it with this seed.
    const course::MixedAttempt drawn = course::draw_final_test(course, {}, seed);
    sheet.final_test = true;
    sheet.pass = drawn.attempt.pass;
    for (const course::AskedQuestion& asked : drawn.attempt.asked) {
      const course::QuizQuestion& q = drawn.quiz.questions[asked.question];
      sheet.questions << sheet_question(q, asked.options, q.id.rfind("template:", 0) == 0);
    }
    return sheet;
  }
  // A third or so computed by the lesson's templates (at least one where it has any), the rest
  // from its bank.
  const auto templates = course::templates_for_lesson(lesson + 1);
  const int bank = static_cast<int>(l.quiz.questions.size());
  const int total = std::clamp(questions, 1, std::max(1, maxQuizSheetQuestions(course, lesson)));
  const int wanted_computed = templates.empty() ? 0 : std::max(1, total / 3);
  const int from_bank = std::min(bank, total - std::min(wanted_computed, static_cast<int>(templates.size())));
  const int computed = std::min(static_cast<int>(templates.size()), total - from_bank);
  sim::Random rng(seed);
  std::vector<std::size_t> picked = in_order(static_cast<std::size_t>(bank));
  sim::shuffle(picked, rng);
  picked.resize(static_cast<std::size_t>(from_bank));
  std::sort(picked.begin(), picked.end());  // in the lesson's order
  std::vector<const course::QuestionTemplate*> chosen = templates;
  sim::shuffle(chosen, rng);
  chosen.resize(static_cast<std::size_t>(computed));
  for (std::size_t index : picked) {
    const course::QuizQuestion& q = l.quiz.questions[index];
    std::vector<std::size_t> order = in_order(q.options.size());
    sim::shuffle(order, rng);
    sheet.questions << sheet_question(q, order, false);
  }
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    // draw() puts the options in a drawn order of their own.
    const course::DrawnQuestion d = course::draw(*chosen[i], seed ^ (kTemplateSeedSalt * (i + 1)));
    sheet.questions << sheet_question(d.question, in_order(d.question.options.size()), true);
  }
  return sheet;
}

std::unique_ptr<QTextDocument> quizSheetDocument(const QuizSheet& sheet) {
  auto doc = std::make_unique<QTextDocument>();
  doc->setDocumentMargin(0);
  QFont font = QGuiApplication::font();
  font.setPointSizeF(kBodyPoints);
  doc->setDefaultFont(font);
  QTextCursor cursor(doc.get());
  const QColor grey(0x44, 0x44, 0x44);
  const auto chars = [](double points, bool bold = false, bool italic = false, QColor colour = Qt::black) {
    QTextCharFormat f;
    f.setFontPointSize(points);
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    f.setFontItalic(italic);
    f.setForeground(colour);
    return f;
  };
  const auto spaced = [](double above, double below) {
    QTextBlockFormat f;
    f.setTopMargin(above);
    f.setBottomMargin(below);
    return f;
  };
  const QTextCharFormat body = chars(kBodyPoints);
  const QTextCharFormat bold = chars(kBodyPoints, true);
  // A question or an answer: its number, and beside it a cell for the rest (the cursor returned),
  // in a table of its own that paginate() keeps on one page.
  const auto numbered = [&bold](QTextCursor& at, int index, double above) {
    QTextTableFormat frame;
    frame.setBorder(0);
    frame.setCellPadding(2);
    frame.setCellSpacing(0);
    frame.setTopMargin(above);
    frame.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    frame.setColumnWidthConstraints(
        {QTextLength(QTextLength::FixedLength, 30), QTextLength(QTextLength::VariableLength, 0)});
    frame.setProperty(kKeepTogether, true);
    QTextTable* table = at.insertTable(1, 2, frame);
    table->cellAt(0, 0).firstCursorPosition().insertText(QStringLiteral("%1.").arg(index + 1), bold);
    return table->cellAt(0, 1).firstCursorPosition();
  };

  // The heading, the sheet's seed and size, a line for the name and the date, what to do.
  cursor.setBlockFormat(spaced(0, 2));
  cursor.insertText(sheet_name(sheet), chars(kHeadingPoints, true));
  const QString size = sheet.questions.size() == 1 ? QuizSheetText::tr("1 question")
                                                   : QuizSheetText::tr("%1 questions").arg(sheet.questions.size());
  cursor.insertBlock(spaced(0, 12));
  cursor.insertText(QuizSheetText::tr("ClusterScope quiz sheet %1 \u00b7 %2").arg(sheet.seed).arg(size),
                    chars(kBodyPoints, false, false, grey));
  QTextBlockFormat line = spaced(0, 10);
  // The date at the right edge: the body's width in the document's units (1/96 inch).
  line.setTabPositions({QTextOption::Tab((kPageWidthMm - 2 * kSideMm) / 25.4 * 96 - 2, QTextOption::RightTab)});
  cursor.insertBlock(line);
  const QString blank(28, QLatin1Char('_'));
  cursor.insertText(
      QuizSheetText::tr("Name: %1").arg(blank) + QLatin1Char('\t') + QuizSheetText::tr("Date: %1").arg(blank.left(14)),
      body);
  QString how = QuizSheetText::tr("Tick one answer for each question.");
  if (sheet.pass > 0) {
    how += QLatin1Char(' ') +
           QuizSheetText::tr("%1 of %2 correct answers pass.").arg(sheet.pass).arg(sheet.questions.size());
  }
  cursor.insertBlock(spaced(0, 4));
  cursor.insertText(how, chars(kBodyPoints, false, true));

  // The questions, each with its options in a table of their own.
  for (int i = 0; i < sheet.questions.size(); ++i) {
    const QuizSheet::Question& q = sheet.questions[i];
    QTextCursor text = numbered(cursor, i, 8);
    text.setBlockFormat(spaced(0, 3));
    text.insertText(q.text, body);
    QTextTableFormat list;
    list.setBorder(0);
    list.setCellPadding(1.5);
    list.setCellSpacing(0);
    list.setColumnWidthConstraints({QTextLength(QTextLength::FixedLength, 20),
                                    QTextLength(QTextLength::FixedLength, 18),
                                    QTextLength(QTextLength::VariableLength, 0)});
    QTextTable* options = text.insertTable(static_cast<int>(q.options.size()), 3, list);
    for (int k = 0; k < q.options.size(); ++k) {
      options->cellAt(k, 0).firstCursorPosition().insertText(QStringLiteral("\u2610"), body);
      options->cellAt(k, 1).firstCursorPosition().insertText(letter(k), bold);
      options->cellAt(k, 2).firstCursorPosition().insertText(q.options[k], body);
    }
    cursor.movePosition(QTextCursor::End);
  }

  // The answers, from a new page on, to be kept by the teacher.
  QTextBlockFormat answers = spaced(0, 2);
  answers.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
  cursor.insertBlock(answers);
  cursor.insertText(QuizSheetText::tr("Answers"), chars(kHeadingPoints, true));
  cursor.insertBlock(spaced(0, 10));
  cursor.insertText(QuizSheetText::tr("%1 \u00b7 sheet %2").arg(sheet_name(sheet)).arg(sheet.seed),
                    chars(kBodyPoints, false, false, grey));
  for (int i = 0; i < sheet.questions.size(); ++i) {
    const QuizSheet::Question& q = sheet.questions[i];
    QTextCursor answer = numbered(cursor, i, 6);
    answer.setBlockFormat(spaced(0, 2));
    if (q.correct >= 0) {
      answer.insertText(letter(q.correct) + QStringLiteral(" \u2013 "), bold);
      answer.insertText(q.options[q.correct], bold);
    }
    answer.insertBlock(spaced(0, 0));
    answer.insertText(q.explanation, body);
    cursor.movePosition(QTextCursor::End);
  }
  return doc;
}

int quizSheetAnswerPage(const QuizSheet& sheet) {
  const PageGeometry g = page_geometry(kPdfDpi);
  QImage probe(8, 8, QImage::Format_RGB32);
  probe.setDotsPerMeterX(static_cast<int>(kPdfDpi / 0.0254));
  probe.setDotsPerMeterY(static_cast<int>(kPdfDpi / 0.0254));
  const auto doc = quizSheetDocument(sheet);
  paginate(*doc, &probe, g);
  return answer_page(*doc, g);
}

bool writeQuizSheet(const QuizSheet& sheet, const QString& path, QString* error) {
  const QString shown = QDir::toNativeSeparators(path);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = QuizSheetText::tr("Cannot write %1: %2").arg(shown, file.errorString());
    return false;
  }
  bool drawn = false;
  {
    QPdfWriter writer(&file);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setResolution(kPdfDpi);
    writer.setTitle(QuizSheetText::tr("ClusterScope quiz sheet: %1").arg(sheet_name(sheet)));
    writer.setCreator(QStringLiteral("ClusterScope"));
    const PageGeometry g = page_geometry(kPdfDpi);
    const auto doc = quizSheetDocument(sheet);
    paginate(*doc, &writer, g);
    const int pages = doc->pageCount();
    const int answers_from = answer_page(*doc, g);
    QPainter painter;
    if (painter.begin(&writer)) {
      for (int page = 0; page < pages; ++page) {
        if (page > 0) writer.newPage();
        paint_page(painter, *doc, g, sheet, page, pages, answers_from);
      }
      drawn = painter.end();
    }
  }
  if (!drawn || file.error() != QFileDevice::NoError || file.pos() == 0) {
    const QString why =
        file.error() != QFileDevice::NoError ? file.errorString() : QuizSheetText::tr("nothing was drawn");
    file.cancelWriting();
    if (error) *error = QuizSheetText::tr("Cannot write %1: %2").arg(shown, why);
    return false;
  }
  if (!file.commit()) {
    if (error) *error = QuizSheetText::tr("Cannot write %1: %2").arg(shown, file.errorString());
    return false;
  }
  return true;
}

bool writeQuizSheet(const course::Course& course, int lesson, std::uint64_t seed, const QString& path, QString* error) {
  if (lesson < 0 || lesson >= static_cast<int>(course.lessons.size())) {
    if (error) *error = QuizSheetText::tr("There is no lesson %1.").arg(lesson + 1);
    return false;
  }
  return writeQuizSheet(drawQuizSheet(course, lesson, seed), path, error);
}

QVector<QImage> renderQuizSheet(const QuizSheet& sheet, int dpi) {
  const PageGeometry g = page_geometry(dpi);
  const QSize size = g.page.toSize();
  const auto page_image = [&] {
    QImage image(size, QImage::Format_RGB32);
    image.setDotsPerMeterX(static_cast<int>(dpi / 0.0254));
    image.setDotsPerMeterY(static_cast<int>(dpi / 0.0254));
    image.fill(Qt::white);
    return image;
  };
  QImage measure = page_image();
  const auto doc = quizSheetDocument(sheet);
  paginate(*doc, &measure, g);
  const int pages = doc->pageCount();
  const int answers_from = answer_page(*doc, g);
  QVector<QImage> out;
  for (int page = 0; page < pages; ++page) {
    QImage image = page_image();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint_page(painter, *doc, g, sheet, page, pages, answers_from);
    painter.end();
    out << image;
  }
  return out;
}

// The dialog.

QuizSheetDialog::QuizSheetDialog(const course::Course& course, int lesson, QWidget* parent)
    : QDialog(parent), course_(course) {
  setObjectName("quizSheetDialog");
  setWindowTitle(tr("Print quiz sheet"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("A lesson's quiz on paper: the questions, then the answers on a page of their own. "
                              "Another seed draws another sheet; the same seed draws the same one again."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  lesson_ = new QComboBox(this);
  lesson_->setObjectName("quizSheetLesson");
  for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
    const course::Lesson& l = course_.lessons[i];
    const QString title = tr("%1. %2").arg(i + 1).arg(QString::fromStdString(l.title));
    lesson_->addItem(l.quiz.final_test ? tr("%1 (final test)").arg(title) : title);
  }
  form->addRow(tr("&Lesson:"), lesson_);
  seed_ = new QSpinBox(this);
  seed_->setObjectName("quizSheetSeed");
  seed_->setRange(1, 999999);
  seed_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1, 100000)));
  seed_->setToolTip(tr("Note the seed to print the same sheet again"));
  auto* another = new QPushButton(tr("&Another seed"), this);
  another->setObjectName("quizSheetNewSeed");
  connect(another, &QPushButton::clicked, this,
          [this] { seed_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1, 1000000))); });
  auto* seed_row = new QHBoxLayout;
  seed_row->addWidget(seed_, 1);
  seed_row->addWidget(another);
  // A row of two widgets: its label names the first for its keyboard shortcut.
  auto* seed_label = new QLabel(tr("&Seed:"), this);
  seed_label->setBuddy(seed_);
  form->addRow(seed_label, seed_row);
  questions_ = new QSpinBox(this);
  questions_->setObjectName("quizSheetQuestions");
  form->addRow(tr("&Questions:"), questions_);
  path_ = new QLineEdit(this);
  path_->setObjectName("quizSheetPath");
  auto* browse_button = new QPushButton(tr("&Browse..."), this);
  connect(browse_button, &QPushButton::clicked, this, &QuizSheetDialog::browse);
  auto* path_row = new QHBoxLayout;
  path_row->addWidget(path_, 1);
  path_row->addWidget(browse_button);
  auto* path_label = new QLabel(tr("&File:"), this);
  path_label->setBuddy(path_);
  form->addRow(path_label, path_row);
  layout->addLayout(form);
  error_ = new QLabel(this);
  error_->setObjectName("quizSheetError");
  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->hide();
  layout->addWidget(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  QPushButton* save_button = buttons->addButton(tr("&Save PDF"), QDialogButtonBox::AcceptRole);
  save_button->setObjectName("quizSheetSave");
  save_button->setDefault(true);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (save()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  connect(lesson_, &QComboBox::currentIndexChanged, this, &QuizSheetDialog::lessonChanged);
  connect(seed_, &QSpinBox::valueChanged, this, &QuizSheetDialog::proposePath);
  connect(path_, &QLineEdit::textEdited, this, [this] { path_chosen_ = true; });
  setLesson(lesson < 0 ? 0 : lesson);
  lessonChanged();
  resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 84), sizeHint().height());
}

int QuizSheetDialog::lesson() const { return lesson_->currentIndex(); }
std::uint64_t QuizSheetDialog::seed() const { return static_cast<std::uint64_t>(seed_->value()); }
int QuizSheetDialog::questions() const { return questions_->value(); }
QString QuizSheetDialog::path() const { return path_->text(); }

void QuizSheetDialog::setLesson(int lesson) {
  if (lesson >= 0 && lesson < lesson_->count()) lesson_->setCurrentIndex(lesson);
}

void QuizSheetDialog::setSeed(std::uint64_t seed) { seed_->setValue(static_cast<int>(seed)); }

void QuizSheetDialog::setPath(const QString& path) {
  path_->setText(path);
  path_chosen_ = true;
}

void QuizSheetDialog::lessonChanged() {
  const int max = maxQuizSheetQuestions(course_, lesson());
  const bool final_test = lesson() >= 0 && course_.lessons[static_cast<std::size_t>(lesson())].quiz.final_test;
  questions_->setRange(1, std::max(1, max));
  questions_->setValue(final_test ? max : std::min(kQuizSheetQuestions, max));
  questions_->setEnabled(!final_test);  // the final test asks its own number
  questions_->setToolTip(final_test ? tr("The final test always asks %1 questions").arg(max) : QString());
  proposePath();
}

QString QuizSheetDialog::defaultPath(int lesson_number, std::uint64_t seed) {
  QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  if (folder.isEmpty() || !QDir(folder).exists()) folder = QDir::homePath();
  return QDir(folder).filePath(QStringLiteral("ClusterScope-quiz-lesson%1-seed%2.pdf").arg(lesson_number).arg(seed));
}

void QuizSheetDialog::proposePath() {
  if (path_chosen_) return;
  path_->setText(QDir::toNativeSeparators(defaultPath(lesson() + 1, seed())));
}

void QuizSheetDialog::browse() {
  QString chosen = QFileDialog::getSaveFileName(this, tr("Print quiz sheet"), path_->text(), tr("PDF files (*.pdf)"));
  if (chosen.isEmpty()) return;
  if (QFileInfo(chosen).suffix().isEmpty()) chosen += QStringLiteral(".pdf");
  setPath(QDir::toNativeSeparators(chosen));
}

bool QuizSheetDialog::save() {
  QString path = QDir::fromNativeSeparators(path_->text().trimmed());
  QString error;
  if (path.isEmpty()) {
    error = tr("Choose a file to save the sheet to.");
  } else if (lesson() < 0) {
    error = tr("There is no lesson to draw a sheet from.");
  } else {
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".pdf");
    if (writeQuizSheet(drawQuizSheet(course_, lesson(), seed(), questions()), path, &error)) {
      error_->hide();
      emit saved(path);
      return true;
    }
  }
  error_->setText(error);
  error_->show();
  return false;
}

}  // namespace cs::ui
