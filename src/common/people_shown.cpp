// The one rule for showing people (`--people`): what of a contact may be shown, and how a
// person is named in a sentence, a table cell or a diagram node.
#include "xsector/people_shown.hpp"

#include <fmt/format.h>

#include "xsector/error.hpp"

namespace xsector {

std::string_view to_string(PeopleShown shown) {
  switch (shown) {
    case PeopleShown::names: return "names";
    case PeopleShown::roles: return "roles";
    case PeopleShown::none: return "none";
  }
  return "roles";
}

PeopleShown parse_people_shown(std::string_view text) {
  if (text == "names") return PeopleShown::names;
  if (text == "roles") return PeopleShown::roles;
  if (text == "none") return PeopleShown::none;
  throw UsageError(fmt::format("--people must be names, roles or none, not '{}'", text));
}

ShownContact shown_contact(const Contact& contact, PeopleShown shown) {
  ShownContact out;
  if (shown == PeopleShown::names) {
    out.name = contact.name;
    out.email = contact.email;
    out.phone = contact.phone;
  }
  if (shown != PeopleShown::none) out.role = contact.role;
  return out;
}

std::string person_label(const Coalition& c, std::size_t member, std::size_t contact, PeopleShown shown,
                         PersonLabel where) {
  const Member& m = c.members[member];
  const Contact& p = m.contacts[contact];
  const ShownContact s = shown_contact(p, shown);
  switch (where) {
    case PersonLabel::sentence:
      if (!s.name.empty()) {
        return s.role.empty() ? fmt::format("{} ({})", s.name, m.name)
                              : fmt::format("{} ({}, {})", s.name, s.role, m.name);
      }
      if (!s.role.empty()) return fmt::format("the {} of {}", s.role, m.name);
      return fmt::format("contact {} of {}", contact + 1, m.name);
    case PersonLabel::cell:
      if (!s.name.empty()) return std::string(s.name);
      if (!s.role.empty()) return fmt::format("{} ({})", s.role, p.id);
      return p.id;
    case PersonLabel::node:
      if (!s.name.empty()) return std::string(s.name);
      if (!s.role.empty()) return std::string(s.role);
      return fmt::format("contact {}", contact + 1);
  }
  return p.id;
}

}  // namespace xsector
