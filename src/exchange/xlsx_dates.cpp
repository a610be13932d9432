#include <fmt/format.h>

#include <cmath>
#include <cstdint>

#include "exchange/xlsx_reader.hpp"

namespace xsector::detail {

namespace {

/// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
std::string civil(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y0 = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = y0 + (m <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace

/// A cell format code shows a date when, outside quoted text, escapes and [brackets], it
/// has a day or a year.
bool date_format(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    if (quoted) {
      if (ch == '"') quoted = false;
      continue;
    }
    if (ch == '"')
      quoted = true;
    else if (ch == '\\' || ch == '_' || ch == '*')
      ++i;
    else if (ch == '[')
      ++bracket;
    else if (ch == ']' && bracket > 0)
      --bracket;
    else if (bracket == 0 && (ch == 'd' || ch == 'D' || ch == 'y' || ch == 'Y'))
      return true;
  }
  return false;
}

bool builtin_date_format(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58);
}

std::string excel_date(double serial, bool date1904) {
  // The last day either system shows is 9999-12-31: 1462 days fewer in the 1904 system.
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= (date1904 ? 2957004 : 2958466)) return {};
  auto days = static_cast<std::int64_t>(std::floor(serial));
  if (date1904) return civil(days - 24107);  // 1904-01-01 is day -24107 of 1970-01-01
  if (days == 60) return "1900-02-29";       // the day Excel counts that never was
  if (days > 60) --days;
  return civil(days - 25568);  // serial 1 = 1900-01-01 = day -25567 since 1970-01-01
}

}  // namespace xsector::detail
