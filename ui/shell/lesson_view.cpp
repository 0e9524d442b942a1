#include "shell/lesson_view.h"

#include <QDesktopServices>
#include <QScrollBar>
#include <QTextBlock>

#include "course/core_path.h"

namespace cs::ui {

LessonView::LessonView(QWidget* parent) : QTextBrowser(parent) {
  setObjectName("lessonView");
  setAccessibleName(tr("Lesson text"));
  setOpenLinks(false);
  setOpenExternalLinks(false);
  document()->setDocumentMargin(18);
  // Links take the palette's link colour (set when the text is laid out), so that they stay
  // readable in a dark scheme too.
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 1.1);
  setFont(f);
  connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme() == QLatin1String("tryit")) {
      emit tryItActivated(url.path());
    } else if (url.scheme() == QLatin1String("challenge")) {
      emit challengeActivated(url.path());
    } else if (url.scheme() == QLatin1String("https")) {
      QDesktopServices::openUrl(url);
    } else if (url.hasFragment()) {
      scrollToAnchor(url.fragment());
    }
  });
}

namespace {

// The text as Markdown that shows it literally: every ASCII punctuation character escaped.
QString escaped_markdown(const QString& text) {
  QString out;
  for (const QChar c : text) {
    if (c.unicode() < 0x80 && (c.isPunct() || c.isSymbol())) out += QLatin1Char('\\');
    out += c;
  }
  return out;
}

}  // namespace

QString LessonView::hiddenNote(const QString& heading) { return tr("%1 — hidden (advanced details)").arg(heading); }

void LessonView::showLesson(const course::Lesson& lesson, bool hide_hands_on) {
  hands_on_hidden_ = hide_hands_on;
  hands_on_headings_.clear();
  for (const auto& section : course::hands_on_sections(lesson.markdown))
    hands_on_headings_ << QString::fromStdString(section.title).trimmed();
  std::string markdown = lesson.markdown;
  if (hide_hands_on) {
    // A paragraph of its own in italics, so it reads as a note about the text, not as the text.
    markdown = course::replace_hands_on(lesson.markdown, [](const course::HandsOnSection& section) {
      const QString note = hiddenNote(QString::fromStdString(section.title).trimmed());
      return "\n*" + escaped_markdown(note).toStdString() + "*\n\n";
    });
  }
  setMarkdown(QString::fromStdString(markdown));
  verticalScrollBar()->setValue(0);
  mapHandsOnBlocks();
}

void LessonView::showError(const QString& title, const QString& message) {
  setMarkdown(QStringLiteral("# %1\n\n%2\n").arg(title, message.toHtmlEscaped()));
  hands_on_headings_.clear();
  block_sections_.clear();
  hands_on_hidden_ = false;
}

int LessonView::handsOnSection(int block_number) const {
  if (block_number < 0 || block_number >= static_cast<int>(block_sections_.size())) return -1;
  return block_sections_[static_cast<std::size_t>(block_number)];
}

void LessonView::mapHandsOnBlocks() {
  // The same sections as the Markdown's (course::hands_on_sections), found in the laid-out document:
  // a shown section runs from its heading to the next heading of its level or higher; a hidden one
  // is its note.
  block_sections_.assign(static_cast<std::size_t>(document()->blockCount()), -1);
  int next = 0;        // the next section to find
  int open = -1;       // the section the blocks belong to now
  int open_level = 0;  // its heading's level
  for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
    const int level = block.blockFormat().headingLevel();
    if (open >= 0 && level > 0 && level <= open_level) open = -1;
    const bool more = next < static_cast<int>(hands_on_headings_.size());
    if (more && hands_on_hidden_ && level == 0 && block.text() == hiddenNote(hands_on_headings_[next])) {
      block_sections_[static_cast<std::size_t>(block.blockNumber())] = next++;
      continue;
    }
    if (more && !hands_on_hidden_ && open < 0 && level > 0 &&
        course::is_hands_on_heading(block.text().trimmed().toStdString())) {
      open = next++;
      open_level = level;
    }
    block_sections_[static_cast<std::size_t>(block.blockNumber())] = open;
  }
}

}  // namespace cs::ui
