#pragma once
// Choosing a profile: the chooser shown at the start when there is more than one profile and
// behind File > Switch profile, and what the program decides at the start (start_profile()).
// The chooser lists the profiles with the last one selected, and makes new ones: the name is
// checked as it is typed, and a refused name says why.
#include <QDialog>
#include <QStringList>
#include <functional>
#include <optional>

#include "progress/profiles.h"
#include "shell/app_options.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace cs::ui {

class ProfileDialog : public QDialog {
  Q_OBJECT

 public:
  enum class Purpose { Start, Switch };
  // `current`: the slug selected at first (the last profile, or the one open now).
  ProfileDialog(const Profiles& profiles, const QString& current, Purpose purpose, QWidget* parent = nullptr);

  // The selected profile's slug; empty when none is selected.
  QString chosen() const;
  // Makes a profile from the name typed and selects it; false, with the reason shown under the
  // name, when the name is refused or the disk refuses.
  bool createProfile();
  QString problem() const;  // the reason shown, or empty

  QListWidget* list() const { return list_; }
  QLineEdit* nameEdit() const { return name_; }
  QPushButton* openButton() const { return open_; }

  // Shows the dialog; the chosen slug, or nullopt when the learner cancels.
  static std::optional<QString> choose(const Profiles& profiles, const QString& current, Purpose purpose,
                                       QWidget* parent = nullptr);

 private:
  void fill(const QString& select);
  void nameEdited();

  Profiles profiles_;
  QListWidget* list_;
  QLineEdit* name_;
  QPushButton* create_;
  QLabel* problem_;
  QPushButton* open_;
};

// What the program opens at the start.
struct ProfileStart {
  enum class Outcome { Open, Cancelled, Error };
  Outcome outcome = Outcome::Open;
  QString profile;      // the profile's slug; empty: none (--progress-file, or profiles could not be set up)
  QStringList notices;  // for the window's notice bar
  QString error;        // Outcome::Error: what was wrong with --profile, for the command line
};
// Shows the chooser with `last` selected; the chosen slug, or nullopt when cancelled.
using ProfileChooser = std::function<std::optional<QString>(const Profiles& profiles, const QString& last)>;

// At the start of an interactive session: the old computer-wide teacher mode is retired (with a
// notice). With --progress-file there is no profile and no chooser. Otherwise the old progress file
// moves into the first profile (on the first start), then: --profile NAME (made when there is none
// by that name), else the chooser (`choose`; the dialog when empty) when there is more than one
// profile, else the only one. The profile opened is remembered as the last one.
ProfileStart start_profile(Profiles& profiles, const AppOptions& options, const ProfileChooser& choose = {});

}  // namespace cs::ui
