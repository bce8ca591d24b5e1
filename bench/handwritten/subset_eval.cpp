// The subset's articles by hand. Conditions follow the policy's three-valued reading: a clause whose
// conditions are false pays nothing; one whose conditions or amount need a fact the applicant left
// out is listed as not assessable; `且` is false as soon as one part is false.
#include "handwritten/subset_eval.h"

namespace hw {
namespace {

using i128 = __int128;

// 有效期 2022-01-30 至 2025-12-31.
constexpr int kFrom = 19022, kTo = 20453;

enum class T : std::uint8_t { F, U, T };  // false, unknown (a fact is absent), true
T both(T a, T b) { return a == T::F || b == T::F ? T::F : (a == T::U || b == T::U ? T::U : T::T); }
T either(T a, T b) { return a == T::T || b == T::T ? T::T : (a == T::U || b == T::U ? T::U : T::F); }
T is(bool b) { return b ? T::T : T::F; }
T atLeast(std::int64_t v, std::int64_t x) { return v == kAbsent ? T::U : is(v >= x); }
T over(std::int64_t v, std::int64_t x) { return v == kAbsent ? T::U : is(v > x); }

int yearOf(int days) {  // civil year of a day count (H. Hinnant's algorithm)
  int z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

struct Titles {
  TitleBits held = 0, fresh = 0;  // held on the date; granted in its year (新认定, 新入选, 新评定)
};
Titles titles(const std::vector<Grant>& grants, int date, int year) {
  Titles t;
  for (const Grant& g : grants) {
    if (g.day > date) continue;
    t.held |= 1u << g.title;
    if (yearOf(g.day) == year) t.fresh |= 1u << g.title;
  }
  return t;
}
constexpr TitleBits bit(Title t) { return 1u << t; }

// num / den in fen, at most `cap` fen, rounded half up to the fen (舍入 0.01元 四舍五入).
Fen capped(i128 num, i128 den, Fen cap) {
  if (num >= static_cast<i128>(cap) * den) return cap;
  return static_cast<Fen>((num + den / 2) / den);
}

struct Out {
  Result& r;
  District district;
  void pay(Clause c, std::int16_t item, bool upTo, Fen amount) {
    Award a{c, Kind::Pay, Status::Kept, upTo, item, upTo ? 0 : amount, amount, Award::Funding::None, 0, 0};
    r.awards.push_back(a);
  }
  void unknown(Clause c, Kind k, std::int16_t item) {
    r.awards.push_back(Award{c, k, Status::NotAssessable, false, item, 0, 0, Award::Funding::None, 0, 0});
  }
  void grant(Clause c, Kind k, std::int16_t item, Status s = Status::Kept) {
    r.awards.push_back(Award{c, k, s, false, item, 0, 0, Award::Funding::None, 0, 0});
  }
  // A clause with conditions `t` paying `amount` (kAbsent: a fact it needs is absent).
  void payIf(T t, Clause c, std::int16_t item, bool upTo, Fen amount) {
    if (t == T::F) return;
    if (t == T::U || amount == kAbsent) return unknown(c, Kind::Pay, item);
    pay(c, item, upTo, amount);
  }
};

Fen percentCapped(Fen base, int percent, Fen cap) {
  return base == kAbsent ? kAbsent : capped(static_cast<i128>(base) * percent, 100, cap);
}

// 一次性: paid to this project in an earlier year.
bool receivedBefore(const Project& p, Clause c, int year) {
  for (const Received& r : p.received)
    if (r.clause == c && r.year < year) return true;
  return false;
}

// 分档: the first tier held; kAbsent when none.
struct Tier {
  TitleBits titles;
  Fen amount;
};
template <int N>
Fen tier(TitleBits fresh, const Tier (&tiers)[N]) {
  for (const Tier& t : tiers)
    if (fresh & t.titles) return t.amount;
  return kAbsent;
}

// 分情形 of the equipment awards (第2条第3款第3项, 第3条第3款): 12 % up to 1000万元 for advanced
// manufacturing, else 6 % up to 600万元.
Fen equipmentAward(const Project& p) {
  if (p.industry == Industry::Absent || p.equipment == kAbsent) return kAbsent;
  return p.industry == Industry::Advanced ? percentCapped(p.equipment, 12, 1000000000) : percentCapped(p.equipment, 6, 600000000);
}

// LPR一年期 on the loan's date, in 10^-4 (0.0370); -1 before the first value.
int lpr(int day) {
  static const int kDays[] = {19012, 19226, 19528, 19590, 19926, 20017, 20228};
  static const int kRates[] = {370, 365, 355, 345, 335, 310, 300};
  int rate = -1;
  for (int i = 0; i < 7 && kDays[i] <= day; ++i) rate = kRates[i];
  return rate;
}

Fen thisYear(Fen now, const std::vector<YearValue>& history, int year) {
  if (now != kAbsent) return now;
  for (const YearValue& h : history)
    if (h.year == year) return h.value;
  return kAbsent;
}

// 首次超: above the threshold this year, and in no earlier year.
bool firstOver(Fen now, const std::vector<YearValue>& history, int year, Fen threshold) {
  if (now <= threshold) return false;
  for (const YearValue& h : history)
    if (h.year < year && h.value > threshold) return false;
  return true;
}

void article2(const Enterprise& e, const Titles& t, int year, Out& out) {
  // 第2条第1款 登峰计划: 营业收入 首次超 1000亿、500亿、100亿元 → 最高 1000万、500万、200万元.
  Fen revenue = thisYear(e.revenue, e.revenueHistory, year);
  if (revenue == kAbsent) {
    out.unknown(Clause::A2_1, Kind::Pay, -1);
  } else {
    static const Fen kOver[] = {10000000000000, 5000000000000, 1000000000000};
    static const Fen kPay[] = {1000000000, 500000000, 200000000};
    for (int i = 0; i < 3; ++i)
      if (firstOver(revenue, e.revenueHistory, year, kOver[i])) {
        out.pay(Clause::A2_1, -1, true, kPay[i]);
        break;
      }
  }
  // 第2条第2款 领军企业 (制造业): 新入选 世界500强 … 中国民营企业500强.
  static const Tier kLeaders[] = {{bit(kFortune500), 3000000000}, {bit(kChinaTop500), 1000000000},
                                  {bit(kChinaMfgTop500), 500000000}, {bit(kChinaPrivateTop500), 200000000}};
  if (e.manufacturing) {
    Fen a = tier(t.fresh, kLeaders);
    if (a != kAbsent) out.pay(Clause::A2_2, -1, true, a);
  }
  // 第2条第3款 单项冠军 200万元; 小巨人 国家 100万、省级 50万元.
  if (t.fresh & (bit(kChampionEnterprise) | bit(kChampionProduct))) out.pay(Clause::A2_3_1, -1, true, 200000000);
  static const Tier kGiants[] = {{bit(kNationalLittleGiant), 100000000}, {bit(kProvincialLittleGiant), 50000000}};
  Fen giant = tier(t.fresh, kGiants);
  if (giant != kAbsent) out.pay(Clause::A2_3_2, -1, true, giant);
  // 第2条第3款第3项: 冠军、专精特新企业设备投入 5000万元以上的技改项目, as 第3条第3款.
  const TitleBits special = bit(kChampionEnterprise) | bit(kChampionProduct) | bit(kNationalLittleGiant) |
                            bit(kProvincialLittleGiant) | bit(kProvincialSme) | bit(kCitySme);
  for (std::size_t i = 0; i < e.projects.size(); ++i) {
    const Project& p = e.projects[i];
    T cond = both(both(is(p.techRenovation && p.completed), atLeast(p.equipment, 5000000000)), is(t.held & special));
    if (cond == T::T && receivedBefore(p, Clause::A2_3_3, year))
      out.grant(Clause::A2_3_3, Kind::Pay, static_cast<std::int16_t>(i), Status::AlreadyReceived);
    else
      out.payIf(cond, Clause::A2_3_3, static_cast<std::int16_t>(i), true, equipmentAward(p));
  }
  // 第2条第4款 新评定规上企业: 地方贡献增量 × 50%，最高 10万元.
  T fresh = is(t.fresh & (bit(kAboveScaleIndustry) | bit(kAboveScaleService)));
  if (fresh == T::T) {
    Fen now = thisYear(e.contribution, e.contributionHistory, year), last = kAbsent;
    for (const YearValue& h : e.contributionHistory)
      if (h.year == year - 1) last = h.value;
    Fen increase = now == kAbsent || last == kAbsent ? kAbsent : now - last;
    out.payIf(over(increase, 0), Clause::A2_4, -1, false, percentCapped(increase, 50, 10000000));
  }
}

void article3(const Enterprise& e, const Titles& t, int year, Out& out) {
  for (std::size_t i = 0; i < e.projects.size(); ++i) {
    const Project& p = e.projects[i];
    auto item = static_cast<std::int16_t>(i);
    // 第3条第1款第1项 重大项目一事一议.
    T major = either(is(p.byFortune500), either(both(is(p.foreign), over(p.foreignCapitalUsd, 50000000000)),
                                                 both(is(!p.foreign), over(p.fixedAssets2y, 100000000000))));
    T negotiated = both(is(p.newlyIntroduced), major);
    if (negotiated == T::U) out.unknown(Clause::A3_1_1, Kind::Negotiated, item);
    if (negotiated == T::T) out.grant(Clause::A3_1_1, Kind::Negotiated, item);
  }
  // 第3条第1款第2项 跨国公司地区总部和功能性机构一事一议.
  if (t.fresh & (bit(kRegionalHq) | bit(kFunctionalInstitution))) out.grant(Clause::A3_1_2, Kind::Negotiated, -1);
  for (std::size_t i = 0; i < e.projects.size(); ++i) {
    const Project& p = e.projects[i];
    auto item = static_cast<std::int16_t>(i);
    // 第3条第2款 引荐人奖励: 投产三年内地方贡献总额 × 1%，最高 500万元，一次性.
    if (p.newlyIntroduced && p.qualityIndustrial && p.newLegalEntity) {
      if (receivedBefore(p, Clause::A3_2, year)) out.grant(Clause::A3_2, Kind::Pay, item, Status::AlreadyReceived);
      else out.payIf(T::T, Clause::A3_2, item, false, percentCapped(p.contribution3y, 1, 500000000));
    }
    // 第3条第3款 设备投入奖励.
    if ((p.inMajorLibrary || p.inTechLibrary) && e.manufacturing && p.completed) {
      if (receivedBefore(p, Clause::A3_3, year)) out.grant(Clause::A3_3, Kind::Pay, item, Status::AlreadyReceived);
      else out.payIf(T::T, Clause::A3_3, item, true, equipmentAward(p));
    }
  }
}

void article5(const Enterprise& e, const Titles& t, int year, Out& out, Result& r) {
  // 第5条第1款 智能制造示范: 国家示范工厂 200万、省级示范智能车间 50万元.
  static const Tier kSmart[] = {{bit(kNationalSmartFactory), 200000000}, {bit(kProvincialSmartWorkshop), 50000000}};
  Fen smart = tier(t.fresh, kSmart);
  if (smart != kAbsent) out.pay(Clause::A5_1, -1, true, smart);
  // 第5条第2款第1、2项 免费诊断 (中小微企业, 名额每年 30、300 个).
  for (Clause c : {Clause::A5_2_1, Clause::A5_2_2}) {
    if (e.size == Size::Absent) out.unknown(c, Kind::Benefit, -1);
    if (e.size == Size::SmallOrMedium) out.grant(c, Kind::Benefit, -1, Status::QuotaLimited);
  }
  for (std::size_t i = 0; i < e.projects.size(); ++i) {
    const Project& p = e.projects[i];
    auto item = static_cast<std::int16_t>(i);
    // 第5条第3款第1项 贴息: 贷款金额 × LPR（放款日）× 50% × 贷款期限，最高 200万元.
    if (p.inSmartLibrary && p.smartLoan && e.manufacturing && receivedBefore(p, Clause::A5_3_1, year)) {
      out.grant(Clause::A5_3_1, Kind::Pay, item, Status::AlreadyReceived);  // before the LPR is looked up
    } else if (p.inSmartLibrary && p.smartLoan && e.manufacturing) {
      // Every fact first, then the rate, which may fail (docs/ir.md, "Facts that are absent").
      if (p.loan == kAbsent || p.loanDay == INT32_MIN || p.loanYears == kAbsent) {
        out.unknown(Clause::A5_3_1, Kind::Pay, item);
      } else if (int rate = lpr(p.loanDay); rate < 0) {
        r.error = true;
        return;
      } else {
        // fen × 10^-4 × 10^-1 × 10^-3; saturates at the cap (every factor is non-negative).
        i128 num = static_cast<i128>(p.loan) * rate * 5, prod;
        bool overflow = __builtin_mul_overflow(num, static_cast<i128>(p.loanYears), &prod);
        out.pay(Clause::A5_3_1, item, false, overflow ? 200000000 : capped(prod, static_cast<i128>(100000000), 200000000));
      }
    }
    // 第5条第3款第2项 自有资金智能化改造: 投入 × 5%，最高 200万元.
    if (p.smartRenovation && p.ownFunds)
      out.payIf(over(p.renovationInvestment, 1000000000), Clause::A5_3_2, item, true,
                percentCapped(p.smartEquipment, 5, 200000000));
  }
}

void article5Provider(const Provider& s, Out& out) {
  // 第5条第2款第3项 服务商补助: 开票结算金额 × 10%，最高 200万元.
  T cond = both(either(atLeast(s.invoiced, 1000000000), atLeast(s.largestContract, 30000000)), atLeast(s.clients, 10000));
  out.payIf(cond, Clause::A5_2_3, -1, true, percentCapped(s.invoiced, 10, 200000000));
}

void article12(const Enterprise& e, int date, int year, Out& out) {
  const TitleBits firstSet = bit(kProvincialFirstSet) | bit(kRegionalFirstSet);
  for (std::size_t i = 0; i < e.products.size(); ++i) {
    const Product& p = e.products[i];
    auto item = static_cast<std::int16_t>(i);
    Titles t = titles(p.titles, date, year);
    // 第12条第1款第1项 首台（套）: 售价 × 30%，最高 1000万元.
    if (t.fresh & firstSet) out.payIf(T::T, Clause::A12_1_1, item, true, percentCapped(p.price, 30, 1000000000));
    // 第2、3项: 政府首购; 单一来源采购.
    if (t.held & firstSet) out.grant(Clause::A12_1_2, Kind::Benefit, item);
    if ((t.held & firstSet) && p.irreplaceablePatent) out.grant(Clause::A12_1_3, Kind::Benefit, item);
    // 第4项 首张订单保险: 保费 × 80%，最高 50万元.
    if ((t.held & bit(kInnovationCatalogue)) && p.firstOrderInsured)
      out.payIf(T::T, Clause::A12_1_4, item, true, percentCapped(p.premium, 80, 50000000));
  }
}

void article14(const Enterprise& e, Out& out) {
  // 第14条第1款 节能改造: 节能量 × 500元/吨标煤，最高 200万元.
  for (std::size_t i = 0; i < e.projects.size(); ++i) {
    const Project& p = e.projects[i];
    if (!p.energySaving) continue;
    T cond = both(atLeast(p.energySaved, p.energyContract ? 100000 : 200000), atLeast(p.equipment, 100000000));
    Fen amount = p.energySaved == kAbsent ? kAbsent : capped(static_cast<i128>(p.energySaved) * 50000, 1000, 200000000);
    out.payIf(cond, Clause::A14_1, static_cast<std::int16_t>(i), true, amount);
  }
}

void article25(const Enterprise& e, Out& out) {
  if (!e.listed) return;
  T local = atLeast(e.localReturnRatio, 750);
  // 第25条第1款 股权融资 × 5‰ 最高 200万元; 制造业债券融资 × 0.1‰ 最高 50万元.
  Fen equity = e.equityRaised == kAbsent ? kAbsent : capped(static_cast<i128>(e.equityRaised) * 5, 1000, 200000000);
  out.payIf(both(local, over(e.equityRaised, 0)), Clause::A25_1_1, -1, false, equity);
  if (!e.manufacturing) return;
  Fen bonds = e.bondsRaised == kAbsent ? kAbsent : capped(e.bondsRaised, 10000, 50000000);
  out.payIf(both(local, over(e.bondsRaised, 0)), Clause::A25_1_2, -1, false, bonds);
}

bool localContribution(Clause c) { return c == Clause::A2_4 || c == Clause::A3_1_1 || c == Clause::A3_1_2 || c == Clause::A3_2; }
bool recognition(Clause c) {
  return c == Clause::A2_2 || c == Clause::A2_3_1 || c == Clause::A2_3_2 || c == Clause::A5_1 || c == Clause::A12_1_1;
}

// 就高不重复: of the project awards (授牌认定 and 地方贡献奖励 excepted), each project keeps the
// highest; a tie keeps the earlier clause.
void nonStacking(Result& r) {
  for (std::size_t i = 0; i < r.awards.size(); ++i) {
    Award& a = r.awards[i];
    if (a.item < 0 || a.kind != Kind::Pay || a.status != Status::Kept || a.clause == Clause::A12_1_1 ||
        a.clause == Clause::A12_1_4 || localContribution(a.clause))
      continue;
    for (std::size_t j = i + 1; j < r.awards.size(); ++j) {
      Award& b = r.awards[j];
      if (b.item != a.item || b.kind != Kind::Pay || b.status != Status::Kept || b.clause == Clause::A12_1_1 ||
          b.clause == Clause::A12_1_4 || localContribution(b.clause))
        continue;
      bool bFirst = b.hi > a.hi || (b.hi == a.hi && b.clause < a.clause);
      (bFirst ? a : b).status = Status::Dropped;
      if (bFirst) break;
    }
  }
}

// 资金分担: 地方贡献奖励 按现行财政体制; 溧阳市 市 15%、溧阳市 其余; 其他 市、辖区 1:1. A 一事一议
// award (3.1.1, 3.1.2, both 地方贡献奖励) gets the arrangement in words, never a split.
void funding(Result& r, District d) {
  for (Award& a : r.awards) {
    if (a.kind == Kind::Benefit || (a.status != Status::Kept && a.status != Status::QuotaLimited)) continue;
    if (localContribution(a.clause)) {
      a.funding = Award::Funding::Arrangement;
    } else if (a.kind != Kind::Pay) {
      continue;
    } else if (d == District::Liyang) {
      a.funding = Award::Funding::CityLiyang;
      a.cityPart = (a.hi * 15 + 50) / 100 * 100;  // 15 %, rounded half up to the fen
      a.restPart = a.hi * 100 - a.cityPart;
    } else {
      a.funding = Award::Funding::CityDistrict;
      a.cityPart = (a.hi + 1) / 2 * 100;  // half, rounded half up to the fen
      a.restPart = a.hi * 100 - a.cityPart;
    }
  }
}

}  // namespace

void evaluate(const Applicant& a, Result& r) {
  r.awards.clear();
  r.error = false;
  if (a.date < kFrom || a.date > kTo) return;
  int year = yearOf(a.date);
  if (a.kind == Applicant::Kind::Provider) {
    Out out{r, a.provider.district};
    article5Provider(a.provider, out);
    funding(r, a.provider.district);
    return;
  }
  if (a.kind != Applicant::Kind::Enterprise) return;
  const Enterprise& e = a.enterprise;
  Out out{r, e.district};
  Titles t = titles(e.titles, a.date, year);
  article2(e, t, year, out);
  article3(e, t, year, out);
  article5(e, t, year, out, r);
  if (r.error) return;
  article12(e, a.date, year, out);
  article14(e, out);
  article25(e, out);
  nonStacking(r);
  funding(r, e.district);
}

const char* statusName(Status s) {
  static const char* const kNames[] = {"kept", "quota_limited", "dropped", "not_assessable", "already_received"};
  return kNames[static_cast<int>(s)];
}

const char* citation(Clause c) {
  static const char* const kNames[] = {
      "第2条第1款", "第2条第2款", "第2条第3款第1项", "第2条第3款第2项", "第2条第3款第3项", "第2条第4款",
      "第3条第1款第1项", "第3条第1款第2项", "第3条第2款", "第3条第3款", "第5条第1款", "第5条第2款第1项",
      "第5条第2款第2项", "第5条第2款第3项", "第5条第3款第1项", "第5条第3款第2项", "第12条第1款第1项",
      "第12条第1款第2项", "第12条第1款第3项", "第12条第1款第4项", "第14条第1款", "第25条第1款第1项",
      "第25条第1款第2项"};
  return kNames[static_cast<int>(c)];
}

}  // namespace hw
