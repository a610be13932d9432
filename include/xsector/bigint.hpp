// An exact non-negative whole number of any size: vote swing counts pass 2^64 with about 70
// seats, so they are kept exactly here rather than as doubles or decimal strings.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xsector {

class BigCount {
 public:
  /// Zero.
  BigCount() = default;
  /// The value `v`. O(1).
  explicit BigCount(std::uint64_t v);
  /// From base-2^32 digits, least significant first (leading zeros allowed). O(digits).
  static BigCount from_limbs(std::vector<std::uint32_t> limbs);
  /// From decimal digits only (leading zeros allowed; "" is refused). Throws
  /// std::invalid_argument for anything else. O(d^2) for d digits.
  static BigCount from_decimal(std::string_view digits);

  [[nodiscard]] bool is_zero() const { return limbs_.empty(); }
  /// The decimal digits, "0" for zero. O(d^2).
  [[nodiscard]] std::string str() const;
  /// The value as a double: exact below 2^53, else within a relative error of about
  /// limbs x 2^-53; +inf beyond the double range. O(limbs).
  [[nodiscard]] double to_double() const;

  friend bool operator==(const BigCount& a, const BigCount& b) = default;
  /// Numeric order. O(limbs).
  friend std::strong_ordering operator<=>(const BigCount& a, const BigCount& b);

 private:
  std::vector<std::uint32_t> limbs_;  ///< base 2^32, least significant first, no leading zero limb
  void trim();
};

}  // namespace xsector
