// The facts reader: values with units, exact numbers, and errors that name the field by its path.
#include "eval_util.h"
#include "support/source.h"

namespace polc::test {
namespace {

class Facts : public ::testing::Test {
 protected:
  void SetUp() override {
    c_ = compilePolicy(std::string(kSchema) + R"(文件 测试 { 条 1 { 款 1 { 原文 "x" 对象 企业 标的 规模奖励 给予 1元 } } })");
    ASSERT_TRUE(c_);
  }
  facts::FactsResult read(const std::string& json) { return readFacts(*c_, json); }
  // The single error of `json`.
  std::string error(const std::string& json) {
    auto r = read(json);
    EXPECT_EQ(r.errors.size(), 1u);
    return r.errors.empty() ? "" : r.errors.front();
  }
  const ir::Value& fact(const facts::FactsResult& r, int instance, const char* name) {
    const auto& in = r.applicant.instances.at(instance);
    const auto& slots = c_->program->subjects[in.subject].facts;
    for (std::size_t i = 0; i < slots.size(); ++i)
      if (slots[i].name == name) return *in.facts.at(i);
    throw std::runtime_error("no fact");
  }
  std::unique_ptr<CompiledPolicy> c_;
};

TEST_F(Facts, MoneyWithUnitsAndExactNumbers) {
  auto r = read(R"({"date": "2024-06-30", "企业": {"营业收入": "2.5亿元", "产值": 1234.56,
      "项目": [{"设备投入": "1200万元", "节能量": "5万吨标煤", "贷款期限": "1年"}, {"设备投入": 0.1}]}})");
  ASSERT_TRUE(r.ok()) << r.errors.front();
  EXPECT_EQ(str(fact(r, 0, "营业收入").lo), "250000000");
  EXPECT_EQ(str(fact(r, 0, "产值").lo), "1234.56");
  EXPECT_EQ(str(fact(r, 1, "设备投入").lo), "12000000");
  EXPECT_EQ(str(fact(r, 1, "节能量").lo), "50000");
  EXPECT_EQ(str(fact(r, 2, "设备投入").lo), "0.1") << "a JSON number never passes through a double";
  EXPECT_EQ(r.applicant.instances[2].path, "企业.项目[1]");
  EXPECT_EQ(ir::formatDate(*r.applicant.date), "2024-06-30");
}

// `"营业收入": 520` meant as 520亿元 is read as 520元 (a program writes amounts in 元): a note for the
// person reading polc eval's text names the fact and says how to write 万元; a value with its unit,
// and a plain number of another unit (吨标煤), get none.
TEST_F(Facts, APlainNumberForMoneyIsNotedAsReadIn元) {
  auto r = read(R"({"企业": {"营业收入": 520, "产值": "520万元", "项目": [{"设备投入": 0.5, "节能量": 50}]}})");
  ASSERT_TRUE(r.ok()) << r.errors.front();
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0], "企业.营业收入: the plain number 520 is read as 520元; if 万元 was meant, write \"520万元\" (or \"520亿元\" for 亿元)");
  EXPECT_EQ(r.notes[1].substr(0, r.notes[1].find(':')), "企业.项目[0].设备投入");
  EXPECT_EQ(str(fact(r, 0, "营业收入").lo), "520") << "the note changes nothing read";
}

TEST_F(Facts, WrongTypeNamesThePath) {
  EXPECT_EQ(error(R"({"企业": {"项目": [{}, {"设备投入": "abc"}]}})"),
            "企业.项目[1].设备投入: expected money, got \"abc\"");
}

// A JSON number is kept as its text for amounts, but a text fact refuses it, as it refuses a boolean
// and as the generated code's reader does: an ID number written without quotes is a mistake.
TEST_F(Facts, NumberForTextRefused) {
  EXPECT_EQ(error(R"({"个人": {"身份证号": 320400199001011234}})"),
            "个人.身份证号: expected text, got the number 320400199001011234: write \"320400199001011234\"");
  EXPECT_EQ(error(R"({"个人": {"身份证号": 1.5}})"), "个人.身份证号: expected text, got the number 1.5: write \"1.5\"");
  auto r = read(R"({"个人": {"身份证号": "320400199001011234", "年龄": 30}})");
  EXPECT_TRUE(r.ok()) << r.errors.front();
}

TEST_F(Facts, WrongDimension) {
  std::string e = error(R"({"企业": {"项目": [{"设备投入": "500吨标煤"}]}})");
  EXPECT_NE(e.find("企业.项目[0].设备投入: expected money"), std::string::npos) << e;
  EXPECT_NE(e.find("吨标煤"), std::string::npos) << e;
  e = error(R"({"企业": {"外资": "5000万元"}})");
  EXPECT_NE(e.find("企业.外资"), std::string::npos) << e;
}

TEST_F(Facts, UnknownEnumValue) {
  std::string e = error(R"({"企业": {"所在地": "上海"}})");
  EXPECT_NE(e.find("企业.所在地: unknown value \"上海\" of 辖区"), std::string::npos) << e;
  e = error(R"({"企业": {"称号": {"大巨人": "2024-01-01"}}})");
  EXPECT_NE(e.find("企业.称号.大巨人"), std::string::npos) << e;
}

TEST_F(Facts, ABooleanInQuotesIsText) {
  EXPECT_EQ(error(R"({"企业": {"制造业": "true"}})"),
            "企业.制造业: expected true or false (是/否), got the text \"true\": write true without quotes");
  EXPECT_TRUE(read(R"({"企业": {"制造业": true}})").ok());
  EXPECT_TRUE(read(R"({"企业": {"制造业": "否"}})").ok());
}

// Numbers typed with an input method in full-width mode, or with thousands separators, are refused
// with what to type instead: the message said only `got "１００万元"`, or blamed a unit `,000万元`.
TEST_F(Facts, FullWidthDigitsAndThousandsSeparatorsSayWhatToType) {
  const std::string fullWidth = " (full-width characters: write the number in ASCII digits, as 100万元 or 75%)";
  EXPECT_EQ(error(R"({"企业": {"营业收入": "１００万元"}})"), "企业.营业收入: expected money, got \"１００万元\"" + fullWidth);
  EXPECT_EQ(error(R"({"企业": {"营业收入": "1000．5万元"}})"), "企业.营业收入: expected money, got \"1000．5万元\"" + fullWidth);
  EXPECT_NE(error(R"({"企业": {"人数": "１２"}})").find(fullWidth), std::string::npos);
  const std::string separator = " (a thousands separator: write 1000万元, not 1,000万元)";
  EXPECT_EQ(error(R"({"企业": {"营业收入": "1,000万元"}})"), "企业.营业收入: expected money, got \"1,000万元\"" + separator);
  EXPECT_EQ(error(R"({"企业": {"营业收入": "1，000万元"}})"), "企业.营业收入: expected money, got \"1，000万元\"" + separator);
  EXPECT_TRUE(read(R"({"企业": {"营业收入": "1000万元"}})").ok());
}

// A file Excel or Notepad saved as UTF-16 ("Unicode") or GBK ("ANSI") is named as such: the
// messages were "a NUL byte at byte 1" and "ill-formed UTF-8 byte; last read: '\"\xD0\xC2'" (the
// raw bytes, themselves ill-formed UTF-8 on stderr).
TEST_F(Facts, AFileInAnotherEncodingIsNamed) {
  EXPECT_EQ(error(std::string("\xFF\xFE{\0}\0", 6)),
            "the file is UTF-16 (it begins with a UTF-16 byte order mark): save it as UTF-8");
  EXPECT_EQ(error(std::string("{\0}\0", 4)), "a NUL byte at byte 1: the file looks UTF-16: save it as UTF-8");
  EXPECT_EQ(error("{\"企业\": {\n\"所在地\": \"\xD0\xC2\xB1\xB1\xC7\xF8\"}}"),  // 新北区 in GBK
            "the file is not UTF-8 (byte 27, on line 2, is ill-formed UTF-8; GBK, \"ANSI\" on a Chinese Windows, is the "
            "usual cause): save it as UTF-8");
  EXPECT_EQ(error("{\"企业\": {\"所在地\": \"\xD0\xC2\"}}"),  // one line, as a batch's: no line number
            "the file is not UTF-8 (byte 26 is ill-formed UTF-8; GBK, \"ANSI\" on a Chinese Windows, is the usual "
            "cause): save it as UTF-8");
  EXPECT_TRUE(read("\xEF\xBB\xBF{\"企业\": {\"所在地\": \"新北区\"}}").ok()) << "a UTF-8 byte order mark is skipped";
}

// A file that is not JSON, or not JSON facts take, is refused by the parser the generated C++'s
// reader uses too (polc_runtime.h's JsonParser), in runtime/decimal/json_words.h's words: a syntax
// error at its line and column in characters (nlohmann's message counted bytes, and the generated
// reader gave a byte offset), what facts do not take by the path of its field.
TEST_F(Facts, AJsonErrorIsPlacedInCharactersAndARefusalByItsPath) {
  EXPECT_EQ(error("{\"企业\": {\"所在地\": \"新北区\",\n  \"人数\": 5, }}"),
            "invalid JSON at line 2, column 12: expected a key in double quotes, got '}'");
  EXPECT_EQ(error("\xEF\xBB\xBF{\"企业\" {}}"), "invalid JSON at line 1, column 7: expected ':' after the key, got '{'")
      << "a byte order mark is no column";
  EXPECT_EQ(error(R"({"企业": {"名称": "甲\q"}})"), "invalid JSON at line 1, column 17: bad escape \\q");
  EXPECT_EQ(error(R"({"企业": {"项目": [{}, {"设备投入": "1元", "设备投入": "2元"}]}})"),
            "企业.项目[1]: duplicate key \"设备投入\"");
  EXPECT_EQ(error(R"({"企业": {"history": null, "历史": null}})"),
            "企业: duplicate key \"历史\" (the same field as \"history\")");
  EXPECT_EQ(error(R"({"企业": {"项目": [{"设备投入": 2e8}]}})"),
            "企业.项目[0].设备投入: the number 2e8 has an exponent: write it out in full (1e3 as 1000)");
  EXPECT_EQ(error(std::string("{\"企业\": {}}\0{}", 15)), "a NUL byte at byte 14");
  EXPECT_EQ(error(std::string(300, '[') + std::string(300, ']')), "nested too deeply (more than 200 levels)");
}

TEST_F(Facts, NegativeAmount) {
  EXPECT_EQ(error(R"({"企业": {"营业收入": "-5万元"}})"), "企业.营业收入: negative amount \"-5万元\"");
}

TEST_F(Facts, UnknownField) {
  std::string e = error(R"({"企业": {"营收": "5万元"}})");
  EXPECT_NE(e.find("企业.营收: unknown field"), std::string::npos) << e;
  e = error(R"({"公司": {}})");
  EXPECT_NE(e.find("公司: unknown field"), std::string::npos) << e;
}

// A slip in a field's name is answered with the name meant, as policy files are (E0201).
TEST_F(Facts, AnUnknownFieldSuggestsTheNameMeant) {
  EXPECT_EQ(error(R"({"企业": {"项目": [{"设备投资": "1亿元"}]}})"),
            "企业.项目[0].设备投资: unknown field: 项目 has no fact or part named 设备投资 (did you mean 设备投入?)");
  EXPECT_EQ(error(R"({"企业": {"history": {"营业收人": {"2023": "1亿元"}}}})"),
            "企业.history.营业收人: unknown field: 企业 has no fact named 营业收人 (did you mean 营业收入?)");
  EXPECT_EQ(error(R"({"企业": {"毛利": "5万元"}})"), "企业.毛利: unknown field: 企业 has no fact or part named 毛利");
}

TEST_F(Facts, MissingRequiredFact) {
  EXPECT_EQ(error(R"({"个人": {"年龄": 30}})"), "个人.身份证号: missing required fact (declared 必填)");
  EXPECT_TRUE(read(R"({"个人": {"身份证号": "X"}})").ok());
}

TEST_F(Facts, CountsDatesHistoryAndReceived) {
  EXPECT_NE(error(R"({"企业": {"人数": 2.5}})").find("企业.人数: \"2.5\" is not a whole number"), std::string::npos);
  EXPECT_NE(error(R"({"企业": {"项目": [{"放款日期": "2022-02-30"}]}})").find("企业.项目[0].放款日期"),
            std::string::npos);
  EXPECT_NE(error(R"({"企业": {"history": {"人数": {"2023": 3}}}})").find("keeps no history"), std::string::npos);
  EXPECT_NE(error(R"({"企业": {"history": {"营业收入": {"last": "1元"}}}})").find("企业.history.营业收入.last"),
            std::string::npos);
  EXPECT_EQ(error(R"({"企业": {"已获奖励": [{"citation": "测试 第9条第9款", "amount": "1元", "year": 2023}]}})"),
            "企业.已获奖励[0].citation: unknown citation \"测试 第9条第9款\"");
  auto r = read(R"({"企业": {"received": [{"citation": "测试 第1条第1款", "amount": "3万元", "year": 2023}],
                             "history": {"营业收入": {"2023": "480亿元"}}}})");
  ASSERT_TRUE(r.ok()) << r.errors.front();
  ASSERT_EQ(r.applicant.received.size(), 1u);
  EXPECT_EQ(r.applicant.received[0].clause, 0);
  EXPECT_EQ(str(r.applicant.received[0].amount), "30000");
}

// `null` is the same as the key left out wherever a key may be left out (docs/facts.md): the date,
// a subject's items, its history (a fact's, a year's) and awards received, and an award's fields;
// the key must still be one the reader knows. `"项目": null` lists no project, as `[]` and no key do.
TEST_F(Facts, NullIsAKeyLeftOut) {
  auto r = read(R"({"date": null, "企业": {"项目": null, "营业收入": null, "history": null, "已获奖励": null}})");
  ASSERT_TRUE(r.ok()) << r.errors.front();
  EXPECT_FALSE(r.applicant.date);
  auto none = read(R"({"企业": {}})");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(r.applicant.instances.size(), none.applicant.instances.size()) << "no project is listed";
  EXPECT_EQ(read(R"({"企业": {"项目": []}})").applicant.instances.size(), none.applicant.instances.size());
  r = read(R"({"日期": null, "企业": {"history": {"营业收入": null}, "received": [
                 {"citation": "测试 第1条第1款", "target": null, "amount": "3万元", "year": 2023}]}})");
  ASSERT_TRUE(r.ok()) << r.errors.front();
  ASSERT_EQ(r.applicant.received.size(), 1u);
  EXPECT_EQ(r.applicant.received[0].clause, 0);
  r = read(R"({"企业": {"history": {"营业收入": {"2022": null, "2023": "480亿元"}}}})");
  ASSERT_TRUE(r.ok()) << r.errors.front();
  std::size_t years = 0;
  for (const auto& h : r.applicant.instances[0].history) years += h.size();
  EXPECT_EQ(years, 1u) << "2022 is not given";
  // Left out, a required field is missing; a misspelt key is unknown, null or not.
  EXPECT_EQ(error(R"({"企业": {"已获奖励": [{"citation": "测试 第1条第1款", "amount": null, "year": 2023}]}})"),
            "企业.已获奖励[0].amount: missing: the amount received");
  EXPECT_NE(error(R"({"企业": {"项木": null}})").find("企业.项木: unknown field"), std::string::npos);
  EXPECT_NE(error(R"({"企业": {"history": {"营业收人": null}}})").find("unknown field"), std::string::npos);
  EXPECT_NE(error(R"({"企业": {"history": {"营业收入": {"last": null}}}})").find("a history key is a year"),
            std::string::npos);
  // Inside a value null stands for no value at all: an error, as in a set or for a recognition's date.
  EXPECT_NE(error(R"({"企业": {"项目": [null]}})").find("企业.项目[0]: expected an object"), std::string::npos);
}

// A number inside an array or object given where a value was expected is shown as its text, as a
// number given alone is: it was shown as the JSON binary it is kept as (`{"bytes":[49],"subtype":null}`).
TEST_F(Facts, ANumberInsideAValueIsShownAsItsText) {
  EXPECT_EQ(error(R"({"企业": {"所在地": {"b": 1.50, "a": [2]}}})"), "企业.所在地: expected a value of 辖区, got {\"a\":[\"2\"],\"b\":\"1.50\"}");
}

// An error quotes a long value by characters, cut between two: cut at 57 bytes, a citation written
// with the document's title lost its end inside a character (ill-formed UTF-8 on stderr).
TEST_F(Facts, ALongValueIsQuotedByCharactersAndCutBetweenThem) {
  std::string cited = "关于促进产业高质量发展的若干政策 第3条第3款";  // 26 characters, 69 bytes
  std::string e = error(R"({"企业": {"已获奖励": [{"citation": ")" + cited + R"(", "amount": "1元", "year": 2023}]}})");
  EXPECT_EQ(e, "企业.已获奖励[0].citation: unknown citation \"" + cited + "\": it names none of the documents of these policies by its 文号 or name (an award under a document not evaluated with them, such as an earlier edition's, is given by its target)");
  std::string longer(70, 'x');
  for (int i = 0; i < 30; ++i) longer += "款";
  e = error(R"({"企业": {"已获奖励": [{"citation": ")" + longer + R"(", "amount": "1元", "year": 2023}]}})");
  EXPECT_EQ(findInvalidUtf8(e), std::string::npos) << e;
  EXPECT_NE(e.find("unknown citation \"" + std::string(56, 'x') + "..."), std::string::npos) << e;
  std::string chinese;
  for (int i = 0; i < 70; ++i) chinese += "款";
  e = error(R"({"企业": {"已获奖励": [{"citation": ")" + chinese + R"(", "amount": "1元", "year": 2023}]}})");
  EXPECT_EQ(findInvalidUtf8(e), std::string::npos) << e;
  EXPECT_NE(e.find("\"" + chinese.substr(0, 56 * 3) + "..."), std::string::npos) << e;
}

// A clause has one target: an award received naming another beside its citation would count for
// that target's 晋级补差 and for the clause's caps, so it is refused; its own target may be repeated.
TEST_F(Facts, AnAwardReceivedNamesNoTargetButItsClauses) {
  EXPECT_EQ(error(R"({"企业": {"已获奖励": [{"citation": "测试 第1条第1款", "target": "称号奖励",
                                            "amount": "1元", "year": 2023}]}})"),
            "企业.已获奖励[0].target: 称号奖励 is not the target of 测试 第1条第1款 (规模奖励): give the citation "
            "alone, the target follows from it");
  auto r = read(R"({"企业": {"已获奖励": [{"标的": "规模奖励", "citation": "测试 第1条第1款", "amount": "1元",
                                       "year": 2023}]}})");
  ASSERT_TRUE(r.ok()) << r.errors.front();
  EXPECT_EQ(r.applicant.received.at(0).clause, 0);
}

// Three targets, each under one rule: 规模奖励 a 年度 cap, 称号奖励 a 一次性 clause, 设备奖励 the cap
// `third` (合计 or 累计).
std::string rulesPolicy(const std::string& third) {
  return std::string(kSchema) + R"(文件 测试 { 文号 "测〔2024〕1号"
    条 1 { 款 1 { 原文 "x" 对象 企业 标的 规模奖励 给予 最高 100万元 }
           款 2 { 原文 "y" 对象 企业 标的 称号奖励 一次性 给予 10万元 }
           款 3 { 原文 "z" 对象 企业 标的 设备奖励 给予 10万元 } }
    上限 年度上限 150万元 每个 企业 年度 覆盖 第1条第1款 { 原文 "单个企业年度最高150万元" }
    )" + third + " }";
}

// Only caps that count awards received (累计, 年度) and 一次性 clauses are named; a target no such rule
// covers gives no warning.
TEST(FactsWarnings, AnAwardByTargetAloneNamesTheRulesThatDoNotCountIt) {
  auto c = compilePolicy(rulesPolicy(R"(上限 合计上限 150万元 每个 企业 覆盖 第1条第3款 { 原文 "合计最高150万元" })"));
  ASSERT_TRUE(c);
  // Evaluated in 2024: the 年度 cap counts an award of 2024, 一次性 one of an earlier year.
  auto read = [&](const char* target, int year) {
    return readFacts(*c, std::string(R"({"date": "2024-06-30", "企业": {"已获奖励": [{"target": ")") + target +
                             R"(", "amount": "30万元", "year": )" + std::to_string(year) + "}]}}");
  };
  auto capped = read("规模奖励", 2024);
  ASSERT_TRUE(capped.ok()) << capped.errors.front();
  ASSERT_EQ(capped.warnings.size(), 1u);
  EXPECT_NE(capped.warnings[0].find("企业.已获奖励[0]: given by its target 规模奖励 alone"), std::string::npos);
  EXPECT_NE(capped.warnings[0].find("上限 年度上限 does not count it"), std::string::npos) << capped.warnings[0];
  auto once = read("称号奖励", 2023);
  ASSERT_EQ(once.warnings.size(), 1u);
  EXPECT_NE(once.warnings[0].find("一次性 测〔2024〕1号 第1条第2款 does not count it"), std::string::npos) << once.warnings[0];
  EXPECT_TRUE(read("设备奖励", 2024).warnings.empty()) << "a 合计 cap counts this evaluation's awards only";
}

// A rule counts an award received only in some years (docs/ir.md, steps 5 and 8): a 年度 cap this
// year's, a 累计 cap those up to this year, 一次性 an earlier year's. An award of another year would
// not be counted with its citation either, so no warning says to give one — the evaluation date is
// the one given (`polc eval --date`), else the facts' date, else today, as every evaluator takes it.
TEST(FactsWarnings, AnAwardOfAYearTheRuleDoesNotCountGivesNoWarning) {
  auto c = compilePolicy(rulesPolicy(R"(上限 累计上限 150万元 每个 企业 累计 覆盖 第1条第3款 { 原文 "累计最高150万元" })"));
  ASSERT_TRUE(c);
  auto read = [&](const char* target, int year, std::optional<int> date = std::nullopt) {
    return facts::readFacts(*c->model, *c->program,
                            std::string(R"({"date": "2024-06-30", "企业": {"已获奖励": [{"target": ")") + target +
                                R"(", "amount": "30万元", "year": )" + std::to_string(year) + "}]}}",
                            date);
  };
  EXPECT_TRUE(read("规模奖励", 2023).warnings.empty()) << "a 年度 cap counts this year's awards only";
  EXPECT_EQ(read("规模奖励", 2024).warnings.size(), 1u);
  EXPECT_EQ(read("规模奖励", 2023, ir::parseDate("2023-03-01")).warnings.size(), 1u) << "the date given wins";
  EXPECT_TRUE(read("设备奖励", 2025).warnings.empty()) << "a 累计 cap counts awards up to this year";
  EXPECT_EQ(read("设备奖励", 2020).warnings.size(), 1u);
  EXPECT_TRUE(read("称号奖励", 2024).warnings.empty()) << "一次性 counts an earlier year's award";
  EXPECT_EQ(read("称号奖励", 2023).warnings.size(), 1u);
  // Undated facts and no date given: today's year, where the evaluation and the C API take it.
  auto undated = [&](int year) {
    return facts::readFacts(*c->model, *c->program,
                            R"({"企业": {"已获奖励": [{"target": "规模奖励", "amount": "30万元", "year": )" +
                                std::to_string(year) + "}]}}");
  };
  EXPECT_TRUE(undated(2020).warnings.empty()) << "a 年度 cap does not count an award of 2020 this year";
  EXPECT_EQ(undated(ir::yearOf(ir::today())).warnings.size(), 1u);
}

// A cap 每个 项目 counts the awards of each project (docs/ir.md, step 8): an award listed in the
// enterprise's object belongs to no project, and no citation would make that cap count it.
TEST(FactsWarnings, AnAwardAboveTheCapsSubjectGivesNoWarning) {
  auto c = compilePolicy(std::string(kSchema) + R"(文件 测试 { 文号 "测〔2024〕1号"
    条 1 { 款 1 { 原文 "x" 对象 项目 标的 规模奖励 给予 最高 100万元 } }
    上限 项目上限 150万元 每个 项目 累计 覆盖 第1条第1款 { 原文 "单个项目累计最高150万元" } })");
  ASSERT_TRUE(c);
  const std::string award = R"("已获奖励": [{"target": "规模奖励", "amount": "30万元", "year": 2023}])";
  auto enterprise = readFacts(*c, R"({"企业": {)" + award + "}}");
  ASSERT_TRUE(enterprise.ok()) << enterprise.errors.front();
  EXPECT_TRUE(enterprise.warnings.empty()) << enterprise.warnings.front();
  auto project = readFacts(*c, R"({"企业": {"项目": [{)" + award + "}]}}");
  ASSERT_TRUE(project.ok()) << project.errors.front();
  EXPECT_EQ(project.warnings.size(), 1u);
}

// polc eval's warnings about the applicant `json`: the reader's, then those that depend on the
// result (facts::warnSharedPayees).
std::vector<std::string> warnedAfterEvaluation(const CompiledPolicy& c, const std::string& json) {
  auto f = readFacts(c, json);
  EXPECT_TRUE(f.ok()) << (f.errors.empty() ? "" : f.errors.front());
  facts::warnSharedPayees(*c.program, eval::evaluate(*c.program, f.applicant, eval::Options{}), f);
  return f.warnings;
}

// A clause paying a subject below its own (a project's 引荐人) pays the first such item: the policy
// does not say how to share the award between two, so polc eval warns, naming the clauses whose
// award for the project (or one of its 子项) goes to the first and grants it something — at most
// three. A clause whose condition fails or cannot be assessed grants nothing and is not named: the
// warning once came with the facts, before the evaluation, and named it all the same.
TEST(FactsWarnings, AnItemListingSeveralPayeesNamesTheClausesPayingTheFirst) {
  std::string clauses;
  for (int k = 1; k <= 4; ++k)
    clauses += "款 " + std::to_string(k) + R"( { 原文 "x" 对象 项目 受益人 引荐人 标的 规模奖励 给予 1元 } )";
  auto c = compilePolicy(std::string(kSchema) + R"(
    主体 引荐人 隶属 项目 { 事实 名称: 文本 }
    主体 子项 隶属 项目 { 事实 名称: 文本 }
    文件 测试 { 文号 "测〔2024〕1号"
      条 1 { )" + clauses + R"( }
      条 2 { 款 1 { 原文 "y" 对象 子项 受益人 引荐人 标的 设备奖励 给予 1元 }
             款 2 { 原文 "z" 对象 项目 标的 改造奖励 给予 1元 } }
      条 3 { 款 1 { 原文 "w" 对象 项目 受益人 引荐人 标的 培训补贴 条件 设备投入 超 100元 给予 1元 } } })");
  ASSERT_TRUE(c);
  // The reader alone no longer warns: whether a clause grants is the evaluation's to say.
  EXPECT_TRUE(readFacts(*c, R"({"企业": {"项目": [{"引荐人": [{"名称": "乙"}, {"名称": "丙"}]}]}})").warnings.empty());
  // 条3款1 not assessable (设备投入 not given), then not met: not named.
  for (const char* equipment : {"", R"("设备投入": "50元", )"}) {
    auto two = warnedAfterEvaluation(*c, std::string(R"({"企业": {"项目": [{"引荐人": [{"名称": "甲"}]},
      {)") + equipment + R"("引荐人": [{"名称": "乙"}, {"名称": "丙"}]}]}})");
    ASSERT_EQ(two.size(), 1u) << "a project with one 引荐人 is paid as the policy says";
    EXPECT_EQ(two[0],
              "企业.项目[1] lists 2 引荐人: the awards of 测〔2024〕1号 第1条第1款、测〔2024〕1号 第1条第2款、"
              "测〔2024〕1号 第1条第3款 and 1 more go to 企业.项目[1].引荐人[0] only; the policy does not say how to "
              "share them");
  }
  // Met, 条3款1 grants 1元 to the first 引荐人 as well.
  auto met = warnedAfterEvaluation(*c, R"({"企业": {"项目": [{"设备投入": "200元", "引荐人": [{"名称": "乙"}, {"名称": "丙"}]}]}})");
  ASSERT_EQ(met.size(), 1u);
  EXPECT_NE(met[0].find("and 2 more go to 企业.项目[0].引荐人[0]"), std::string::npos) << met[0];
  auto sub = warnedAfterEvaluation(*c, R"({"企业": {"项目": [{"子项": [{"名称": "a"}],
      "引荐人": [{"名称": "乙"}, {"名称": "丙"}, {"名称": "丁"}]}]}})");
  ASSERT_EQ(sub.size(), 1u);
  EXPECT_NE(sub[0].find("企业.项目[0] lists 3 引荐人"), std::string::npos) << sub[0];
  EXPECT_NE(sub[0].find("and 2 more go to"), std::string::npos) << "第2条第1款 pays the 子项's: " << sub[0];
  EXPECT_TRUE(warnedAfterEvaluation(*c, R"({"企业": {"项目": [{"引荐人": [{"名称": "乙"}]}, {"引荐人": [{"名称": "丙"}]}]}})")
                  .empty())
      << "one 引荐人 a project";
}

TEST_F(Facts, EveryErrorIsReportedAndNothingIsKept) {
  auto r = read(R"({"企业": {"营业收入": "x", "所在地": 3, "项目": [{"改造": "maybe"}]}})");
  EXPECT_EQ(r.errors.size(), 3u);
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(read("{not json").ok());
}

}  // namespace
}  // namespace polc::test
