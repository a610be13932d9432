#include "xsector/bigint.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace xsector {

BigCount::BigCount(std::uint64_t v) {
  while (v != 0) {
    limbs_.push_back(static_cast<std::uint32_t>(v));
    v >>= 32U;
  }
}

void BigCount::trim() {
  while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

BigCount BigCount::from_limbs(std::vector<std::uint32_t> limbs) {
  BigCount out;
  out.limbs_ = std::move(limbs);
  out.trim();
  return out;
}

BigCount BigCount::from_decimal(std::string_view digits) {
  if (digits.empty()) throw std::invalid_argument("a whole number needs at least one digit");
  BigCount out;
  for (const char ch : digits) {
    if (ch < '0' || ch > '9') throw std::invalid_argument("not a decimal digit in a whole number");
    // out = out * 10 + digit
    std::uint64_t carry = static_cast<std::uint64_t>(ch - '0');
    for (auto& limb : out.limbs_) {
      const std::uint64_t x = static_cast<std::uint64_t>(limb) * 10U + carry;
      limb = static_cast<std::uint32_t>(x);
      carry = x >> 32U;
    }
    if (carry != 0) out.limbs_.push_back(static_cast<std::uint32_t>(carry));
  }
  out.trim();
  return out;
}

std::string BigCount::str() const {
  if (limbs_.empty()) return "0";
  // Repeated division by 10^9; each remainder is nine decimal digits, least significant first.
  std::vector<std::uint32_t> rest = limbs_;
  std::vector<std::uint32_t> chunks;
  while (!rest.empty()) {
    std::uint64_t remainder = 0;
    for (auto it = rest.rbegin(); it != rest.rend(); ++it) {
      const std::uint64_t x = (remainder << 32U) | *it;
      *it = static_cast<std::uint32_t>(x / 1000000000U);
      remainder = x % 1000000000U;
    }
    chunks.push_back(static_cast<std::uint32_t>(remainder));
    while (!rest.empty() && rest.back() == 0) rest.pop_back();
  }
  std::string out = std::to_string(chunks.back());
  for (auto it = chunks.rbegin() + 1; it != chunks.rend(); ++it) {
    const std::string part = std::to_string(*it);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

double BigCount::to_double() const {
  // Horner from the most significant limb: exact below 2^53, then rounded once per step,
  // which the ratios of the power code (and their tests) tolerate; see src/power/power_exact.cpp.
  double out = 0;
  for (auto it = limbs_.rbegin(); it != limbs_.rend(); ++it) out = std::ldexp(out, 32) + static_cast<double>(*it);
  return out;
}

std::strong_ordering operator<=>(const BigCount& a, const BigCount& b) {
  if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() <=> b.limbs_.size();
  for (std::size_t i = a.limbs_.size(); i-- > 0;) {
    if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] <=> b.limbs_[i];
  }
  return std::strong_ordering::equal;
}

}  // namespace xsector
