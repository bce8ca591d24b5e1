// Fuzz target: hostile .polb files through the runtime's C API (runtime/include/polrt.h), as an
// embedding system would load one received from elsewhere. Each input is tried twice: as is (the
// header, the size and the CRC-32 must reject almost every mutation) and with its body length and
// checksum recomputed, so that mutations reach the verifier and, when it accepts, the VM. A loaded
// program evaluates two applicants (small and huge values for every numeric fact) and every
// accessor of the result is read, and why each clause that paid nothing did not. Nothing may crash, hang, leak or trip a sanitizer; errors are
// statuses with a message.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "bytecode/format.h"
#include "polrt.h"

namespace {

void readResult(polrt_session* s) {
  std::size_t sink = 0;
  auto use = [&](const char* p) { sink += p ? std::strlen(p) : 0; };
  auto flag = [&](int v) { sink += static_cast<std::size_t>(v); };
  use(polrt_evaluation_date(s));
  int n = polrt_award_count(s);
  for (int a = 0; a < n; ++a) {
    use(polrt_award_citation(s, a));
    use(polrt_award_title(s, a));
    use(polrt_award_text(s, a));
    use(polrt_award_item(s, a));
    use(polrt_award_kind(s, a));
    use(polrt_award_benefit(s, a));
    use(polrt_award_target(s, a));
    use(polrt_award_category(s, a));
    use(polrt_award_form(s, a));
    use(polrt_award_min(s, a));
    use(polrt_award_max(s, a));
    use(polrt_award_computed_max(s, a));
    flag(polrt_award_capped(s, a));
    flag(polrt_award_quota_limited(s, a));
    flag(polrt_award_funding_undecided(s, a));
    use(polrt_award_status(s, a));
    use(polrt_award_reason(s, a));
    use(polrt_award_payee(s, a));
    for (int i = 0; i < polrt_award_installment_count(s, a); ++i) {
      flag(polrt_award_installment_year(s, a, i));
      use(polrt_award_installment_min(s, a, i));
      use(polrt_award_installment_max(s, a, i));
    }
    for (int f = 0; f < polrt_award_funding_count(s, a); ++f) {
      use(polrt_award_funding_payer(s, a, f));
      use(polrt_award_funding_min(s, a, f));
      use(polrt_award_funding_max(s, a, f));
    }
    use(polrt_award_funding_arrangement(s, a));
    for (int m = 0; m < polrt_award_missing_count(s, a); ++m) use(polrt_award_missing(s, a, m));
    for (int n = 0; n < polrt_award_note_count(s, a); ++n) use(polrt_award_note(s, a, n));
    for (int m = 0; m < polrt_award_may_be_replaced_by_count(s, a); ++m) use(polrt_award_may_be_replaced_by(s, a, m));
    for (int e = 0; e < polrt_award_explanation_count(s, a); ++e) use(polrt_award_explanation(s, a, e));
  }
  for (int w = 0; w < polrt_warning_count(s); ++w) use(polrt_warning(s, w));
  for (const char* w : {"exact", "up_to", "range_min", "range_max", "min", "max", "no_funding_rule_min",
                        "no_funding_rule_max", "funding_undecided_min", "funding_undecided_max", "may_be_replaced_min",
                        "may_be_replaced_max"})
    use(polrt_total(s, w));
  for (const char* w : {"exact", "up_to", "range", "benefit", "negotiated", "dropped", "not_assessable",
                        "already_received", "may_be_replaced"})
    flag(polrt_total_count(s, w));
  for (int i = 0; i < polrt_total_payer_count(s); ++i) {
    use(polrt_total_payer(s, i));
    use(polrt_total_payer_min(s, i));
    use(polrt_total_payer_max(s, i));
  }
  for (int i = 0; i < polrt_total_arrangement_count(s); ++i) {
    use(polrt_total_arrangement(s, i));
    use(polrt_total_arrangement_min(s, i));
    use(polrt_total_arrangement_max(s, i));
  }
  for (int i = 0; i < polrt_not_in_force_count(s); ++i) {
    use(polrt_not_in_force_document(s, i));
    use(polrt_not_in_force_from(s, i));
    use(polrt_not_in_force_to(s, i));
  }
  // Why every clause that paid nothing did not: the walk over the file's traces, whose nodes a
  // hostile file may point anywhere the verifier lets through.
  int whyNots = 0;
  if (polrt_why_not(s, "all", &whyNots) == POLRT_OK)
    for (int i = 0; i < whyNots; ++i) {
      use(polrt_why_not_citation(s, i));
      use(polrt_why_not_item(s, i));
      use(polrt_why_not_kind(s, i));
      use(polrt_why_not_reason(s, i));
      use(polrt_why_not_where(s, i));
      flag(polrt_why_not_award(s, i));
      for (int m = 0; m < polrt_why_not_missing_count(s, i); ++m) use(polrt_why_not_missing(s, i, m));
      for (int l = 0; l < polrt_why_not_line_count(s, i); ++l) {
        flag(polrt_why_not_line_depth(s, i, l));
        use(polrt_why_not_line_text(s, i, l));
        use(polrt_why_not_line_outcome(s, i, l));
        use(polrt_why_not_line_joiner(s, i, l));
        for (int v = 0; v < polrt_why_not_value_count(s, i, l); ++v) {
          use(polrt_why_not_value_what(s, i, l, v));
          use(polrt_why_not_value(s, i, l, v));
        }
      }
    }
  (void)sink;
}

void exercise(const polrt_program* p) {
  polrt_session* s = nullptr;
  if (polrt_session_new(p, &s) != POLRT_OK) return;
  const int subjects = polrt_subject_count(p);
  for (int round = 0; round < 2; ++round) {
    polrt_reset(s);
    polrt_set_date(s, round == 0 ? "2024-06-30" : "2022-03-01");
    int root = -1, inst = -1;
    for (int i = 0; i < subjects && root < 0; ++i)
      if (polrt_add_instance(s, polrt_subject_name(p, i), -1, &inst) == POLRT_OK) root = i;
    if (root < 0) break;
    // Items of every other subject under the applicant (those that do not fit are refused).
    for (int i = 0; i < subjects; ++i) {
      (void)polrt_find_subject(p, polrt_subject_name(p, i));
      if (i != root) polrt_add_instance(s, polrt_subject_name(p, i), 0, &inst);
    }
    const char* number = round == 0 ? "1234567.89" : "99999999999999999999999999999999999999";
    for (int slot = 0; slot < polrt_fact_count(p, root); ++slot) {
      const char* type = polrt_fact_type(p, root, slot);
      const char* name = polrt_fact_name(p, root, slot);
      if (!type || !name) continue;
      (void)polrt_fact_slot(p, root, name);
      std::string t = type;
      if (t == "number") polrt_set_fact_slot(s, 0, slot, number);
      else if (t == "bool") polrt_set_fact_slot(s, 0, slot, round == 0 ? "true" : "否");
      else if (t == "date") polrt_set_fact_slot(s, 0, slot, round == 0 ? "2024-01-01" : "1900-02-29");
      else if (t == "text") polrt_set_fact_slot(s, 0, slot, "文本");
      else if (t == "set") polrt_add_set_member(s, 0, name, "?");
      else if (t == "recognition") polrt_add_recognition(s, 0, name, "?", round == 0 ? "2024-03-01" : nullptr);
      else polrt_set_fact_slot(s, 0, slot, "?");
      polrt_set_history(s, 0, name, 2023, number);
    }
    if (polrt_clause_count(p) > 0)
      polrt_add_received(s, 0, polrt_clause_citation(p, 0), nullptr, round == 0 ? "1000" : number, 2023);
    // The result's getters after a failed evaluation too: its warnings stay, the rest is empty.
    if (polrt_evaluate(s, round == 0 ? POLRT_EXPLAIN : 0) != POLRT_OK) (void)polrt_last_error();
    readResult(s);
  }
  polrt_session_free(s);
}

void tryLoad(const std::uint8_t* data, std::size_t size) {
  polrt_program* p = nullptr;
  if (polrt_load_memory(data, size, &p) != POLRT_OK) {
    (void)polrt_last_error();
    return;
  }
  exercise(p);
  polrt_program_free(p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tryLoad(data, size);
  if (size < polrt::bc::kHeaderSize) return 0;
  std::vector<std::uint8_t> b(data, data + size);
  auto body = static_cast<std::uint32_t>(b.size() - polrt::bc::kHeaderSize);
  std::uint32_t crc = polrt::bc::crc32(b.data() + polrt::bc::kHeaderSize, body);
  for (int i = 0; i < 4; ++i) {
    b[12 + i] = static_cast<std::uint8_t>(body >> (8 * i));
    b[16 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
  }
  tryLoad(b.data(), b.size());
  return 0;
}
