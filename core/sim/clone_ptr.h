#pragma once
// An owning pointer whose copy is a deep copy through T::clone(). It lets the World (which owns
// polymorphic protocol state machines) be copied whole into a checkpoint.
#include <memory>
#include <utility>

namespace cs::sim {

template <class T>
class ClonePtr {
 public:
  ClonePtr() = default;
  explicit ClonePtr(std::unique_ptr<T> p) : p_(std::move(p)) {}
  ClonePtr(const ClonePtr& other) : p_(other.p_ ? other.p_->clone() : nullptr) {}
  ClonePtr& operator=(const ClonePtr& other) {
    if (this != &other) p_ = other.p_ ? other.p_->clone() : nullptr;
    return *this;
  }
  ClonePtr(ClonePtr&&) noexcept = default;
  ClonePtr& operator=(ClonePtr&&) noexcept = default;

  T* operator->() const { return p_.get(); }
  T& operator*() const { return *p_; }
  T* get() const { return p_.get(); }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  std::unique_ptr<T> p_;
};

}  // namespace cs::sim
