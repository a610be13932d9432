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

/// A survey response's `contact` names a person of the respondent `by`: true when `by` lists
/// that contact, or lists no contacts at all (nothing to check against). O(its contacts).
bool contact_of_respondent(const Member& by, const std::string& contact);

/// "contact 'x' is not a contact of 'm' (its contacts: a, b)", with the nearest one when close.
std::string respondent_contact_message(const Member& by, const std::string& contact);

}  // namespace xsector::detail
