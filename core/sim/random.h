#pragma once
// The project's own seeded random generator and distributions. Standard-library distributions are
// implementation-defined and differ between compilers, so nothing that shapes a run may use them.
// xoshiro256** seeded through splitmix64; every distribution below is written out here.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace cs::sim {

std::uint64_t splitmix64(std::uint64_t& state);

class Random {
 public:
  explicit Random(std::uint64_t seed = 0);

  std::uint64_t next_u64();
  // Uniform integer in [0, bound), bound > 0, without modulo bias (Lemire's method).
  std::uint64_t below(std::uint64_t bound);
  // Uniform integer in [lo, hi], lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // Uniform double in [0, 1) with 53 random bits.
  double unit();
  bool chance(double probability);
  double exponential(double mean);
  // Standard normal via the Box-Muller transform (one value per call; no cached spare, so the
  // generator's state alone determines the stream).
  double normal(double mean, double stddev);
  double log_normal(double mu, double sigma);

  // A generator for a sub-stream (a node, a client) that does not disturb this one's sequence
  // beyond one draw.
  Random fork();

  bool operator==(const Random&) const = default;

 private:
  std::array<std::uint64_t, 4> s_{};
};

// Fisher-Yates with this generator: std::shuffle's results differ between standard libraries.
template <class T>
void shuffle(std::vector<T>& v, Random& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

// Zipf over ranks 1..n with exponent s: rank k is drawn with probability proportional to 1/k^s.
// Uses rejection-inversion (Hormann and Derflinger), O(1) per draw and no table.
class Zipf {
 public:
  Zipf(std::uint64_t n, double s);
  std::uint64_t draw(Random& rng) const;  // 1..n
  std::uint64_t n() const { return n_; }

 private:
  double h(double x) const;
  double h_inverse(double x) const;
  std::uint64_t n_;
  double s_;
  double h_x1_;
  double h_n_;
  double threshold_;
};

}  // namespace cs::sim
