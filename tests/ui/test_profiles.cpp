// Profiles: several learners on one computer account, each with their own progress. Two profiles
// keep separate progress through the window and a switch; the old single progress file moves into
// the first profile and is never lost; the old computer-wide teacher mode is retired with a notice,
// once, and teacher mode kept on belongs to one profile; the last profile is remembered; bad names
// are refused with a reason.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "quiz_test_support.h"
#include "window_test_support.h"

#include "course/progress.h"
#include "progress/course_session.h"
#include "progress/profile_actions.h"
#include "progress/profile_dialog.h"
#include "progress/profiles.h"
#include "progress/progress_store.h"
#include "quiz/quiz_widget.h"
#include "shell/lesson_pane.h"
#include "shell/main_window.h"
#include "shell/notice_bar.h"
#include "shell/window_host.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using cs::ui::Profiles;
using cs::ui::ProfileStart;
using cs::ui::WindowHost;

namespace {

cs::ui::AppOptions window_options() {
  cs::ui::AppOptions o;
  o.size = {1400, 950};
  return o;
}

QByteArray read(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& bytes) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Progress with lesson 1 passed, as an older version wrote it.
QByteArray lesson_one_passed(int correct = 3) {
  cs::course::Progress p;
  cs::course::record_attempt(p, "01-basics", {"2026-01-01T00:00:00Z", {"q1"}, {"a"}, correct, 3, correct >= 2});
  p.last = {"01-basics", 0, "cluster-heartbeat"};
  return QByteArray::fromStdString(cs::course::progress_to_json(p));
}

QString make(Profiles& profiles, const QString& name) {
  QString error;
  const auto made = profiles.create(name, &error);
  if (!made) qWarning("cannot make profile %s: %s", qPrintable(name), qPrintable(error));
  return made ? made->slug : QString();
}

// A chooser that must not be asked.
std::optional<QString> no_chooser(const Profiles&, const QString&) {
  qWarning("the chooser was shown");
  return QStringLiteral("chooser-was-shown");
}

void delete_old_windows() { QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); }

}  // namespace

class TestProfiles : public QObject {
  Q_OBJECT

 private slots:
  void init() { test::isolate_settings(); }

  void twoProfilesKeepSeparateProgress() {
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const QString anna = make(profiles, "Anna");
    const QString ben = make(profiles, "Ben");
    WindowHost host(window_options(), profiles, anna);
    QCOMPARE(host.window()->session()->store().path(), profiles.progressPath(anna));
    QCOMPARE(host.window()->windowTitle(), QString::fromUtf8("ClusterScope \u2014 Anna"));

    // Anna passes lesson 1's quiz.
    host.window()->showLesson(0);
    test::answer(*host.window(), 3);
    host.window()->lessonPane()->quiz()->submit();
    QVERIFY(host.window()->session()->mayOpen(1));

    // Ben's progress is his own: nothing passed.
    QSignalSpy rebuilt(&host, &WindowHost::windowRebuilt);
    host.switchProfile(ben);
    QCOMPARE(rebuilt.count(), 1);
    delete_old_windows();
    QCOMPARE(host.profile(), ben);
    QCOMPARE(host.window()->session()->store().path(), profiles.progressPath(ben));
    QVERIFY(host.window()->session()->progress().lessons.empty());
    QVERIFY(!host.window()->session()->mayOpen(1));
    QCOMPARE(profiles.last(), ben);

    // Back to Anna: her pass is there, in her file only.
    host.switchProfile(anna);
    delete_old_windows();
    QVERIFY(host.window()->session()->mayOpen(1));
    QCOMPARE(host.window()->session()->progress().lessons.at("01-basics").best_correct, 3);
    const auto bens = cs::course::parse_progress(read(profiles.progressPath(ben)).toStdString());
    QVERIFY(bens.status != cs::course::ProgressParse::Status::Ok || bens.progress.lessons.empty());
  }

  void theOldProgressFileMovesIntoTheFirstProfile() {
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const QByteArray old = lesson_one_passed(3);
    const QByteArray backup = lesson_one_passed(2);
    QVERIFY(write(profiles.legacyProgressPath(), old));
    QVERIFY(write(profiles.legacyProgressPath() + ".bak", backup));

    const ProfileStart start = cs::ui::start_profile(profiles, window_options(), no_chooser);
    QCOMPARE(start.outcome, ProfileStart::Outcome::Open);
    QVERIFY2(start.notices.isEmpty(), qPrintable(start.notices.join('\n')));
    const auto all = profiles.list();
    QCOMPARE(all.size(), std::size_t{1});
    QCOMPARE(all.front().name, Profiles::firstProfileName());
    QCOMPARE(start.profile, all.front().slug);
    // The very bytes, backup too; only then are the old files gone.
    QCOMPARE(read(profiles.progressPath(start.profile)), old);
    QCOMPARE(read(profiles.progressPath(start.profile) + ".bak"), backup);
    QVERIFY(!QFileInfo::exists(profiles.legacyProgressPath()));
    QVERIFY(!QFileInfo::exists(profiles.legacyProgressPath() + ".bak"));

    // The window opens in it with the learner's pass; a second start changes nothing.
    WindowHost host(window_options(), profiles, start.profile, start.notices);
    QVERIFY(host.window()->session()->mayOpen(1));
    QCOMPARE(cs::ui::start_profile(profiles, window_options(), no_chooser).profile, start.profile);
    QCOMPARE(profiles.list().size(), std::size_t{1});
  }

  void theOldProgressFileStaysWhenItCannotBeMoved() {
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const QByteArray old = lesson_one_passed();
    QVERIFY(write(profiles.legacyProgressPath(), old));
    QVERIFY(write(profiles.root(), "a file where the profiles' folder should be"));

    const ProfileStart start = cs::ui::start_profile(profiles, window_options(), no_chooser);
    QCOMPARE(start.outcome, ProfileStart::Outcome::Open);
    QVERIFY(start.profile.isEmpty());
    QCOMPARE(start.notices.size(), 1);
    QVERIFY2(start.notices.front().contains("could not be moved into a profile") &&
                 start.notices.front().contains(QDir::toNativeSeparators(profiles.legacyProgressPath())),
             qPrintable(start.notices.front()));
    QCOMPARE(read(profiles.legacyProgressPath()), old);
    QVERIFY(profiles.list().empty());
    QCOMPARE(profiles.lastProgressPath(), profiles.legacyProgressPath());

    // The window keeps using the old file, and says why.
    WindowHost host(window_options(), profiles, start.profile, start.notices);
    host.window()->show();
    QCOMPARE(host.window()->session()->store().path(), profiles.legacyProgressPath());
    QVERIFY(host.window()->session()->mayOpen(1));
    QVERIFY(host.window()->noticeBar()->text().contains("could not be moved into a profile"));
  }

  void theOldTeacherModeSettingIsRetiredWithANoticeOnce() {
    QSettings().setValue(Profiles::kGlobalTeacherModeKey, true);
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const ProfileStart start = cs::ui::start_profile(profiles, window_options(), no_chooser);
    QCOMPARE(start.notices.size(), 1);
    QVERIFY(start.notices.front().contains("no longer kept on for everyone"));
    QVERIFY(start.notices.front().contains("--teacher"));
    QVERIFY(!QSettings().contains(Profiles::kGlobalTeacherModeKey));

    WindowHost host(window_options(), profiles, start.profile, start.notices);
    host.window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(host.window()));
    QVERIFY(host.window()->noticeBar()->text().contains("no longer kept on for everyone"));
    QVERIFY(!host.window()->session()->teacherMode());
    QVERIFY(!host.window()->session()->mayOpen(1));

    // Once: the next start has nothing to say. A setting that was off goes without a word.
    QVERIFY(cs::ui::start_profile(profiles, window_options(), no_chooser).notices.isEmpty());
    QSettings().setValue(Profiles::kGlobalTeacherModeKey, false);
    QVERIFY(cs::ui::start_profile(profiles, window_options(), no_chooser).notices.isEmpty());
    QVERIFY(!QSettings().contains(Profiles::kGlobalTeacherModeKey));
    // With --progress-file too.
    QSettings().setValue(Profiles::kGlobalTeacherModeKey, true);
    cs::ui::AppOptions with_file = window_options();
    with_file.progress_file = dir.filePath("elsewhere.json");
    QCOMPARE(cs::ui::start_profile(profiles, with_file, no_chooser).notices.size(), 1);
    QVERIFY(!QSettings().contains(Profiles::kGlobalTeacherModeKey));
  }

  void teacherModeKeptOnBelongsToOneProfile() {
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const QString anna = make(profiles, "Anna");
    const QString ben = make(profiles, "Ben");
    QString error;
    QVERIFY(profiles.setTeacherAlways(anna, true, &error));
    WindowHost host(window_options(), profiles, anna);
    QVERIFY(host.window()->session()->teacherMode());
    QVERIFY(host.window()->findChild<QAction*>("teacherModeAction")->isChecked());
    host.switchProfile(ben);
    delete_old_windows();
    QVERIFY(!host.window()->session()->teacherMode());
    QVERIFY(!QSettings().contains(Profiles::kGlobalTeacherModeKey));
  }

  void theMenusSwitchProfilesAndKeepTeacherModePerProfile() {
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const QString anna = make(profiles, "Anna");
    const QString ben = make(profiles, "Ben");
    WindowHost host(window_options(), profiles, anna);
    auto* actions = host.window()->findChild<cs::ui::ProfileActions*>();
    if (!actions) QSKIP("MainWindow::buildMenus does not install ProfileActions yet");
    QVERIFY(actions->switchAction()->isEnabled() && actions->teacherAlwaysAction()->isEnabled());
    QVERIFY(!actions->teacherAlwaysAction()->isChecked());
    // File: after the progress actions, above Quit. View: after the session's teacher mode.
    const QList<QAction*> menus = host.window()->menuBar()->actions();
    const QList<QAction*> file = menus.front()->menu()->actions();
    const qsizetype at = file.indexOf(actions->switchAction());
    QVERIFY(at > 0 && at + 1 < file.size());
    QCOMPARE(file[at - 1]->text(), QString("&Reset progress..."));
    QVERIFY(file[at + 1]->isSeparator());
    for (QAction* menu : menus) {
      const QList<QAction*> items = menu->menu()->actions();
      const qsizetype teacher = items.indexOf(host.window()->findChild<QAction*>("teacherModeAction"));
      if (teacher >= 0) QCOMPARE(items.value(teacher + 1), actions->teacherAlwaysAction());
    }

    // Always start in teacher mode asks first, then keeps it in this profile only.
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      asked = box != nullptr;
      if (box) box->button(QMessageBox::Yes)->click();
    });
    actions->teacherAlwaysAction()->trigger();
    QVERIFY(asked);
    QVERIFY(profiles.find(anna)->teacher_always);
    QVERIFY(host.window()->session()->teacherMode());
    QVERIFY(!QSettings().contains(Profiles::kGlobalTeacherModeKey));

    // File > Switch profile: the chooser, with Anna selected; Ben chosen.
    QString offered;
    QTimer::singleShot(0, this, [&offered, ben] {
      auto* dialog = qobject_cast<cs::ui::ProfileDialog*>(QApplication::activeModalWidget());
      if (!dialog) return;
      offered = dialog->chosen();
      for (int i = 0; i < dialog->list()->count(); ++i) {
        if (dialog->list()->item(i)->data(Qt::UserRole).toString() == ben) dialog->list()->setCurrentRow(i);
      }
      dialog->openButton()->click();
    });
    QSignalSpy rebuilt(&host, &WindowHost::windowRebuilt);
    actions->switchAction()->trigger();
    QCOMPARE(offered, anna);
    QVERIFY(rebuilt.wait(5000));
    delete_old_windows();
    QCOMPARE(host.profile(), ben);
    QVERIFY(!host.window()->session()->teacherMode());
    auto* bens = host.window()->findChild<cs::ui::ProfileActions*>();
    QVERIFY(bens && bens->switchAction()->isEnabled());
    QVERIFY(!bens->teacherAlwaysAction()->isChecked());

    // A window without a profile (--progress-file, a test) has the actions, greyed.
    QTemporaryDir files;
    cs::ui::MainWindow plain(test::window_options(files));
    auto* none = plain.findChild<cs::ui::ProfileActions*>();
    QVERIFY(none && !none->switchAction()->isEnabled() && !none->teacherAlwaysAction()->isEnabled());
  }

  void theLastProfileIsRemembered() {
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const QString anna = make(profiles, "Anna");
    const QString ben = make(profiles, "Ben");
    QCOMPARE(profiles.last(), anna);  // nothing remembered yet: the first by name

    // More than one profile: the chooser, with the last one selected.
    QString offered;
    const auto choose_ben = [&offered, ben](const Profiles&, const QString& last) {
      offered = last;
      return std::optional<QString>(ben);
    };
    QCOMPARE(cs::ui::start_profile(profiles, window_options(), choose_ben).profile, ben);
    QCOMPARE(offered, anna);
    QCOMPARE(QSettings().value(Profiles::kLastKey).toString(), ben);
    QCOMPARE(Profiles(dir.path()).last(), ben);
    QCOMPARE(cs::ui::start_profile(profiles, window_options(), choose_ben).profile, ben);
    QCOMPARE(offered, ben);
    cs::ui::ProfileDialog dialog(profiles, profiles.last(), cs::ui::ProfileDialog::Purpose::Start);
    QCOMPARE(dialog.list()->count(), 2);
    QCOMPARE(dialog.chosen(), ben);

    // Cancelling the chooser quits; --profile and --progress-file need no chooser.
    const auto cancel = [](const Profiles&, const QString&) { return std::optional<QString>(); };
    QCOMPARE(cs::ui::start_profile(profiles, window_options(), cancel).outcome, ProfileStart::Outcome::Cancelled);
    cs::ui::AppOptions named = window_options();
    named.profile = "ANNA";  // a name in any letter case
    QCOMPARE(cs::ui::start_profile(profiles, named, no_chooser).profile, anna);
    QCOMPARE(profiles.last(), anna);
    named.profile = "Cleo";  // none by that name: made, and said so
    const ProfileStart cleo = cs::ui::start_profile(profiles, named, no_chooser);
    QCOMPARE(cleo.outcome, ProfileStart::Outcome::Open);
    QVERIFY(profiles.find("Cleo").has_value());
    QCOMPARE(cleo.profile, profiles.find("Cleo")->slug);
    QVERIFY(cleo.notices.join(' ').contains("Cleo"));
    cs::ui::AppOptions with_file = window_options();
    with_file.progress_file = dir.filePath("elsewhere.json");
    const ProfileStart file_start = cs::ui::start_profile(profiles, with_file, no_chooser);
    QVERIFY(file_start.profile.isEmpty());
    WindowHost host(with_file, profiles, file_start.profile);
    QCOMPARE(host.window()->session()->store().path(), with_file.progress_file);

    // A profile whose folder is gone is forgotten; exactly one profile opens without a chooser.
    QVERIFY(QDir(profiles.root() + '/' + cleo.profile).removeRecursively());
    QVERIFY(QDir(profiles.root() + '/' + ben).removeRecursively());
    QCOMPARE(cs::ui::start_profile(profiles, window_options(), no_chooser).profile, anna);

    // --screenshot reads the last profile's progress (ProgressStore::defaultPath()).
    Profiles here;
    QDir(here.dataDir()).removeRecursively();
    const QString dee = make(here, "Dee");
    here.setLast(dee);
    QCOMPARE(cs::ui::ProgressStore::defaultPath(), here.progressPath(dee));
    QDir(here.dataDir()).removeRecursively();
  }

  void badNamesAreRefusedWithAClearMessage_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("why");
    QTest::newRow("empty") << ""
                           << "A profile needs a name.";
    QTest::newRow("spaces") << "   "
                            << "A profile needs a name.";
    QTest::newRow("taken") << "anna" << QString::fromUtf8("There is already a profile called \u201cAnna\u201d");
    QTest::newRow("taken, spaced") << " ANNA "
                                   << QString::fromUtf8("There is already a profile called \u201cAnna\u201d");
    QTest::newRow("same letters") << QString::fromUtf8("Zoe\u0308")  // ë as e and a combining diaeresis
                                  << QString::fromUtf8("There is already a profile called \u201cZo\u00eb\u201d");
    QTest::newRow("long") << QString(41, 'x') << "A profile's name can be at most 40 characters long; this one has 41.";
    QTest::newRow("line break") << "Ann\na"
                                << "A profile's name cannot contain line breaks";
    QTest::newRow("tab") << "Ann\ta"
                         << "A profile's name cannot contain line breaks";
  }

  void badNamesAreRefusedWithAClearMessage() {
    QFETCH(QString, name);
    QFETCH(QString, why);
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    make(profiles, "Anna");
    make(profiles, QString::fromUtf8("Zo\u00eb"));
    QString error;
    QVERIFY(!profiles.create(name, &error));
    QVERIFY2(error.startsWith(why), qPrintable(error));
    QCOMPARE(profiles.list().size(), std::size_t{2});

    // The chooser says it as the name is typed, and refuses it.
    cs::ui::ProfileDialog dialog(profiles, {}, cs::ui::ProfileDialog::Purpose::Start);
    dialog.nameEdit()->setText(name);
    QVERIFY(!dialog.createProfile());
    QVERIFY2(dialog.problem().startsWith(why), qPrintable(dialog.problem()));
    QCOMPARE(dialog.list()->count(), 2);
  }

  void anyNameGetsASafeFolder() {
    QTemporaryDir dir;
    Profiles profiles(dir.path());
    const QStringList names = {QString::fromUtf8("J\u00fcrgen"),
                               QString::fromUtf8("\u674e\u96f7"),
                               QString::fromUtf8("\u0410\u043d\u043d\u0430"),
                               "a/b\\c:*?",
                               "..",
                               "con",
                               "Jurgen",
                               QString(40, 'y'),
                               "  Spaced  Out  "};
    const QRegularExpression safe("^[a-z0-9]+(-[a-z0-9]+)*$");
    QSet<QString> slugs;
    for (const QString& name : names) {
      const QString slug = make(profiles, name);
      QVERIFY2(safe.match(slug).hasMatch(), qPrintable(name + " -> " + slug));
      QVERIFY(slug.size() <= Profiles::kMaxSlugLength + 3);
      slugs.insert(slug);
      QCOMPARE(QFileInfo(profiles.root() + '/' + slug).absolutePath(), QFileInfo(profiles.root()).absoluteFilePath());
      QCOMPARE(profiles.find(slug)->name, name.trimmed());  // the name as typed
    }
    QCOMPARE(slugs.size(), names.size());
    QCOMPARE(profiles.find(QString::fromUtf8("J\u00fcrgen"))->slug, QString("jurgen"));
    QCOMPARE(profiles.find("Jurgen")->slug, QString("jurgen-2"));
    QCOMPARE(profiles.find("con")->slug, QString("con-profile"));
    QCOMPARE(profiles.find("  spaced out ")->slug, QString("spaced-out"));

    // The chooser makes one and selects it.
    cs::ui::ProfileDialog dialog(profiles, {}, cs::ui::ProfileDialog::Purpose::Switch);
    dialog.nameEdit()->setText(QString::fromUtf8("Ren\u00e9e"));
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.createProfile());
    QCOMPARE(dialog.chosen(), QString("renee"));
    QCOMPARE(dialog.list()->count(), names.size() + 1);
    QVERIFY(dialog.nameEdit()->text().isEmpty());
  }

  void theCommandLineNamesAProfile() {
    const auto parse = [](QStringList args) {
      args.prepend("clusterscope");
      return cs::ui::parse_app_options(args);
    };
    QCOMPARE(parse({"--profile", "Anna"}).options.profile, QString("Anna"));
    QCOMPARE(parse({}).options.profile, QString());
    QVERIFY(parse({"--profile", "  "}).error.startsWith("--profile expects a profile's name"));
    QVERIFY(parse({"--profile", "Anna", "--progress-file", "p.json"}).error.startsWith("give either --profile"));
    QVERIFY(parse({"--help"}).help.contains("--profile <NAME>"));

    QTemporaryDir dir;
    Profiles profiles(dir.path());
    cs::ui::AppOptions o = window_options();
    o.profile = QString(41, 'x');
    const ProfileStart start = cs::ui::start_profile(profiles, o, no_chooser);
    QCOMPARE(start.outcome, ProfileStart::Outcome::Error);
    QVERIFY2(start.error.startsWith("--profile: A profile's name can be at most 40"), qPrintable(start.error));
  }
};

QTEST_MAIN(TestProfiles)
#include "test_profiles.moc"
