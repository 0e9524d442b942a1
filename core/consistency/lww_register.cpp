#include "consistency/lww_register.h"

namespace cs::consistency {

bool LwwRegister::assign(const LwwStamp& write) {
  if (stamp_ && !lww_wins(write, *stamp_)) return false;
  stamp_ = write;
  return true;
}

void LwwRegister::merge(const LwwRegister& other) {
  if (other.stamp_) assign(*other.stamp_);
}

}  // namespace cs::consistency
