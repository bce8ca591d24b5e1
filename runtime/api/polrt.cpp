// The C API (runtime/include/polrt.h) over polrt::Program and polrt::Session. Every entry point
// catches everything: no C++ exception crosses the boundary.
#include "polrt.h"

#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>

#include "api/handles.h"
#include "api/totals_text.h"
#include "bytecode/program.h"
#include "decimal/fact_errors.h"
#include "decimal/date_words.h"
#include "decimal/name_suggest.h"
#include "decimal/parse_fault.h"
#include "text/text.h"
#include "vm/vm.h"

namespace {

using namespace polrt::api;

bool validAward(const polrt_session* s, int a) { return s && a >= 0 && a < s->s->awardCount(); }

polrt_status checkInstance(polrt_session* s, int instance) {
  if (!s) return fail(POLRT_ERR_ARGUMENT, "null session");
  if (instance < 0 || instance >= s->s->instanceCount())
    return fail(POLRT_ERR_ARGUMENT, "no instance " + std::to_string(instance));
  return POLRT_OK;
}

// The facts readers read a year as four digits; a year outside them would be kept and never match
// the evaluation year or the one before it, where the readers refuse it.
polrt_status checkYear(int year) {
  if (year < 0 || year > 9999)
    return fail(POLRT_ERR_ARGUMENT, polrt::notAYear(year));
  return POLRT_OK;
}

// A member the enumeration `enumIndex` lacks, with its values, in every reader's words.
std::string unknownValue(const polrt::Program& p, uint32_t enumIndex, const std::string& member) {
  const polrt::EnumDef& en = p.enums[enumIndex];
  std::vector<std::string> values;
  for (uint32_t m : en.members) values.push_back(p.str(m));
  return polrt::unknownValue(polrt::quotedValue(member), p.str(en.name), polrt::valuesListed(values.begin(), values.end()));
}

polrt_status resolveFact(polrt_session* s, int instance, const char* fact, int& slot) {
  if (auto st = checkInstance(s, instance)) return st;
  if (!fact) return fail(POLRT_ERR_ARGUMENT, "null fact name");
  const polrt::Program& p = *s->prog->p;
  int subject = s->s->instanceSubject(instance);
  slot = p.findFact(subject, fact);
  if (slot >= 0) return POLRT_OK;
  // The name meant, as the facts readers suggest it for a misspelt field (设备投资 for 设备投入).
  std::vector<std::string> names;
  for (const polrt::FactDef& f : p.subjects[subject].facts) names.push_back(p.str(f.name));
  return fail(POLRT_ERR_NOT_FOUND, p.str(p.subjects[subject].name) + " has no fact named " + fact + polrt::didYouMean(fact, names));
}

// The slot of a set or recognition fact (`kind`) and the index of `member` among its values. A null
// member is a null pointer (POLRT_ERR_ARGUMENT, as for every other argument), not an unknown value.
polrt_status resolveMember(polrt_session* s, int instance, const char* fact, const char* member, uint8_t kind, int& slot,
                           int& m) {
  if (auto st = resolveFact(s, instance, fact, slot)) return st;
  const polrt::Program& p = *s->prog->p;
  const polrt::FactDef& fd = p.subjects[s->s->instanceSubject(instance)].facts[slot];
  if (fd.kind != kind)
    return fail(POLRT_ERR_TYPE, std::string(fact) + (kind == polrt::bc::kSet ? " is not a set" : " is not a recognition"));
  if (!member) return fail(POLRT_ERR_ARGUMENT, "null member");
  m = p.findMember(p.types[fd.type].enumIndex, member);
  if (m < 0) return fail(POLRT_ERR_NOT_FOUND, unknownValue(p, p.types[fd.type].enumIndex, member));
  return POLRT_OK;
}

// A number as the facts readers take one, an optional '-' then digits: Decimal::parse also takes a
// leading '+', which they refuse, and the C API takes what they take (polrt.h).
std::optional<polrt::Decimal> factNumber(std::string_view v) {
  if (!v.empty() && v[0] == '+') return std::nullopt;
  return polrt::Decimal::parse(v);
}

// A number written with a unit or a percent sign, as facts files write one ("1亿元", "12%"): the
// setters take the number in the fact's base unit and say so, where "expected a decimal number"
// alone sent a developer looking for a typo in a value polc eval reads. "" for any other text.
std::string unitNote(std::string_view v) {
  std::size_t i = !v.empty() && v[0] == '-' ? 1 : 0;
  const std::size_t digits = i;
  while (i < v.size() && ((v[i] >= '0' && v[i] <= '9') || v[i] == '.')) ++i;
  // A unit (万元, 吨标煤: bytes beyond ASCII) or '%'; not a separator or an exponent ("1,000", "1e3").
  if (i == digits || i == v.size() || (v[i] != '%' && static_cast<unsigned char>(v[i]) < 0x80)) return "";
  return " (the C API reads no unit: give the number in the fact's base unit, 100000000 for 1亿元, 0.12 for 12%)";
}

// Parses `value` as a value of the fact's kind into a Val (for history) or straight into the slot.
polrt_status parseValue(const polrt::Program& p, const polrt::FactDef& fd, const char* value, polrt::Val& out) {
  using namespace polrt::bc;
  if (!value) return fail(POLRT_ERR_ARGUMENT, "null value");
  std::string_view v(value);
  out.kind = fd.kind;
  switch (fd.kind) {
    case kNum: {
      auto d = factNumber(v);
      if (!d)
        return fail(POLRT_ERR_TYPE, "expected a decimal number, got \"" + std::string(v) + "\"" + polrt::decimalLimitNote(v) + unitNote(v));
      const std::string given = polrt::quotedValue(std::string(v));
      if (p.types[fd.type].integer && !d->isInteger()) return fail(POLRT_ERR_TYPE, polrt::notAWholeNumber(given));
      // The checker's findings assume the declared range; an amount with a unit is never negative.
      if ((fd.min != kNone && *d < p.decimals[fd.min]) || (fd.max != kNone && *d > p.decimals[fd.max])) {
        const std::string& range = p.str(fd.rangeText);
        return fail(POLRT_ERR_TYPE, range.empty() ? polrt::negativeAmount(given) : polrt::outsideRange(given, p.str(fd.name), range));
      }
      out.lo = out.hi = *d;
      out.form = kExact;
      return POLRT_OK;
    }
    case kBool:
      // The readers' spellings (JSON true/false, "是"/"否"), not 1/0, which they refuse.
      if (v == "true" || v == "是") out.i = 1;
      else if (v == "false" || v == "否") out.i = 0;
      else return fail(POLRT_ERR_TYPE, polrt::expectedGot(polrt::aBoolean(), polrt::quotedValue(std::string(v))));
      return POLRT_OK;
    case kEnum: {
      int m = p.findMember(p.types[fd.type].enumIndex, v);
      if (m < 0) return fail(POLRT_ERR_NOT_FOUND, unknownValue(p, p.types[fd.type].enumIndex, std::string(v)));
      out.i = m;
      return POLRT_OK;
    }
    case kDate: {
      auto d = polrt::text::parseDate(v);
      if (!d) return fail(POLRT_ERR_TYPE, polrt::dateProblem(v));
      out.i = *d;
      return POLRT_OK;
    }
    case kText: return POLRT_OK;
    default: return fail(POLRT_ERR_TYPE, "sets and recognitions are set one member at a time");
  }
}

polrt_status setSlot(polrt_session* s, int instance, int slot, const char* value) {
  const polrt::Program& p = *s->prog->p;
  const polrt::FactDef& fd = p.subjects[s->s->instanceSubject(instance)].facts[slot];
  polrt::Val v;
  if (auto st = parseValue(p, fd, value, v)) return st;
  using namespace polrt::bc;
  switch (fd.kind) {
    case kNum: s->s->setNum(instance, slot, v.lo); break;
    case kBool: s->s->setBool(instance, slot, v.i != 0); break;
    case kEnum: s->s->setEnum(instance, slot, v.i); break;
    case kDate: s->s->setDay(instance, slot, v.i); break;
    case kText: s->s->setText(instance, slot, value); break;
    default: break;
  }
  return POLRT_OK;
}

// As the facts readers: a required (必填) fact not given is an error, not a result without it
// (its funding split silently undecided, say).
polrt_status requiredGiven(const polrt_session* s) {
  const polrt::Program& p = *s->prog->p;
  for (int i = 0; i < s->s->instanceCount(); ++i)
    for (int slot : s->prog->required[static_cast<std::size_t>(s->s->instanceSubject(i))])
      if (!s->s->factPresent(i, slot))
        return fail(POLRT_ERR_ARGUMENT, "instance " + std::to_string(i) + " (" +
                                            p.str(p.subjects[s->s->instanceSubject(i)].name) + "): " +
                                            p.str(p.subjects[s->s->instanceSubject(i)].facts[slot].name) +
                                            ": " + polrt::missingRequiredFact());
  return POLRT_OK;
}

// A skipped applicant's status comes with its message, as every failure's does (done() read an
// earlier, unrelated failure's), and with the message of the call that failed in fill, if one did.
polrt_status skipped(std::size_t applicant, int filled) {
  std::string why = "applicant " + std::to_string(applicant) + " skipped: fill returned " + std::to_string(filled);
  if (!g_error.empty()) why += " (the last error in it: " + g_error + ")";
  return fail(POLRT_ERR_ARGUMENT, why);
}

const char* decimalString(const polrt_session* s, const polrt::Decimal& d) { return keep(s, d.normalized().toString()); }

// One end of a part of an award (a payer's share, an installment's year) as a decimal string; NULL
// for no part (an index out of range).
template <class Part>
const char* partEnd(const polrt_session* s, const Part* part, polrt::Decimal Part::*end) {
  return part ? guardValue<const char*>(nullptr, [&] { return decimalString(s, part->*end); }) : nullptr;
}

}  // namespace

extern "C" {

const char* polrt_last_error(void) { return g_error.c_str(); }

const char* polrt_status_name(polrt_status s) {
  // A C caller may pass any int (C's enums are ints); in C++ a value outside the enumeration's
  // range is undefined behaviour once read as a polrt_status, so its bytes are read as an int.
  static_assert(sizeof(polrt_status) == sizeof(int), "polrt_status is passed as a C int");
  int code;
  std::memcpy(&code, &s, sizeof code);
  switch (code) {
    case POLRT_OK: return "ok";
    case POLRT_ERR_IO: return "io";
    case POLRT_ERR_INVALID: return "invalid";
    case POLRT_ERR_ARGUMENT: return "argument";
    case POLRT_ERR_NOT_FOUND: return "not_found";
    case POLRT_ERR_TYPE: return "type";
    case POLRT_ERR_EVAL: return "eval";
    case POLRT_ERR_MEMORY: return "memory";
    case POLRT_ERR_INTERNAL: return "internal";
  }
  return "?";
}

polrt_status polrt_load_memory(const void* data, size_t size, polrt_program** out) {
  return guard([&]() -> polrt_status {
    if (!out) return fail(POLRT_ERR_ARGUMENT, "null output pointer");
    *out = nullptr;
    if (!data && size) return fail(POLRT_ERR_ARGUMENT, "null data");
    auto r = polrt::load(static_cast<const uint8_t*>(data), size);
    if (!r.program) return fail(POLRT_ERR_INVALID, "invalid bytecode: " + r.error);
    auto* p = new polrt_program;
    p->p = std::move(r.program);
    for (const auto& sub : p->p->subjects) {
      p->required.emplace_back();
      for (std::size_t f = 0; f < sub.facts.size(); ++f)
        if (sub.facts[f].required) p->required.back().push_back(static_cast<int>(f));
    }
    *out = p;
    return POLRT_OK;
  });
}

polrt_status polrt_load_memory_native(const void* data, size_t size, const polrt_native_block* blocks, size_t count,
                                      polrt_program** out) {
  return guard([&]() -> polrt_status {
    if (!out) return fail(POLRT_ERR_ARGUMENT, "null output pointer");
    *out = nullptr;
    if (!blocks && count) return fail(POLRT_ERR_ARGUMENT, "null block table");
    polrt_program* p = nullptr;
    if (polrt_status st = polrt_load_memory(data, size, &p); st != POLRT_OK) return st;
    std::unique_ptr<polrt_program> owned(p);
    if (count != owned->p->blocks.size())
      return fail(POLRT_ERR_ARGUMENT, "the native table has " + std::to_string(count) + " blocks, the program " +
                                          std::to_string(owned->p->blocks.size()));
    static_assert(sizeof(unsigned) == sizeof(uint32_t), "native blocks return a 32-bit code");
    owned->p->native.resize(count);
    for (size_t i = 0; i < count; ++i) owned->p->native[i] = reinterpret_cast<polrt::NativeBlockFn>(blocks[i]);
    *out = owned.release();
    return POLRT_OK;
  });
}

polrt_status polrt_load_file(const char* path, polrt_program** out) {
  return guard([&]() -> polrt_status {
    if (!out || !path) return fail(POLRT_ERR_ARGUMENT, "null argument");
    *out = nullptr;
    // A directory opens "successfully" and reads as nothing ("invalid bytecode: truncated"); a FIFO
    // would block. Only a regular file is read.
    struct stat info {};
    if (::stat(path, &info) != 0) return fail(POLRT_ERR_IO, std::string(path) + ": " + std::strerror(errno));
    if (!S_ISREG(info.st_mode)) return fail(POLRT_ERR_IO, std::string(path) + ": not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(POLRT_ERR_IO, std::string(path) + ": cannot read the file");
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string bytes = buf.str();
    polrt_status st = polrt_load_memory(bytes.data(), bytes.size(), out);
    if (st != POLRT_OK) g_error = std::string(path) + ": " + g_error;
    return st;
  });
}

void polrt_program_free(polrt_program* p) { delete p; }

int polrt_subject_count(const polrt_program* p) { return p ? static_cast<int>(p->p->subjects.size()) : 0; }
const char* polrt_subject_name(const polrt_program* p, int s) {
  if (!p || s < 0 || s >= polrt_subject_count(p)) return nullptr;
  return p->p->str(p->p->subjects[s].name).c_str();
}
int polrt_find_subject(const polrt_program* p, const char* name) {
  return p && name ? guardValue(-1, [&] { return p->p->findSubject(name); }) : -1;
}
int polrt_fact_count(const polrt_program* p, int s) {
  if (!p || s < 0 || s >= polrt_subject_count(p)) return 0;
  return static_cast<int>(p->p->subjects[s].facts.size());
}
const char* polrt_fact_name(const polrt_program* p, int s, int f) {
  if (f < 0 || f >= polrt_fact_count(p, s)) return nullptr;
  return p->p->str(p->p->subjects[s].facts[f].name).c_str();
}
const char* polrt_fact_type(const polrt_program* p, int s, int f) {
  if (f < 0 || f >= polrt_fact_count(p, s)) return nullptr;
  static const char* const kNames[] = {"number", "bool", "enum", "set", "date", "text", "recognition"};
  return kNames[p->p->subjects[s].facts[f].kind];
}
int polrt_fact_slot(const polrt_program* p, int s, const char* name) {
  return p && name ? guardValue(-1, [&] { return p->p->findFact(s, name); }) : -1;
}
int polrt_clause_count(const polrt_program* p) { return p ? static_cast<int>(p->p->clauses.size()) : 0; }
const char* polrt_clause_citation(const polrt_program* p, int c) {
  if (!p || c < 0 || c >= polrt_clause_count(p)) return nullptr;
  return p->p->str(p->p->clauses[c].citation).c_str();
}

polrt_status polrt_session_new(const polrt_program* p, polrt_session** out) {
  return guard([&]() -> polrt_status {
    if (!p || !out) return fail(POLRT_ERR_ARGUMENT, "null argument");
    auto s = std::make_unique<polrt_session>();
    s->prog = p;
    s->s = std::make_unique<polrt::Session>(*p->p);
    *out = s.release();
    return POLRT_OK;
  });
}

void polrt_session_free(polrt_session* s) { delete s; }

polrt_status polrt_reset(polrt_session* s) {
  return guard([&]() -> polrt_status {
    if (!s) return fail(POLRT_ERR_ARGUMENT, "null session");
    s->s->reset();
    s->forgetResult();
    return POLRT_OK;
  });
}

polrt_status polrt_add_instance(polrt_session* s, const char* subject, int parent, int* out_instance) {
  return guard([&]() -> polrt_status {
    if (!s || !subject) return fail(POLRT_ERR_ARGUMENT, "null argument");
    int sub = s->prog->p->findSubject(subject);
    if (sub < 0) {
      std::vector<std::string> names;
      for (const auto& def : s->prog->p->subjects) names.push_back(s->prog->p->str(def.name));
      return fail(POLRT_ERR_NOT_FOUND, std::string("no subject named ") + subject + polrt::didYouMean(subject, names));
    }
    int i = s->s->addInstance(sub, parent);
    if (i < 0) {
      const polrt::Program& p = *s->prog->p;
      if (parent < -1)
        return fail(POLRT_ERR_ARGUMENT, "no instance " + std::to_string(parent) + " to own " + subject +
                                            " (the applicant's parent is -1)");
      if (parent < 0)
        return fail(POLRT_ERR_ARGUMENT, std::string(subject) + " cannot be the applicant (or one was already added)");
      if (parent >= s->s->instanceCount())
        return fail(POLRT_ERR_ARGUMENT, "no instance " + std::to_string(parent) + " to own " + subject +
                                            (s->s->instanceCount() == 0 ? ": add the applicant first (parent -1)" : ""));
      return fail(POLRT_ERR_ARGUMENT, std::string(subject) + " is not owned by instance " + std::to_string(parent) + " (" +
                                          p.str(p.subjects[s->s->instanceSubject(parent)].name) + ")");
    }
    if (out_instance) *out_instance = i;
    return POLRT_OK;
  });
}

polrt_status polrt_set_date(polrt_session* s, const char* date) {
  return guard([&]() -> polrt_status {
    if (!s || !date) return fail(POLRT_ERR_ARGUMENT, "null argument");
    auto d = polrt::text::parseDate(date);
    if (!d) return fail(POLRT_ERR_TYPE, polrt::dateProblem(date));
    s->s->setDate(*d);
    return POLRT_OK;
  });
}

polrt_status polrt_set_fact(polrt_session* s, int instance, const char* fact, const char* value) {
  return guard([&]() -> polrt_status {
    int slot;
    if (auto st = resolveFact(s, instance, fact, slot)) return st;
    return setSlot(s, instance, slot, value);
  });
}

polrt_status polrt_set_fact_slot(polrt_session* s, int instance, int slot, const char* value) {
  return guard([&]() -> polrt_status {
    if (auto st = checkInstance(s, instance)) return st;
    if (slot < 0 || slot >= polrt_fact_count(s->prog, s->s->instanceSubject(instance)))
      return fail(POLRT_ERR_ARGUMENT, "no fact slot " + std::to_string(slot));
    return setSlot(s, instance, slot, value);
  });
}

polrt_status polrt_add_set_member(polrt_session* s, int instance, const char* fact, const char* member) {
  return guard([&]() -> polrt_status {
    int slot, m;
    if (auto st = resolveMember(s, instance, fact, member, polrt::bc::kSet, slot, m)) return st;
    s->s->addSetMember(instance, slot, m);
    return POLRT_OK;
  });
}

polrt_status polrt_add_recognition(polrt_session* s, int instance, const char* fact, const char* member, const char* date) {
  return guard([&]() -> polrt_status {
    int slot, m;
    if (auto st = resolveMember(s, instance, fact, member, polrt::bc::kRecog, slot, m)) return st;
    int day = INT32_MIN / 2;  // held since an unknown date
    if (date) {
      auto d = polrt::text::parseDate(date);
      if (!d) return fail(POLRT_ERR_TYPE, polrt::dateProblem(date));
      day = *d;
    }
    if (!s->s->factPresent(instance, slot)) s->s->setRecognition(instance, slot);
    s->s->addGrant(instance, slot, m, day);
    return POLRT_OK;
  });
}

polrt_status polrt_clear_fact(polrt_session* s, int instance, const char* fact) {
  return guard([&]() -> polrt_status {
    int slot;
    if (auto st = resolveFact(s, instance, fact, slot)) return st;
    s->s->clearFact(instance, slot);
    return POLRT_OK;
  });
}

polrt_status polrt_set_history(polrt_session* s, int instance, const char* fact, int year, const char* value) {
  return guard([&]() -> polrt_status {
    int slot;
    if (auto st = resolveFact(s, instance, fact, slot)) return st;
    if (auto st = checkYear(year)) return st;
    const polrt::Program& p = *s->prog->p;
    const polrt::FactDef& fd = p.subjects[s->s->instanceSubject(instance)].facts[slot];
    if (!fd.history) return fail(POLRT_ERR_TYPE, std::string(fact) + " keeps no history (its declaration has no 历史)");
    if (fd.kind == polrt::bc::kText) return fail(POLRT_ERR_TYPE, "text facts keep no history");
    polrt::Val v;
    if (auto st = parseValue(p, fd, value, v)) return st;
    s->s->setHistory(instance, slot, year, v);
    return POLRT_OK;
  });
}

polrt_status polrt_add_received(polrt_session* s, int instance, const char* citation, const char* target,
                                const char* amount, int year) {
  return guard([&]() -> polrt_status {
    if (auto st = checkInstance(s, instance)) return st;
    if (auto st = checkYear(year)) return st;
    const polrt::Program& p = *s->prog->p;
    int clause = -1, tgt = -1;
    if (citation) {
      clause = p.findClause(citation);
      if (clause < 0)
        return fail(POLRT_ERR_NOT_FOUND, polrt::unknownCitation(polrt::quotedValue(citation), p.namesAnotherDocument(citation)));
      // On another item it would match no award (一次性 compares the item): refused, as the facts
      // readers refuse it, rather than ignored.
      if (std::string why = p.misplacedReceived(clause, s->s->instanceSubject(instance)); !why.empty())
        return fail(POLRT_ERR_ARGUMENT, why);
    }
    if (target) {
      tgt = p.findTarget(target);
      if (tgt < 0) return fail(POLRT_ERR_NOT_FOUND, polrt::unknownTarget(polrt::quotedValue(target)));
    }
    if (clause < 0 && tgt < 0) return fail(POLRT_ERR_ARGUMENT, polrt::noCitationNorTarget());
    // As the facts readers: the award would count for one target's 晋级补差 and another clause's caps.
    if (clause >= 0 && tgt >= 0)
      if (std::string why = p.otherTarget(clause, tgt); !why.empty()) return fail(POLRT_ERR_ARGUMENT, why);
    if (clause >= 0 && tgt < 0) tgt = p.clauses[clause].target;
    if (!amount) return fail(POLRT_ERR_ARGUMENT, "null amount");
    auto d = factNumber(amount);
    if (!d) return fail(POLRT_ERR_TYPE, "expected the amount as a decimal number" + polrt::decimalLimitNote(amount) + unitNote(amount));
    // As the facts readers: a negative amount received would raise a 晋级补差 top-up.
    if (d->isNegative()) return fail(POLRT_ERR_TYPE, polrt::negativeAmount(polrt::quotedValue(amount)));
    s->s->addReceived(instance, clause, tgt, *d, year, citation ? citation : "");
    return POLRT_OK;
  });
}

polrt_status polrt_evaluate(polrt_session* s, int flags) {
  return guard([&]() -> polrt_status {
    if (!s) return fail(POLRT_ERR_ARGUMENT, "null session");
    s->forgetResult();
    if (s->s->instanceCount() == 0) return fail(POLRT_ERR_ARGUMENT, "no applicant: add an instance first");
    if (auto st = requiredGiven(s)) {
      s->s->clearResult();
      return st;
    }
    if (!s->s->evaluate((flags & POLRT_EXPLAIN) != 0)) return fail(POLRT_ERR_EVAL, "evaluation error: " + s->s->error());
    s->evaluated = true;
    return POLRT_OK;
  });
}

polrt_status polrt_applicant_save(const polrt_session* s, polrt_applicant** out) {
  if (out) *out = nullptr;
  return guard([&]() -> polrt_status {
    if (!s || !out) return fail(POLRT_ERR_ARGUMENT, "null argument");
    auto a = std::make_unique<polrt_applicant>();
    s->s->save(a->a);
    *out = a.release();
    return POLRT_OK;
  });
}

polrt_status polrt_applicant_load(polrt_session* s, const polrt_applicant* a) {
  return guard([&]() -> polrt_status {
    if (!s || !a) return fail(POLRT_ERR_ARGUMENT, "null argument");
    s->forgetResult();
    if (!s->s->load(a->a)) return fail(POLRT_ERR_ARGUMENT, "the recorded applicant does not fit this session's program (saved under another program, or another program's subjects, slots or kinds)");
    return POLRT_OK;
  });
}

void polrt_applicant_free(polrt_applicant* a) { delete a; }

polrt_status polrt_evaluate_batch(polrt_session* s, size_t n, int flags, polrt_fill_fn fill, polrt_done_fn done, void* user) {
  return guard([&]() -> polrt_status {
    if (!s || !fill) return fail(POLRT_ERR_ARGUMENT, "null argument");
    for (size_t i = 0; i < n; ++i) {
      polrt_reset(s);
      g_error.clear();  // so that a failure inside fill is told from an earlier one
      const int filled = fill(s, i, user);
      polrt_status st = filled == 0 ? polrt_evaluate(s, flags) : skipped(i, filled);
      if (done) done(s, i, st, user);
    }
    return POLRT_OK;
  });
}

const char* polrt_evaluation_date(const polrt_session* s) {
  if (!s || !s->evaluated) return nullptr;
  return guardValue<const char*>(nullptr, [&] { return keep(s, polrt::text::formatDate(s->s->date())); });
}

int polrt_award_count(const polrt_session* s) { return s ? s->s->awardCount() : 0; }

#define POLRT_AWARD_STRING(name, expr)                                  \
  const char* name(const polrt_session* s, int award) {                 \
    if (!validAward(s, award)) return nullptr;                          \
    return guardValue<const char*>(nullptr, [&]() -> const char* {      \
      const polrt::AwardR& a = s->s->award(award);                      \
      const polrt::Program& p = *s->prog->p;                            \
      (void)p;                                                          \
      return expr;                                                      \
    });                                                                 \
  }

POLRT_AWARD_STRING(polrt_award_citation, p.str(p.clauses[a.clause].citation).c_str())
// The clause's title, 原文 and, for a benefit, what it gives: the program's strings, as polc eval's
// JSON gives them beside the citation.
POLRT_AWARD_STRING(polrt_award_title, p.str(p.clauses[a.clause].title).c_str())
POLRT_AWARD_STRING(polrt_award_text, p.str(p.clauses[a.clause].text).c_str())
POLRT_AWARD_STRING(polrt_award_benefit, a.kind == polrt::kBenefit ? p.str(p.clauses[a.clause].benefit).c_str() : nullptr)
POLRT_AWARD_STRING(polrt_award_target, p.clauses[a.clause].target < 0 ? nullptr
                                       : p.str(p.targets[static_cast<std::size_t>(p.clauses[a.clause].target)]).c_str())
POLRT_AWARD_STRING(polrt_award_category, p.clauses[a.clause].kind < 0 ? nullptr
                                         : p.str(p.kinds[static_cast<std::size_t>(p.clauses[a.clause].kind)]).c_str())
// A copy kept by the session: the path lives in the session's instances, which polrt_add_instance may move.
POLRT_AWARD_STRING(polrt_award_item, keep(s, s->s->instancePath(a.instance)))
POLRT_AWARD_STRING(polrt_award_kind, a.kind == polrt::kPay ? "pay" : a.kind == polrt::kBenefit ? "benefit"
                                     : a.kind == polrt::kNegotiated ? "negotiated" : "none")
POLRT_AWARD_STRING(polrt_award_form, !a.hasAmount() ? nullptr : a.form == polrt::bc::kExact ? "exact"
                                     : a.form == polrt::bc::kUpTo ? "up_to" : "range")
POLRT_AWARD_STRING(polrt_award_min, a.hasAmount() ? decimalString(s, a.lo) : nullptr)
POLRT_AWARD_STRING(polrt_award_max, a.hasAmount() ? decimalString(s, a.hi) : nullptr)
POLRT_AWARD_STRING(polrt_award_computed_max, a.hasAmount() ? decimalString(s, a.computedHi) : nullptr)
POLRT_AWARD_STRING(polrt_award_status, polrt::statusName(a.status))
POLRT_AWARD_STRING(polrt_award_reason, keep(s, s->s->reasonText(a)))
POLRT_AWARD_STRING(polrt_award_payee, keep(s, s->s->payeeText(a)))
POLRT_AWARD_STRING(polrt_award_funding_arrangement,
                   a.arrangement == polrt::bc::kNone ? nullptr : p.str(a.arrangement).c_str())

int polrt_award_capped(const polrt_session* s, int award) { return validAward(s, award) && s->s->award(award).capped; }
int polrt_award_quota_limited(const polrt_session* s, int award) {
  return validAward(s, award) && s->s->award(award).quotaLimited;
}

int polrt_award_funding_count(const polrt_session* s, int award) {
  return validAward(s, award) ? static_cast<int>(s->s->award(award).fundingCount) : 0;
}

static const polrt::FundingPartR* part(const polrt_session* s, int award, int i) {
  if (i < 0 || i >= polrt_award_funding_count(s, award)) return nullptr;
  return s->s->funding(s->s->award(award)) + i;
}

const char* polrt_award_funding_payer(const polrt_session* s, int award, int i) {
  auto* f = part(s, award, i);
  return f ? s->prog->p->str(f->payer).c_str() : nullptr;
}
const char* polrt_award_funding_min(const polrt_session* s, int award, int i) {
  return partEnd(s, part(s, award, i), &polrt::FundingPartR::lo);
}
const char* polrt_award_funding_max(const polrt_session* s, int award, int i) {
  return partEnd(s, part(s, award, i), &polrt::FundingPartR::hi);
}

int polrt_award_installment_count(const polrt_session* s, int award) {
  return validAward(s, award) ? static_cast<int>(s->s->award(award).instCount) : 0;
}

static const polrt::InstallmentR* installment(const polrt_session* s, int award, int i) {
  if (i < 0 || i >= polrt_award_installment_count(s, award)) return nullptr;
  return s->s->installments(s->s->award(award)) + i;
}

int polrt_award_installment_year(const polrt_session* s, int award, int i) {
  auto* in = installment(s, award, i);
  return in ? in->year : 0;
}
const char* polrt_award_installment_min(const polrt_session* s, int award, int i) {
  return partEnd(s, installment(s, award, i), &polrt::InstallmentR::lo);
}
const char* polrt_award_installment_max(const polrt_session* s, int award, int i) {
  return partEnd(s, installment(s, award, i), &polrt::InstallmentR::hi);
}

int polrt_award_missing_count(const polrt_session* s, int award) {
  return validAward(s, award) ? static_cast<int>(s->s->award(award).missingCount) : 0;
}
const char* polrt_award_missing(const polrt_session* s, int award, int i) {
  if (i < 0 || i >= polrt_award_missing_count(s, award)) return nullptr;
  return guardValue<const char*>(nullptr, [&] { return keep(s, s->s->missing(s->s->award(award))[i]); });
}
int polrt_award_explanation_count(const polrt_session* s, int award) {
  return validAward(s, award) ? static_cast<int>(s->s->award(award).explanation.size()) : 0;
}
const char* polrt_award_explanation(const polrt_session* s, int award, int line) {
  if (line < 0 || line >= polrt_award_explanation_count(s, award)) return nullptr;
  return s->s->award(award).explanation[line].c_str();
}
int polrt_award_note_count(const polrt_session* s, int award) {
  return validAward(s, award) ? static_cast<int>(s->s->notes(s->s->award(award)).size()) : 0;
}
const char* polrt_award_note(const polrt_session* s, int award, int i) {
  if (i < 0 || i >= polrt_award_note_count(s, award)) return nullptr;
  return guardValue<const char*>(nullptr, [&] { return keep(s, s->s->notes(s->s->award(award))[i]); });
}

int polrt_award_may_be_replaced_by_count(const polrt_session* s, int award) {
  return validAward(s, award) ? static_cast<int>(s->s->mayBeReplacedBy(s->s->award(award)).size()) : 0;
}
const char* polrt_award_may_be_replaced_by(const polrt_session* s, int award, int i) {
  if (i < 0 || i >= polrt_award_may_be_replaced_by_count(s, award)) return nullptr;
  return guardValue<const char*>(nullptr, [&] { return keep(s, s->s->mayBeReplacedBy(s->s->award(award))[i]); });
}

int polrt_warning_count(const polrt_session* s) { return s ? static_cast<int>(s->s->warnings().size()) : 0; }
const char* polrt_warning(const polrt_session* s, int i) {
  if (i < 0 || i >= polrt_warning_count(s)) return nullptr;
  return s->s->warnings()[static_cast<std::size_t>(i)].c_str();
}

const char* polrt_total(const polrt_session* s, const char* which) {
  if (!s || !which) return nullptr;
  return guardValue<const char*>(nullptr, [&] { return totals(s).total(which); });
}

int polrt_total_count(const polrt_session* s, const char* which) {
  if (!s || !which) return -1;
  return guardValue<int>(-1, [&]() -> int {
    const polrt::TotalsR& t = s->s->totals();
    const std::string_view w(which);
    if (w == "may_be_replaced") return totals(s).mayBeReplacedCount;
    const int* n = w == "exact" ? &t.exactCount : w == "up_to" ? &t.upToCount : w == "range" ? &t.rangeCount
                 : w == "benefit" ? &t.benefits : w == "negotiated" ? &t.negotiated : w == "dropped" ? &t.dropped
                 : w == "not_assessable" ? &t.notAssessable : w == "already_received" ? &t.alreadyReceived : nullptr;
    return n ? *n : -1;
  });
}

int polrt_award_funding_undecided(const polrt_session* s, int award) {
  return validAward(s, award) && s->s->award(award).fundingUnknown;
}
int polrt_award_funding_remainder(const polrt_session* s, int award) {
  if (!validAward(s, award)) return -1;
  return guardValue(-1, [&] { return s->s->fundingRemainder(s->s->award(award)).part; });
}
int polrt_award_installment_remainder(const polrt_session* s, int award) {
  if (!validAward(s, award)) return -1;
  return guardValue(-1, [&] { return s->s->installmentsRemainder(s->s->award(award)).part; });
}

static int payerAt(const polrt_session* s, int i) {
  if (!s || i < 0) return -1;
  const polrt::Program& p = *s->prog->p;
  const polrt::TotalsR& t = s->s->totals();
  int k = 0;
  for (uint32_t idx : p.payerOrder)
    if (t.payerUsed[idx] && k++ == i) return static_cast<int>(idx);
  return -1;
}

int polrt_total_payer_count(const polrt_session* s) {
  if (!s) return 0;
  int n = 0;
  for (uint8_t u : s->s->totals().payerUsed) n += u;
  return n;
}
const char* polrt_total_payer(const polrt_session* s, int i) {
  int k = payerAt(s, i);
  return k < 0 ? nullptr : s->prog->p->str(s->prog->p->payerNames[k]).c_str();
}
const char* polrt_total_payer_min(const polrt_session* s, int i) {
  int k = payerAt(s, i);
  return k < 0 ? nullptr : guardValue<const char*>(nullptr, [&] { return totals(s).byPayer[static_cast<std::size_t>(k)].lo.c_str(); });
}
const char* polrt_total_payer_max(const polrt_session* s, int i) {
  int k = payerAt(s, i);
  return k < 0 ? nullptr : guardValue<const char*>(nullptr, [&] { return totals(s).byPayer[static_cast<std::size_t>(k)].hi.c_str(); });
}

// Of the i-th arrangement polrt_total_arrangement_count counts, its words (part 0) or its min or max
// (1, 2); null for none.
static const char* arrangementPart(const polrt_session* s, int i, int which) {
  if (!s || i < 0) return nullptr;
  return guardValue<const char*>(nullptr, [&]() -> const char* {
    const auto& all = totals(s).byArrangement;
    if (static_cast<std::size_t>(i) >= all.size()) return nullptr;
    const auto& [words, sum] = all[static_cast<std::size_t>(i)];
    return (which == 0 ? words : which == 1 ? sum.lo : sum.hi).c_str();
  });
}

int polrt_total_arrangement_count(const polrt_session* s) {
  return s ? guardValue<int>(0, [&] { return static_cast<int>(totals(s).byArrangement.size()); }) : 0;
}
const char* polrt_total_arrangement(const polrt_session* s, int i) { return arrangementPart(s, i, 0); }
const char* polrt_total_arrangement_min(const polrt_session* s, int i) { return arrangementPart(s, i, 1); }
const char* polrt_total_arrangement_max(const polrt_session* s, int i) { return arrangementPart(s, i, 2); }

// The i-th document polrt_not_in_force_count counts, null for none.
static const polrt::DocumentDef* outOfForce(const polrt_session* s, int i) {
  if (i < 0 || i >= polrt_not_in_force_count(s)) return nullptr;
  return &s->prog->p->documents[static_cast<std::size_t>(s->s->notInForce()[static_cast<std::size_t>(i)])];
}

int polrt_not_in_force_count(const polrt_session* s) { return s ? static_cast<int>(s->s->notInForce().size()) : 0; }
const char* polrt_not_in_force_document(const polrt_session* s, int i) {
  const polrt::DocumentDef* d = outOfForce(s, i);
  return d ? s->prog->p->str(d->number).c_str() : nullptr;
}
const char* polrt_not_in_force_from(const polrt_session* s, int i) {
  const polrt::DocumentDef* d = outOfForce(s, i);
  if (!d || !d->hasFrom) return nullptr;
  return guardValue<const char*>(nullptr, [&] { return keep(s, polrt::text::formatDate(d->from)); });
}
const char* polrt_not_in_force_to(const polrt_session* s, int i) {
  const polrt::DocumentDef* d = outOfForce(s, i);
  if (!d || !d->hasTo) return nullptr;
  return guardValue<const char*>(nullptr, [&] { return keep(s, polrt::text::formatDate(d->to)); });
}

}  // extern "C"
