#include "facts/facts_digest.h"

#include <string>

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

bool isComment(const std::string& key) { return !key.empty() && key[0] == '_'; }
bool isId(const std::string& key) { return key == "id" || key == "编号"; }

// A tag per kind, so that true, "true" and a number written true cannot meet. An object's keys come
// in nlohmann's sorted order, whatever the line's.
void feed(Hash& h, const json& v, bool top) {
  switch (v.type()) {
    case json::value_t::object: {
      h.tag('{');
      for (const auto& [key, x] : v.items()) {
        if (isComment(key) || (top && isId(key))) continue;
        h.text(key);
        feed(h, x, false);
      }
      h.tag('}');
      return;
    }
    case json::value_t::array:
      h.tag('[');
      h.count(v.size());
      for (const auto& x : v) feed(h, x, false);
      return;
    case json::value_t::string: h.tag('"'), h.text(v.get_ref<const std::string&>()); return;
    case json::value_t::binary: {  // a number, as its text (parseFactsJson)
      const auto& b = v.get_binary();
      h.tag('#'), h.count(b.size()), h.bytes(b.data(), b.size());
      return;
    }
    case json::value_t::boolean: h.tag(v.get<bool>() ? 't' : 'f'); return;
    default: h.tag(v.is_null() ? 'n' : '?'), h.text(v.dump()); return;
  }
}

}  // namespace

std::uint64_t idDigest(const json& id) {
  Hash h;
  h.tag('i');
  h.text(id.is_string() ? id.get<std::string>() : id.dump());
  return h.value();
}

std::uint64_t factsDigest(const json& doc) {
  Hash h;
  h.tag('f');
  feed(h, doc, true);
  return h.value();
}

}  // namespace polc::facts
