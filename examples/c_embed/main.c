/* Embedding the policy runtime from plain C11: load a compiled policy (.polb), describe scenario P2's
 * applicant (../shared/docs/scenarios.md), evaluate, and print the awards and totals.
 *
 *   build/polc build policies/schema.pol policies/changzhou-2022-industry-policy.pol \
 *       --emit=bytecode -o city.polb
 *   build/examples/c_embed/polrt_c_example city.polb
 *
 * P2: a project in 常州市重大项目库, completed this year, industry 新能源, equipment investment
 * 1亿元 → 常办发〔2022〕1号 第3条第3款: 12% = 12,000,000, capped by 单个项目最高1000万元: up to
 * 10,000,000. Then the same applicant, saved once (polrt_applicant_save), on three other dates, the
 * last before the city policy's period: nothing applies, and the policy is listed as not in force.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "polrt.h"

#define CHECK(call)                                                                          \
  do {                                                                                       \
    polrt_status st_ = (call);                                                               \
    if (st_ != POLRT_OK) {                                                                   \
      fprintf(stderr, "%s failed (%s): %s\n", #call, polrt_status_name(st_), polrt_last_error()); \
      return 1;                                                                              \
    }                                                                                        \
  } while (0)

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s POLICY.polb\n", argv[0]);
    return 2;
  }
  polrt_program* program = NULL;
  CHECK(polrt_load_file(argv[1], &program));
  polrt_session* s = NULL;
  CHECK(polrt_session_new(program, &s));

  int firm = -1, project = -1;
  CHECK(polrt_set_date(s, "2024-06-30"));
  CHECK(polrt_add_instance(s, "企业", -1, &firm));
  CHECK(polrt_set_fact(s, firm, "所在地", "新北区"));
  CHECK(polrt_set_fact(s, firm, "独立法人", "true"));
  CHECK(polrt_set_fact(s, firm, "制造业", "true"));
  CHECK(polrt_set_fact(s, firm, "工业企业", "true"));
  CHECK(polrt_set_fact(s, firm, "企业规模", "中型"));
  CHECK(polrt_add_instance(s, "项目", firm, &project));
  CHECK(polrt_add_set_member(s, project, "入库", "常州市重大项目库"));
  CHECK(polrt_set_fact(s, project, "当年竣工投产", "true"));
  CHECK(polrt_set_fact(s, project, "产业", "新能源"));
  CHECK(polrt_set_fact(s, project, "设备投入", "100000000")); /* 1亿元, in 元 */

  CHECK(polrt_evaluate(s, POLRT_EXPLAIN));

  /* What polc eval would warn about (an award received given by its target alone): none for P2. */
  for (int w = 0; w < polrt_warning_count(s); ++w) printf("warning: %s\n", polrt_warning(s, w));
  int n = polrt_award_count(s);
  printf("P2 on %s: %d clauses apply\n", polrt_evaluation_date(s), n);
  for (int i = 0; i < n; ++i) {
    const char* form = polrt_award_form(s, i);
    printf("[%d] %s  %s  %s", i + 1, polrt_award_citation(s, i), polrt_award_item(s, i), polrt_award_status(s, i));
    if (form) printf("  %s %s..%s", form, polrt_award_min(s, i), polrt_award_max(s, i));
    printf("\n");
    /* NULL for a clause without a 标的 or a 类别 (printf may not be given NULL for %s). */
    const char* target = polrt_award_target(s, i);
    const char* category = polrt_award_category(s, i);
    if (target) printf("    target: %s%s%s\n", target, category ? ", category: " : "", category ? category : "");
    const char* reason = polrt_award_reason(s, i);
    if (reason && *reason) printf("    reason: %s\n", reason);
    for (int k = 0; k < polrt_award_funding_count(s, i); ++k)
      printf("    paid by %s: %s\n", polrt_award_funding_payer(s, i, k), polrt_award_funding_max(s, i, k));
    if (polrt_award_funding_arrangement(s, i)) printf("    funded: %s\n", polrt_award_funding_arrangement(s, i));
    /* A funding rule that needs a fact not given: no level pays yet (the note names the fact). */
    if (polrt_award_funding_undecided(s, i)) printf("    funding undecided\n");
    if (strstr(polrt_award_citation(s, i), "第3条第3款"))
      for (int k = 0; k < polrt_award_explanation_count(s, i); ++k) printf("    | %s\n", polrt_award_explanation(s, i, k));
  }
  printf("total up to: %s (min %s, max %s)\n", polrt_total(s, "up_to"), polrt_total(s, "min"), polrt_total(s, "max"));
  for (int k = 0; k < polrt_total_payer_count(s); ++k)
    printf("  %s pays %s\n", polrt_total_payer(s, k), polrt_total_payer_max(s, k));
  /* What no payer's total holds: an arrangement in words, no funding rule, a rule still undecided;
   * with the payers' totals they add up to the max. */
  for (int k = 0; k < polrt_total_arrangement_count(s); ++k)
    printf("  %s: %s..%s\n", polrt_total_arrangement(s, k), polrt_total_arrangement_min(s, k),
           polrt_total_arrangement_max(s, k));
  printf("  no funding rule: up to %s, funding undecided: up to %s\n", polrt_total(s, "no_funding_rule_max"),
         polrt_total(s, "funding_undecided_max"));
  printf("counts: exact %d, up_to %d, range %d, benefit %d, not assessable %d, dropped %d, may be replaced %d\n",
         polrt_total_count(s, "exact"), polrt_total_count(s, "up_to"), polrt_total_count(s, "range"),
         polrt_total_count(s, "benefit"), polrt_total_count(s, "not_assessable"), polrt_total_count(s, "dropped"),
         polrt_total_count(s, "may_be_replaced"));

  /* The P2 result: 第3条第3款 for the project, up to 10,000,000. */
  int found = 0;
  for (int i = 0; i < n; ++i)
    if (strstr(polrt_award_citation(s, i), "第3条第3款") && polrt_award_form(s, i) &&
        strcmp(polrt_award_form(s, i), "up_to") == 0 && strcmp(polrt_award_max(s, i), "10000000") == 0)
      found = 1;
  printf("P2 result: %s\n", found ? "第3条第3款 up to 10,000,000" : "NOT FOUND");

  /* Why a clause paid nothing, as polc eval --why-not says it: the condition that failed, the parts
   * that say why below it, and the applicant's values each read. */
  int why = 0;
  CHECK(polrt_why_not(s, "常办发〔2022〕1号 第2条第4款", &why));
  for (int w = 0; w < why; ++w) {
    const char* item = polrt_why_not_item(s, w);
    printf("why not %s for %s: %s\n", polrt_why_not_citation(s, w), item ? item : "-", polrt_why_not_reason(s, w));
    for (int l = 0; l < polrt_why_not_line_count(s, w); ++l) {
      const int indent = 2 + 2 * polrt_why_not_line_depth(s, w, l);
      printf("%*s%s: %s\n", indent, "", polrt_why_not_line_text(s, w, l), polrt_why_not_line_outcome(s, w, l));
      for (int v = 0; v < polrt_why_not_value_count(s, w, l); ++v)
        printf("%*s%s = %s\n", indent + 2, "", polrt_why_not_value_what(s, w, l, v), polrt_why_not_value(s, w, l, v));
    }
  }

  /* The same applicant on other dates, without describing it again: saved once, loaded into the
   * session before each evaluation (another applicant may have used the session in between). */
  polrt_applicant* p2 = NULL;
  CHECK(polrt_applicant_save(s, &p2));
  const char* dates[] = {"2023-06-30", "2025-06-30", "2021-06-30"};
  for (int d = 0; d < 3; ++d) {
    CHECK(polrt_applicant_load(s, p2));
    CHECK(polrt_set_date(s, dates[d]));
    CHECK(polrt_evaluate(s, 0));
    printf("on %s: %d clauses apply, total up to %s\n", dates[d], polrt_award_count(s), polrt_total(s, "up_to"));
    /* Nothing applies: the documents whose period the date is outside, often why. */
    for (int k = 0; k < polrt_not_in_force_count(s); ++k) {
      const char* to = polrt_not_in_force_to(s, k);
      printf("  not in force: %s, from %s to %s\n", polrt_not_in_force_document(s, k), polrt_not_in_force_from(s, k),
             to ? to : "(open)");
    }
  }
  polrt_applicant_free(p2);

  polrt_session_free(s);
  polrt_program_free(program);
  return found ? 0 : 1;
}
