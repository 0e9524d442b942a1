#include "lab/run_as.h"

#include <pwd.h>
#include <unistd.h>

#include <stdexcept>

namespace cs::lab {

std::optional<RunAs> server_user() {
  if (::geteuid() != 0) return std::nullopt;
  for (const char* name : {"postgres", "nobody"}) {
    if (const passwd* pw = ::getpwnam(name)) return RunAs{pw->pw_uid, pw->pw_gid, name};
  }
  throw std::runtime_error(
      "running as root, and this machine has neither a postgres nor a nobody user to run the "
      "servers as");
}

void give_to(const std::string& path, const std::optional<RunAs>& as) {
  if (!as) return;
  if (::chown(path.c_str(), as->uid, as->gid) != 0) throw std::runtime_error("cannot give " + path + " to " + as->user);
}

}  // namespace cs::lab
