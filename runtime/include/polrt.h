/* polrt: the policy runtime's C API (C11 / C++). Load a compiled policy (.polb, docs/bytecode.md),
 * describe an applicant, evaluate, read the awards.
 *
 * Errors. Every function that can fail returns a polrt_status; POLRT_OK is 0. The message of the
 * last failure on the calling thread is polrt_last_error() (valid until the next call on that
 * thread). No C++ exception ever crosses this API.
 *
 * Ownership.
 *   - polrt_program: created by polrt_load_file / polrt_load_memory / polrt_load_memory_native,
 *     freed by polrt_program_free.
 *     Immutable once loaded and safe to share between threads. polrt_load_memory copies the bytes.
 *   - polrt_session: created by polrt_session_new for one program, freed by polrt_session_free;
 *     the program must outlive its sessions. A session is not thread-safe: use one per thread.
 *   - const char* returned by a program accessor lives as long as the program; one returned by a
 *     session accessor lives until the session's next polrt_evaluate, polrt_reset,
 *     polrt_applicant_load or polrt_session_free. The session accessors that build a string (item,
 *     min, max, computed max, reason, payee, missing, note, funding and installment min/max, the
 *     evaluation date and the not-in-force dates) keep a new copy at every call until then: read
 *     each once per evaluation, not in a loop (docs/bytecode.md). The totals (polrt_total,
 *     polrt_total_payer_min/_max, polrt_total_arrangement*) are made once per evaluation, by the
 *     first call that reads one: every call until then returns the same pointer and allocates nothing.
 *
 * An applicant is a tree of instances: the applicant itself (instance 0, a top-level subject such
 * as "企业") and the items it owns ("项目", …), added parent first. Facts are set on an instance by
 * name or by slot (polrt_fact_slot). Values are text: numbers as decimal strings in base units
 * ("100000000" 元, "0.12"), booleans "true"/"false" (or 是/否), enums by member name, dates
 * "YYYY-MM-DD", sets one member at a time, recognitions one member and grant date at a time.
 */
#ifndef POLRT_H
#define POLRT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum polrt_status {
  POLRT_OK = 0,
  POLRT_ERR_IO = 1,        /* the file cannot be read */
  POLRT_ERR_INVALID = 2,   /* the bytecode was rejected by the verifier */
  POLRT_ERR_ARGUMENT = 3,  /* a null pointer, an index out of range, a malformed value */
  POLRT_ERR_NOT_FOUND = 4, /* no subject, fact, member, clause or target of that name */
  POLRT_ERR_TYPE = 5,      /* the value does not fit the fact's type */
  POLRT_ERR_EVAL = 6,      /* evaluation error (overflow, a parameter before its first date, …) */
  POLRT_ERR_MEMORY = 7,
  POLRT_ERR_INTERNAL = 8
} polrt_status;

typedef struct polrt_program polrt_program;
typedef struct polrt_session polrt_session;

const char* polrt_last_error(void);
const char* polrt_status_name(polrt_status s);

/* ---- programs ---------------------------------------------------------------------------------- */
polrt_status polrt_load_file(const char* path, polrt_program** out);
polrt_status polrt_load_memory(const void* data, size_t size, polrt_program** out);
/* A program with native code for its blocks: what an object file from polc build --emit=obj calls
 * from its entry point (docs/llvm.md). `blocks` has one entry per code block of the program, NULL
 * for a block left to the interpreter; each is a function of the ABI in runtime/vm/native_abi.h,
 * compiled from these very bytes. The bytes and the table are copied; the functions' code must stay
 * loaded as long as the program (in an object file linked into the program: always). A count that
 * is not the program's block count is POLRT_ERR_ARGUMENT. */
typedef unsigned (*polrt_native_block)(void* frame);
polrt_status polrt_load_memory_native(const void* data, size_t size, const polrt_native_block* blocks, size_t count,
                                      polrt_program** out);
void polrt_program_free(polrt_program* p);

int polrt_subject_count(const polrt_program* p);
const char* polrt_subject_name(const polrt_program* p, int subject);
int polrt_find_subject(const polrt_program* p, const char* name); /* -1 when unknown */
int polrt_fact_count(const polrt_program* p, int subject);
const char* polrt_fact_name(const polrt_program* p, int subject, int slot);
/* "number", "bool", "enum", "set", "date", "text", "recognition" */
const char* polrt_fact_type(const polrt_program* p, int subject, int slot);
int polrt_fact_slot(const polrt_program* p, int subject, const char* name); /* -1 when unknown */
int polrt_clause_count(const polrt_program* p);
const char* polrt_clause_citation(const polrt_program* p, int clause);

/* ---- sessions and applicants ------------------------------------------------------------------- */
polrt_status polrt_session_new(const polrt_program* p, polrt_session** out);
void polrt_session_free(polrt_session* s);
/* Forgets the applicant and the result; keeps every buffer for the next one. */
polrt_status polrt_reset(polrt_session* s);
/* parent = -1 for the applicant itself (must be first); another negative parent is
 * POLRT_ERR_ARGUMENT. *out_instance receives its index. */
polrt_status polrt_add_instance(polrt_session* s, const char* subject, int parent, int* out_instance);
polrt_status polrt_set_date(polrt_session* s, const char* yyyy_mm_dd); /* default: today */

/* The value as the facts readers take it (docs/facts.md): a number as a decimal in the fact's base
 * unit ("-12.5"; no '+', no exponent), a boolean as true/false or 是/否 (not 1/0), a date as
 * YYYY-MM-DD, an enumeration's member by its name; another spelling gives POLRT_ERR_TYPE (a number
 * with a unit, "1亿元" or "12%" as a facts file writes it, is told to drop the unit). A number
 * outside the fact's 取值, or a negative amount with a unit, gives POLRT_ERR_TYPE (as polc's facts reader refuses it), and
 * the fact keeps its previous value. */
polrt_status polrt_set_fact(polrt_session* s, int instance, const char* fact, const char* value);
polrt_status polrt_set_fact_slot(polrt_session* s, int instance, int slot, const char* value);
/* A null member is POLRT_ERR_ARGUMENT, a member the fact's enumeration lacks POLRT_ERR_NOT_FOUND. */
polrt_status polrt_add_set_member(polrt_session* s, int instance, const char* fact, const char* member);
/* date NULL: held since an unknown date (never 新认定). */
polrt_status polrt_add_recognition(polrt_session* s, int instance, const char* fact, const char* member,
                                   const char* date);
polrt_status polrt_clear_fact(polrt_session* s, int instance, const char* fact);
/* The value of a fact declared 历史 in an earlier (or this) year. A year (here and of an award
 * received) is 0 to 9999, as the facts readers read four digits; another is POLRT_ERR_ARGUMENT.
 * A value for the evaluation year that differs from the fact set for it makes polrt_evaluate fail. */
polrt_status polrt_set_history(polrt_session* s, int instance, const char* fact, int year, const char* value);
/* An award already received: by citation or (citation NULL) by target. The citation as the facts
 * readers take it: the clause's full citation ("常办发〔2022〕1号 第3条第3款"), or with the
 * document's name for its 文号, blanks ignored; another is POLRT_ERR_NOT_FOUND; a target given beside a
 * citation must be that clause's own (POLRT_ERR_ARGUMENT otherwise); amount in 元, never
 * negative (POLRT_ERR_TYPE, as the facts readers refuse it) nor NULL (POLRT_ERR_ARGUMENT). */
polrt_status polrt_add_received(polrt_session* s, int instance, const char* citation, const char* target,
                                const char* amount, int year);

/* ---- evaluation -------------------------------------------------------------------------------- */
enum { POLRT_EXPLAIN = 1 };
/* An instance without one of its required (必填) facts gives POLRT_ERR_ARGUMENT ("instance 0 (企业):
 * 所在地: missing required fact (declared 必填)"), as the facts readers refuse it. On an error (or
 * with no applicant) the session then holds no awards and zero totals, never the previous
 * applicant's result. */
polrt_status polrt_evaluate(polrt_session* s, int flags);

/* A batch: for i in [0, n): reset, fill(s, i, user) describes applicant i, evaluate, then
 * done(s, i, status, user) reads the result. The session's buffers are reused throughout. A fill
 * that returns non-zero skips the applicant (done is called with POLRT_ERR_ARGUMENT, and
 * polrt_last_error() then reads "applicant 3 skipped: fill returned 1", followed by
 * " (the last error in it: …)" when a call inside fill failed). */
typedef int (*polrt_fill_fn)(polrt_session* s, size_t index, void* user);
typedef void (*polrt_done_fn)(polrt_session* s, size_t index, polrt_status status, void* user);
polrt_status polrt_evaluate_batch(polrt_session* s, size_t n, int flags, polrt_fill_fn fill, polrt_done_fn done,
                                  void* user);

/* ---- recorded applicants ------------------------------------------------------------------------ */
/* What a session holds as its applicant (instances, facts, histories, received awards, date), kept
 * apart from it: fill a session once with the setters above, save it, and load it again later —
 * into this or another session of the same program — in one call, without the names and parsing
 * of the setters (a batch evaluated more than once, at several dates). Loading replaces the
 * session's applicant; a recording that does not fit the session's program (another program's
 * subjects or slots) gives POLRT_ERR_ARGUMENT and leaves the session with no applicant. Only the
 * facts the program reads (and those declared 必填 or 历史, which polrt_evaluate checks, and the
 * recognitions, whose grants after the evaluation date it warns about) are saved,
 * and loading checks every fact of a recording but keeps only those: the others cannot change a
 * result. A recording saved under another program (another
 * bytecode file) is refused the same way: it may lack facts this program reads. An applicant is
 * immutable once saved and may be loaded by several threads' sessions at once. */
typedef struct polrt_applicant polrt_applicant;
polrt_status polrt_applicant_save(const polrt_session* s, polrt_applicant** out);
polrt_status polrt_applicant_load(polrt_session* s, const polrt_applicant* a);
void polrt_applicant_free(polrt_applicant* a);

/* ---- the result -------------------------------------------------------------------------------- */
/* The date the result is of, YYYY-MM-DD, as polc eval's JSON "date": the one polrt_set_date gave,
 * else today's (the service's record of what was evaluated on which day). NULL when the session
 * holds no result: before the first polrt_evaluate, after one that failed, polrt_reset or
 * polrt_applicant_load. A session accessor's string. */
const char* polrt_evaluation_date(const polrt_session* s);
int polrt_award_count(const polrt_session* s);
const char* polrt_award_citation(const polrt_session* s, int award);
/* The legal basis beside the citation, as polc eval's JSON gives it: the clause's title, its 原文,
 * and for a benefit award what the benefit is (NULL for any other kind). Strings of the program. */
const char* polrt_award_title(const polrt_session* s, int award);
const char* polrt_award_text(const polrt_session* s, int award);
const char* polrt_award_benefit(const polrt_session* s, int award);
/* The clause's 标的 (the target that awards received and 晋级补差 go by) and 类别, as polc eval's JSON
 * "target" and "category"; NULL when the clause declares none. Strings of the program. */
const char* polrt_award_target(const polrt_session* s, int award);
const char* polrt_award_category(const polrt_session* s, int award);
const char* polrt_award_item(const polrt_session* s, int award);   /* 企业.项目[0] */
const char* polrt_award_kind(const polrt_session* s, int award);   /* pay, benefit, negotiated, none */
const char* polrt_award_form(const polrt_session* s, int award);   /* exact, up_to, range; NULL: no amount */
const char* polrt_award_min(const polrt_session* s, int award);    /* decimal string; NULL: no amount */
const char* polrt_award_max(const polrt_session* s, int award);
const char* polrt_award_status(const polrt_session* s, int award); /* kept, capped, quota_limited, dropped,
                                                                      not_assessable, already_received */
/* As polc eval's JSON "computed_max", "capped" and "quota_limited": the ceiling before the caps over
 * several clauses (NULL: no amount), and 1 when such a cap cut the award or a quota limits it —
 * both may hold, where the status names one. 0 for an index out of range. */
const char* polrt_award_computed_max(const polrt_session* s, int award);
int polrt_award_capped(const polrt_session* s, int award);
int polrt_award_quota_limited(const polrt_session* s, int award);
const char* polrt_award_reason(const polrt_session* s, int award); /* "" when none */
const char* polrt_award_payee(const polrt_session* s, int award);
int polrt_award_funding_count(const polrt_session* s, int award);
const char* polrt_award_funding_payer(const polrt_session* s, int award, int part);
const char* polrt_award_funding_min(const polrt_session* s, int award, int part);
const char* polrt_award_funding_max(const polrt_session* s, int award, int part);
/* The funding rule in words (按现行财政体制执行), NULL when none; a negotiated award (一事一议) has
 * only this, when its rule is one in words, and never a split. */
const char* polrt_award_funding_arrangement(const polrt_session* s, int award);
/* The years a clause that pays in installments (分期) pays the award in, as the JSON result's
 * "installments": each year (the evaluation year, then the next ones) and its part, min and max as
 * decimal strings like polrt_award_min/max. 0 installments (and NULL) for an award paid at once. */
int polrt_award_installment_count(const polrt_session* s, int award);
int polrt_award_installment_year(const polrt_session* s, int award, int i); /* 0 for an index out of range */
const char* polrt_award_installment_min(const polrt_session* s, int award, int i);
const char* polrt_award_installment_max(const polrt_session* s, int award, int i);
int polrt_award_missing_count(const polrt_session* s, int award);
const char* polrt_award_missing(const polrt_session* s, int award, int i);
int polrt_award_explanation_count(const polrt_session* s, int award);
const char* polrt_award_explanation(const polrt_session* s, int award, int line);
/* The award's notes, as the JSON result's "notes": the clause's 释义; then, when its installments or
 * its funding split do not divide evenly at the rounding unit, who took the remainder and why
 * ("分期不能按比例整分：2024年、2025年 的份额按 0.01元 进一 舍入，余额由 2026年 承担", "资金分担不能按比例整分：市
 * 的份额按 0.01元 四舍五入 舍入，余额由 新北区 承担"); or, when a funding rule
 * needed a fact the applicant did not give, "资金分担无法判断，缺少：企业.所在地"; then, for an award a
 * non-stacking group keeps while some of its members are not assessable, one per such group:
 * "不重复享受（从优从高）中 常办发〔2022〕1号 第2条第1款 无法评估：评估后本项可能被替换". */
int polrt_award_note_count(const polrt_session* s, int award);
const char* polrt_award_note(const polrt_session* s, int award, int i);
/* Those not-assessable members, as the JSON result's "may_be_replaced_by": each as a drop names the
 * award it gave way to (its citation, then its item when that is not the applicant). 0 for most awards. */
int polrt_award_may_be_replaced_by_count(const polrt_session* s, int award);
const char* polrt_award_may_be_replaced_by(const polrt_session* s, int award, int i);

/* Warnings about the applicant, as `polc eval` gives them ("warnings" in its JSON result). First,
 * one for each recognition granted after the evaluation date (polrt_add_recognition with a later
 * day), which no clause counts: "企业.称号.国家专精特新小巨人企业: granted on 2025-06-01, after the
 * evaluation date 2025-03-01, so it is not counted: a recognition counts from the day it is
 * granted". Then: an award received given by its target alone (polrt_add_received with citation NULL) names no
 * clause, so the 累计/年度 caps over several clauses and the 一次性 clauses of that target do not
 * count it, and the result may pay more than the agency expects (docs/facts.md). Each warning
 * names those rules, as of the evaluation year, and asks for the award's citation:
 * "企业.项目[0].已获奖励[0]: given by its target 专精特新奖励 alone, this award names no clause, so
 * 上限 单个企业年度最高 does not count it: give its citation, the clause it was paid under, for them
 * to count it". The text is polc eval's except for the file name before it; its locator is the
 * instance's path (as polrt_award_item's) and the award's place among the awards received added to
 * that instance, counting from 0 — polc eval's path when instances and awards are added in the
 * facts file's order. Computed by polrt_evaluate (also when it then fails with POLRT_ERR_EVAL: they
 * are about the applicant; none when it refuses the applicant), from a loaded recorded applicant as
 * well; emptied by polrt_reset and polrt_applicant_load. After those, one for each instance
 * listing several instances a clause pays (a 项目 given two 引荐人): every evaluator pays the whole
 * award to the first, and the policy does not say how to share it, so the warning names the
 * clauses: "企业.项目[0] lists 2 引荐人: the award of 常办发〔2022〕1号 第3条第2款 goes to
 * 企业.项目[0].引荐人[0] only; the policy does not say how to share it". UTF-8, valid as a session
 * accessor's string; NULL for an index out of range. */
int polrt_warning_count(const polrt_session* s);
const char* polrt_warning(const polrt_session* s, int i);

/* Totals over kept awards: which = "exact", "up_to", "range_min", "range_max", "min", "max"; and, as
 * polc eval's JSON totals, "no_funding_rule_min"/"_max" (kept awards no funding rule of their
 * document covers), "funding_undecided_min"/"_max" (those whose funding rule needs a fact not given:
 * polrt_award_funding_undecided), "may_be_replaced_min"/"_max" (those a non-stacking group may still
 * drop: polrt_award_may_be_replaced_by; "0" when none). NULL for another name. */
const char* polrt_total(const polrt_session* s, const char* which);
int polrt_total_payer_count(const polrt_session* s);
const char* polrt_total_payer(const polrt_session* s, int i);
const char* polrt_total_payer_min(const polrt_session* s, int i);
const char* polrt_total_payer_max(const polrt_session* s, int i);

/* After a successful polrt_evaluate, the documents with clauses that are not in force on the
 * evaluation date, in the program's order, as polc eval's JSON "not_in_force": the date is why none
 * of their clauses is in the result (an applicant without a date is evaluated today, which may be
 * after every period; a district's measures of one year beside a city policy still in force).
 * Each document's number (文号) and its period as YYYY-MM-DD, NULL for an end the document leaves
 * open (and for an index out of range). None after an error or polrt_reset. The dates live as a session accessor's
 * strings; the number as the program. */
int polrt_not_in_force_count(const polrt_session* s);
const char* polrt_not_in_force_document(const polrt_session* s, int i);
const char* polrt_not_in_force_from(const polrt_session* s, int i);
const char* polrt_not_in_force_to(const polrt_session* s, int i);

/* ---- appended later (never reorder: the earlier functions keep their place) ------------------- */
/* 1 when a funding rule of the award's document needs a fact the applicant did not give, so which
 * level pays is not decided: the award has no split and no arrangement, its note
 * "资金分担无法判断，缺少：…" names the facts, and when kept it is in the totals' "funding_undecided"
 * (polrt_total) rather than "no_funding_rule". Read this flag, not the note's words, which a clause's
 * own 释义 may use too. 0 otherwise, and for an index out of range. */
int polrt_award_funding_undecided(const polrt_session* s, int award);
/* How many awards, as polc eval's JSON totals "counts": which = "exact", "up_to", "range", "benefit",
 * "negotiated", "dropped", "not_assessable", "already_received"; and "may_be_replaced", the JSON's
 * totals "may_be_replaced" count (kept awards with an amount that a group may still drop; 0 where the
 * JSON has no such key). -1 for another name or a null argument. */
int polrt_total_count(const polrt_session* s, const char* which);
/* The JSON totals' "by_arrangement": the kept awards whose funding rule is an arrangement in words
 * (按现行财政体制分级承担, no split), summed by arrangement, in the arrangements' byte order. The
 * payers' totals, these, "no_funding_rule" and "funding_undecided" add up to "min"/"max". The words
 * and amounts are session accessor strings; NULL for an index out of range. */
int polrt_total_arrangement_count(const polrt_session* s);
const char* polrt_total_arrangement(const polrt_session* s, int i);
const char* polrt_total_arrangement_min(const polrt_session* s, int i);
const char* polrt_total_arrangement_max(const polrt_session* s, int i);
/* Which part took the odd 分 when the award's funding split, or its installments, do not divide
 * evenly at the rounding unit: the index of that part (polrt_award_funding_payer's `part`,
 * polrt_award_installment_year's `i`), the 其余 payer or the last of a ratio split, the last
 * installment; -1 when every part is its exact share (1:1 of 100,000元), when the award has no split
 * or no installments, and for an index out of range. Read this, not the note's words
 * ("资金分担不能按比例整分：…，余额由 新北区 承担"), to bill the payer of the remainder. */
int polrt_award_funding_remainder(const polrt_session* s, int award);
int polrt_award_installment_remainder(const polrt_session* s, int award);

/* ---- why a clause did not apply (as `polc eval --why-not`, docs/eval-output.md) ---------------- */
/* After a successful polrt_evaluate: whether a clause paid the applicant and, when it did not, why:
 * the first 申报条件 or 条件 that failed, as the policy writes it, with the facts it read and the
 * applicant's values, or the result's reason (dropped by a group, cut to 0 by a cap, 一次性 already
 * received, not assessable and the facts it needs), or that its document is not in force, that the
 * facts list no item of its subject, that it is about another applicant's subject, that no 分档 of
 * its amount applies. The same reasons, in the same words, as `polc eval --why-not` gives for the
 * same applicant and the same compiled policy (tests/differential compares them clause by clause).
 *
 * `citation` names clauses as `polc eval --why-not` reads it: one clause by its full citation
 * ("常办发〔2022〕1号 第2条第1款", or with its document's name for the 文号, blanks ignored, 第02条 for
 * 第2条), a part
 * of a document ("常办发〔2022〕1号 第2条": each of its 款 and 项), or either without its document
 * ("第2条第1款": that clause of every document that has it), in the program's order;
 * POLRT_ERR_NOT_FOUND when it names none. For each clause, one entry per item of its subject (each
 * 项目), whether it paid or not, or one for the whole clause (other_subject, out_of_force, no_item). NULL or "all": as `--why-not all`,
 * every clause of the applicant's subjects that pays an item nothing, one entry per such item.
 * *out_count receives the number of entries (0: every clause asked about paid). Without a result
 * (before polrt_evaluate, after one that failed, polrt_reset, polrt_applicant_load) POLRT_ERR_ARGUMENT.
 * The entries and their strings live until the next polrt_why_not or until the result changes, as a
 * session accessor's; an index out of range gives NULL (or -1, 0 for the counts). */
polrt_status polrt_why_not(polrt_session* s, const char* citation, int* out_count);
const char* polrt_why_not_citation(const polrt_session* s, int i); /* the clause's full citation */
/* For whom, as polrt_award_item ("企业.项目[0]"); NULL for an entry about the whole clause. */
const char* polrt_why_not_item(const polrt_session* s, int i);
/* applied, condition, no_tier, not_assessable, already_received, dropped, capped_to_zero,
 * other_subject, out_of_force, no_item: as the JSON "kind" of --why-not. */
const char* polrt_why_not_kind(const polrt_session* s, int i);
/* In the result's words: "申报条件不成立", a drop's or a cap's reason, "缺少事实：…", the document's
 * period; "" for a clause that applied. */
const char* polrt_why_not_reason(const polrt_session* s, int i);
/* For kind "condition": 申报条件 or 条件; NULL otherwise. */
const char* polrt_why_not_where(const polrt_session* s, int i);
/* The entry's award in the result (polrt_award_*), -1 when the clause made none for the item. */
int polrt_why_not_award(const polrt_session* s, int i);
/* For kind "not_assessable": the facts it needs, as polrt_award_missing. */
int polrt_why_not_missing_count(const polrt_session* s, int i);
const char* polrt_why_not_missing(const polrt_session* s, int i, int m);
/* The condition that failed (kind "condition"), or the amount's 分档/分情形 that found no entry
 * (kind "no_tier"), as lines in reading order: line 0 is the condition itself, at depth 0; the parts
 * that say why are below it at depth 1, theirs at 2 (a 或 none of whose sides holds shows each, a 非
 * what held, a 若 its test and the branch taken, an undecided 且 each operand, a 分情形 each case).
 * A line gives its text as written, its outcome (成立, 不成立, 无适用档, 缺少事实, 计算出错), how its
 * parts make it ("且", "或", "非", "若", "分情形"; "" for a line without parts), and the values it read:
 * what ("企业.项目[0].设备投入", "上年(企业.营业收入)", "往年最高 企业.营业收入") and its value as
 * polc shows it ("8000万元", "未提供", "0（未提供，按默认）"). 0 lines for the other kinds. */
int polrt_why_not_line_count(const polrt_session* s, int i);
int polrt_why_not_line_depth(const polrt_session* s, int i, int line); /* -1 for an index out of range */
const char* polrt_why_not_line_text(const polrt_session* s, int i, int line);
const char* polrt_why_not_line_outcome(const polrt_session* s, int i, int line);
const char* polrt_why_not_line_joiner(const polrt_session* s, int i, int line);
int polrt_why_not_value_count(const polrt_session* s, int i, int line);
const char* polrt_why_not_value_what(const polrt_session* s, int i, int line, int v);
const char* polrt_why_not_value(const polrt_session* s, int i, int line, int v);

#ifdef __cplusplus
}
#endif

#endif /* POLRT_H */
