// polc_runtime.h, part 8 of 11: the facts fields with two names, one definition for both readers.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time. polc's own facts reader
// (compiler/facts/facts.cpp) includes this part too, so that the two readers refuse the same files.
#pragma once

#include <string>

namespace polc_rt {

// The fields with an English and a Chinese name (docs/facts.md): the other name of `key`, or null.
// A field given under both names is refused, as a repeated key is: one of the two would win.
inline const char* otherSpelling(const std::string& key) {
  static const char* const kPairs[][2] = {{"date", "日期"},   {"history", "历史"}, {"received", "已获奖励"}, {"citation", "条款"},
                                          {"target", "标的"}, {"amount", "金额"},  {"year", "年度"}, {"id", "编号"}};
  for (const auto& pair : kPairs) {
    if (key == pair[0]) return pair[1];
    if (key == pair[1]) return pair[0];
  }
  return nullptr;
}

// A field of an award received. Given null it is left out (docs/facts.md), in both readers; a key
// that is none of them is an unknown field, null or not.
inline bool isReceivedField(const std::string& key) {
  for (const char* name : {"citation", "target", "amount", "year"})
    if (key == name || key == otherSpelling(name)) return true;
  return false;
}

}  // namespace polc_rt
