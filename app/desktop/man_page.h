#pragma once
// The manual page clusterscope(1), made from the desktop program's option table
// (ui/shell/app_options.cpp): what `clusterscope --man` prints and the build installs.
#include <string>
#include <string_view>

namespace cs::desktop {

std::string app_man_page(std::string_view version);

}  // namespace cs::desktop
