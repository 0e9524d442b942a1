#pragma once
// Which real engines this machine has. The lab needs their programs; when one is missing it says
// what to install instead of starting anything.
#include <optional>
#include <string>
#include <vector>

namespace cs::lab {

struct EngineProgram {
  std::string engine;   // "etcd"
  std::string program;  // "etcd", "etcdctl"
  std::optional<std::string> path;
};

struct EngineCheck {
  std::vector<EngineProgram> programs;
  bool ready() const;
  // The Debian packages of the programs not found, each once, in order.
  std::vector<std::string> missing_packages() const;
  // What is missing and the one command that installs it; empty when ready.
  std::string explanation() const;
};

// Looks for each program on PATH (or on CLUSTERSCOPE_LAB_PATH, a PATH-like list that replaces it,
// for tests) and in the engines' own folders (/usr/lib/postgresql/15/bin).
EngineCheck check_engines(const std::vector<std::string>& engines);

}  // namespace cs::lab
