// The lessons' figures: drawn again from their simulation runs, they show what the checked-in
// files show (shapes, positions, texts: the model beside each SVG, and the SVG's own texts); every
// lesson has at least two, each with alt text that its caption passes on to screen readers; the
// lesson view recolours them to the scheme in use and renders them at the pixels they are shown at,
// again when the text is zoomed; and in the window each one is there to see.
//
// With CS_FIGURE_SHOTS=DIR in the environment, windowShowsEveryFigure also saves each window it
// looks at as DIR/lessonN-NAME-SCHEME.png, and aFigureOpensLarger its window as figure-dialog.png.
#include <QtTest>

#include <QAbstractTextDocumentLayout>
#include <QAccessible>
#include <QAccessibleInterface>
#include <QDialog>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QXmlStreamReader>
#include <set>

#include "content/qt_content_source.h"
#include "course/core_path.h"
#include "course/course.h"
#include "course/lesson_figures.h"
#include "export/figure_canvas.h"
#include "export/lesson_figures.h"
#include "shell/classroom_modes.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "theme/appearance.h"
#include "theme/palette.h"
#include "window_test_support.h"

namespace {

const QString kLessons = QStringLiteral(CLUSTERSCOPE_SOURCE_DIR "/lessons");

cs::course::Course load_lessons() { return cs::course::load_course(cs::ui::QtContentSource(kLessons)); }

// The figures a lesson's Markdown shows, with their alt text: (path, alt).
QList<QPair<QString, QString>> figure_links(const std::string& markdown) {
  static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\((figures/[^)\\s]+\\.svg)\\)"));
  QList<QPair<QString, QString>> out;
  for (auto it = image.globalMatch(QString::fromStdString(markdown)); it.hasNext();) {
    const auto m = it.next();
    out.append({m.captured(2), m.captured(1)});
  }
  return out;
}

QTextBlock block_with_image(QTextDocument* doc, const QString& name) {
  for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
    for (auto it = b.begin(); !it.atEnd(); ++it) {
      const QTextCharFormat f = it.fragment().charFormat();
      if (f.isImageFormat() && f.toImageFormat().name() == name) return b;
    }
  }
  return {};
}

// How many pixels of the image differ clearly from `background`.
int pixels_unlike(const QImage& image, const QRect& area, QColor background) {
  int count = 0;
  const QRect r = area.intersected(image.rect());
  for (int y = r.top(); y <= r.bottom(); y += 2) {
    for (int x = r.left(); x <= r.right(); x += 2) {
      const QColor c = image.pixelColor(x, y);
      if (std::abs(c.red() - background.red()) + std::abs(c.green() - background.green()) +
              std::abs(c.blue() - background.blue()) >
          60)
        ++count;
    }
  }
  return count;
}

}  // namespace

class TestLessonFigures : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void checkedInFiguresMatchTheSimulation() {
    const QStringList problems = cs::ui::check_lesson_figures(kLessons);
    QVERIFY2(problems.isEmpty(),
             qPrintable(problems.join('\n') + "\nDraw them again: cmake --build build/release --target figures"));
  }

  void aFigureFromAnotherMomentDoesNotMatch() {
    // The check can fail: the ring one second later (keys have moved to n5) is another figure,
    // and so is a model with one shape moved by a pixel.
    const cs::ui::LightPaletteScope light;
    cs::course::FigureSpec spec;
    for (const auto& f : cs::course::lesson_figures()) {
      if (f.name == "hash-ring-join") spec = f;
    }
    QVERIFY(!spec.name.empty());
    QFile file(QDir(kLessons).filePath(cs::ui::figure_path(spec) + ".model.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const cs::ui::FigureModel checked_in = cs::ui::FigureModel::fromJson(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    spec.panels[1].at_us -= 6'000'000;  // in the middle of the migration
    const auto later = cs::ui::figure_model(cs::ui::lesson_figure(cs::course::figure_data(spec)));
    QVERIFY(!cs::ui::compare_models(checked_in, later).isEmpty());
    cs::ui::FigureModel moved = checked_in;
    for (auto& item : moved.items) {
      if (item.kind == "ellipse") {
        item.geo[0] += 1.0;
        break;
      }
    }
    QVERIFY(cs::ui::compare_models(checked_in, moved).contains("ellipse"));
    QVERIFY(cs::ui::compare_models(checked_in, checked_in).isEmpty());
  }

  void everyLessonHasTwoFiguresWithAltText() {
    const auto course = load_lessons();
    std::set<QString> referenced;
    for (const auto& lesson : course.lessons) {
      const auto links = figure_links(lesson.markdown);
      QVERIFY2(links.size() >= 2, lesson.id.c_str());
      for (const auto& [path, alt] : links) {
        // Alt text that says what the figure shows, not "figure" or a file name.
        QVERIFY2(alt.split(' ', Qt::SkipEmptyParts).size() >= 8, qPrintable(path));
        QVERIFY2(lesson.images.count(path.toStdString()), qPrintable(path));
        referenced.insert(QString::fromStdString(lesson.id) + '/' + path);
      }
    }
    // Every figure the application draws is shown by its lesson, and every one shown is drawn.
    std::set<QString> drawn;
    for (const auto& f : cs::course::lesson_figures()) drawn.insert(cs::ui::figure_path(f) + ".svg");
    QCOMPARE(referenced, drawn);
  }

  void aFigureIsNotPartOfTheReadingLoad() {
    // Like a code block, a figure alone on its line adds no words to the core path; an image in a
    // sentence still counts its alt text.
    QCOMPARE(cs::course::core_path_words("![Alt text of five words](figures/x.svg)\nFour more words here.\n"), 4);
    QCOMPARE(cs::course::core_path_words("See ![two words](figures/x.svg) here.\n"), 4);
  }

  void placeholdersNameOneToneEach() {
    std::set<QString> seen;
    for (int t = 1; t < static_cast<int>(cs::ui::Tone::Count); ++t) {
      for (bool edge : {false, true}) {
        const QString p = cs::ui::ink_placeholder(cs::ui::Ink(static_cast<cs::ui::Tone>(t), edge));
        QVERIFY2(seen.insert(p).second, qPrintable(p));
      }
    }
    // Recoloured for the dark scheme, a lane's name (text on the page) is light, and the text on a
    // role's bar (on a light fill in every scheme) stays dark.
    const cs::ui::StagePalette dark = cs::ui::dark_palette();
    QFile file(kLessons + "/05-failover/figures/split-brain-timeline.svg");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    const auto fill_of = [](const QByteArray& bytes, const QString& text) {
      QXmlStreamReader xml(bytes);
      while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QLatin1String("text")) continue;
        const QString fill = xml.attributes().value("fill").toString();
        if (xml.readElementText() == text) return fill;
      }
      return QString();
    };
    QCOMPARE(fill_of(svg, "n1 (us-east)"), cs::ui::ink_placeholder(cs::ui::Tone::Text));
    const QByteArray recoloured = cs::ui::recolour_svg(svg, dark);
    QCOMPARE(fill_of(recoloured, "n1 (us-east)"), dark.text.name());
    QCOMPARE(fill_of(recoloured, "replica, term 1"), dark.card_text.name());
    QCOMPARE(fill_of(cs::ui::recolour_svg(svg, cs::ui::projector_palette()), "n1 (us-east)"),
             cs::ui::projector_palette().text.name());
    QCOMPARE(cs::ui::svg_texts(recoloured), cs::ui::svg_texts(svg));
  }

  void lessonViewRendersFiguresSharpAtEveryZoom() {
    const auto course = load_lessons();
    const auto& lesson = course.lessons[2];  // partitioning and sharding
    cs::ui::LessonView view;
    view.resize(900, 700);
    view.show();
    view.showLesson(lesson);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QStringList names = view.figureNames();
    QVERIFY(names.size() >= 2);
    const QString name = names.first();
    // Laid out, the figure is loaded at the size it is shown at, for the screen's pixel ratio.
    view.document()->documentLayout()->documentSize();
    const auto image_now = [&] {
      return view.document()->resource(QTextDocument::ImageResource, QUrl(name)).value<QImage>();
    };
    QImage image = image_now();
    QVERIFY(!image.isNull());
    const QSizeF shown = view.figureSize(name);
    QCOMPARE(image.devicePixelRatio(), view.devicePixelRatioF());
    QCOMPARE(image.width(), static_cast<int>(std::ceil(shown.width() * view.devicePixelRatioF())));
    // Zoomed in, it is drawn again, larger, not scaled up from the smaller picture.
    QFont big = view.font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    view.setFont(big);
    const QSizeF zoomed = view.figureSize(name);
    QVERIFY2(zoomed.width() > shown.width(), qPrintable(QString("%1 -> %2").arg(shown.width()).arg(zoomed.width())));
    image = image_now();
    QCOMPARE(image.width(), static_cast<int>(std::ceil(zoomed.width() * view.devicePixelRatioF())));
    // In a narrow column it fits the column.
    view.resize(360, 700);
    QVERIFY(view.figureSize(name).width() <= view.viewport()->width() - 2 * view.document()->documentMargin());
    QCOMPARE(image_now().width(),
             static_cast<int>(std::ceil(view.figureSize(name).width() * view.devicePixelRatioF())));
  }

  void altTextReachesScreenReaders() {
    const auto course = load_lessons();
    cs::ui::LessonView view;
    view.resize(700, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QAccessible::setActive(true);
    for (const auto& lesson : course.lessons) {
      view.showLesson(lesson);
      QAccessibleInterface* a = QAccessible::queryAccessibleInterface(&view);
      QVERIFY(a && a->textInterface());
      const QString text = a->textInterface()->text(0, a->textInterface()->characterCount());
      for (const auto& [path, alt] : figure_links(lesson.markdown)) {
        QVERIFY2(text.contains(cs::ui::LessonView::figureCaption(alt)), qPrintable(path));
        // The image keeps its alt text as well.
        const QTextBlock block = block_with_image(view.document(), path);
        QVERIFY2(block.isValid(), qPrintable(path));
      }
    }
  }

  void aFigureOpensLarger() {
    // Each figure is a link; following it opens the figure, larger, with its alt text.
    const auto course = load_lessons();
    cs::ui::LessonView view;
    view.resize(1000, 700);
    view.show();
    view.showLesson(course.lessons[3]);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString name = QStringLiteral("figures/quorum-overlap.svg");
    const QTextBlock block = block_with_image(view.document(), name);
    QVERIFY(block.isValid());
    QString href;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      if (it.fragment().charFormat().isImageFormat()) href = it.fragment().charFormat().anchorHref();
    }
    QCOMPARE(href, QStringLiteral("figure:") + name);
    emit view.anchorClicked(QUrl(href));
    auto* dialog = view.findChild<QDialog*>("figureDialog");
    QVERIFY(dialog);
    auto* picture = dialog->findChild<QLabel*>("figurePicture");
    QVERIFY(picture);
    QVERIFY(picture->pixmap().deviceIndependentSize().width() > view.figureSize(name).width());
    QVERIFY(picture->accessibleName().startsWith("A write quorum and a read quorum"));
    if (const QString shots = qEnvironmentVariable("CS_FIGURE_SHOTS"); !shots.isEmpty())
      dialog->grab().save(shots + "/figure-dialog.png");
    dialog->close();
  }

  void figuresFollowTheScheme() {
    const auto course = load_lessons();
    cs::ui::LessonView view;
    view.resize(700, 600);
    view.show();
    view.showLesson(course.lessons[4]);  // failover: the split-brain timeline
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.document()->documentLayout()->documentSize();
    const QString name = QStringLiteral("figures/split-brain-timeline.svg");
    QVERIFY(view.figureNames().contains(name));
    const QImage light = view.document()->resource(QTextDocument::ImageResource, QUrl(name)).value<QImage>();
    QPalette dark = view.palette();
    dark.setColor(QPalette::Base, QColor(0x1B, 0x1F, 0x24));
    dark.setColor(QPalette::Text, QColor(0xE8, 0xEA, 0xED));
    view.setPalette(dark);
    const QImage darker = view.document()->resource(QTextDocument::ImageResource, QUrl(name)).value<QImage>();
    QCOMPARE(darker.size(), light.size());
    QVERIFY(darker != light);
    // The lane labels are drawn in the scheme's text colour: light on dark.
    const auto lightest = [](const QImage& img) {
      int best = 0;
      for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width() / 3; x += 2) {
          const QColor c = img.pixelColor(x, y);
          if (c.alpha() > 200) best = std::max(best, c.lightness());
        }
      return best;
    };
    QVERIFY(lightest(darker) > 200);
  }

  void windowShowsEveryFigure() {
    const QString shots = qEnvironmentVariable("CS_FIGURE_SHOTS");
    QTemporaryDir dir;
    auto options = test::window_options(dir, {1280, 720});
    options.teacher = true;
    cs::ui::MainWindow w(options);
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    struct Scheme {
      const char* name;
      cs::ui::Appearance appearance;
      bool projector;
    };
    const Scheme schemes[] = {{"light", cs::ui::Appearance::Light, false},
                              {"dark", cs::ui::Appearance::Dark, false},
                              {"projector", cs::ui::Appearance::Light, true}};
    for (const Scheme& scheme : schemes) {
      w.classroom()->setAppearance(scheme.appearance);
      w.classroom()->setProjectorMode(scheme.projector);
      for (int lesson = 0; lesson < static_cast<int>(w.course().lessons.size()); ++lesson) {
        w.showLesson(lesson, false);
        cs::ui::LessonPane* pane = w.lessonPane();
        cs::ui::LessonView* view = pane->view();
        QCoreApplication::processEvents();
        for (const QString& name : view->figureNames()) {
          pane->refit();
          const QTextBlock block = block_with_image(view->document(), name);
          QVERIFY2(block.isValid(), qPrintable(name));
          const QRectF rect = view->document()->documentLayout()->blockBoundingRect(block);
          pane->setScrollPosition(view->y() + static_cast<int>(rect.top()) - 30);
          QCoreApplication::processEvents();
          const QImage image = w.renderImage();
          // The figure's place in the window holds a drawing, not the empty page.
          const QPoint top_left = view->mapTo(&w, rect.topLeft().toPoint());
          const QSizeF size = view->figureSize(name);
          const QRect area(top_left, size.toSize());
          const QColor page = view->palette().color(QPalette::Base);
          QVERIFY2(pixels_unlike(image, area, page) > 200, qPrintable(QString("%1 %2").arg(name, scheme.name)));
          if (!shots.isEmpty()) {
            image.save(QStringLiteral("%1/lesson%2-%3-%4.png")
                           .arg(shots)
                           .arg(lesson + 1)
                           .arg(QFileInfo(name).baseName(), scheme.name));
          }
        }
      }
    }
    w.classroom()->setProjectorMode(false);
    w.classroom()->setAppearance(cs::ui::Appearance::Light);
  }
};

QTEST_MAIN(TestLessonFigures)
#include "test_lesson_figures.moc"
