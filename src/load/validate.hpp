// What the loader and validate(const Coalition&) share.
#pragma once

#include <string>

#include "xsector/coalition.hpp"

namespace xsector::detail {

/// "unknown sector 'x': not in the T taxonomy nor declared under 'sectors'", with the
/// nearest sector id or alias when one is close. O(sectors).
std::string unknown_sector_message(const Coalition& c, const std::string& sector);

/// The same for a sector named under `coalition.waive`: "cannot waive unknown sector 'x': ...".
std::string unknown_waived_sector_message(const Coalition& c, const std::string& sector);

}  // namespace xsector::detail
