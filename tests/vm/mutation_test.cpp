// Hostile and corrupted .polb files: the loader's verifier must reject each with an error, or the
// program must evaluate to a well-formed result. Nothing may crash (run it under ASan+UBSan:
// cmake -DPOLC_SANITIZE=ON). Variants flip bits, truncate, overwrite ranges and rewrite
// instruction operands; most are re-checksummed so that they reach the deeper checks.
#include <gtest/gtest.h>

#include <functional>
#include <cstdlib>
#include <random>

#include "backend/bytecode/bridge.h"
#include "bytecode/format.h"
#include "decimal/operand_rank.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

using polrt::bc::kHeaderSize;

const std::vector<uint8_t>& cityBytes() {
  static std::vector<uint8_t> bytes = [] {
    auto c = compile(kCity);
    EXPECT_TRUE(c->error.empty()) << c->error;
    return c->bytecode;
  }();
  return bytes;
}

void reseal(std::vector<uint8_t>& b) {
  if (b.size() < kHeaderSize) return;
  uint32_t body = static_cast<uint32_t>(b.size() - kHeaderSize);
  uint32_t crc = polrt::bc::crc32(b.data() + kHeaderSize, body);
  for (int i = 0; i < 4; ++i) {
    b[12 + i] = static_cast<uint8_t>(body >> (8 * i));
    b[16 + i] = static_cast<uint8_t>(crc >> (8 * i));
  }
}

// Fills an applicant from the loaded program's own schema (whatever the mutation left of it) and
// evaluates; every field of the result is read back.
void exercise(const polrt::Program& p, std::mt19937_64& rng) {
  polrt::Session s(p);
  for (int round = 0; round < 3; ++round) {
    s.reset();
    int root = -1;
    for (std::size_t i = 0; i < p.subjects.size(); ++i)
      if (p.subjects[i].owner < 0) {
        root = static_cast<int>(i);
        break;
      }
    if (root < 0) return;
    s.setDate(19000 + static_cast<int>(rng() % 2000));
    int r = s.addInstance(root, -1);
    ASSERT_EQ(r, 0);
    for (std::size_t c = 0; c < p.subjects.size(); ++c)
      if (p.subjects[c].owner == root) s.addInstance(static_cast<int>(c), 0);
    for (int i = 0; i < s.instanceCount(); ++i) {
      const auto& facts = p.subjects[s.instanceSubject(i)].facts;
      for (std::size_t f = 0; f < facts.size(); ++f) {
        int slot = static_cast<int>(f);
        if (rng() % 3 == 0) continue;
        switch (facts[f].kind) {
          case polrt::bc::kNum: s.setNum(i, slot, polrt::Decimal::fromInt(static_cast<int64_t>(rng() % 200000000))); break;
          case polrt::bc::kBool: s.setBool(i, slot, rng() % 2); break;
          case polrt::bc::kEnum: s.setEnum(i, slot, static_cast<int>(rng() % 8)); break;
          case polrt::bc::kSet: s.addSetMember(i, slot, static_cast<int>(rng() % 300)); break;
          case polrt::bc::kDate: s.setDay(i, slot, 19000 + static_cast<int>(rng() % 2000)); break;
          case polrt::bc::kText: s.setText(i, slot, "x"); break;
          case polrt::bc::kRecog: s.addGrant(i, slot, static_cast<int>(rng() % 300), 19000 + static_cast<int>(rng() % 2000)); break;
        }
        if (facts[f].history && facts[f].kind == polrt::bc::kNum) {
          polrt::Val v;
          v.kind = polrt::bc::kNum;
          v.lo = v.hi = polrt::Decimal::fromInt(static_cast<int64_t>(rng() % 200000000));
          s.setHistory(i, slot, 2020 + static_cast<int>(rng() % 6), v);
        }
      }
    }
    if (!p.clauses.empty())
      s.addReceived(0, static_cast<int>(rng() % p.clauses.size()), -1, polrt::Decimal::fromInt(100000), 2023, "x");
    bool ok = s.evaluate(round == 1);
    if (!ok) {
      EXPECT_FALSE(s.error().empty());
      continue;
    }
    eval::Result res = bytecode::toResult(s, round == 1);
    for (const auto& aw : res.awards) {
      ASSERT_GE(aw.clause, 0);
      ASSERT_LT(aw.clause, static_cast<int>(p.clauses.size()));
      ASSERT_GE(aw.instance, 0);
      ASSERT_LT(aw.instance, s.instanceCount());
      EXPECT_FALSE(aw.hasAmount() && aw.lo.toString().empty());
    }
    // Why each clause paid nothing walks the traces (section 17) a mutation may have rewritten.
    if (round != 2) continue;
    std::vector<int> every(p.clauses.size());
    for (std::size_t c = 0; c < every.size(); ++c) every[c] = static_cast<int>(c);
    for (const polrt::WhyNotR& w : s.whyNot(every, false)) {
      ASSERT_LT(w.clause, static_cast<int>(p.clauses.size()));
      ASSERT_LT(w.instance, s.instanceCount());
      for (const auto& l : w.condition) ASSERT_GE(l.depth, 0);
    }
  }
}

struct Tally {
  int rejected = 0, evaluated = 0;
};

void tryVariant(const std::vector<uint8_t>& b, std::mt19937_64& rng, Tally& t) {
  auto r = polrt::load(b.data(), b.size());
  if (!r.program) {
    ASSERT_FALSE(r.error.empty());
    ++t.rejected;
    return;
  }
  ++t.evaluated;
  exercise(*r.program, rng);
}

TEST(Verifier, AcceptsTheSeedPolicies) {
  for (const auto* files : {&kCity, &kCityWujin, &kAll}) {
    auto c = compile(*files);
    ASSERT_TRUE(c->error.empty()) << c->error;
    auto r = polrt::load(c->bytecode.data(), c->bytecode.size());
    EXPECT_TRUE(r.program) << r.error;
  }
}

// A well-formed file of `clauses` empty benefit clauses and `groups` empty non-stacking groups:
// a few dozen bytes each, so the counts pass the check against the bytes left.
std::vector<uint8_t> manyClausesAndGroups(uint32_t clauses, uint32_t groups) {
  std::vector<uint8_t> body;
  auto u8 = [&](uint8_t v) { body.push_back(v); };
  auto u32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) body.push_back(static_cast<uint8_t>(v >> (8 * i)));
  };
  auto u64 = [&](uint64_t v) { u32(static_cast<uint32_t>(v)), u32(static_cast<uint32_t>(v >> 32)); };
  const uint32_t kNone = 0xffffffff;
  auto section = [&](uint32_t id, const std::function<void()>& fill) {
    u32(id);
    const std::size_t at = body.size();
    u32(0);
    fill();
    const uint32_t n = static_cast<uint32_t>(body.size() - at - 4);
    for (int i = 0; i < 4; ++i) body[at + i] = static_cast<uint8_t>(n >> (8 * i));
  };
  section(1, [&] { u32(1), u32(0); });          // one empty string
  section(2, [&] { u32(1), u64(0), u64(0), u8(0); });  // the decimal 0
  for (uint32_t id = 3; id <= 7; ++id) section(id, [&] { u32(0); });
  section(8, [&] { u32(0), u32(0); });
  section(9, [&] {  // one document, without funding rules or their notes
    u32(1), u32(0), u32(0), u32(0), u8(0), u32(0), u8(0), u32(0), u8(0), u32(0), u8(0), u32(0), u32(0), u32(0);
  });
  section(10, [&] {
    u32(clauses);
    for (uint32_t c = 0; c < clauses; ++c) {
      u32(0), u32(0), u32(0), u32(0), u32(0);
      for (int i = 0; i < 4; ++i) u32(kNone);
      u8(1), u32(0), u32(0), u32(kNone), u32(0), u32(0), u32(0), u32(kNone), u32(0), u8(0), u64(0), u8(0), u32(0), u8(0), u8(0),
          u32(0), u32(0);  // no funding conditions, no funding payers
    }
  });
  section(11, [&] {
    u32(groups);
    for (uint32_t g = 0; g < groups; ++g) u32(0), u32(0), u8(0), u32(0), u32(0), u8(0), u8(0), u32(0), u32(0), u32(0), u32(0);
  });
  for (uint32_t id = 12; id <= 16; ++id) section(id, [&] { u32(0); });
  section(17, [&] {  // no trace nodes; per clause no condition and no 分档; the document's period ""
    u32(0), u32(clauses);
    for (uint32_t c = 0; c < clauses; ++c) u32(0), u32(0), u32(0);
    u32(1), u32(0);
  });
  std::vector<uint8_t> file = {'P', 'O', 'L', 'B', static_cast<uint8_t>(polrt::bc::kVersionMajor), 0, 0, 0, 0, 0, 0, 0};
  file.resize(kHeaderSize, 0);
  file[20] = 17;  // sections
  file.insert(file.end(), body.begin(), body.end());
  reseal(file);
  return file;
}

// The loader derives a byte per (group, clause): bounded, or 3.2 MB of groups and clauses asked for
// 800 MB (found by a review of docs/bytecode.md's promise of no huge allocations).
TEST(Verifier, BoundsTheGroupsTimesClauses) {
  auto small = manyClausesAndGroups(100, 100);
  auto ok = polrt::load(small.data(), small.size());
  ASSERT_TRUE(ok.program) << ok.error;  // the builder makes a valid file
  auto big = manyClausesAndGroups(4200, 4200);
  auto r = polrt::load(big.data(), big.size());
  EXPECT_FALSE(r.program);
  EXPECT_NE(r.error.find("groups and caps over 4200 clauses"), std::string::npos) << r.error;
  EXPECT_LT(big.size(), 1u << 20);  // under a megabyte
}

// A why-not trace node is one place's: shared, the walk over a hostile file could be exponential
// (each node's parts the node before it, twice). The traces section (17) of the seed file is
// rewritten so that a later node's first part is an earlier node's.
TEST(Verifier, RefusesATraceNodeUsedTwice) {
  std::vector<uint8_t> b = cityBytes();
  auto u32at = [&](std::size_t at) {
    return static_cast<uint32_t>(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | static_cast<uint32_t>(b[at + 3]) << 24);
  };
  std::size_t at = kHeaderSize;
  while (at + 8 <= b.size() && u32at(at) != polrt::bc::kSecTraces) at += 8 + u32at(at + 4);
  ASSERT_LT(at + 8, b.size());
  at += 12;  // id, length, node count
  std::size_t firstPart = 0;
  uint32_t shared = 0;
  for (;;) {
    ASSERT_LT(at + 13, b.size());
    const uint32_t parts = u32at(at + 9);
    const std::size_t partsAt = at + 13;
    if (parts > 0 && firstPart == 0) {
      firstPart = partsAt;
      shared = u32at(partsAt);
    } else if (parts > 0) {
      for (int k = 0; k < 4; ++k) b[partsAt + k] = static_cast<uint8_t>(shared >> (8 * k));
      break;
    }
    at = partsAt + 4 * parts;
    at += 4 + 21 * u32at(at);  // the reads
  }
  reseal(b);
  auto r = polrt::load(b.data(), b.size());
  EXPECT_FALSE(r.program);
  EXPECT_NE(r.error.find("a trace node is used twice"), std::string::npos) << r.error;
}

TEST(Verifier, RejectsWithClearErrors) {
  const auto& good = cityBytes();
  auto err = [](std::vector<uint8_t> b) { return polrt::load(b.data(), b.size()).error; };
  EXPECT_NE(err({}).find("truncated"), std::string::npos);
  std::vector<uint8_t> b = good;
  b[0] = 'X';
  EXPECT_NE(err(b).find("bad magic"), std::string::npos);
  b = good;
  b[4] = 9;
  EXPECT_NE(err(b).find("unsupported format version"), std::string::npos);
  // A file of an earlier format (3 to 5 are still about) says which it is, which this runtime
  // reads, and how to make one it reads: its user has the policy sources, not the old polc.
  for (uint8_t old : {3, 4, 5}) {
    b[4] = old;
    const std::string e = err(b);
    EXPECT_NE(e.find("version " + std::to_string(old) + ":"), std::string::npos) << e;
    EXPECT_NE(e.find("reads version " + std::to_string(polrt::bc::kVersionMajor)), std::string::npos) << e;
    EXPECT_NE(e.find("polc build POLICY.pol… --emit=bytecode -o FILE.polb"), std::string::npos) << e;
  }
  b = good;
  b.resize(b.size() - 7);
  EXPECT_NE(err(b).find("truncated"), std::string::npos);
  b = good;
  b[b.size() / 2] ^= 0x10;
  EXPECT_NE(err(b).find("checksum"), std::string::npos);
  // ANDOR_END's polarity (c) is one of polrt::Polarity's three: another would rank no value by
  // no rule. The code section is found by walking the sections (u32 id, u32 length, payload).
  std::size_t at = kHeaderSize;
  while (at + 8 <= good.size() && good[at] != polrt::bc::kSecCode)
    at += 8 + (good[at + 4] | good[at + 5] << 8 | good[at + 6] << 16 | static_cast<std::size_t>(good[at + 7]) << 24);
  std::size_t andOrEnd = 0;
  for (std::size_t i = at + 12; i + 16 <= good.size() && !andOrEnd; i += 16)
    if (good[i] == polrt::bc::OP_ANDOR_END) andOrEnd = i;
  ASSERT_NE(andOrEnd, 0u);
  b = good;
  b[andOrEnd + 4] = static_cast<uint8_t>(polrt::Polarity::Mixed);
  reseal(b);
  EXPECT_EQ(err(b), "");
  b[andOrEnd + 4] = static_cast<uint8_t>(polrt::Polarity::Mixed) + 1;
  reseal(b);
  EXPECT_NE(err(b).find("bad operand"), std::string::npos) << err(b);
}

TEST(Mutation, ThousandsOfVariantsAreRejectedOrEvaluateSafely) {
  const auto& good = cityBytes();
  ASSERT_FALSE(good.empty());
  std::mt19937_64 rng(12345);
  Tally t;
  // POLC_MUTATION_EACH: scripts/test.sh runs fewer under ASan, where fuzz_polb covers the same ground.
  const char* each = std::getenv("POLC_MUTATION_EACH");
  const int kEach = each != nullptr && std::atoi(each) >= 3 ? std::atoi(each) : 1500;
  // 1. Bit flips, checksum left as is: all rejected by the checksum.
  for (int i = 0; i < kEach / 3; ++i) {
    auto b = good;
    b[rng() % b.size()] ^= static_cast<uint8_t>(1u << (rng() % 8));
    tryVariant(b, rng, t);
  }
  // 2. Bit flips in the body, re-checksummed.
  for (int i = 0; i < kEach; ++i) {
    auto b = good;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < flips; ++k) b[kHeaderSize + rng() % (b.size() - kHeaderSize)] ^= static_cast<uint8_t>(1u << (rng() % 8));
    reseal(b);
    tryVariant(b, rng, t);
  }
  // 3. Truncations, raw and re-sealed.
  for (int i = 0; i < kEach; ++i) {
    auto b = good;
    b.resize(rng() % b.size());
    if (i % 2) reseal(b);
    tryVariant(b, rng, t);
  }
  // 4. Ranges rewritten with random bytes, zeros or 0xFF, re-sealed.
  for (int i = 0; i < kEach; ++i) {
    auto b = good;
    std::size_t at = kHeaderSize + rng() % (b.size() - kHeaderSize);
    std::size_t n = 1 + rng() % 16;
    int mode = static_cast<int>(rng() % 3);
    for (std::size_t k = at; k < at + n && k < b.size(); ++k)
      b[k] = mode == 0 ? static_cast<uint8_t>(rng()) : mode == 1 ? 0 : 0xFF;
    reseal(b);
    tryVariant(b, rng, t);
  }
  // 5. Small integers written over 32-bit fields (indices, counts, jump targets): the most likely
  //    to pass the parser and reach the verifier's index and stack checks.
  for (int i = 0; i < kEach * 2; ++i) {
    auto b = good;
    std::size_t at = kHeaderSize + (rng() % ((b.size() - kHeaderSize) / 4)) * 4;
    uint32_t v = static_cast<uint32_t>(rng() % 6 == 0 ? rng() : rng() % 64);
    for (int k = 0; k < 4 && at + k < b.size(); ++k) b[at + k] = static_cast<uint8_t>(v >> (8 * k));
    reseal(b);
    tryVariant(b, rng, t);
  }
  std::printf("mutation: %d variants rejected by the verifier, %d loaded and evaluated\n", t.rejected, t.evaluated);
  EXPECT_GT(t.rejected, kEach);
  EXPECT_GT(t.evaluated, 0);
}

}  // namespace
}  // namespace polc::vmtest
