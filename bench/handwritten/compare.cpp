#include "handwritten/compare.h"

#include <algorithm>

#include "differential/applicant_gen.h"
#include "facts/facts.h"

#include <nlohmann/json.hpp>

namespace hw {
namespace {

std::string decimal(std::int64_t v, int scale) {  // normalized, as polrt::Decimal prints it
  std::string s = std::to_string(v);
  if (scale == 0) return s;
  while (static_cast<int>(s.size()) <= scale) s.insert(s.begin(), '0');
  s.insert(s.end() - scale, '.');
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string joinSorted(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

const char* kKinds[] = {"pay", "benefit", "negotiated"};

std::string reference(const ir::Program& p, const eval::Applicant& a, const eval::Result& r) {
  std::vector<std::string> lines;
  auto d = [](const polrt::Decimal& v) { return v.normalized().toString(); };
  for (const auto& aw : r.awards) {
    std::string citation = p.clauses[static_cast<std::size_t>(aw.clause)].citation;
    std::string l = citation.substr(citation.find(' ') + 1) + " | " + a.instances[static_cast<std::size_t>(aw.instance)].path +
                    " | " + kKinds[static_cast<int>(aw.kind)] + " | " + eval::statusName(aw.status);
    if (aw.hasAmount()) l += std::string(" | ") + (aw.form == polc::AmountForm::UpTo ? "up_to " : "exact ") + d(aw.lo) + " " + d(aw.hi);
    l += " | " + aw.payee;
    for (const auto& f : aw.funding) l += " | " + f.payer + " " + d(f.lo) + " " + d(f.hi);
    if (!aw.fundingArrangement.empty()) l += " | " + aw.fundingArrangement;
    lines.push_back(l);
  }
  return joinSorted(lines);
}

bool projectClause(Clause c) {
  return c == Clause::A2_3_3 || c == Clause::A3_1_1 || c == Clause::A3_2 || c == Clause::A3_3 || c == Clause::A5_3_1 ||
         c == Clause::A5_3_2 || c == Clause::A14_1;
}
bool productClause(Clause c) {
  return c == Clause::A12_1_1 || c == Clause::A12_1_2 || c == Clause::A12_1_3 || c == Clause::A12_1_4;
}

std::string handWritten(const Result& r, const Applicant& in) {
  const std::string root = in.kind == Applicant::Kind::Provider ? "服务商" : "企业";
  std::vector<std::string> lines;
  for (const auto& aw : r.awards) {
    std::string path = root;
    if (projectClause(aw.clause)) path += ".项目[" + std::to_string(aw.item) + "]";
    if (productClause(aw.clause)) path += ".产品[" + std::to_string(aw.item) + "]";
    std::string l = std::string(citation(aw.clause)) + " | " + path + " | " + kKinds[static_cast<int>(aw.kind)] + " | " +
                    statusName(aw.status);
    if (aw.kind == Kind::Pay && aw.status != Status::NotAssessable && aw.status != Status::AlreadyReceived)
      l += std::string(" | ") + (aw.upTo ? "up_to " : "exact ") + decimal(aw.lo, 2) + " " + decimal(aw.hi, 2);
    if (aw.clause == Clause::A3_2)
      l += " | " + (in.enterprise.projects[static_cast<std::size_t>(aw.item)].referrers > 0 ? path + ".引荐人[0]"
                                                                                          : std::string("引荐人（事实中未列出）"));
    else
      l += " | " + root;
    auto part = [&](const char* payer, std::int64_t v) {
      return std::string(" | ") + payer + " " + (aw.upTo ? "0" : decimal(v, 4)) + " " + decimal(v, 4);
    };
    const char* district = in.kind == Applicant::Kind::Provider ? in.provider.districtName : in.enterprise.districtName;
    if (aw.funding == Award::Funding::CityDistrict) l += part("市", aw.cityPart) + part(district, aw.restPart);
    if (aw.funding == Award::Funding::CityLiyang) l += part("市", aw.cityPart) + part("溧阳市", aw.restPart);
    if (aw.funding == Award::Funding::Arrangement) l += " | 按现行财政体制执行";
    lines.push_back(l);
  }
  return joinSorted(lines);
}

}  // namespace

std::string expectedJson(const ir::Program& p, const eval::Applicant& a, const eval::Result& r) {
  nlohmann::json awards = nlohmann::json::array();
  for (const auto& aw : r.awards) {
    if (aw.kind != ir::AwardKind::Pay) continue;
    std::string citation = p.clauses[static_cast<std::size_t>(aw.clause)].citation;
    nlohmann::json o = {{"clause", citation.substr(citation.find(' ') + 1)},
                        {"item", a.instances[static_cast<std::size_t>(aw.instance)].path},
                        {"status", eval::statusName(aw.status)}};
    if (aw.hasAmount()) {
      o["form"] = aw.form == polc::AmountForm::UpTo ? "up_to" : "exact";
      o["max"] = aw.hi.normalized().toString();
    }
    awards.push_back(o);
  }
  return nlohmann::json{{"awards", awards}}.dump();
}

std::vector<std::string> benchmarkApplicants(const vmtest::Compiled& c, int count, std::uint64_t seed) {
  polc::difftest::ApplicantGenerator gen(*c.program, seed);
  std::vector<std::string> out;
  while (static_cast<int>(out.size()) < count) {
    std::string line = gen.next();
    if (polc::facts::readFacts(*c.model, *c.program, line).ok()) out.push_back(line);
  }
  return out;
}

std::string compareWithReference(const ir::Program& p, const eval::Applicant& a, const Result& mine, const Applicant& in) {
  std::string ref;
  try {
    ref = reference(p, a, eval::evaluate(p, a, eval::Options{}));
  } catch (const eval::EvalError&) {
    ref = "error\n";
  }
  std::string hand = mine.error ? "error\n" : handWritten(mine, in);
  return ref == hand ? "" : "reference:\n" + ref + "hand-written:\n" + hand;
}

}  // namespace hw
