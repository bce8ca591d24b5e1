// polc_runtime.h, part 9 of 11: a strict JSON parser (RFC 8259) that keeps numbers as text.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time. polc's own facts reader
// (compiler/facts/facts.cpp) parses with it too, so that the two readers refuse a file that is not
// JSON, or not JSON that facts take, in the same words (runtime/decimal/json_words.h).
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "field_names.h"
// The words are runtime/decimal/json_words.h's: in the generated code polc_decimal.h's copy, in
// namespace polc_rt; polc's own reader, which has runtime/decimal, brings polrt's (facts.cpp).
#ifndef POLC_RT_JSON_WORDS
#include "polc_decimal.h"
#endif

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
    error = otherEncoding(s_);
    // A NUL outside a string is refused whole: a reader that stops at it would ignore what follows.
    if (const std::size_t nul = s_.find('\0'); error.empty() && nul != std::string::npos) error = nulByte(nul);
    if (!error.empty()) return false;
    try {
      // A byte order mark, as editors on Windows write one, is skipped: polc's reader skips it too.
      if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;
      ws();
      value(out, 0);
      ws();
      if (i_ != s_.size()) bad("expected the end of the text after the value");
      return true;
    } catch (const std::runtime_error& e) {
      error = e.what();
      return false;
    }
  }

 private:
  // A syntax error at byte `at`, or at the character read next, which the message shows.
  [[noreturn]] void bad(const std::string& what, std::size_t at) const {
    throw std::runtime_error(invalidJson(jsonPlace(s_, at), what));
  }
  [[noreturn]] void bad(const std::string& what) const { bad(what + ", got " + foundAt(s_, i_), i_); }
  // Valid JSON that facts do not take, named by the path of the field where it stands.
  [[noreturn]] void refuse(const std::string& what) const {
    std::string path;
    for (const std::string& name : names_) (path += path.empty() || name[0] == '[' ? "" : ".") += name;
    throw std::runtime_error(atPath(path, what));
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
    if (depth > kMaxDepth) throw std::runtime_error(nestedTooDeeply(kMaxDepth));
    ws();
    const char c = i_ < s_.size() ? s_[i_] : '\0';
    if (c == '{') {
      ++i_;
      v.kind = Json::Kind::Object;
      if (eat('}')) return;
      do {
        ws();
        Json key;
        if (i_ >= s_.size() || s_[i_] != '"') bad("expected a key in double quotes");
        string(key.text);
        // A repeated key would silently replace the first value, so that a fact the file gives
        // would be ignored. A key and its other spelling ("date" and "日期") are one field too.
        if (std::find(v.keys.begin(), v.keys.end(), key.text) != v.keys.end()) refuse(duplicateKey(key.text));
        if (const char* other = otherSpelling(key.text); other && std::find(v.keys.begin(), v.keys.end(), other) != v.keys.end())
          refuse(duplicateKey(key.text, other));
        if (!eat(':')) bad("expected ':' after the key");
        Json item;
        names_.push_back(key.text);
        value(item, depth + 1);
        names_.pop_back();
        v.keys.push_back(key.text);
        v.values.push_back(std::move(item));
      } while (eat(','));
      if (!eat('}')) bad("expected ',' or '}'");
    } else if (c == '[') {
      ++i_;
      v.kind = Json::Kind::Array;
      if (eat(']')) return;
      do {
        names_.push_back("[" + std::to_string(v.array.size()) + "]");
        v.array.emplace_back();
        value(v.array.back(), depth + 1);
        names_.pop_back();
      } while (eat(','));
      if (!eat(']')) bad("expected ',' or ']'");
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
      bad("expected a value");
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
      refuse(numberWithExponent(s_.substr(start, i_ - start)));
    }
    out = s_.substr(start, i_ - start);
  }
  // One character starting at s_[i_ - 1] (a byte above 0x7F), appended to `out`: the whole text
  // is well-formed UTF-8 (parse checked it first, otherEncoding), so it has its full length.
  void utf8(std::string& out) {
    char32_t cp = 0;
    const std::size_t n = utf8At(s_, i_ - 1, cp);
    if (n == 0) bad("ill-formed UTF-8", i_ - 1);
    out.append(s_, i_ - 1, n);
    i_ += n - 1;
  }
  void hex4(unsigned& cp) {
    if (i_ + 4 > s_.size()) bad("bad \\u escape", i_ - 2);
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
      else bad("bad \\u escape", i_ - 1);
    }
  }
  void string(std::string& out) {
    const std::size_t open = i_++;  // the opening quote
    while (true) {
      if (i_ >= s_.size()) bad("unterminated string", open);
      char c = s_[i_++];
      if (c == '"') return;
      if (static_cast<unsigned char>(c) < 0x20) bad("control character in a string (escape it)", i_ - 1);
      if (static_cast<unsigned char>(c) >= 0x80) {
        utf8(out);
        continue;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) bad("unterminated string", open);
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
          if (cp >= 0xDC00 && cp <= 0xDFFF) bad("a low surrogate without a high one", i_ - 6);
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!(i_ + 2 <= s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u')) bad("a high surrogate without a low one", i_);
            i_ += 2;
            unsigned lo;
            hex4(lo);
            if (lo < 0xDC00 || lo > 0xDFFF) bad("a high surrogate without a low one", i_);
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
        default: bad(std::string("bad escape \\") + e, i_ - 2);
      }
    }
  }

  static constexpr int kMaxDepth = 200;  // deeper, copying and reading the tree would recurse too far
  const std::string& s_;
  std::size_t i_ = 0;
  std::vector<std::string> names_;  // the key or [index] of each value being read: the path refuse() names
};

}  // namespace polc_rt
