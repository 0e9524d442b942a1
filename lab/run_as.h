#pragma once
// Who the lab's database servers run as. PostgreSQL refuses to run as root, so when the lab itself
// runs as root (as in CI), its servers run as an unprivileged system user instead: "postgres"
// (made by Debian's postgresql-common package), or "nobody" on a machine without it.
#include <sys/types.h>

#include <optional>
#include <string>

namespace cs::lab {

struct RunAs {
  uid_t uid = 0;
  gid_t gid = 0;
  std::string user;
};

// nullopt when this process is not root: the servers then run as the user running the lab.
std::optional<RunAs> server_user();

// Gives `path` (a file or folder the lab made) to `as`; does nothing for nullopt.
void give_to(const std::string& path, const std::optional<RunAs>& as);

}  // namespace cs::lab
