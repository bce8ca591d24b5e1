// Civil dates as day numbers (days since 1970-01-01): the runtime's calendar, so that a date the
// compiler reads is the day the VM and the generated code compute with.
#include "ir/ir.h"
#include "text/text.h"

namespace polc::ir {

std::optional<int> parseDate(const std::string& text) { return polrt::text::parseDate(text); }
std::string formatDate(int day) { return polrt::text::formatDate(day); }
int yearOf(int day) { return polrt::text::yearOf(day); }
int today() { return polrt::text::today(); }

int Program::subjectIndex(const std::string& name) const {
  for (std::size_t i = 0; i < subjects.size(); ++i)
    if (subjects[i].name == name) return static_cast<int>(i);
  return -1;
}

bool Program::ownedBy(int s, int ancestor) const {
  for (int guard = 0; s >= 0 && guard <= static_cast<int>(subjects.size()); ++guard) {
    if (s == ancestor) return true;
    s = subjects[s].owner;
  }
  return false;
}

int Program::rootOf(int s) const {
  for (int guard = 0; s >= 0 && subjects[s].owner >= 0 && guard <= static_cast<int>(subjects.size());
       ++guard)
    s = subjects[s].owner;
  return s;
}

}  // namespace polc::ir
