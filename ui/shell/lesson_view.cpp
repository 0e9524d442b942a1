#include "shell/lesson_view.h"

#include <QAbstractTextDocumentLayout>
#include <QCursor>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontInfo>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextImageFormat>
#include <QTextTable>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "course/core_path.h"
#include "export/figure_canvas.h"
#include "shell/glossary_dialog.h"
#include "theme/palette.h"

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
    } else if (url.scheme() == QLatin1String("lab")) {
      emit labActivated(url.path());
    } else if (url.scheme() == QLatin1String("figure")) {
      showFigure(url.path());
    } else if (url.scheme() == QLatin1String("term")) {
      // Beside the link: where the keyboard has it, or else where it was clicked.
      const QTextCursor at = textCursor();
      showTermTip(url.path().toInt(),
                  at.hasSelection() ? cursorRect(at) : QRect(viewport()->mapFromGlobal(QCursor::pos()), QSize(1, 1)));
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

// The lesson type size (pixels) the figures are drawn for: larger type (zoom, projector mode)
// shows them larger, up to the column's width.
constexpr double kFigureTypePx = 14;

// Each figure standing alone on its line gets its alt text as a caption below it: a paragraph of
// its own in italics.
std::string with_figure_captions(const std::string& markdown) {
  static const QRegularExpression image(QStringLiteral("^\\s*!\\[([^\\]]+)\\]\\(([^)\\s]+)\\)\\s*$"));
  QStringList lines = QString::fromStdString(markdown).split(QLatin1Char('\n'));
  QStringList out;
  bool fenced = false;
  for (const QString& line : lines) {
    out << line;
    if (line.trimmed().startsWith(QLatin1String("```"))) fenced = !fenced;
    if (fenced) continue;
    const QRegularExpressionMatch m = image.match(line);
    if (m.hasMatch())
      out << QString()
          << QLatin1Char('*') + escaped_markdown(LessonView::figureCaption(m.captured(1))) + QLatin1Char('*');
  }
  return out.join(QLatin1Char('\n')).toStdString();
}

}  // namespace

QString LessonView::figureCaption(const QString& alt) { return tr("Figure: %1").arg(alt); }

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
  figures_.clear();
  for (const auto& [path, bytes] : lesson.images) {
    if (QString::fromStdString(path).endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
      figures_.insert(QString::fromStdString(path), QByteArray::fromStdString(bytes));
  }
  rendered_for_.clear();
  document()->clear();  // forgets the previous lesson's images
  setMarkdown(QString::fromStdString(with_figure_captions(markdown)));
  fitTables();
  linkFigures();
  linkTerms();
  verticalScrollBar()->setValue(0);
  mapHandsOnBlocks();
}

QSizeF LessonView::figureSize(const QString& name) const {
  const auto it = figures_.constFind(name);
  if (it == figures_.constEnd()) return {};
  const QSizeF natural = svg_size(*it);
  if (natural.isEmpty()) return {};
  const double zoom = QFontInfo(font()).pixelSize() / kFigureTypePx;
  const double room = viewport()->width() - 2 * document()->documentMargin() - 8;
  const double width = std::floor(std::max(40.0, std::min(natural.width() * zoom, room)));
  return {width, std::round(width * natural.height() / natural.width())};
}

namespace {
// The palette a figure follows: dark when the text is drawn on a dark base (the widget palette
// changes a moment before the stage palette does), projector colours in projector mode.
StagePalette figure_palette(const QWidget& view) {
  const bool dark = view.palette().color(QPalette::Base).lightness() < 128;
  return stage_palette().projector && !dark ? projector_palette() : dark ? dark_palette() : normal_palette();
}
}  // namespace

QString LessonView::renderedFor() const {
  // Everything a figure's pixels depend on: the room, the type size, the scheme, the screen.
  const StagePalette colours = figure_palette(*this);
  return QStringLiteral("%1/%2/%3/%4/%5")
      .arg(viewport()->width())
      .arg(QFontInfo(font()).pixelSize())
      .arg(colours.dark)
      .arg(colours.projector)
      .arg(devicePixelRatioF());
}

QImage LessonView::figureImage(const QString& name) const {
  return render_figure(recolour_svg(figures_.value(name), figure_palette(*this)), figureSize(name),
                       devicePixelRatioF());
}

QVariant LessonView::loadResource(int type, const QUrl& name) {
  if (type == QTextDocument::ImageResource && figures_.contains(name.toString())) {
    rendered_for_ = renderedFor();
    return figureImage(name.toString());
  }
  return QTextBrowser::loadResource(type, name);
}

void LessonView::refreshFigures() {
  // Nothing to do before the figures are first laid out, or when nothing they depend on changed.
  if (figures_.isEmpty() || rendered_for_.isEmpty() || rendered_for_ == renderedFor()) return;
  rendered_for_ = renderedFor();
  for (auto it = figures_.constBegin(); it != figures_.constEnd(); ++it)
    document()->addResource(QTextDocument::ImageResource, QUrl(it.key()), figureImage(it.key()));
  // Lay the text out again around the figures' new sizes.
  document()->markContentsDirty(0, document()->characterCount());
  viewport()->update();
}

// Tables are set a little smaller than the text: in a narrow column (projector type, a laptop)
// their cells would otherwise have to break words in the middle.
constexpr double kTableTypeScale = 0.88;

void LessonView::fitTables() {
  QTextCharFormat size;
  size.setFontPointSize(font().pointSizeF() * kTableTypeScale);
  for (QTextFrame* frame : document()->rootFrame()->childFrames()) {
    auto* table = qobject_cast<QTextTable*>(frame);
    if (!table) continue;
    QTextCursor cells = table->firstCursorPosition();
    cells.setPosition(table->lastPosition(), QTextCursor::KeepAnchor);
    cells.mergeCharFormat(size);
  }
}

void LessonView::linkFigures() {
  // Each figure is a link (figure:PATH) that shows it larger: a click, or Tab to it and Enter.
  struct Found {
    int position;
    int length;
    QString name;
  };
  QVector<Found> found;
  for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QTextCharFormat f = it.fragment().charFormat();
      if (f.isImageFormat() && figures_.contains(f.toImageFormat().name()))
        found.append({it.fragment().position(), it.fragment().length(), f.toImageFormat().name()});
    }
  }
  QTextCursor cursor(document());
  for (const Found& figure : found) {
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(QStringLiteral("figure:") + figure.name);
    link.setToolTip(tr("Show this figure larger"));
    cursor.setPosition(figure.position);
    cursor.setPosition(figure.position + figure.length, QTextCursor::KeepAnchor);
    cursor.mergeCharFormat(link);
  }
}

void LessonView::showFigure(const QString& name) {
  if (!figures_.contains(name)) return;
  // As wide as the window allows, up to twice the figure's own size (for the back of a classroom);
  // a tall figure scrolls.
  const QSizeF natural = svg_size(figures_.value(name));
  if (natural.isEmpty()) return;
  const QSize room = window()->size() * 0.85;
  const double scale = std::clamp((room.width() - 60) / natural.width(), 1.0, 2.0);
  const QSizeF shown = natural * scale;
  auto* dialog = new QDialog(window());
  dialog->setObjectName("figureDialog");
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(tr("Figure"));
  auto* layout = new QVBoxLayout(dialog);
  auto* picture = new QLabel;
  picture->setObjectName("figurePicture");
  picture->setPixmap(QPixmap::fromImage(
      render_figure(recolour_svg(figures_.value(name), figure_palette(*this)), shown, dialog->devicePixelRatioF())));
  picture->setAlignment(Qt::AlignCenter);
  auto* scroll = new QScrollArea(dialog);
  scroll->setWidget(picture);
  scroll->setAlignment(Qt::AlignCenter);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // The alt text, for screen readers and as the caption.
  QString alt;
  for (QTextBlock block = document()->begin(); block.isValid() && alt.isEmpty(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QTextCharFormat f = it.fragment().charFormat();
      if (f.isImageFormat() && f.toImageFormat().name() == name) {
        alt = f.property(QTextFormat::ImageAltText).toString();
        break;
      }
    }
  }
  picture->setAccessibleName(alt);
  auto* caption = new QLabel(alt, dialog);
  caption->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  layout->addWidget(scroll, 1);
  layout->addWidget(caption);
  layout->addWidget(buttons);
  // Room for the picture and a vertical scroll bar beside it, so that it never scrolls sideways.
  dialog->resize(static_cast<int>(shown.width()) + 64 + scroll->verticalScrollBar()->sizeHint().width(),
                 std::min(room.height(), static_cast<int>(shown.height()) + 140));
  dialog->show();
}

void LessonView::changeEvent(QEvent* event) {
  QTextBrowser::changeEvent(event);
  const auto type = event->type();
  if (type == QEvent::FontChange) fitTables();
  if (type == QEvent::FontChange || type == QEvent::PaletteChange || type == QEvent::StyleChange) {
    refreshFigures();
    // Once more after the change has settled: the stage palette follows the widget palette.
    QTimer::singleShot(0, this, &LessonView::refreshFigures);
  }
}

void LessonView::resizeEvent(QResizeEvent* event) {
  QTextBrowser::resizeEvent(event);
  refreshFigures();
}

namespace {

// Text a glossary term is not looked for in: code blocks, and (checked per character) links other
// than term links, and images.
bool is_code_block(const QTextBlock& block) {
  const QTextBlockFormat f = block.blockFormat();
  return f.nonBreakableLines() || f.hasProperty(QTextFormat::BlockCodeFence) ||
         f.hasProperty(QTextFormat::BlockCodeLanguage);
}

bool is_plain_text(const QTextCharFormat& f) {
  return !f.isImageFormat() && (!f.isAnchor() || f.anchorHref().startsWith(QLatin1String("term:")));
}

}  // namespace

void LessonView::setGlossary(std::shared_ptr<const GlossaryTerms> glossary) {
  glossary_ = std::move(glossary);
  linkTerms();
}

void LessonView::linkTerms() {
  if (!glossary_) return;
  // Terms linked already (the glossary was set again on the same text) stay linked once.
  QSet<int> linked;
  for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QString href = it.fragment().charFormat().anchorHref();
      if (href.startsWith(QLatin1String("term:"))) linked.insert(href.mid(5).toInt());
    }
  }
  struct Link {
    int position;
    int length;
    int term;
  };
  QVector<Link> links;
  for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
    // Headings and code are left alone; hovering over a term in a heading still defines it.
    if (is_code_block(block) || block.blockFormat().headingLevel() > 0) continue;
    const auto found = glossary_->find(block.text());
    for (const GlossaryTerms::Found& f : found) {
      if (linked.contains(f.term)) continue;
      bool plain = true;
      for (auto it = block.begin(); !it.atEnd() && plain; ++it) {
        const QTextFragment fragment = it.fragment();
        const int start = fragment.position() - block.position();
        if (start < f.end && start + fragment.length() > f.begin) {
          const QTextCharFormat format = fragment.charFormat();
          plain = !format.isImageFormat() && !format.isAnchor();
        }
      }
      if (!plain) continue;
      links.append({block.position() + f.begin, f.end - f.begin, f.term});
      linked.insert(f.term);
    }
  }
  QTextCursor cursor(document());
  for (const Link& l : links) {
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(QStringLiteral("term:%1").arg(l.term));
    link.setUnderlineStyle(QTextCharFormat::DotLine);
    cursor.setPosition(l.position);
    cursor.setPosition(l.position + l.length, QTextCursor::KeepAnchor);
    cursor.mergeCharFormat(link);
  }
}

int LessonView::termAt(const QPoint& viewport_pos, QRect* area) const {
  if (!glossary_) return -1;
  const QPointF at = QPointF(viewport_pos) + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
  QAbstractTextDocumentLayout* layout = document()->documentLayout();
  const int near = layout->hitTest(at, Qt::FuzzyHit);
  if (near < 0) return -1;
  const QTextBlock block = document()->findBlock(near);
  if (!block.isValid() || is_code_block(block) || !block.layout()) return -1;
  // The character under the point, found in the block's own lines (a point between words or past
  // the end of a line is over none).
  const QTextLayout* lines = block.layout();
  // Lines are placed relative to the block's origin, the top left of its bounding rectangle.
  const QPointF local = at - layout->blockBoundingRect(block).topLeft();
  for (int i = 0; i < lines->lineCount(); ++i) {
    const QTextLine line = lines->lineAt(i);
    if (local.y() < line.y() || local.y() >= line.y() + line.height()) continue;
    if (local.x() < line.x() || local.x() > line.x() + line.naturalTextWidth()) return -1;
    const int position = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + position);
    cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    if (!is_plain_text(cursor.charFormat())) return -1;
    const GlossaryTerms::Found found = glossary_->at(block.text(), position);
    if (found.term >= 0 && area) {
      QTextCursor edge(block);
      edge.setPosition(block.position() + found.begin);
      const QRect first = cursorRect(edge);
      edge.setPosition(block.position() + found.end);
      *area = first.united(cursorRect(edge));
    }
    return found.term;
  }
  return -1;
}

QString LessonView::termTipAt(const QPoint& viewport_pos) const {
  const int term = termAt(viewport_pos);
  return term < 0 ? QString() : glossary_->tooltip(term);
}

void LessonView::showTermTip(int term, const QRect& viewport_rect) {
  if (!glossary_ || term < 0 || term >= glossary_->size()) return;
  QToolTip::showText(viewport()->mapToGlobal(viewport_rect.bottomLeft()), glossary_->tooltip(term), viewport(),
                     viewport_rect);
}

bool LessonView::viewportEvent(QEvent* event) {
  if (event->type() == QEvent::ToolTip && glossary_) {
    const auto* help = static_cast<QHelpEvent*>(event);
    QRect area;
    const int term = termAt(help->pos(), &area);
    if (term >= 0) {
      // It goes as soon as the pointer leaves the term.
      QToolTip::showText(help->globalPos(), glossary_->tooltip(term), viewport(), area);
      return true;
    }
  }
  return QTextBrowser::viewportEvent(event);
}

bool LessonView::focusNextPrevChild(bool next) {
  const bool moved = QTextBrowser::focusNextPrevChild(next);
  // Tab onto a term's link shows its definition, as hovering does.
  const QTextCursor cursor = textCursor();
  if (moved && glossary_ && cursor.hasSelection()) {
    QTextCursor first(document());
    first.setPosition(cursor.selectionStart() + 1);
    const QString href = first.charFormat().anchorHref();
    if (href.startsWith(QLatin1String("term:"))) showTermTip(href.mid(5).toInt(), cursorRect(cursor));
  }
  return moved;
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
