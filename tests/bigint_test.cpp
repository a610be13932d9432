// BigCount: exact whole numbers of any size, checked against values Python's int gives.
#include "xsector/bigint.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using xsector::BigCount;

TEST(BigCount, DecimalTextOfKnownValues) {
  EXPECT_EQ(BigCount().str(), "0");
  EXPECT_TRUE(BigCount().is_zero());
  EXPECT_EQ(BigCount(0).str(), "0");
  EXPECT_EQ(BigCount(1000000000).str(), "1000000000");                         // a whole 10^9 chunk
  EXPECT_EQ(BigCount(18446744073709551615ULL).str(), "18446744073709551615");  // 2**64 - 1
  // 2**64 and 2**100, as Python's int prints them.
  EXPECT_EQ(BigCount::from_limbs({0, 0, 1}).str(), "18446744073709551616");
  EXPECT_EQ(BigCount::from_limbs({0, 0, 0, 16}).str(), "1267650600228229401496703205376");
  // 10**30 + 7 has zeros inside a 10^9 chunk.
  EXPECT_EQ(BigCount::from_decimal("1000000000000000000000000000007").str(), "1000000000000000000000000000007");
}

TEST(BigCount, DecimalRoundTripAndRefusals) {
  for (const char* text : {"0", "1", "4294967295", "4294967296", "340282366920938463463374607431768211456"}) {
    EXPECT_EQ(BigCount::from_decimal(text).str(), text);
  }
  EXPECT_EQ(BigCount::from_decimal("000123").str(), "123");
  EXPECT_EQ(BigCount::from_limbs({5, 0, 0}), BigCount(5));  // leading zero limbs do not count
  EXPECT_THROW(BigCount::from_decimal(""), std::invalid_argument);
  EXPECT_THROW(BigCount::from_decimal("12a"), std::invalid_argument);
  EXPECT_THROW(BigCount::from_decimal("-1"), std::invalid_argument);
}

TEST(BigCount, OrderAndDouble) {
  const BigCount big = BigCount::from_decimal("1267650600228229401496703205376");  // 2**100
  EXPECT_LT(BigCount(4294967295), BigCount(4294967296));
  EXPECT_LT(BigCount(18446744073709551615ULL), BigCount::from_limbs({0, 0, 1}));
  EXPECT_GT(big, BigCount(18446744073709551615ULL));
  EXPECT_EQ(BigCount(7) <=> BigCount(7), std::strong_ordering::equal);
  EXPECT_EQ(big.to_double(), std::ldexp(1.0, 100));
  EXPECT_EQ(BigCount(9007199254740993ULL).to_double(), 9007199254740992.0);  // 2**53 + 1 rounds to even
  EXPECT_EQ(BigCount(12345).to_double(), 12345.0);
}
