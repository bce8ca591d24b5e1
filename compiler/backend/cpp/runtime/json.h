// polc_runtime.h, part 9 of 10: a strict JSON parser (RFC 8259) that keeps numbers as text.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "field_names.h"
#include "run.h"

namespace polc_rt {

// ---- reading facts: a small JSON parser and the value readers of docs/facts.md -----------------

// A JSON value. Numbers keep their text, so that 0.12 never passes through binary floating point.
struct Json {
  enum class Kind : uint8_t { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
  bool b = false;
  std::string text;  // String and Number
  std::vector<Json> array;
  std::vector<std::string> keys;  // Object, in the order written (no key twice: the parser refuses it)
  std::vector<Json> values;

  bool isNull() const { return kind == Kind::Null; }
  bool isObject() const { return kind == Kind::Object; }
  bool isArray() const { return kind == Kind::Array; }
  bool isString() const { return kind == Kind::String; }
  bool isText() const { return kind == Kind::String || kind == Kind::Number; }
  // An object's keys, as indices, in byte order: the order polc's reader visits them in.
  std::vector<std::size_t> byteOrder() const {
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return keys[x] < keys[y]; });
    return order;
  }
};

class JsonParser {
 public:
  explicit JsonParser(const std::string& s) : s_(s) {}
  bool parse(Json& out, std::string& error) {
    try {
      // A byte order mark, as editors on Windows write one, is skipped: polc's reader skips it too.
      if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;
      ws();
      value(out, 0);
      ws();
      if (i_ != s_.size()) bad("trailing characters");
      return true;
    } catch (const std::runtime_error& e) {
      error = e.what();
      return false;
    }
  }

 private:
  [[noreturn]] void bad(const char* what) const {
    throw std::runtime_error(std::string("invalid JSON at byte ") + std::to_string(i_) + ": " + what);
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void value(Json& v, int depth) {
    if (depth > 200) bad("nested too deeply");
    ws();
    if (i_ >= s_.size()) bad("unexpected end");
    char c = s_[i_];
    if (c == '{') {
      ++i_;
      v.kind = Json::Kind::Object;
      if (eat('}')) return;
      do {
        ws();
        Json key;
        if (i_ >= s_.size() || s_[i_] != '"') bad("expected a key");
        string(key.text);
        // A repeated key would silently replace the first value (the whole applicant, for "企业"):
        // refused, as polc's own facts reader refuses it, so that no fact the file gives is ignored.
        if (std::find(v.keys.begin(), v.keys.end(), key.text) != v.keys.end())
          bad(("duplicate key \"" + key.text + "\"").c_str());
        // A key and its other spelling ("date" and "日期") are one field too, as polc reads them.
        if (const char* other = otherSpelling(key.text); other && std::find(v.keys.begin(), v.keys.end(), other) != v.keys.end())
          bad(("duplicate key \"" + key.text + "\" (the same field as \"" + other + "\")").c_str());
        if (!eat(':')) bad("expected ':'");
        Json item;
        value(item, depth + 1);
        v.keys.push_back(key.text);
        v.values.push_back(std::move(item));
      } while (eat(','));
      if (!eat('}')) bad("expected '}'");
    } else if (c == '[') {
      ++i_;
      v.kind = Json::Kind::Array;
      if (eat(']')) return;
      do {
        v.array.emplace_back();
        value(v.array.back(), depth + 1);
      } while (eat(','));
      if (!eat(']')) bad("expected ']'");
    } else if (c == '"') {
      v.kind = Json::Kind::String;
      string(v.text);
    } else if (s_.compare(i_, 4, "true") == 0) {
      i_ += 4;
      v.kind = Json::Kind::Bool;
      v.b = true;
    } else if (s_.compare(i_, 5, "false") == 0) {
      i_ += 5;
      v.kind = Json::Kind::Bool;
    } else if (s_.compare(i_, 4, "null") == 0) {
      i_ += 4;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = Json::Kind::Number;
      number(v.text);
    } else {
      bad("unexpected character");
    }
  }
  // RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, as polc's own reader takes it;
  // and like it, refused with an exponent, wherever it stands (also under an ignored "_" key).
  void number(std::string& out) {
    const std::size_t start = i_;
    auto digits = [&] {
      const std::size_t from = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == from) bad("expected a digit");
    };
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else {
      digits();
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      digits();
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      digits();
      // Kept as text, an exponent would read as a unit ("1e3": unknown unit `e3`); amounts are exact
      // decimals, written out in full. polc's reader (compiler/facts/facts.cpp) says the same.
      throw std::runtime_error("the number " + s_.substr(start, i_ - start) +
                               " has an exponent: write it out in full (1e3 as 1000)");
    }
    out = s_.substr(start, i_ - start);
  }
  // One UTF-8 character starting at s_[i_ - 1] (a byte above 0x7F): well formed (no overlong form,
  // no surrogate, at most U+10FFFF), appended to `out`; otherwise refused, as polc's own reader
  // refuses it.
  void utf8(std::string& out) {
    const auto lead = static_cast<unsigned char>(s_[i_ - 1]);
    int more = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) more = 1;
    else if (lead == 0xE0) more = 2, lo = 0xA0;
    else if (lead >= 0xE1 && lead <= 0xEC) more = 2;
    else if (lead == 0xED) more = 2, hi = 0x9F;
    else if (lead >= 0xEE && lead <= 0xEF) more = 2;
    else if (lead == 0xF0) more = 3, lo = 0x90;
    else if (lead >= 0xF1 && lead <= 0xF3) more = 3;
    else if (lead == 0xF4) more = 3, hi = 0x8F;
    else bad("ill-formed UTF-8");
    out += static_cast<char>(lead);
    for (int k = 0; k < more; ++k) {
      if (i_ >= s_.size()) bad("ill-formed UTF-8");
      const auto b = static_cast<unsigned char>(s_[i_]);
      if (b < (k == 0 ? lo : 0x80) || b > (k == 0 ? hi : 0xBF)) bad("ill-formed UTF-8");
      out += s_[i_++];
    }
  }
  void hex4(unsigned& cp) {
    if (i_ + 4 > s_.size()) bad("bad \\u escape");
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
      else bad("bad \\u escape");
    }
  }
  void string(std::string& out) {
    ++i_;  // the opening quote
    while (true) {
      if (i_ >= s_.size()) bad("unterminated string");
      char c = s_[i_++];
      if (c == '"') return;
      if (static_cast<unsigned char>(c) < 0x20) bad("control character in a string (escape it)");
      if (static_cast<unsigned char>(c) >= 0x80) {
        utf8(out);
        continue;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) bad("unterminated string");
      char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp;
          hex4(cp);
          // A surrogate only as a pair: a high one, then \u and a low one.
          if (cp >= 0xDC00 && cp <= 0xDFFF) bad("a low surrogate without a high one");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!(i_ + 2 <= s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u')) bad("a high surrogate without a low one");
            i_ += 2;
            unsigned lo;
            hex4(lo);
            if (lo < 0xDC00 || lo > 0xDFFF) bad("a high surrogate without a low one");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          if (cp < 0x80) {
            out += static_cast<char>(cp);
          } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: bad("bad escape");
      }
    }
  }

  const std::string& s_;
  std::size_t i_ = 0;
};

}  // namespace polc_rt
