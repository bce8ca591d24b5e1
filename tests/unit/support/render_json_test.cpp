#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace polc {
namespace {

using nlohmann::json;

struct Fixture {
  SourceManager sm;
  std::vector<Diagnostic> diags;

  Fixture() {
    const FileId f = sm.add("policies/x.pol",
                            "政策 节能补贴 {\n"
                            "  事实 节能量: 吨标煤\n"
                            "  给予 节能量 + 100万元\n"
                            "}\n");
    Diagnostic e;
    e.code = "E0301";
    e.message = "cannot add 吨标煤 to 元";
    e.span = Span{f, 29, 40};  // 节能量 + 100万元 on line 3
    e.label = "吨标煤 + 元";
    e.notes.push_back({Span{f, 15, 18}, "节能量 is declared here"});
    e.notes.push_back({Span{}, "units must match"});
    e.help.push_back("did you mean `节能量`?");
    diags.push_back(e);

    Diagnostic w;
    w.severity = Severity::Warning;
    w.code = "W0900";
    w.message = "no tests";
    diags.push_back(w);
  }
};

TEST(RenderJson, FixtureOffsetsAreWhatTheTestsAssume) {
  Fixture fx;
  EXPECT_EQ(fx.sm.file(0).slice(29, 40), "节能量 + 100万元");
  EXPECT_EQ(fx.sm.file(0).slice(15, 18), "节能量");
}

TEST(RenderJson, FieldsOfAPlacedDiagnostic) {
  Fixture fx;
  const json root = json::parse(renderJson(fx.sm, fx.diags));
  EXPECT_EQ(root["errors"], 1);
  EXPECT_EQ(root["warnings"], 1);
  ASSERT_EQ(root["diagnostics"].size(), 2u);

  const json& d = root["diagnostics"][0];
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["code"], "E0301");
  EXPECT_EQ(d["message"], "cannot add 吨标煤 to 元");
  EXPECT_EQ(d["file"], "policies/x.pol");
  EXPECT_EQ(d["line"], 3);
  EXPECT_EQ(d["column"], 6);
  EXPECT_EQ(d["end_line"], 3);
  EXPECT_EQ(d["end_column"], 17);  // exclusive, in code points
  EXPECT_EQ(d["label"], "吨标煤 + 元");
  EXPECT_EQ(d["help"], json::array({"did you mean `节能量`?"}));

  ASSERT_EQ(d["notes"].size(), 2u);
  const json& placed = d["notes"][0];
  EXPECT_EQ(placed["message"], "节能量 is declared here");
  EXPECT_EQ(placed["file"], "policies/x.pol");
  EXPECT_EQ(placed["line"], 2);
  EXPECT_EQ(placed["column"], 6);
  EXPECT_EQ(placed["end_line"], 2);
  EXPECT_EQ(placed["end_column"], 9);
  const json& placeless = d["notes"][1];
  EXPECT_EQ(placeless["message"], "units must match");
  for (const char* key : {"file", "line", "column", "end_line", "end_column"}) {
    EXPECT_TRUE(placeless.at(key).is_null()) << key;
  }
}

TEST(RenderJson, PlacelessDiagnosticHasNullLocation) {
  Fixture fx;
  const json d = json::parse(renderJson(fx.sm, fx.diags))["diagnostics"][1];
  EXPECT_EQ(d["severity"], "warning");
  for (const char* key : {"file", "line", "column", "end_line", "end_column"}) {
    EXPECT_TRUE(d.at(key).is_null()) << key;
  }
  EXPECT_EQ(d["label"], "");
  EXPECT_EQ(d["notes"], json::array());
  EXPECT_EQ(d["help"], json::array());
}

TEST(RenderJson, MultiLineSpanEndsOnItsLastLine) {
  SourceManager sm;
  const FileId f = sm.add("m.pol", "甲 {\r\n  乙\r\n}\r\n");
  Diagnostic d;
  d.span = Span{f, 2, 11};  // from `{` through `}`
  const json j = json::parse(renderJson(sm, {d}))["diagnostics"][0];
  EXPECT_EQ(j["line"], 1);
  EXPECT_EQ(j["column"], 3);
  EXPECT_EQ(j["end_line"], 3);
  EXPECT_EQ(j["end_column"], 2);
}

TEST(RenderJson, ExactTextKeepsSchemaOrderAndUnescapedUtf8) {
  SourceManager sm;
  const FileId f = sm.add("a.pol", "\xEF\xBB\xBF" "给予 甲\n");
  Diagnostic d;
  d.code = "E0102";
  d.message = "unknown name 甲";
  d.span = Span{f, 4, 5};
  d.notes.push_back({Span{}, "名称区分大小写"});
  EXPECT_EQ(renderJson(sm, {d}),
            R"({
  "diagnostics": [
    {
      "severity": "error",
      "code": "E0102",
      "message": "unknown name 甲",
      "file": "a.pol",
      "line": 1,
      "column": 4,
      "end_line": 1,
      "end_column": 5,
      "label": "",
      "notes": [
        {
          "message": "名称区分大小写",
          "file": null,
          "line": null,
          "column": null,
          "end_line": null,
          "end_column": null
        }
      ],
      "help": []
    }
  ],
  "errors": 1,
  "warnings": 0
}
)");
}

TEST(RenderJson, EmptyListStillHasCounts) {
  SourceManager sm;
  EXPECT_EQ(renderJson(sm, {}),
            "{\n"
            "  \"diagnostics\": [],\n"
            "  \"errors\": 0,\n"
            "  \"warnings\": 0\n"
            "}\n");
}

TEST(RenderJson, InvalidUtf8InAMessageIsReplacedNotThrown) {
  SourceManager sm;
  Diagnostic d;
  d.message = "bad \xFF byte";
  std::string out;
  ASSERT_NO_THROW(out = renderJson(sm, {d}));
  EXPECT_EQ(json::parse(out)["diagnostics"][0]["message"], "bad \uFFFD byte");
}

}  // namespace
}  // namespace polc
