// The words of the errors about an applicant's facts that more than one reader gives, in one
// place: polc's facts reader (compiler/facts/facts.cpp), the C API (runtime/api/polrt.cpp) and the
// generated C++'s reader and Run (polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, carries this header). An agency that moves from one
// to another must not find its facts refused in other words.
#pragma once

#include <string>

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

}  // namespace polrt
