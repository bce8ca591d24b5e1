// A hand-written evaluator of the benchmark subset of 常办发〔2022〕1号 (articles 2, 3, 5, 12, 14,
// 25, 资金分担 and 就高不重复; bench/subset/): the practical speed limit the polc backends are
// measured against (docs/performance.md, "Backends"). Written the way one would code these articles
// by hand: plain structs of the facts the clauses read, money as integer fen, one function per
// article, no tables. Its results are checked against polc's reference evaluator
// (bench_handwritten_vs_reference).
#pragma once

#include <cstdint>
#include <vector>

namespace hw {

using Fen = std::int64_t;    // money: 0.01 元
using Milli = std::int64_t;  // other quantities (吨标煤, 年, 美元, rates, counts): 10^-3 units
constexpr std::int64_t kAbsent = INT64_MIN;  // a fact the applicant did not give

// The recognitions (称号) the subset reads.
enum Title : std::uint8_t {
  kFortune500, kChinaTop500, kChinaMfgTop500, kChinaPrivateTop500,   // 第2条第2款 榜单
  kChampionEnterprise, kChampionProduct,                             // 单项冠军
  kNationalLittleGiant, kProvincialLittleGiant, kProvincialSme, kCitySme,  // 专精特新
  kAboveScaleIndustry, kAboveScaleService,                           // 规上
  kRegionalHq, kFunctionalInstitution,                               // 跨国公司
  kNationalSmartFactory, kProvincialSmartWorkshop,                   // 第5条第1款
  kProvincialFirstSet, kRegionalFirstSet, kInnovationCatalogue,      // 第12条
  kTitleCount
};
struct Grant {
  Title title;
  int day;  // days since 1970-01-01
};
using TitleBits = std::uint32_t;

enum class Industry : std::int8_t { Absent = -1, Advanced, Other };    // 产业 属于 先进制造业?
enum class Size : std::int8_t { Absent = -1, Large, SmallOrMedium };  // 企业规模 属于 中小微企业?
enum class District : std::int8_t { Liyang, Other };                   // 所在地 (资金分担)

// The subset's clauses, in the policy's order.
enum class Clause : std::uint8_t {
  A2_1, A2_2, A2_3_1, A2_3_2, A2_3_3, A2_4, A3_1_1, A3_1_2, A3_2, A3_3, A5_1, A5_2_1, A5_2_2, A5_2_3,
  A5_3_1, A5_3_2, A12_1_1, A12_1_2, A12_1_3, A12_1_4, A14_1, A25_1_1, A25_1_2, Count
};
const char* citation(Clause c);

// An award received before (已获奖励): the 一次性 clauses (第2条第3款第3项, 第3条第2款, 第3条第3款,
// 第5条第3款第1项) are not paid again to a project paid in an earlier year.
struct Received {
  Clause clause;
  int year;
};

struct Project {
  bool inMajorLibrary = false, inTechLibrary = false, inSmartLibrary = false;  // 入库
  Industry industry = Industry::Absent;
  bool completed = false, techRenovation = false;  // 当年竣工投产, 技改项目
  Fen equipment = kAbsent;                         // 设备投入
  bool newlyIntroduced = false, byFortune500 = false, foreign = false;
  Milli foreignCapitalUsd = kAbsent;  // 协议注册外资（美元）
  Fen fixedAssets2y = kAbsent;        // 两年内固定资产投资
  bool qualityIndustrial = false, newLegalEntity = false;
  Fen contribution3y = kAbsent;  // 投产三年内地方贡献总额
  int referrers = 0;             // 引荐人 listed
  bool smartRenovation = false, smartLoan = false, ownFunds = false;
  Fen loan = kAbsent;
  int loanDay = INT32_MIN;   // 放款日期; INT32_MIN: absent
  Milli loanYears = kAbsent;  // 贷款期限
  Fen renovationInvestment = kAbsent, smartEquipment = kAbsent;
  bool energySaving = false, energyContract = false;  // 节能改造项目, 合同能源管理
  Milli energySaved = kAbsent;                        // 节能量（吨标煤）
  std::vector<Received> received;
};

struct Product {
  std::vector<Grant> titles;
  Fen price = kAbsent;  // 单台售价
  bool irreplaceablePatent = false, firstOrderInsured = false;
  Fen premium = kAbsent;  // 年度实际支付保费
};

struct YearValue {
  int year;
  Fen value;
};

struct Enterprise {
  District district = District::Other;
  const char* districtName = "";  // 所在地 as written: the payer of the city's 辖区（所在地） part
  bool manufacturing = false, listed = false;
  Size size = Size::Absent;
  std::vector<Grant> titles;
  Fen revenue = kAbsent, contribution = kAbsent;  // 营业收入, 地方贡献 (this year)
  std::vector<YearValue> revenueHistory, contributionHistory;
  Milli localReturnRatio = kAbsent;               // 募集资金投回本地比例
  Fen equityRaised = kAbsent, bondsRaised = kAbsent;
  std::vector<Project> projects;
  std::vector<Product> products;
};

struct Provider {  // 服务商
  District district = District::Other;
  const char* districtName = "";
  Fen invoiced = kAbsent, largestContract = kAbsent;
  Milli clients = kAbsent;
};

struct Applicant {
  enum class Kind : std::uint8_t { Enterprise, Provider, Other } kind = Kind::Other;
  int date = 0;  // the evaluation date, days since 1970-01-01
  Enterprise enterprise;
  Provider provider;
};


enum class Status : std::uint8_t { Kept, QuotaLimited, Dropped, NotAssessable, AlreadyReceived };
const char* statusName(Status s);  // as polc writes it: "kept", "already_received", …
enum class Kind : std::uint8_t { Pay, Benefit, Negotiated };

struct Award {
  Clause clause;
  Kind kind;
  Status status;
  bool upTo;          // 最高: a ceiling, lo = 0
  std::int16_t item;  // project or product index; -1: the applicant
  Fen lo, hi;
  // 资金分担 in 10^-4 元 (the 15 % share of 溧阳市 is not rounded to the fen): 市 and the rest.
  enum class Funding : std::uint8_t { None, Arrangement, CityDistrict, CityLiyang } funding;
  std::int64_t cityPart, restPart;
};

struct Result {
  std::vector<Award> awards;
  bool error = false;  // an evaluation error: LPR looked up before its first date
};

// Clears `out` and fills it; reuses its buffer.
void evaluate(const Applicant& a, Result& out);

}  // namespace hw
