// The words of the errors about an applicant's facts that more than one reader gives, in one
// place: polc's facts reader (compiler/facts/facts.cpp), the C API (runtime/api/polrt.cpp) and the
// generated C++'s reader and Run (polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, carries this header). An agency that moves from one
// to another must not find its facts refused in other words.
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

#include "decimal/name_suggest.h"

namespace polrt {

// ---- a value as an error quotes it ----------------------------------------------------------------

// A value quoted by an error, at most 60 characters: longer, its first 57 and "...". Counted in
// characters and cut between two, so that a Chinese value keeps its 57 characters and the cut
// never leaves ill-formed UTF-8 on stderr.
inline std::string cutShown(const std::string& shown) {
  std::size_t chars = 0, cut = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if ((static_cast<unsigned char>(shown[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars++ == 57) cut = i;
  }
  return chars > 60 ? shown.substr(0, cut) + "..." : shown;
}

// A text in JSON's quotes and escapes, as polc's reader (nlohmann's dump) writes a string: a quote,
// a backslash and a control character escaped, the rest as it is. Not cut.
inline std::string jsonQuoted(const std::string& text) {
  static const char* const kHex = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) (out += "\\u00") += std::string{kHex[u >> 4], kHex[u & 0xF]};
        else out += c;
    }
  }
  return out + "\"";
}

// A text or a number as every reader quotes the value given: an agency's texts, the C API's
// arguments and a JSON number's text alike (a number is shown as the text it was written as).
inline std::string quotedValue(const std::string& text) { return cutShown(jsonQuoted(text)); }

// ---- the errors -----------------------------------------------------------------------------------

// A fact declared 必填 that the applicant does not give: an error, not a result without it.
inline const char* missingRequiredFact() { return "missing required fact (declared 必填)"; }

// An award received that names neither the clause it was paid under nor its target: nothing
// could count it.
inline const char* noCitationNorTarget() { return "give the citation or the target of the award"; }

// A year of a history or of an award received that the readers, which read four digits, would
// refuse: kept, it would never match the evaluation year or the one before it.
inline std::string notAYear(int year) {
  return "year " + std::to_string(year) + " is not a year of four digits (0 to 9999)";
}

// An award received citing no clause of the policies (`shown`: the citation as quoted above). When
// it names a document that is not loaded (citesAnotherDocument), most often the earlier edition of
// the one evaluated, the agency is told how such an award is given.
inline std::string unknownCitation(const std::string& shown, bool anotherDocument) {
  return "unknown citation " + shown +
         (anotherDocument ? ": it names none of the documents of these policies by its 文号 or name (an award "
                            "under a document not evaluated with them, such as an earlier edition's, is given by its "
                            "target)"
                          : "");
}

// An award received naming no target of the policies.
inline std::string unknownTarget(const std::string& shown) { return "unknown target " + shown; }

// The values of an enumeration, as an unknown value lists them: "a, b, c".
template <class It>
std::string valuesListed(It first, It last) {
  std::string out;
  for (It it = first; it != last; ++it) (out += out.empty() ? "" : ", ") += *it;
  return out;
}

// A text that is no value of the enumeration `enumName`: the values it has are listed, since the
// slip is usually a synonym (国家级 for 国家级专精特新) that the list shows at once.
inline std::string unknownValue(const std::string& shown, const std::string& enumName, const std::string& values) {
  return "unknown value " + shown + " of " + enumName + " (its values: " + values + ")";
}

// A value of the wrong JSON type: what was expected (aBoolean(), "text", …), then what was given.
inline std::string expectedGot(const std::string& what, const std::string& shown) {
  return "expected " + what + ", got " + shown;
}
inline const char* aBoolean() { return "true or false (是/否)"; }
inline const char* aDate() { return "a date YYYY-MM-DD"; }
inline std::string valuesOf(const std::string& enumName) { return "an array of values of " + enumName; }
inline std::string recognitionsOf(const std::string& enumName) {
  return "recognitions of " + enumName + " as {\"值\": \"YYYY-MM-DD\"}";
}

// The shapes docs/facts.md gives an item, its items, its history and its awards received.
inline std::string factsAbout(const std::string& subject) { return "an object of facts about " + subject; }
inline std::string itemsOf(const std::string& subject) { return "an array of " + subject + " objects"; }
inline const char* aHistory() { return "{\"事实\": {\"年份\": 值, …}}"; }
inline const char* yearsOfAHistory() { return "{\"年份\": 值, …}"; }
inline const char* awardsReceived() { return "an array of awards received"; }
inline const char* anAwardReceived() { return "{\"citation\": …, \"target\": …, \"amount\": …, \"year\": …}"; }

// Not a text at all where a value of `enumName` is read (a number, true, an object).
inline std::string notAValueOf(const std::string& enumName, const std::string& shown) {
  return expectedGot("a value of " + enumName, shown);
}

// "true" or "false" in quotes for a boolean: "expected true or false, got "true"" read as a
// contradiction, so the message says what the quotes make of it.
inline std::string booleanInQuotes(const std::string& shown, const std::string& text) {
  return "expected true or false (是/否), got the text " + shown + ": write " + text + " without quotes";
}

// A number for a text fact (an ID number, a name of digits): a mistake to point at, not to read.
inline std::string numberForText(const std::string& number) {
  return "expected text, got the number " + number + ": write \"" + number + "\"";
}

// A recognition's date that is not a text of the shape YYYY-MM-DD (one of that shape naming no
// day is told so by date_words.h's dateProblem).
inline std::string notAGrantDate(const std::string& shown) {
  return expectedGot("the date it was granted, YYYY-MM-DD", shown);
}

// An amount below 0 of a fact bounded by its unit alone (no 取值), or of an award received.
inline std::string negativeAmount(const std::string& shown) { return "negative amount " + shown; }

// A count (an integer fact) given with decimals.
inline std::string notAWholeNumber(const std::string& shown) { return shown + " is not a whole number"; }

// A number outside the 取值 its fact declares.
inline std::string outsideRange(const std::string& shown, const std::string& fact, const std::string& range) {
  return shown + " is outside the declared range of " + fact + " (取值 " + range + ")";
}

// An award received of a clause awarded to each `subject`, listed on an item that owns it: a
// 一次性 clause compares the item, so listed above it the award would be paid again.
inline std::string paidOncePer(const std::string& citation, const std::string& subject) {
  return citation + " is paid once per " + subject + ": list it in the 已获奖励 of the " + subject + " it was paid for";
}

// An award received listed on an item that neither is nor owns a `subject`: it would match no award.
inline std::string awardedTo(const std::string& citation, const std::string& subject) {
  return citation + " is awarded to a " + subject + ": list it in the 已获奖励 of that " + subject +
         " or of an item that owns it";
}

// A target given beside a citation that is not the clause's (`own`, "" when it has none): the
// award would count for one target's 晋级补差 and another clause's caps.
inline std::string notTheTarget(const std::string& target, const std::string& citation, const std::string& own) {
  return target + " is not the target of " + citation + " (" + (own.empty() ? std::string("it has none") : own) +
         "): give the citation alone, the target follows from it";
}

// The year of an award received, which every reader reads as four digits.
inline std::string expectedAYear(const std::string& shown) { return "expected a year such as 2023, got " + shown; }

// ---- numbers ------------------------------------------------------------------------------------

// What a number fact takes, from its dimension as polc describes it (sema's Model::describe: "元",
// "a plain number", "吨标煤", "元/吨").
inline std::string expectedNumber(const std::string& dimension, bool integer) {
  if (dimension == "元") return "money";
  if (dimension == "a plain number") return integer ? "a count" : "a number or rate such as 12%";
  return "an amount in " + dimension;
}

// How a clerk wrote a number no reader reads, when the keyboard is the cause: full-width
// characters (an input method left in full-width mode: １００万元, 75％) or a thousands separator
// (1,000万元). Without it the message said only `expected money, got "１００万元"`, or blamed a unit
// (`unknown unit `,000万元``). Empty when neither is in the text; else a note for expectedGot's end.
inline std::string keyboardNote(const std::string& text) {
  // U+FF05 ％, U+FF0C ，, U+FF0E ．, U+FF10–FF19 ０–９: EF BC 85, 8C, 8E, 90–99 in UTF-8.
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) != 0xEF || static_cast<unsigned char>(text[i + 1]) != 0xBC) continue;
    const auto c = static_cast<unsigned char>(text[i + 2]);
    if (c == 0x85 || c == 0x8E || (c >= 0x90 && c <= 0x99))
      return " (full-width characters: write the number in ASCII digits, as 100万元 or 75%)";
  }
  if (text.find(',') != std::string::npos || text.find("，") != std::string::npos)
    return " (a thousands separator: write 1000万元, not 1,000万元)";
  return "";
}

// The notes after `expected money, got "…"` for a number whose unit is the fault: `part`, the
// unit (or the part of a compound unit) no declaration names; a unit of another dimension; a unit
// whose scale makes the value inexact.
inline std::string unknownUnitNote(const std::string& part) { return " (unknown unit `" + part + "`)"; }
inline std::string otherDimensionNote(const std::string& unit, const std::string& is, const std::string& want) {
  return " (" + unit + " is " + is + ", not " + want + ")";
}
inline const char* noExactValueNote() { return " (no exact decimal value)"; }

// The dimension of a compound unit `a/b/c…` (万元/吨, 万元/吨/年: the first part over each of the
// others, as polc's reader takes it), from its parts' as polc describes them (sema's
// Model::describe: "元", "吨", "元/吨·年", "吨^2", "1/年", "a plain number"), in the same words:
// each base unit's exponent summed, the bases in `bases` order (polc's base units in their
// declaration order, 元 first: the order Model::describe writes them in), a part over itself "a
// plain number". polc's reader describes any unit so; the generated C++'s, which knows its units'
// dimensions only as these words, composes them here, so that `"1.5万元/吨"` or `"1万元/吨/年"` for
// money is told `(万元/吨 is 元/吨, not 元)` by both, not an unknown unit by one.
inline std::string quotientDimension(const std::vector<std::string>& parts, const std::vector<std::string>& bases) {
  const std::string plain = "a plain number", dot = "·";
  std::vector<int> exps(bases.size(), 0);
  // Adds `sign` × the factors of one side of a description (吨^2·年).
  auto addSide = [&](const std::string& side, int sign) {
    for (std::size_t start = 0; start < side.size();) {
      std::size_t end = side.find(dot, start);
      if (end == std::string::npos) end = side.size();
      std::string factor = side.substr(start, end - start);
      int n = 1;
      if (const std::size_t caret = factor.find('^'); caret != std::string::npos) {
        n = std::atoi(factor.c_str() + caret + 1);
        factor.resize(caret);
      }
      for (std::size_t i = 0; i < bases.size(); ++i)
        if (bases[i] == factor) exps[i] += sign * n;
      start = end + dot.size();
    }
  };
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (parts[k] == plain) continue;
    const int sign = k == 0 ? 1 : -1;
    const std::size_t slash = parts[k].find('/');
    const std::string num = parts[k].substr(0, slash);
    if (num != "1") addSide(num, sign);
    if (slash != std::string::npos) addSide(parts[k].substr(slash + 1), -sign);
  }
  std::string over, under;
  for (std::size_t i = 0; i < bases.size(); ++i) {
    if (exps[i] == 0) continue;
    const int n = exps[i] < 0 ? -exps[i] : exps[i];
    std::string& side = exps[i] > 0 ? over : under;
    side += (side.empty() ? "" : dot) + bases[i] + (n > 1 ? "^" + std::to_string(n) : "");
  }
  if (over.empty() && under.empty()) return plain;
  if (over.empty()) over = "1";
  return under.empty() ? over : over + "/" + under;
}

// ---- fields no reader knows, and the top level ------------------------------------------------------

// A key of an item's object that is none of its facts, its parts, its history or its awards
// received; `names`: its facts, then its parts, of which the one meant is named when close
// (设备投资 for 设备投入).
inline std::string unknownFactOrPart(const std::string& subject, const std::string& key, const std::vector<std::string>& names) {
  return "unknown field: " + subject + " has no fact or part named " + key + didYouMean(key, names);
}

// A key of a history that is no fact of the item; `names`: the facts declared 历史.
inline std::string unknownHistoryFact(const std::string& subject, const std::string& key, const std::vector<std::string>& names) {
  return "unknown field: " + subject + " has no fact named " + key + didYouMean(key, names);
}

// A history given for a fact declared without 历史: no clause reads its earlier years.
inline std::string keepsNoHistory(const std::string& fact) {
  return fact + " keeps no history (its declaration has no 历史)";
}

// A key of an award received that is none of its four fields.
inline const char* unknownAwardField() { return "unknown field: an award received has citation, target, amount and year"; }

// A key of the top level that is neither the date, the id nor an applicant; `applicants`: the
// top-level subjects, as valuesListed lists them.
inline std::string unknownTopLevelField(const std::string& applicants) {
  return "unknown field: the top level holds \"date\", \"id\" and one applicant (" + applicants + ")";
}

// ---- the applicant's own id (top-level "id" or "编号", docs/facts.md) -----------------------------

// polc eval --batch echoes the id beside each result and message, so that the agency joins them
// back to its records. A number id must survive every JSON reader that holds numbers as doubles
// (a spreadsheet, JavaScript), which keep whole numbers exactly only up to 2^53 - 1; and an id is
// written on one line of stderr, so it holds no control character and stays short.
inline constexpr unsigned long long kLargestNumberId = 9007199254740991ULL;
inline constexpr std::size_t kLongestId = 64;  // characters

inline const char* anId() { return "an id: a text or a whole number, such as \"A-0017\" or 17"; }

// Why a JSON string (`isText`) or number (its text) is no id, or "" when it is one.
inline std::string idProblem(bool isText, const std::string& text) {
  if (!isText) {
    const bool digits = !text.empty() && text.size() <= 16 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits && std::strtoull(text.c_str(), nullptr, 10) <= kLargestNumberId) return "";
    return "the number " + text + " is not an id: a number id is whole, from 0 to " + std::to_string(kLargestNumberId) +
           " (beyond it many JSON readers change its last digits): write it as a text, \"" + text + "\"";
  }
  if (text.empty()) return "an empty text is no id: leave the id out, or give one";
  std::size_t chars = 0;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return "an id may not hold a control character (a line feed, a tab…): it is written on one line";
    if ((u & 0xC0) != 0x80) ++chars;
  }
  if (chars > kLongestId)
    return "an id is at most " + std::to_string(kLongestId) + " characters; this one has " + std::to_string(chars);
  return "";
}

// A file that is JSON but not an object (an array, a number, a text).
inline const char* notAFactsObject() { return "the facts file must be a JSON object such as {\"企业\": {…}}"; }

// An object naming no applicant (and nothing else wrong: an unknown key is told as such).
inline const char* noApplicant() { return "no applicant: expected a key naming a top-level subject, such as \"企业\""; }

// A second applicant: `key` is given besides `first`, the first in byte order, which is read.
inline std::string oneApplicantPerFile(const std::string& key, const std::string& first) {
  return "one applicant per file: " + key + " is given besides " + first;
}

}  // namespace polrt
