#pragma once
#include <string>
#include <vector>

namespace cs::cli {

int cmd_list(const std::vector<std::string>& argv);
int cmd_run(const std::vector<std::string>& argv);
int cmd_validate(const std::vector<std::string>& argv);
int cmd_bench(const std::vector<std::string>& argv);
int cmd_explore(const std::vector<std::string>& argv);
int cmd_check(const std::vector<std::string>& argv);
int cmd_challenge(const std::vector<std::string>& argv);
int cmd_quiz(const std::vector<std::string>& argv);
int cmd_compare(const std::vector<std::string>& argv);
int cmd_lab(const std::vector<std::string>& argv);

}  // namespace cs::cli
