#include "sim/random.h"

#include <cassert>
#include <cmath>

namespace cs::sim {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
constexpr double kTwoPi = 6.283185307179586476925286766559;
}  // namespace

Random::Random(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t Random::next_u64() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t Random::below(std::uint64_t bound) {
  assert(bound > 0);
  // Rejection sampling: values below `threshold` would make some remainders more likely.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t r = next_u64();
    if (r >= threshold) return r % bound;
  }
}

std::int64_t Random::between(std::int64_t lo, std::int64_t hi) {
  assert(lo <= hi);
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  if (span == 0) return static_cast<std::int64_t>(next_u64());  // the full 64-bit range
  return lo + static_cast<std::int64_t>(below(span));
}

double Random::unit() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

bool Random::chance(double probability) {
  if (probability <= 0.0) return false;
  if (probability >= 1.0) return true;
  return unit() < probability;
}

double Random::exponential(double mean) {
  assert(mean >= 0.0);
  return -mean * std::log1p(-unit());
}

double Random::normal(double mean, double stddev) {
  const double u1 = 1.0 - unit();  // (0, 1]: log stays finite
  const double u2 = unit();
  return mean + stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

double Random::log_normal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

Random Random::fork() { return Random(next_u64()); }

Zipf::Zipf(std::uint64_t n, double s) : n_(n), s_(s) {
  assert(n >= 1);
  assert(s > 0.0);
  h_x1_ = h(1.5) - 1.0;
  h_n_ = h(static_cast<double>(n) + 0.5);
  threshold_ = 2.0 - h_inverse(h(2.5) - std::pow(2.0, -s));
}

// H(x) = integral of x^-s, shifted so that the s == 1 case is continuous.
double Zipf::h(double x) const {
  const double log_x = std::log(x);
  const double t = (1.0 - s_) * log_x;
  return (std::abs(t) > 1e-8 ? std::expm1(t) / t : 1.0 + t / 2.0) * log_x;
}

double Zipf::h_inverse(double x) const {
  double t = x * (1.0 - s_);
  if (t < -1.0) t = -1.0;
  const double log1p_over_t = std::abs(t) > 1e-8 ? std::log1p(t) / t : 1.0 - t / 2.0;
  return std::exp(log1p_over_t * x);
}

std::uint64_t Zipf::draw(Random& rng) const {
  for (int attempt = 0; attempt < 1'000; ++attempt) {
    const double u = h_n_ + rng.unit() * (h_x1_ - h_n_);
    const double x = h_inverse(u);
    double k = std::floor(x + 0.5);
    if (k < 1.0) k = 1.0;
    if (k > static_cast<double>(n_)) k = static_cast<double>(n_);
    if (k - x <= threshold_ || u >= h(k + 0.5) - std::pow(k, -s_)) {
      return static_cast<std::uint64_t>(k);
    }
  }
  return 1;  // practically unreachable: acceptance probability is above one half per attempt
}

}  // namespace cs::sim
