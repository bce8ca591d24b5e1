/* A policy compiled to an object file (polc build --emit=obj, docs/llvm.md) linked into plain C11:
 * the object embeds the bytecode and its blocks compiled to native code by LLVM, and exports one
 * entry point; the program links it and the runtime (polrt) and needs no file at run time.
 *
 *   build/polc build policies/schema.pol policies/changzhou-2022-industry-policy.pol \
 *       --emit=obj --entry city_policy_load -o city.o
 *   cc examples/obj_embed/main.c city.o -Iruntime/include build/runtime/libpolrt.a -fno-lto -lstdc++ -lm
 *   (-fno-lto: see docs/bytecode.md, "The C API")
 *
 * It evaluates scenario P2 (../shared/docs/scenarios.md): a 新能源 project in 常州市重大项目库,
 * completed this year, equipment investment 1亿元 → 第3条第3款: 12%, capped at 1000万元.
 */
#include <stdio.h>
#include <string.h>

#include "polrt.h"

/* Defined by city.o. */
polrt_status city_policy_load(polrt_program** out);

#define CHECK(call)                                                                                \
  do {                                                                                             \
    polrt_status st_ = (call);                                                                     \
    if (st_ != POLRT_OK) {                                                                         \
      fprintf(stderr, "%s failed (%s): %s\n", #call, polrt_status_name(st_), polrt_last_error()); \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

int main(void) {
  polrt_program* program = NULL;
  CHECK(city_policy_load(&program));
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

  int found = 0;
  for (int i = 0; i < polrt_award_count(s); ++i) {
    const char* form = polrt_award_form(s, i);
    printf("%s  %s  %s", polrt_award_citation(s, i), polrt_award_item(s, i), polrt_award_status(s, i));
    if (form) printf("  %s %s..%s", form, polrt_award_min(s, i), polrt_award_max(s, i));
    printf("\n");
    if (!strstr(polrt_award_citation(s, i), "第3条第3款")) continue;
    for (int k = 0; k < polrt_award_explanation_count(s, i); ++k) printf("    | %s\n", polrt_award_explanation(s, i, k));
    if (form && strcmp(form, "up_to") == 0 && strcmp(polrt_award_max(s, i), "10000000") == 0) found = 1;
  }
  printf("P2 result (native blocks): %s\n", found ? "第3条第3款 up to 10,000,000" : "NOT FOUND");
  polrt_session_free(s);
  polrt_program_free(program);
  return found ? 0 : 1;
}
