#include "facts/facts_digest.h"

#include <algorithm>
#include <string>
#include <vector>

namespace polc::facts {
namespace {

using json = nlohmann::json;

// FNV-1a over the bytes fed, then mixed (splitmix64's finaliser) so that the low bits, which pick a
// slot of support/first_seen.h's table, depend on every byte.
class Hash {
 public:
  void bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h_ = (h_ ^ p[i]) * 0x100000001B3ULL;
  }
  // A length before each text, so that ["ab", "c"] and ["a", "bc"] differ.
  void text(const std::string& s) {
    count(s.size());
    bytes(s.data(), s.size());
  }
  void count(std::size_t n) {
    const std::uint64_t v = n;
    bytes(&v, sizeof v);
  }
  void tag(char c) { bytes(&c, 1); }
  std::uint64_t value() const {
    std::uint64_t z = h_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t h_ = 0xCBF29CE484222325ULL;
};

// A number by its value: 1.50 and 1.5 alike (Decimal keeps the scale written).
void feed(Hash& h, const polrt::Decimal& d) {
  const polrt::Decimal n = d.normalized();
  const auto m = n.mantissa();
  h.bytes(&m, sizeof m);
  h.count(static_cast<std::size_t>(n.scale()));
}

// A tag per type, so that true, the enum member 1 and the number 1 cannot meet; each type then by
// the fields its value has (ir::Value).
void feed(Hash& h, const ir::Value& v) {
  h.tag(static_cast<char>('A' + static_cast<int>(v.type)));
  switch (v.type) {
    case ir::VType::Num: feed(h, v.lo), feed(h, v.hi), h.tag(static_cast<char>(v.form)); return;
    case ir::VType::Bool: h.tag(v.b ? 't' : 'f'); return;
    case ir::VType::Enum: h.count(static_cast<std::size_t>(v.e)); return;
    case ir::VType::Date: h.count(static_cast<std::size_t>(v.day)); return;
    case ir::VType::Text: h.text(v.text); return;
    case ir::VType::Set:
    case ir::VType::Recognition:
      for (std::size_t i = 0; i < v.bits.size(); ++i)
        if (v.bits.test(i)) h.count(i);
      h.tag('|');
      for (const ir::Grant& g : v.grants) h.count(static_cast<std::size_t>(g.member)), h.count(static_cast<std::size_t>(g.day));
      return;
  }
}

// An award received, by what it says, not by where it is listed.
std::uint64_t receivedDigest(const eval::ReceivedAward& r) {
  Hash h;
  h.count(static_cast<std::size_t>(r.target + 1));
  // The clause it names, however its citation is written; the words when it names none.
  if (r.clause >= 0) h.tag('c'), h.count(static_cast<std::size_t>(r.clause));
  else h.tag('w'), h.text(r.citation);
  feed(h, r.amount), h.count(static_cast<std::size_t>(r.year));
  return h.value();
}

// Digests whose order means nothing: fed sorted, after their number.
void sortedCount(Hash& h, std::vector<std::uint64_t>& digests) {
  std::sort(digests.begin(), digests.end());
  h.count(digests.size());
  for (std::uint64_t d : digests) h.bytes(&d, sizeof d);
}

}  // namespace

std::uint64_t idDigest(const json& id) {
  Hash h;
  h.tag('i');
  h.text(id.is_string() ? id.get<std::string>() : id.dump());
  return h.value();
}

std::uint64_t applicantDigest(const ir::Program& program, const eval::Applicant& a) {
  // A payee below a clause's subject is the first its owner lists (docs/facts.md): the order of
  // those lists changes who is paid. Any other list's order changes nothing that is paid.
  std::vector<bool> ordered(program.subjects.size(), false);
  for (const ir::Clause& c : program.clauses)
    if (c.payee >= 0 && c.payee != c.subject) ordered[static_cast<std::size_t>(c.payee)] = true;
  std::vector<std::vector<const eval::ReceivedAward*>> received(a.instances.size());
  for (const eval::ReceivedAward& r : a.received)
    if (r.instance >= 0 && static_cast<std::size_t>(r.instance) < received.size())
      received[static_cast<std::size_t>(r.instance)].push_back(&r);
  // Each instance by its facts, its awards received and its items, children before owners (the
  // facts reader lists an owner before its items); the awards and the items of a list whose order
  // means nothing as a sorted list of their digests, so that any order gives the same.
  std::vector<std::uint64_t> digest(a.instances.size());
  for (std::size_t i = a.instances.size(); i-- > 0;) {
    const eval::Instance& in = a.instances[i];
    Hash h;
    h.count(static_cast<std::size_t>(in.subject));
    for (const auto& f : in.facts) {
      h.tag(f ? '=' : '-');
      if (f) feed(h, *f);
    }
    for (const auto& years : in.history) {
      h.count(years.size());
      for (const auto& [year, v] : years) h.count(static_cast<std::size_t>(year)), feed(h, v);
    }
    std::vector<std::uint64_t> awards;
    for (const eval::ReceivedAward* r : received[i]) awards.push_back(receivedDigest(*r));
    std::vector<std::uint64_t> unordered, inOrder;
    for (int c : in.children) {
      const auto child = static_cast<std::size_t>(c);
      const bool keep = ordered[static_cast<std::size_t>(a.instances[child].subject)];
      (keep ? inOrder : unordered).push_back(digest[child]);
    }
    sortedCount(h, awards);
    sortedCount(h, unordered);
    h.count(inOrder.size());
    for (std::uint64_t d : inOrder) h.bytes(&d, sizeof d);
    digest[i] = h.value();
  }
  Hash h;
  h.tag('a');
  h.count(a.date ? static_cast<std::size_t>(*a.date) + 1 : 0);
  for (std::size_t i = 0; i < a.instances.size(); ++i)
    if (a.instances[i].parent < 0) h.bytes(&digest[i], sizeof digest[i]);
  return h.value();
}

}  // namespace polc::facts
