#pragma once
// The checker's evidence in words, for the command line and tooltips: for each key that is not
// linearizable, how far a legal order got, the value at that point, and the operations none of
// which could come next; for each unknown key, which budget ran out.
#include <string>
#include <vector>

#include "check/linearizability.h"

namespace cs::check {

// Lines without indentation (nested lines start with two spaces). At most max_keys keys are
// explained; a last line counts the rest.
std::vector<std::string> explain(const LinearizabilityResult& result, const OpHistory& history,
                                 std::size_t max_keys = 10);

}  // namespace cs::check
