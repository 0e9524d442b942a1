// Wing and Gong's linearizability search as Lowe improved it ("Testing for linearizability",
// 2017): the history is one list of invocation and completion events in time order. The search
// walks it from the front: at an invocation it tries to linearize that operation now (the model
// must allow it and the (set, state) pair must be new), and if so lifts both its events out of the
// list and starts again at the front; at a completion it has met an operation that should already
// have taken effect, so it backtracks: undoes the latest linearization, puts its events back and
// tries the next candidate after it. Lifting and restoring are O(1) on a doubly linked list
// (Knuth's dancing links), because they happen in last-in first-out order.
//
// Look-ahead (SearchBudget::look_ahead_reads): a transition whose new state a later read cannot
// reach without a write in between, where no write can come in between, is refused like an illegal
// one. Without it, concurrent appends are tried in every order until the read that rules the order
// out is met, and only then undone one by one. The rule depends on the (set, state) pair alone, so
// it agrees with the memo table.
//
// A crashed operation has no completion event: nothing ever forces it, so the search may place it
// anywhere after its invocation or never, which is exactly "may or may not have taken effect".
#include "check/wgl_search.h"

#include <algorithm>
#include <cassert>

#include "check/memo_table.h"

namespace cs::check::detail {

namespace {

enum class Step : std::uint8_t { Illegal, Legal, Full };

// The model's transition for one key. A crashed cas that finds another value could only "take
// effect" as nothing at all, which is the same as never taking effect: that branch is left out.
Step apply(const SearchOp& op, std::uint32_t state, ValueTable& values, std::uint32_t& next) {
  switch (op.f) {
    case OpFunction::Read: next = state; return op.info || state == op.a ? Step::Legal : Step::Illegal;
    case OpFunction::Write: next = op.a; return Step::Legal;
    case OpFunction::Cas: next = op.b; return state == op.a ? Step::Legal : Step::Illegal;
    case OpFunction::Append: {
      const auto appended = values.append(state, op.a);
      if (!appended) return Step::Full;
      next = *appended;
      return Step::Legal;
    }
  }
  return Step::Illegal;
}

class Search {
 public:
  Search(const std::vector<SearchOp>& ops, ValueTable& values, const SearchBudget& budget)
      : ops_(ops), values_(values), budget_(budget), linearized_(static_cast<std::uint32_t>(ops.size())) {
    build_event_list();
    build_look_ahead();
  }

  SearchResult run();

 private:
  struct Frame {
    std::uint32_t op;
    std::uint32_t state_before;
    LinearizedSet::Mark mark_before;
  };

  void build_event_list();
  void build_look_ahead();
  bool later_reads_allow(std::uint32_t op, std::uint32_t next_state);
  void lift(std::uint32_t op);
  void unlift(std::uint32_t op);
  void note_dead_end(std::uint32_t completion_entry);
  const char* over_budget();
  SearchResult finish(Verdict verdict, const char* reason);

  const std::vector<SearchOp>& ops_;
  ValueTable& values_;
  const SearchBudget& budget_;

  // The event list. Entry 0 is the head of a circular doubly linked list; entries 1.. are events.
  std::vector<std::uint32_t> next_, prev_, entry_op_;
  std::vector<bool> entry_is_call_;
  std::vector<std::uint32_t> call_entry_, return_entry_;  // per operation; return 0: crashed

  // Look-ahead: the writes and cas operations by invocation, the completed reads by completion,
  // each with the first not yet linearized (all before it are), and which operations are.
  static constexpr int kLookAheadReads = 16;
  std::vector<std::uint32_t> resets_, reads_;
  std::vector<std::uint32_t> crashed_resets_;            // by invocation; never forced
  std::vector<std::uint32_t> reset_index_, read_index_;  // per operation; kNone when neither
  std::size_t first_reset_ = 0, first_read_ = 0;
  std::vector<bool> done_;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  LinearizedSet linearized_;
  MemoTable memo_;
  std::vector<Frame> stack_;
  std::uint32_t state_ = ValueTable::kNil;
  std::size_t completed_left_ = 0;
  std::uint64_t steps_ = 0;

  // The deepest dead end so far: the evidence when there is no linearization. best_order_[0,
  // best_valid_) still equals the bottom of the stack, so recording a deeper one copies only the
  // part of the stack that grew since (amortized O(1) per step).
  bool has_best_ = false;
  std::vector<std::uint32_t> best_order_;
  std::size_t best_valid_ = 0;
  std::uint32_t best_state_ = ValueTable::kNil;
  std::int64_t best_blocking_ = -1;
  std::vector<std::uint32_t> best_stuck_;
};

void Search::build_event_list() {
  struct Event {
    std::int64_t time;
    bool is_return;
    std::uint32_t op;
  };
  std::vector<Event> events;
  events.reserve(ops_.size() * 2);
  for (std::uint32_t i = 0; i < ops_.size(); ++i) {
    events.push_back({ops_[i].invoke_time, false, i});
    if (!ops_[i].info) {
      events.push_back({ops_[i].complete_time, true, i});
      ++completed_left_;
    }
  }
  // At equal times invocations come first: the operations then overlap, the lenient reading of a
  // tie (nothing says which came first).
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (a.time != b.time) return a.time < b.time;
    if (a.is_return != b.is_return) return !a.is_return;
    return a.op < b.op;
  });
  const std::size_t n = events.size() + 1;
  next_.resize(n);
  prev_.resize(n);
  entry_op_.assign(n, 0);
  entry_is_call_.assign(n, false);
  call_entry_.assign(ops_.size(), 0);
  return_entry_.assign(ops_.size(), 0);
  for (std::uint32_t e = 0; e < n; ++e) {
    next_[e] = static_cast<std::uint32_t>((e + 1) % n);
    prev_[e] = static_cast<std::uint32_t>((e + n - 1) % n);
  }
  for (std::uint32_t k = 0; k < events.size(); ++k) {
    const std::uint32_t e = k + 1;
    entry_op_[e] = events[k].op;
    entry_is_call_[e] = !events[k].is_return;
    (events[k].is_return ? return_entry_ : call_entry_)[events[k].op] = e;
  }
}

void Search::build_look_ahead() {
  done_.assign(ops_.size(), false);
  reset_index_.assign(ops_.size(), kNone);
  read_index_.assign(ops_.size(), kNone);
  if (!budget_.look_ahead_reads) return;
  for (std::uint32_t i = 0; i < ops_.size(); ++i) {
    const SearchOp& op = ops_[i];
    if (op.f == OpFunction::Write || op.f == OpFunction::Cas) resets_.push_back(i);  // ops_ are by invocation
    if (op.f == OpFunction::Read && !op.info) reads_.push_back(i);
  }
  std::stable_sort(reads_.begin(), reads_.end(),
                   [this](std::uint32_t a, std::uint32_t b) { return ops_[a].complete_time < ops_[b].complete_time; });
  for (std::uint32_t k = 0; k < resets_.size(); ++k) reset_index_[resets_[k]] = k;
  for (std::uint32_t k = 0; k < reads_.size(); ++k) read_index_[reads_[k]] = k;
}

bool Search::later_reads_allow(std::uint32_t op, std::uint32_t next_state) {
  if (!budget_.look_ahead_reads || ops_[op].f == OpFunction::Read) return true;  // a read changes nothing
  while (first_reset_ < resets_.size() && done_[resets_[first_reset_]]) ++first_reset_;
  while (first_read_ < reads_.size() && done_[reads_[first_read_]]) ++first_read_;
  // The next few reads still to come (`op` is being linearized now): each will see next_state
  // grown by appends, unless a write or cas still to come takes effect before it, which needs it
  // invoked by the time the read completes (a tie overlaps). Later reads have more writes that
  // may come first, so they rarely rule anything out, and are not looked at.
  int looked = 0;
  for (std::size_t k = first_read_; k < reads_.size() && looked < kLookAheadReads; ++k) {
    if (done_[reads_[k]]) continue;
    ++looked;
    const SearchOp& read = ops_[reads_[k]];
    if (values_.may_grow_into(next_state, read.a)) continue;
    bool reachable = false;
    for (std::size_t r = first_reset_; r < resets_.size() && !reachable; ++r) {
      const SearchOp& reset = ops_[resets_[r]];
      if (reset.invoke_time > read.complete_time) break;  // by invocation: none later can either
      if (done_[resets_[r]] || resets_[r] == op) continue;
      reachable = values_.may_grow_into(reset.f == OpFunction::Cas ? reset.b : reset.a, read.a);
    }
    if (!reachable) return false;
  }
  return true;
}

void Search::lift(std::uint32_t op) {
  for (const std::uint32_t e : {call_entry_[op], return_entry_[op]}) {
    if (e == 0) continue;
    next_[prev_[e]] = next_[e];
    prev_[next_[e]] = prev_[e];
  }
}

void Search::unlift(std::uint32_t op) {
  // The reverse order of lift(): each entry still remembers its neighbours.
  for (const std::uint32_t e : {return_entry_[op], call_entry_[op]}) {
    if (e == 0) continue;
    next_[prev_[e]] = e;
    prev_[next_[e]] = e;
  }
}

void Search::note_dead_end(std::uint32_t completion_entry) {
  if (has_best_ && stack_.size() <= best_order_.size()) return;
  has_best_ = true;
  best_order_.resize(best_valid_);
  for (std::size_t k = best_valid_; k < stack_.size(); ++k) best_order_.push_back(stack_[k].op);
  best_valid_ = stack_.size();
  best_state_ = state_;
  best_blocking_ = entry_op_[completion_entry];
  // Everything invoked before this completion and not yet linearized was a candidate, and (this
  // being the deepest dead end) the model allowed none of them here.
  best_stuck_.clear();
  for (std::uint32_t e = next_[0]; e != completion_entry; e = next_[e]) {
    if (entry_is_call_[e] && !ops_[entry_op_[e]].info) best_stuck_.push_back(entry_op_[e]);
  }
  std::sort(best_stuck_.begin(), best_stuck_.end());
}

const char* Search::over_budget() {
  if (budget_.max_steps != 0 && steps_ >= budget_.max_steps) return "step budget";
  // The clock and the memory are looked at every few thousand steps: both cost more than a step.
  if (steps_ % 4096 != 0) return nullptr;
  if (budget_.now_ns && *budget_.now_ns && budget_.deadline_ns != 0 && (*budget_.now_ns)() >= budget_.deadline_ns) {
    return "time budget";
  }
  const std::size_t bytes = memo_.memory_bytes() + values_.memory_bytes() + stack_.capacity() * sizeof(Frame) +
                            best_order_.capacity() * sizeof(std::uint32_t);
  if (budget_.max_memory_bytes != 0 && bytes > budget_.max_memory_bytes) return "memory budget";
  return nullptr;
}

SearchResult Search::finish(Verdict verdict, const char* reason) {
  SearchResult r;
  r.verdict = verdict;
  r.steps = steps_;
  if (reason) r.unknown_reason = reason;
  // Linearizable: the stack is the order. Otherwise the deepest dead end is the evidence (for an
  // unknown verdict, unless the search is deeper right now).
  const bool use_best = verdict == Verdict::NotLinearizable ||
                        (verdict == Verdict::Unknown && has_best_ && best_order_.size() >= stack_.size());
  if (use_best) {
    assert(has_best_);
    r.order = best_order_;
    r.state_after = best_state_;
    if (verdict == Verdict::NotLinearizable) {
      r.blocking = best_blocking_;
      r.stuck = best_stuck_;
    }
  } else {
    for (const Frame& f : stack_) r.order.push_back(f.op);
    r.state_after = state_;
  }
  return r;
}

SearchResult Search::run() {
  std::uint32_t e = next_[0];
  while (true) {
    if (completed_left_ == 0) return finish(Verdict::Linearizable, nullptr);
    if (const char* reason = over_budget()) return finish(Verdict::Unknown, reason);
    ++steps_;
    // A completion is still listed while its operation is not linearized, so the walk meets one
    // before it could run off the end of the list.
    assert(e != 0);
    if (entry_is_call_[e]) {
      const std::uint32_t op = entry_op_[e];
      std::uint32_t next_state = state_;
      const Step step = apply(ops_[op], state_, values_, next_state);
      if (step == Step::Full) return finish(Verdict::Unknown, "memory budget");
      if (step == Step::Legal) {
        const LinearizedSet::Mark mark = linearized_.mark();
        linearized_.add(op);
        if (later_reads_allow(op, next_state) && memo_.insert(linearized_, next_state)) {
          stack_.push_back({op, state_, mark});
          state_ = next_state;
          done_[op] = true;
          lift(op);
          if (!ops_[op].info) --completed_left_;
          e = next_[0];
          continue;
        }
        linearized_.remove(op, mark);
      }
      e = next_[e];
      continue;
    }
    // A completion: its operation had to be linearized by now, and no candidate got it there.
    note_dead_end(e);
    if (stack_.empty()) return finish(Verdict::NotLinearizable, nullptr);
    const Frame top = stack_.back();
    stack_.pop_back();
    best_valid_ = std::min(best_valid_, stack_.size());
    linearized_.remove(top.op, top.mark_before);
    state_ = top.state_before;
    done_[top.op] = false;
    if (reset_index_[top.op] != kNone) first_reset_ = std::min<std::size_t>(first_reset_, reset_index_[top.op]);
    if (read_index_[top.op] != kNone) first_read_ = std::min<std::size_t>(first_read_, read_index_[top.op]);
    unlift(top.op);
    if (!ops_[top.op].info) ++completed_left_;
    e = next_[call_entry_[top.op]];
  }
}

}  // namespace

SearchResult search_linearization(const std::vector<SearchOp>& ops, ValueTable& values, const SearchBudget& budget) {
  // Events are numbered in 32 bits: two per operation and the list's head.
  assert(ops.size() < (std::size_t{1} << 31));
  Search search(ops, values, budget);
  return search.run();
}

}  // namespace cs::check::detail
