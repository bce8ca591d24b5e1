// The words of the explanation lines and reasons that every evaluator writes about an award, in
// one place: the reference evaluator and the VM include this header, and polc_decimal.h (the
// generated C++'s decimal, made from these sources by compiler/backend/cpp/decimal_header.cmake)
// carries it, so that the three cannot word a line differently. Each evaluator writes its own
// numbers (money, quantities with their units) and passes them here as text.
#pragma once

#include <string>
#include <vector>

#include "decimal/decimal.h"

namespace polrt {

// An amount from its two ends, written by `write` (money, or a quantity with its unit). `form` is
// 0 exact, 1 up to, 2 range: the order of bc::Form, of the compiler's AmountForm and of the
// generated C++'s Form. An up-to amount with a fixed part (20元 + 最高 10元) shows its floor, which
// is paid whatever the review decides: 最低 20元、最高 30元.
template <class Write>
std::string amountWords(const Decimal& lo, const Decimal& hi, int form, Write write) {
  if (form == 0) return write(hi);
  if (form == 1) return lo.isZero() ? "最高 " + write(hi) : "最低 " + write(lo) + "、最高 " + write(hi);
  return write(lo) + "至" + write(hi);
}

// A cap over several clauses, by its period (0 once, 1 累计, 2 年度: bc's, the IR's and the
// generated C++'s CapPeriod, in that order).
inline const char* capKind(int period) { return period == 2 ? "年度上限" : period == 1 ? "累计上限" : "合计上限"; }

// ---- notes (说明, 释义) of the rules a step applies -------------------------------------------------

// A note of a group, cap or funding rule, shown under the step's line as a clause's 释义 is shown
// under its 原文; `whose` names the rule, as the step's line does.
inline std::string noteLine(const std::string& whose, const std::string& note) { return "释义（" + whose + "）：" + note; }
inline const char* fundingName() { return "资金分担"; }

// ---- the amount of a 一事一议 award --------------------------------------------------------------

inline std::string negotiatedLine(const std::string& basis) { return "一事一议：" + basis; }

// ---- funding ------------------------------------------------------------------------------------

// A funding rule whose condition needs a fact the applicant did not give: the award's note, and
// its line. `missing`: the facts, joined with 、.
inline std::string fundingUndecidedNote(const std::string& missing) { return "资金分担无法判断，缺少：" + missing; }
inline std::string fundingUndecidedLine(const std::string& rule, const std::string& missing) {
  return std::string(fundingName()) + "：" + rule + "：尚不能判断，缺少事实：" + missing;
}

// ---- non-stacking -------------------------------------------------------------------------------

inline const char* keptHighest() { return "本项金额最高，予以保留"; }
inline const char* keptOnTie() { return "与他项金额相同，按优先文件与引用先后予以保留"; }
inline std::string keptLine(const std::string& group, bool tie) {
  return "不重复享受（" + group + "）：" + (tie ? keptOnTie() : keptHighest());
}

// A document's place in a group's 优先 list (its length when the list does not name it): the first
// rule that settles a tie between awards that would pay the same (docs/ir.md, step 7).
template <class Prefer>
int preferRank(const Prefer& prefer, int document) {
  int rank = 0;
  for (const auto d : prefer) {
    if (static_cast<int>(d) == document) return rank;
    ++rank;
  }
  return rank;
}

// How the award kept beat a dropped one: 0 it would pay more; on a tie (`equal`), 1 by the group's
// 优先 (the kept award's document ranks before the dropped one's), 2 by citation order (the earlier
// document, then citation, then item). Each evaluator stores it on the drop and words it below.
enum TieRule : int { kNoTie = 0, kTieByPrefer = 1, kTieByOrder = 2 };
inline int tieRule(bool equal, int keptRank, int droppedRank) {
  return !equal ? kNoTie : keptRank != droppedRank ? kTieByPrefer : kTieByOrder;
}
// What a dropped award that lost a tie says: it would have paid the same, and the rule that chose
// the other. `preferred`: the kept award's document (文号), named by the group's 优先.
inline std::string tieLost(int tie, const std::string& preferred) {
  return tie == kTieByPrefer ? "金额相同，按本组优先 " + preferred + " 让位" : "金额相同，按引用先后让位（该项在前）";
}

// Why an award was dropped: the group, the award it gave way to (`kept`, with what that one would
// pay), how a tie was settled when both would pay the same (`tie`, tieRule; never "不及" then) and
// the group's 原文. When a later group dropped that award too, the line says so and names the
// award finally kept, instead of calling kept an award that is not.
inline std::string dropReason(const std::string& group, const std::string& kept, const std::string& keptAmount,
                              const std::string& text, int tie, const std::string& preferred) {
  return "不重复享受（" + group + "）：保留 " + kept + "（" + keptAmount + "）" +
         (tie == kNoTie ? "" : "；本项与之" + tieLost(tie, preferred)) + (text.empty() ? "" : "；原文：" + text);
}
inline std::string dropReasonChained(const std::string& group, const std::string& kept, const std::string& keptAmount,
                                     int tie, const std::string& preferred, const std::string& keptGroup,
                                     const std::string& finallyKept, const std::string& text) {
  const std::string gaveWay = tie == kNoTie ? "不及 " + kept + "（" + keptAmount + "）"
                                            : "与 " + kept + "（" + keptAmount + "）" + tieLost(tie, preferred);
  return "不重复享受（" + group + "）：" + gaveWay + "；该项又因不重复享受（" + keptGroup + "）不予叠加，最终保留 " +
         finallyKept + (text.empty() ? "" : "；原文：" + text);
}

// A non-stacking group some of whose members are not assessable (a fact they need is missing):
// the award it keeps for now, or the only counted one of its partition, is provisional, since
// once assessed one of those may pay more and the group would drop it (docs/eval-output.md,
// "不重复享受"). The award's note names the group and those members (`members`: each as a drop
// names the award it gave way to), and each member is the award's JSON `may_be_replaced_by`.
inline std::string replaceableNote(const std::string& group, const std::vector<std::string>& members) {
  std::string out = "不重复享受（" + group + "）中 ";
  for (std::size_t i = 0; i < members.size(); ++i) out += (i ? "、" : "") + members[i];
  return out + " 无法评估：评估后本项可能被替换";
}
// polc eval's text: the note's label in the award's block, and the totals' line of such awards
// (their range, then `count`).
inline const char* replaceableLabel() { return "待定"; }
inline const char* replaceableTotalLabel() { return "其中可能被替换"; }
inline std::string replaceableTotalNote(int count) {
  return "（" + std::to_string(count) + " 项：不重复组中有无法评估的条款，评估后可能不予叠加）";
}

// How a cap over several clauses cut what an award would pay, when a group compares the awards
// after those caps: `before`, then one step per cap that cut it (capCut). `who`: 本项, or the other
// award's citation.
inline std::string capCut(int period, const std::string& cap, const std::string& capAmount, const std::string& after) {
  return std::string("经") + capKind(period) + " " + cap + " " + capAmount + " 减至 " + after;
}
inline std::string cutAward(const std::string& who, const std::string& before, const std::vector<std::string>& cuts) {
  std::string out = who + " " + before;
  for (std::size_t i = 0; i < cuts.size(); ++i) out += (i ? "，" : " ") + cuts[i];
  return out;
}
// The line, when some award of the partition was cut: each such award (cutAward), joined.
inline std::string comparedAfterCaps(const std::string& group, const std::vector<std::string>& awards) {
  std::string out = "不重复享受（" + group + "）按上限后的金额比较：";
  for (std::size_t i = 0; i < awards.size(); ++i) out += (i ? "；" : "") + awards[i];
  return out;
}

}  // namespace polrt
