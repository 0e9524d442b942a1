#include "progress/profile_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cs::ui {

ProfileDialog::ProfileDialog(const Profiles& profiles, const QString& current, Purpose purpose, QWidget* parent)
    : QDialog(parent), profiles_(profiles) {
  setObjectName("profileDialog");
  setWindowTitle(purpose == Purpose::Start ? tr("Who is learning?") : tr("Switch profile"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("Each profile keeps its own progress: quiz results, challenges, and where its learner "
                              "left off. Choose yours, or make a new one."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  list_ = new QListWidget(this);
  list_->setObjectName("profileList");
  list_->setAccessibleName(tr("Profiles"));
  layout->addWidget(list_, 1);

  auto* new_row = new QHBoxLayout;
  auto* name_label = new QLabel(tr("&New profile:"), this);
  name_ = new QLineEdit(this);
  name_->setObjectName("profileName");
  name_->setPlaceholderText(tr("Your name"));
  name_->setMaxLength(Profiles::kMaxNameLength + 10);  // longer names are refused with a reason
  name_label->setBuddy(name_);
  create_ = new QPushButton(tr("&Create"), this);
  create_->setObjectName("profileCreate");
  create_->setEnabled(false);
  new_row->addWidget(name_label);
  new_row->addWidget(name_, 1);
  new_row->addWidget(create_);
  layout->addLayout(new_row);
  problem_ = new QLabel(this);
  problem_->setObjectName("profileProblem");
  problem_->setWordWrap(true);
  // A warning's red, light enough to read on a dark palette.
  const bool dark = palette().color(QPalette::Window).lightness() < 128;
  problem_->setStyleSheet(dark ? QStringLiteral("color: #ffb4ab;") : QStringLiteral("color: #b3261e;"));
  problem_->hide();
  layout->addWidget(problem_);

  auto* buttons = new QDialogButtonBox(this);
  open_ = buttons->addButton(purpose == Purpose::Start ? tr("&Open") : tr("&Switch"), QDialogButtonBox::AcceptRole);
  open_->setObjectName("profileOpen");
  QPushButton* cancel =
      buttons->addButton(purpose == Purpose::Start ? tr("&Quit") : tr("Cancel"), QDialogButtonBox::RejectRole);
  // Return in the name field makes the profile, Return in the list opens one: no button is the
  // dialog's default.
  for (QPushButton* b : {open_, cancel, create_}) {
    b->setAutoDefault(false);
    b->setDefault(false);
  }
  layout->addWidget(buttons);

  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (!chosen().isEmpty()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(list_, &QListWidget::itemActivated, this, [this] { accept(); });
  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) { open_->setEnabled(row >= 0); });
  connect(name_, &QLineEdit::textChanged, this, &ProfileDialog::nameEdited);
  connect(name_, &QLineEdit::returnPressed, this, &ProfileDialog::createProfile);
  connect(create_, &QPushButton::clicked, this, &ProfileDialog::createProfile);
  fill(current);
  list_->setFocus();
  resize(420, 360);
}

void ProfileDialog::fill(const QString& select) {
  list_->clear();
  for (const Profile& p : profiles_.list()) {
    auto* item = new QListWidgetItem(p.name, list_);
    item->setData(Qt::UserRole, p.slug);
    if (p.slug == select) list_->setCurrentItem(item);
  }
  if (!list_->currentItem() && list_->count() > 0) list_->setCurrentRow(0);
  open_->setEnabled(list_->currentItem() != nullptr);
}

QString ProfileDialog::chosen() const {
  const QListWidgetItem* item = list_->currentItem();
  return item ? item->data(Qt::UserRole).toString() : QString();
}

QString ProfileDialog::problem() const { return problem_->isHidden() ? QString() : problem_->text(); }

void ProfileDialog::nameEdited() {
  // Says at once what is wrong with a name, but not while nothing is typed yet.
  const QString text = name_->text();
  const QString why = text.isEmpty() ? QString() : profiles_.checkName(text);
  problem_->setText(why);
  problem_->setVisible(!why.isEmpty());
  create_->setEnabled(!text.trimmed().isEmpty() && why.isEmpty());
}

bool ProfileDialog::createProfile() {
  QString error;
  const auto made = profiles_.create(name_->text(), &error);
  if (!made) {
    problem_->setText(error);
    problem_->show();
    name_->setFocus();
    return false;
  }
  name_->clear();
  fill(made->slug);
  list_->setFocus();
  return true;
}

std::optional<QString> ProfileDialog::choose(const Profiles& profiles, const QString& current, Purpose purpose,
                                             QWidget* parent) {
  ProfileDialog dialog(profiles, current, purpose, parent);
  if (dialog.exec() != QDialog::Accepted || dialog.chosen().isEmpty()) return std::nullopt;
  return dialog.chosen();
}

ProfileStart start_profile(Profiles& profiles, const AppOptions& options, const ProfileChooser& choose) {
  ProfileStart start;
  if (const QString notice = Profiles::retireGlobalTeacherMode(); !notice.isEmpty()) start.notices << notice;
  if (!options.progress_file.isEmpty()) return start;  // the file given wins over every profile
  start.notices << profiles.prepare();
  if (!options.profile.isEmpty()) {
    if (const auto found = profiles.find(options.profile)) {
      start.profile = found->slug;
    } else {
      QString error;
      const auto made = profiles.create(options.profile, &error);
      if (!made) {
        start.outcome = ProfileStart::Outcome::Error;
        start.error = QStringLiteral("--profile: ") + error;
        return start;
      }
      start.profile = made->slug;
      start.notices
          << ProfileDialog::tr("A new profile, \u201c%1\u201d, was made for this session's progress.").arg(made->name);
    }
  } else if (profiles.list().size() > 1) {
    const std::optional<QString> chosen =
        choose ? choose(profiles, profiles.last())
               : ProfileDialog::choose(profiles, profiles.last(), ProfileDialog::Purpose::Start);
    if (!chosen) {
      start.outcome = ProfileStart::Outcome::Cancelled;
      return start;
    }
    start.profile = *chosen;
  } else {
    start.profile = profiles.last();  // the only one, or none when profiles could not be set up
  }
  if (!start.profile.isEmpty()) profiles.setLast(start.profile);
  return start;
}

}  // namespace cs::ui
