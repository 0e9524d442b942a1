#include "shell/glossary_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <vector>

#include "course/challenge.h"
#include "run/run_controller.h"
#include "shell/lesson_view.h"
#include "shell/narration_panel.h"

namespace cs::ui {

GlossaryTerms::GlossaryTerms(course::Glossary glossary, const course::Course& course)
    : glossary_(std::move(glossary)), matcher_(glossary_) {
  for (const course::GlossaryTerm& t : glossary_.terms) {
    QPair<int, QString> lesson{0, {}};
    for (std::size_t i = 0; i < course.lessons.size(); ++i) {
      if (course.lessons[i].id == t.lesson)
        lesson = {static_cast<int>(i) + 1, QString::fromStdString(course.lessons[i].title)};
    }
    lessons_.append(lesson);
  }
}

int GlossaryTerms::indexOf(const QString& name) const {
  for (int i = 0; i < size(); ++i) {
    if (QString::fromStdString(term(i).term).compare(name, Qt::CaseInsensitive) == 0) return i;
  }
  return -1;
}

QVector<GlossaryTerms::Found> GlossaryTerms::find(const QString& text) const {
  const QByteArray utf8 = text.toUtf8();
  // The matcher counts bytes of UTF-8; the text's users count UTF-16 units: a table from one to the other.
  std::vector<int> position(static_cast<std::size_t>(utf8.size()) + 1, static_cast<int>(text.size()));
  std::size_t byte = 0;
  for (int i = 0; i < text.size(); ++i) {
    const char16_t c = text[i].unicode();
    const bool pair = QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode());
    const std::size_t length = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    for (std::size_t k = 0; k < length && byte + k < position.size(); ++k) position[byte + k] = i;
    byte += length;
    if (pair) ++i;
  }
  QVector<Found> out;
  for (const course::TermMatch& m : matcher_.find(std::string_view(utf8.constData(), utf8.size()))) {
    out.append({position[std::min(m.begin, position.size() - 1)], position[std::min(m.end, position.size() - 1)],
                static_cast<int>(m.term)});
  }
  return out;
}

GlossaryTerms::Found GlossaryTerms::at(const QString& text, int position) const {
  for (const Found& f : find(text)) {
    if (position >= f.begin && position < f.end) return f;
  }
  return {0, 0, -1};
}

QString GlossaryTerms::lessonLine(int index) const {
  const auto& [number, title] = lessons_[index];
  if (number == 0) return {};
  return tr("Introduced in lesson %1: %2").arg(number).arg(title);
}

QString GlossaryTerms::tooltip(int index) const {
  QString html = QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                     .arg(QString::fromStdString(term(index).term).toHtmlEscaped(),
                          QString::fromStdString(term(index).definition).toHtmlEscaped());
  const QString lesson = lessonLine(index);
  if (!lesson.isEmpty()) html += QStringLiteral("<p><i>%1</i></p>").arg(lesson.toHtmlEscaped());
  return html;
}

QString GlossaryTerms::scenarioTitle(int index) const {
  const std::string& id = term(index).scenario;
  if (id.empty()) return {};
  try {
    if (const scenario::Scenario* s = course::builtin_scenario(id)) return QString::fromStdString(s->title);
  } catch (const std::exception&) {
  }
  return QString::fromStdString(id);
}

GlossaryDialog::GlossaryDialog(std::shared_ptr<const GlossaryTerms> terms, QWidget* parent)
    : QDialog(parent), terms_(std::move(terms)) {
  setObjectName("glossaryDialog");
  setWindowTitle(tr("Glossary"));
  auto* layout = new QVBoxLayout(this);
  search_ = new QLineEdit(this);
  search_->setObjectName("glossarySearch");
  search_->setPlaceholderText(tr("Search the glossary"));
  search_->setClearButtonEnabled(true);
  search_->setAccessibleName(tr("Search the glossary"));
  search_->setToolTip(tr("Type to filter the terms; Up and Down choose one, Enter shows its definition"));
  auto* label = new QLabel(tr("&Search:"), this);
  label->setBuddy(search_);
  auto* search_row = new QHBoxLayout;
  search_row->addWidget(label);
  search_row->addWidget(search_, 1);
  layout->addLayout(search_row);

  auto* body = new QHBoxLayout;
  list_ = new QListWidget(this);
  list_->setObjectName("glossaryList");
  list_->setAccessibleName(tr("Terms"));
  list_->setMinimumWidth(200);
  list_->setMaximumWidth(280);
  body->addWidget(list_);
  auto* column = new QVBoxLayout;
  entry_ = new QTextBrowser(this);
  entry_->setObjectName("glossaryEntry");
  entry_->setAccessibleName(tr("Definition"));
  entry_->setOpenLinks(false);
  column->addWidget(entry_, 1);
  open_scenario_ = new QPushButton(this);
  open_scenario_->setObjectName("glossaryOpenScenario");
  open_scenario_->setAutoDefault(false);
  column->addWidget(open_scenario_, 0, Qt::AlignLeft);
  body->addLayout(column, 1);
  layout->addLayout(body, 1);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  // Enter belongs to the search and the list (it shows the definition); it must not close the dialog.
  for (QAbstractButton* b : buttons->buttons()) {
    if (auto* push = qobject_cast<QPushButton*>(b)) {
      push->setAutoDefault(false);
      push->setDefault(false);
    }
  }
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  setTabOrder(search_, list_);
  setTabOrder(list_, entry_);
  setTabOrder(entry_, open_scenario_);

  search_->installEventFilter(this);
  list_->installEventFilter(this);
  connect(search_, &QLineEdit::textChanged, this, &GlossaryDialog::refill);
  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    current_ = row < 0 ? -1 : list_->item(row)->data(Qt::UserRole).toInt();
    showCurrent();
  });
  connect(open_scenario_, &QPushButton::clicked, this, [this] {
    if (current_ >= 0 && !terms_->term(current_).scenario.empty())
      emit scenarioRequested(QString::fromStdString(terms_->term(current_).scenario));
  });
  resize(760, 480);
  refill();
  search_->setFocus();
}

void GlossaryDialog::setFilter(const QString& text) { search_->setText(text); }

QStringList GlossaryDialog::shownTerms() const {
  QStringList out;
  for (int i = 0; i < list_->count(); ++i) out << list_->item(i)->text();
  return out;
}

void GlossaryDialog::showTerm(const QString& name) {
  const int index = terms_->indexOf(name);
  if (index < 0) return;
  if (!shownTerms().contains(QString::fromStdString(terms_->term(index).term))) search_->clear();
  for (int i = 0; i < list_->count(); ++i) {
    if (list_->item(i)->data(Qt::UserRole).toInt() == index) list_->setCurrentRow(i);
  }
}

QString GlossaryDialog::entryText() const { return entry_->toPlainText(); }

void GlossaryDialog::refill() {
  // Matches on the name first, then on another form of it, then anywhere in the name or a form,
  // then in the definition; alphabetical within each.
  const QString query = search_->text().trimmed();
  struct Row {
    int rank;
    QString name;
    int index;
  };
  std::vector<Row> rows;
  for (int i = 0; i < terms_->size(); ++i) {
    const course::GlossaryTerm& t = terms_->term(i);
    const QString name = QString::fromStdString(t.term);
    QStringList forms;
    for (const std::string& f : t.forms) forms << QString::fromStdString(f);
    const auto any_form = [&](auto test) { return std::any_of(forms.begin(), forms.end(), test); };
    int rank = -1;
    if (query.isEmpty() || name.startsWith(query, Qt::CaseInsensitive)) {
      rank = 0;
    } else if (any_form([&](const QString& f) { return f.startsWith(query, Qt::CaseInsensitive); })) {
      rank = 1;
    } else if (name.contains(query, Qt::CaseInsensitive) ||
               any_form([&](const QString& f) { return f.contains(query, Qt::CaseInsensitive); })) {
      rank = 2;
    } else if (QString::fromStdString(t.definition).contains(query, Qt::CaseInsensitive)) {
      rank = 3;
    }
    if (rank >= 0) rows.push_back({rank, name, i});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
  });
  const int keep = current_;
  {
    const QSignalBlocker block(list_);
    list_->clear();
    for (const Row& r : rows) {
      auto* item = new QListWidgetItem(r.name, list_);
      item->setData(Qt::UserRole, r.index);
    }
  }
  // A search chooses its best match; with the search cleared, the term shown before stays chosen.
  int row = rows.empty() ? -1 : 0;
  for (std::size_t i = 0; i < rows.size() && query.isEmpty(); ++i) {
    if (rows[i].index == keep) row = static_cast<int>(i);
  }
  list_->setCurrentRow(row);
  current_ = row < 0 ? -1 : rows[static_cast<std::size_t>(row)].index;
  showCurrent();
}

void GlossaryDialog::showCurrent() {
  if (current_ < 0) {
    entry_->setHtml(QStringLiteral("<p>%1</p>")
                        .arg(tr("No term matches \u201c%1\u201d.").arg(search_->text().trimmed()).toHtmlEscaped()));
    open_scenario_->hide();
    return;
  }
  const course::GlossaryTerm& t = terms_->term(current_);
  QString html =
      QStringLiteral("<h2>%1</h2><p>%2</p>")
          .arg(QString::fromStdString(t.term).toHtmlEscaped(), QString::fromStdString(t.definition).toHtmlEscaped());
  if (!t.forms.empty()) {
    QStringList forms;
    for (const std::string& f : t.forms) forms << QString::fromStdString(f);
    html += QStringLiteral("<p>%1</p>").arg(tr("Also: %1").arg(forms.join(QStringLiteral(", "))).toHtmlEscaped());
  }
  const QString lesson = terms_->lessonLine(current_);
  if (!lesson.isEmpty()) html += QStringLiteral("<p><i>%1</i></p>").arg(lesson.toHtmlEscaped());
  entry_->setHtml(html);
  const QString scenario = terms_->scenarioTitle(current_);
  open_scenario_->setVisible(!scenario.isEmpty());
  open_scenario_->setText(tr("Open the scenario: %1").arg(scenario));
  open_scenario_->setToolTip(tr("Load this scenario onto the stage to see the term at work"));
}

bool GlossaryDialog::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::KeyPress) return QDialog::eventFilter(watched, event);
  auto* key = static_cast<QKeyEvent*>(event);
  switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
      // From the search field, the arrows move through the list: type, then choose.
      if (watched == search_) {
        QCoreApplication::sendEvent(list_, event);
        return true;
      }
      break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
      if (current_ >= 0) {
        showCurrent();
        entry_->setFocus();  // a screen reader reads the definition
      }
      return true;
    default: break;
  }
  return QDialog::eventFilter(watched, event);
}

GlossaryHelp::GlossaryHelp(std::shared_ptr<const GlossaryTerms> terms, QString problem, QWidget* window)
    : QObject(window), terms_(std::move(terms)), problem_(std::move(problem)), window_(window) {}

GlossaryDialog* GlossaryHelp::showDialog(const QString& term) {
  if (!terms_) {
    QMessageBox::information(window_, GlossaryDialog::tr("Glossary"), problem_);
    return nullptr;
  }
  if (!dialog_) {
    dialog_ = new GlossaryDialog(terms_, window_);
    connect(dialog_, &GlossaryDialog::scenarioRequested, this, &GlossaryHelp::scenarioRequested);
  }
  if (!term.isEmpty()) dialog_->showTerm(term);
  dialog_->show();
  dialog_->raise();
  dialog_->activateWindow();
  return dialog_;
}

namespace {

// The Help menu: the one that holds "Keyboard and mouse", else the menu bar's last menu.
QMenu* help_menu(QMainWindow* window) {
  if (auto* keys = window->findChild<QAction*>(QStringLiteral("keyboardHelpAction"))) {
    for (QObject* o : keys->associatedObjects()) {
      if (auto* menu = qobject_cast<QMenu*>(o)) return menu;
    }
  }
  const QList<QAction*> menus = window->menuBar()->actions();
  for (auto it = menus.crbegin(); it != menus.crend(); ++it) {
    if ((*it)->menu()) return (*it)->menu();
  }
  return window->menuBar()->addMenu(GlossaryHelp::tr("&Help"));
}

}  // namespace

GlossaryHelp* install_glossary(QMainWindow* window, const course::ContentSource& source, const course::Course& course,
                               LessonView* lesson, NarrationPanel* narration, RunController* run) {
  std::shared_ptr<const GlossaryTerms> terms;
  QString problem;
  try {
    if (auto glossary = course::read_glossary(source)) {
      terms = std::make_shared<const GlossaryTerms>(std::move(*glossary), course);
    } else {
      problem = GlossaryHelp::tr("This course has no glossary (a glossary.json file beside course.json).");
    }
  } catch (const course::CourseError& e) {
    problem = GlossaryHelp::tr("The glossary could not be read: %1").arg(QString::fromStdString(e.what()));
  }
  auto* help = new GlossaryHelp(terms, problem, window);
  QMenu* menu = help_menu(window);
  auto* action = new QAction(GlossaryHelp::tr("&Glossary"), help);
  action->setObjectName("glossaryAction");
  action->setStatusTip(GlossaryHelp::tr("The course's terms with their definitions, with search"));
  // Beside "Keyboard and mouse" when there is one.
  const QList<QAction*> actions = menu->actions();
  QAction* before = nullptr;
  for (qsizetype i = 0; i < actions.size(); ++i) {
    if (actions[i]->objectName() == QLatin1String("keyboardHelpAction") && i + 1 < actions.size())
      before = actions[i + 1];
  }
  menu->insertAction(before, action);
  QObject::connect(action, &QAction::triggered, help, [help] { help->showDialog(); });
  if (lesson) lesson->setGlossary(terms);
  if (narration) narration->setGlossary(terms);
  if (run) {
    QObject::connect(help, &GlossaryHelp::scenarioRequested, run,
                     [run](const QString& id) { run->loadScenario(id, nullptr); });
  }
  return help;
}

}  // namespace cs::ui
