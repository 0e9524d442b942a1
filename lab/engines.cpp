#include "lab/engines.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace cs::lab {

namespace {

std::vector<std::string> programs_of(const std::string& engine) {
  if (engine == "etcd") return {"etcd", "etcdctl"};
  if (engine == "postgresql") return {"initdb", "pg_ctl", "postgres", "pg_basebackup", "pg_rewind", "psql", "pgbench"};
  if (engine == "patroni") return {"patroni", "patronictl"};
  return {engine};
}

std::vector<std::string> search_dirs() {
  std::vector<std::string> dirs;
  const char* lab_path = std::getenv("CLUSTERSCOPE_LAB_PATH");
  const char* path = lab_path ? lab_path : std::getenv("PATH");
  std::stringstream list(path ? path : "");
  for (std::string dir; std::getline(list, dir, ':');) {
    if (!dir.empty()) dirs.push_back(dir);
  }
  // PostgreSQL 15's own folder first: /usr/bin has Debian's version-choosing wrappers for some of
  // its programs, which pick a version by the clusters the system has, not the lab's.
  if (!lab_path) dirs.insert(dirs.begin(), "/usr/lib/postgresql/15/bin");
  return dirs;
}

// The Debian packages an engine comes in.
std::vector<std::string> packages_of(const std::string& engine) {
  if (engine == "etcd") return {"etcd-server", "etcd-client"};
  if (engine == "postgresql") return {"postgresql-15"};
  if (engine == "patroni") return {"patroni"};
  return {engine};
}

}  // namespace

EngineCheck check_engines(const std::vector<std::string>& engines) {
  EngineCheck check;
  const std::vector<std::string> dirs = search_dirs();
  for (const std::string& engine : engines) {
    for (const std::string& program : programs_of(engine)) {
      EngineProgram p{engine, program, std::nullopt};
      for (const std::string& dir : dirs) {
        const std::filesystem::path candidate = std::filesystem::path(dir) / program;
        if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) {
          p.path = candidate.string();
          break;
        }
      }
      check.programs.push_back(std::move(p));
    }
  }
  return check;
}

bool EngineCheck::ready() const {
  for (const EngineProgram& p : programs) {
    if (!p.path) return false;
  }
  return true;
}

std::vector<std::string> EngineCheck::missing_packages() const {
  std::vector<std::string> packages;
  for (const EngineProgram& p : programs) {
    if (p.path) continue;
    for (const std::string& package : packages_of(p.engine)) {
      if (std::find(packages.begin(), packages.end(), package) == packages.end()) packages.push_back(package);
    }
  }
  return packages;
}

std::string EngineCheck::explanation() const {
  std::string missing;
  for (const EngineProgram& p : programs) {
    if (!p.path) missing += (missing.empty() ? "" : ", ") + p.program;
  }
  if (missing.empty()) return {};
  std::string install;
  for (const std::string& package : missing_packages()) install += " " + package;
  return "The live lab needs programs this machine does not have: " + missing +
         ". On Debian 12, install them with: sudo apt-get install" + install +
         " (or: sudo bash scripts/lab-deps.sh in ClusterScope's source folder). The simulation works without them.";
}

}  // namespace cs::lab
