#include "handwritten/from_generated.h"

namespace hw {
namespace {

using G = subset_policy::称号名录;

std::int64_t scaled(const polc_rt::Dec& d, int scale) {
  polc_rt::int128_t m = d.mantissa();
  int s = d.scale();
  for (; s < scale; ++s) m *= 10;
  for (; s > scale; --s) {
    if (m % 10 != 0) throw std::runtime_error("a value with more decimals than the hand-written types hold");
    m /= 10;
  }
  if (m > INT64_MAX / 2 || m < 0) throw std::runtime_error("a value out of the hand-written types' range");
  return static_cast<std::int64_t>(m);
}
Fen fen(const std::optional<polc_rt::Dec>& d) { return d ? scaled(*d, 2) : kAbsent; }
Milli milli(const std::optional<polc_rt::Dec>& d) { return d ? scaled(*d, 3) : kAbsent; }

std::vector<Grant> grants(const std::vector<polc_rt::Grant<G>>& in) {
  static const std::pair<G, Title> kMap[] = {
      {G::世界500强, kFortune500}, {G::中国企业500强, kChinaTop500}, {G::中国制造业企业500强, kChinaMfgTop500},
      {G::中国民营企业500强, kChinaPrivateTop500}, {G::国家制造业单项冠军示范企业, kChampionEnterprise},
      {G::国家制造业单项冠军产品, kChampionProduct}, {G::国家专精特新小巨人企业, kNationalLittleGiant},
      {G::省级专精特新小巨人企业, kProvincialLittleGiant}, {G::省级专精特新中小企业, kProvincialSme},
      {G::市级专精特新中小企业, kCitySme}, {G::规模以上工业企业, kAboveScaleIndustry},
      {G::规模以上服务业企业, kAboveScaleService}, {G::省级跨国公司地区总部, kRegionalHq},
      {G::省级跨国公司功能性机构, kFunctionalInstitution}, {G::国家智能制造示范工厂, kNationalSmartFactory},
      {G::省级示范智能车间, kProvincialSmartWorkshop}, {G::省级首台_套_重大装备, kProvincialFirstSet},
      {G::苏锡常首台_套_重大装备, kRegionalFirstSet}, {G::常州制造创新产品推广应用推荐目录, kInnovationCatalogue}};
  std::vector<Grant> out;
  for (const auto& g : in)
    for (const auto& [from, to] : kMap)
      if (g.member == from) out.push_back(Grant{to, g.day});
  return out;
}

std::vector<YearValue> history(const std::map<int, polc_rt::Dec>& h) {
  std::vector<YearValue> out;
  for (const auto& [y, v] : h) out.push_back(YearValue{y, scaled(v, 2)});
  return out;
}

District district(const std::optional<subset_policy::辖区>& d) {
  return d && *d == subset_policy::辖区::溧阳市 ? District::Liyang : District::Other;
}
// The name the city's `辖区（所在地）` pays the district's part under (the schema's 辖区, in order).
const char* districtName(const std::optional<subset_policy::辖区>& d) {
  static const char* const kNames[] = {"天宁区", "钟楼区", "新北区", "武进区", "金坛区", "常州经开区", "溧阳市"};
  return d ? kNames[static_cast<int>(*d)] : "";
}

// The clause a received award names, by its citation; Count for a clause of no interest here.
Clause clauseCited(const std::string& citation) {
  for (int c = 0; c < static_cast<int>(Clause::Count); ++c)
    if (citation == std::string("常办发〔2022〕1号 ") + hw::citation(static_cast<Clause>(c))) return static_cast<Clause>(c);
  return Clause::Count;
}

Project project(const subset_policy::项目& g) {
  using L = subset_policy::项目库;
  Project p;
  const auto& clauses = subset_policy::program().clauses;  // the reader resolved each citation to its index
  for (const auto& r : g.已获奖励)
    if (r.clause >= 0 && r.clause < clauses.size)
      if (Clause c = clauseCited(clauses[r.clause].citation); c != Clause::Count) p.received.push_back(Received{c, r.year});
  p.inMajorLibrary = g.入库[static_cast<std::size_t>(L::常州市重大项目库)];
  p.inTechLibrary = g.入库[static_cast<std::size_t>(L::技术设备投入超亿元技改项目库)];
  p.inSmartLibrary = g.入库[static_cast<std::size_t>(L::智改数转项目库)];
  if (g.产业) p.industry = *g.产业 == subset_policy::产业::其他产业 ? Industry::Other : Industry::Advanced;
  p.completed = g.当年竣工投产;
  p.techRenovation = g.技改项目;
  p.equipment = fen(g.设备投入);
  p.newlyIntroduced = g.新引进项目;
  p.byFortune500 = g.世界500强投资;
  p.foreign = g.外资项目;
  p.foreignCapitalUsd = milli(g.协议注册外资);
  p.fixedAssets2y = fen(g.两年内固定资产投资);
  p.qualityIndustrial = g.优质产业类项目;
  p.newLegalEntity = g.新设独立法人;
  p.contribution3y = fen(g.投产三年内地方贡献总额);
  p.referrers = static_cast<int>(g.引荐人.size());
  p.smartRenovation = g.智能化改造;
  p.smartLoan = g.获得智能化改造贷款;
  p.ownFunds = g.自有资金改造;
  p.loan = fen(g.贷款金额);
  if (g.放款日期) p.loanDay = *g.放款日期;
  p.loanYears = milli(g.贷款期限);
  p.renovationInvestment = fen(g.改造投资);
  p.smartEquipment = fen(g.智能化设备及工业软件投入);
  p.energySaving = g.节能改造项目;
  p.energyContract = g.合同能源管理;
  p.energySaved = milli(g.节能量);
  return p;
}

}  // namespace

Applicant fromGenerated(const subset_policy::Facts& f) {
  Applicant a;
  a.date = f.date.value_or(0);
  if (f.企业) {
    const auto& g = *f.企业;
    a.kind = Applicant::Kind::Enterprise;
    Enterprise& e = a.enterprise;
    e.district = district(g.所在地);
    e.districtName = districtName(g.所在地);
    e.manufacturing = g.制造业;
    e.listed = g.上市公司;
    if (g.企业规模) e.size = *g.企业规模 == subset_policy::企业规模::大型 ? Size::Large : Size::SmallOrMedium;
    e.titles = grants(g.称号);
    e.revenue = fen(g.营业收入);
    e.contribution = fen(g.地方贡献);
    e.revenueHistory = history(g.营业收入_历史);
    e.contributionHistory = history(g.地方贡献_历史);
    e.localReturnRatio = milli(g.募集资金投回本地比例);
    e.equityRaised = fen(g.股权融资额);
    e.bondsRaised = fen(g.债券融资额);
    for (const auto& p : g.项目) e.projects.push_back(project(p));
    for (const auto& p : g.产品) {
      Product q;
      q.titles = grants(p.称号);
      q.price = fen(p.单台售价);
      q.irreplaceablePatent = p.具有不可替代专利或专有技术;
      q.firstOrderInsured = p.首张订单投保;
      q.premium = fen(p.年度实际支付保费);
      e.products.push_back(q);
    }
  } else if (f.服务商) {
    a.kind = Applicant::Kind::Provider;
    a.provider.district = district(f.服务商->所在地);
    a.provider.districtName = districtName(f.服务商->所在地);
    a.provider.invoiced = fen(f.服务商->智改数转服务开票结算金额);
    a.provider.largestContract = fen(f.服务商->单个合同最高金额);
    a.provider.clients = milli(f.服务商->智改数转服务企业数);
  }
  return a;
}

}  // namespace hw
