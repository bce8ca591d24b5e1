// Where in a facts file a message about a field stands. The readers name a field by its JSON path
// (`企业.项目[1].设备投入: expected money, got "abc"`), the same words in every reader, the generated
// C++'s too; polc, which has the file, also gives the line and column of that field, as its policy
// diagnostics do, so that a caseworker finds it in an editor (`f.json:3:20: 企业.项目[1].设备投入: …`).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "decimal/json_words.h"

namespace polc::facts {

// The place of the value the path a message begins with names (the text up to its first space or
// colon: `企业.项目[1].设备投入`); of the deepest part of that path the text has, when the message is
// about a field that is not there (`个人.所在地: missing required fact` points at `个人`'s object).
// A JSON syntax error is placed where its words say (`invalid JSON at line 2, column 14: …`).
// nullopt when the message names no field of the text (`no applicant: …`).
std::optional<polrt::JsonLineColumn> placeOfMessage(std::string_view text, std::string_view message);

// `message` after the file's name and, when it names a field of `text`, that field's line and column:
// `f.json:3:20: 企业.项目[1].设备投入: …`, else `f.json: no applicant: …`.
std::string withPlace(const std::string& name, std::string_view text, const std::string& message);

}  // namespace polc::facts
