#pragma once
// What explore checks for the primary/replica models (failover, patroni):
//   one-history        no write acknowledged by one primary while another was also acknowledging
//                      writes (two histories to reconcile: split brain)
//   no-double-booking  insert-only: no key acknowledged to two clients as written first
//   recovers           with automatic failover, exactly one primary within the bound after the heal
#include <functional>
#include <memory>
#include <vector>

#include "model/run_checker.h"

namespace cs::failover {

std::vector<model::Invariant> primary_invariant_list();

struct PrimaryCheckerSpec {
  bool promotes = true;  // automatic failover (a primary must come back by itself)
  bool insert_only = false;
  sim::TimeUs unit_us = 0;                                            // the failure timeout, or Patroni's TTL
  std::function<void(const sim::World&, sim::Metrics&)> run_metrics;  // the model's own
};
std::unique_ptr<model::RunChecker> make_primary_checker(PrimaryCheckerSpec spec);

}  // namespace cs::failover
