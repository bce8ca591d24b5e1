// The C API takes the spellings the facts readers take, no more and no fewer: a citation of an
// award received with the document's name for its 文号 (decimal/citation_match.h), and neither a
// number with a leading '+' nor a boolean as 1/0, which the readers refuse.
#include <gtest/gtest.h>

#include <string>

#include "capi_session.h"
#include "polrt.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

// The status of the only award after an award received was added by `citation` (its status code
// when refused).
std::string statusAfterReceived(const char* citation) {
  static auto c = compile({"schema.pol", "../tests/vm/named_document.pol"});
  CApiSession session(*c);
  polrt_session* s = session.s;
  if (!s) return session.error;
  std::string out = "not set up: " + std::string(polrt_last_error());
  int firm = -1;
  if (polrt_set_date(s, "2024-06-30") == POLRT_OK && polrt_add_instance(s, "企业", -1, &firm) == POLRT_OK &&
      polrt_set_fact(s, firm, "所在地", "新北区") == POLRT_OK) {
    const polrt_status added = polrt_add_received(s, firm, citation, nullptr, "100000", 2023);
    if (added != POLRT_OK) out = "refused " + std::to_string(added);
    else if (polrt_evaluate(s, 0) == POLRT_OK && polrt_award_count(s) == 1) out = polrt_award_status(s, 0);
    else out = polrt_last_error();
  }
  return out;
}

TEST(CApiCitations, TheDocumentsNameMayStandForItsNumber) {
  EXPECT_EQ(statusAfterReceived("示〔2026〕9号 第1条第1款"), "already_received");
  EXPECT_EQ(statusAfterReceived("示例文件 第1条第1款"), "already_received") << "polc eval takes the name";
  EXPECT_EQ(statusAfterReceived("示例文件第1条第1款"), "already_received");
  EXPECT_EQ(statusAfterReceived("示例文件 第1条第2款"), "refused " + std::to_string(POLRT_ERR_NOT_FOUND));
  EXPECT_EQ(statusAfterReceived("示例 第1条第1款"), "refused " + std::to_string(POLRT_ERR_NOT_FOUND));
}

// polrt_set_fact, polrt_set_history and polrt_add_received refuse what the facts readers refuse
// (polc eval: `企业.营业收入: expected money, got "+5"`), where Decimal::parse alone takes "+5".
TEST(CApiSpellings, NoPlusSignAndNoOneOrZeroForABoolean) {
  static auto c = compile(kCity);
  CApiSession session(*c);
  ASSERT_TRUE(session.s) << session.error;
  polrt_session* s = session.s;
  int firm = -1;
  ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
  EXPECT_EQ(polrt_set_fact(s, firm, "营业收入", "+5"), POLRT_ERR_TYPE);
  EXPECT_NE(std::string(polrt_last_error()).find("expected a decimal number, got \"+5\""), std::string::npos)
      << polrt_last_error();
  EXPECT_EQ(polrt_set_fact(s, firm, "营业收入", "5"), POLRT_OK);
  EXPECT_EQ(polrt_set_history(s, firm, "营业收入", 2023, "+5"), POLRT_ERR_TYPE);
  EXPECT_EQ(polrt_set_history(s, firm, "营业收入", 2023, "5.5"), POLRT_OK);
  EXPECT_EQ(polrt_add_received(s, firm, nullptr, "规模跃升奖励", "+100", 2023), POLRT_ERR_TYPE);
  EXPECT_EQ(polrt_add_received(s, firm, nullptr, "规模跃升奖励", "100", 2023), POLRT_OK);
  for (const char* no : {"1", "0", "True", "yes"}) EXPECT_EQ(polrt_set_fact(s, firm, "制造业", no), POLRT_ERR_TYPE) << no;
  for (const char* yes : {"true", "false", "是", "否"}) EXPECT_EQ(polrt_set_fact(s, firm, "制造业", yes), POLRT_OK) << yes;
}

}  // namespace
}  // namespace polc::vmtest
