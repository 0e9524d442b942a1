#include "progress/profiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

#include "progress/progress_store.h"

namespace cs::ui {

namespace {

const char* const kProfileFile = "profile.json";

bool is_slug(const QString& s) {
  static const QRegularExpression kSlug(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
  return !s.isEmpty() && s.size() <= Profiles::kMaxSlugLength + 8 && kSlug.match(s).hasMatch();
}

// Names are told apart as a reader would: the same letters in another case, another Unicode
// composition or with other spacing are the same name.
QString comparable(const QString& name) {
  return name.simplified().normalized(QString::NormalizationForm_C).toCaseFolded();
}

std::optional<QByteArray> read_all(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return std::nullopt;
  return f.readAll();
}

bool write_file(const QString& path, const QByteArray& bytes, QString* error) {
  QSaveFile out(path);
  if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit()) return true;
  if (error) *error = Profiles::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString());
  return false;
}

// Copies `from` to `to` and reads the copy back: true only when it holds the same bytes.
bool copy_verified(const QString& from, const QString& to, QString* error) {
  const auto bytes = read_all(from);
  if (!bytes) {
    if (error) *error = Profiles::tr("cannot read %1").arg(QDir::toNativeSeparators(from));
    return false;
  }
  if (!write_file(to, *bytes, error)) return false;
  if (read_all(to) != bytes) {
    if (error) *error = Profiles::tr("the copy in %1 differs from the original").arg(QDir::toNativeSeparators(to));
    return false;
  }
  return true;
}

}  // namespace

Profiles::Profiles(QString data_dir) : data_dir_(std::move(data_dir)) {}

QString Profiles::defaultDataDir() { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation); }

QString Profiles::root() const { return data_dir_ + QStringLiteral("/profiles"); }

QString Profiles::legacyProgressPath() const { return data_dir_ + QStringLiteral("/progress.json"); }

QString Profiles::progressPath(const QString& slug) const {
  return root() + '/' + slug + QStringLiteral("/progress.json");
}

QString Profiles::slugFor(const QString& name) {
  // Letters lose their accents (ü: u and a combining mark, which is dropped); anything that is
  // not an ASCII letter or digit separates words.
  QString slug;
  bool gap = false;
  for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
    if (c.category() == QChar::Mark_NonSpacing) continue;
    if (c.unicode() < 128 && c.isLetterOrNumber()) {
      if (gap && !slug.isEmpty()) slug += '-';
      gap = false;
      slug += c.toLower();
    } else {
      gap = true;
    }
  }
  slug.truncate(kMaxSlugLength);
  while (slug.endsWith('-')) slug.chop(1);
  if (slug.isEmpty()) return QStringLiteral("profile");  // a name in another script
  // Names Windows keeps for devices cannot be folders there.
  static const QRegularExpression kReserved(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])$"));
  if (kReserved.match(slug).hasMatch()) slug += QStringLiteral("-profile");
  return slug;
}

QString Profiles::uniqueSlug(const QString& name) const {
  const QString base = slugFor(name);
  QString slug = base;
  for (int i = 2; QFileInfo::exists(root() + '/' + slug); ++i) slug = base + '-' + QString::number(i);
  return slug;
}

QString Profiles::firstProfileName() {
  for (const char* variable : {"USER", "USERNAME", "LOGNAME"}) {
    const QString account = qEnvironmentVariable(variable).trimmed();
    if (checkNameText(account).isEmpty()) return account;
  }
  return tr("Default");
}

std::optional<Profile> Profiles::read(const QString& slug) const {
  if (!is_slug(slug)) return std::nullopt;
  const auto bytes = read_all(root() + '/' + slug + '/' + QLatin1String(kProfileFile));
  if (!bytes) return std::nullopt;
  Profile profile;
  profile.slug = slug;
  const QJsonObject json = QJsonDocument::fromJson(*bytes).object();
  profile.name = json.value(QLatin1String("name")).toString().trimmed();
  // A profile.json damaged by hand still leaves the profile, under its folder's name.
  if (profile.name.isEmpty()) profile.name = slug;
  profile.teacher_always = json.value(QLatin1String("teacherModeAlways")).toBool(false);
  return profile;
}

bool Profiles::write(const Profile& profile, QString* error) const {
  QJsonObject json;
  json.insert(QLatin1String("name"), profile.name);
  json.insert(QLatin1String("teacherModeAlways"), profile.teacher_always);
  return write_file(root() + '/' + profile.slug + '/' + QLatin1String(kProfileFile),
                    QJsonDocument(json).toJson(QJsonDocument::Indented), error);
}

std::vector<Profile> Profiles::list() const {
  std::vector<Profile> out;
  for (const QString& slug : QDir(root()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    if (auto profile = read(slug)) out.push_back(std::move(*profile));
  }
  std::sort(out.begin(), out.end(), [](const Profile& a, const Profile& b) {
    const int by_name = QString::localeAwareCompare(a.name, b.name);
    return by_name != 0 ? by_name < 0 : a.slug < b.slug;
  });
  return out;
}

std::optional<Profile> Profiles::find(const QString& name_or_slug) const {
  if (auto by_slug = read(name_or_slug)) return by_slug;
  const QString wanted = comparable(name_or_slug);
  for (Profile& profile : list()) {
    if (comparable(profile.name) == wanted) return std::move(profile);
  }
  return std::nullopt;
}

QString Profiles::checkNameText(const QString& name) {
  const QString trimmed = name.trimmed();
  if (trimmed.isEmpty()) return tr("A profile needs a name.");
  if (trimmed.size() > kMaxNameLength)
    return tr("A profile's name can be at most %1 characters long; this one has %2.")
        .arg(kMaxNameLength)
        .arg(trimmed.size());
  for (const QChar c : trimmed) {
    if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
      return tr("A profile's name cannot contain line breaks, tabs or other control characters.");
  }
  return {};
}

QString Profiles::checkName(const QString& name) const {
  if (QString problem = checkNameText(name); !problem.isEmpty()) return problem;
  const QString wanted = comparable(name);
  for (const Profile& profile : list()) {
    if (comparable(profile.name) == wanted)
      return tr("There is already a profile called \u201c%1\u201d. Choose another name.").arg(profile.name);
  }
  return {};
}

std::optional<Profile> Profiles::create(const QString& name, QString* error) {
  const QString problem = checkName(name);
  if (!problem.isEmpty()) {
    if (error) *error = problem;
    return std::nullopt;
  }
  Profile profile;
  profile.name = name.trimmed();
  profile.slug = uniqueSlug(profile.name);
  const QString folder = root() + '/' + profile.slug;
  if (!QDir().mkpath(folder)) {
    if (error) *error = tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder));
    return std::nullopt;
  }
  if (!write(profile, error)) {
    QDir(folder).removeRecursively();
    return std::nullopt;
  }
  return profile;
}

bool Profiles::setTeacherAlways(const QString& slug, bool on, QString* error) {
  auto profile = read(slug);
  if (!profile) {
    if (error) *error = tr("There is no profile %1.").arg(slug);
    return false;
  }
  profile->teacher_always = on;
  return write(*profile, error);
}

QString Profiles::last() const {
  const QString remembered = QSettings().value(QLatin1String(kLastKey)).toString();
  if (read(remembered)) return remembered;
  const auto all = list();
  return all.empty() ? QString() : all.front().slug;
}

void Profiles::setLast(const QString& slug) { QSettings().setValue(QLatin1String(kLastKey), slug); }

QString Profiles::lastProgressPath() const {
  const QString slug = last();
  return slug.isEmpty() ? legacyProgressPath() : progressPath(slug);
}

bool Profiles::moveLegacyProgress(const QString& slug, QString* error) const {
  const QString legacy = legacyProgressPath();
  const QString backup = legacy + QStringLiteral(".bak");
  const QString target = progressPath(slug);
  if (QFileInfo::exists(legacy) && !copy_verified(legacy, target, error)) return false;
  if (QFileInfo::exists(backup) && !copy_verified(backup, target + QStringLiteral(".bak"), error)) return false;
  return true;
}

QStringList Profiles::prepare() {
  if (!list().empty()) return {};
  const QString legacy = legacyProgressPath();
  // A window of an older version saving the old file at this moment takes the same lock.
  QLockFile lock(legacy + QStringLiteral(".lock"));
  lock.setStaleLockTime(ProgressStore::kStaleLockMs);
  const bool has_legacy = QFileInfo::exists(legacy) || QFileInfo::exists(legacy + QStringLiteral(".bak"));
  if (has_legacy) lock.tryLock(ProgressStore::kLockWaitMs);

  Profile first;
  first.name = firstProfileName();
  first.slug = uniqueSlug(first.name);
  const QString folder = root() + '/' + first.slug;
  QString error;
  const bool made = QDir().mkpath(folder);
  if (!made) error = tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder));
  // The profile.json comes last: until it is there, the folder is not a profile.
  if (!made || !moveLegacyProgress(first.slug, &error) || !write(first, &error)) {
    if (made) QDir(folder).removeRecursively();
    if (!has_legacy) return {tr("Profiles could not be set up: %1.").arg(error)};
    return {tr("Your progress could not be moved into a profile (%1). It stays in %2 and is used from there.")
                .arg(error, QDir::toNativeSeparators(legacy))};
  }
  // The copies are verified and the profile is complete: now the old files may go.
  QFile::remove(legacy);
  QFile::remove(legacy + QStringLiteral(".bak"));
  setLast(first.slug);
  return {};
}

QString Profiles::retireGlobalTeacherMode() {
  QSettings settings;
  const QLatin1String key(kGlobalTeacherModeKey);
  if (!settings.contains(key)) return {};
  const bool was_on = settings.value(key).toBool();
  settings.remove(key);
  if (!was_on) return {};
  return tr(
      "Teacher mode is no longer kept on for everyone who uses ClusterScope on this computer: each lesson opens "
      "again once the quiz before it is passed. To start in teacher mode, turn on View > Always start in teacher "
      "mode in this profile, or start ClusterScope with --teacher.");
}

}  // namespace cs::ui
