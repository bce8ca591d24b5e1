// The consistency checker at scale (docs/performance.md): generates synthetic policy sets shaped like
// the seeds — a city document and district documents, articles of a few clauses, recognition awards,
// tiers, rate-and-cap project awards, 若 and 分情形 conditions, a few cross-fact conditions, a
// document-wide take-the-highest group and cross-document 从优从高 groups — and prints, per size, the
// front-end time, the check time and the peak memory (each size in its own process).
//
//   polc_check_bench                     100, 1000, 10000 and 50000 clauses
//   polc_check_bench 2000 20000          the sizes given
//   polc_check_bench --emit DIR 1000     also write the generated .pol files into DIR/1000/
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "check/check.h"
#include "ir/lower.h"
#include "sema/analyze.h"
#include "support/diagnostics.h"
#include "syntax/parse.h"

namespace {

using Files = std::map<std::string, std::string>;

constexpr int kTitles = 200;

std::string title(int i) { return fmt::format("称号{}", i % kTitles); }

// One clause of template `kind` for target `t`; `r` varies thresholds and amounts.
std::string clause(int number, int kind, int t, std::mt19937& rng, bool district) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  int a = pick(kTitles), b = pick(kTitles), c = pick(kTitles);
  std::string body;
  int amount = district ? 5 + 5 * pick(10) : 20 + 10 * pick(30);
  switch (kind) {
    case 0:
      body = fmt::format(
          "      对象 企业\n      标的 标的{}\n      类别 授牌认定\n      条件 新认定 称号 含 {{{}, {}}}\n      给予 最高 {}万元\n",
          t, title(a), title(b), amount);
      break;
    case 1:
      body = fmt::format(
          "      对象 企业\n      标的 标的{}\n      类别 授牌认定\n      给予 最高 分档 新认定 称号 含 {{ {}: {}万元; {}: {}万元; {}: {}万元 }}\n",
          t, title(a), amount * 4, title(b), amount, title(c), std::max(1, amount / 10));
      break;
    case 2:
      body = fmt::format(
          "      对象 项目\n      标的 标的{}\n      条件 技改项目 且 当年竣工投产 且 设备投入 达 {}万元 以上\n"
          "      给予 最高 设备投入 × {}% \n      上限 {}万元\n",
          t, 100 * (1 + pick(50)), district ? 5 : 12, amount * 10);
      break;
    case 3:
      body = fmt::format(
          "      对象 项目\n      标的 标的{}\n      条件 (入库 含 重大项目库 或 入库 含 技改项目库) 且 当年竣工投产\n"
          "      给予 最高 分情形 {{ 产业 属于 先进制造业: 设备投入 × 12% 封顶 {}万元; 其他: 设备投入 × 6% 封顶 {}万元 }}\n",
          t, amount * 10, amount * 6);
      break;
    case 4:
      body = fmt::format(
          "      对象 项目\n      标的 标的{}\n      条件 (若 合同能源管理 则 节能量 不低于 {}吨标煤 否则 节能量 不低于 {}吨标煤) 且 设备投入 不低于 100万元\n"
          "      给予 最高 节能量 × {}元/吨标煤\n      上限 {}万元\n",
          t, 50 + 10 * pick(10), 150 + 10 * pick(10), district ? 400 : 500, amount * 2);
      break;
    case 5: {
      int top = 100 * (5 + pick(10));
      body = fmt::format(
          "      对象 企业\n      标的 标的{}\n      给予 最高 分档 营业收入 首次超 {{ {}亿元: {}万元; {}亿元: {}万元; {}亿元: {}万元 }}\n",
          t, top, amount * 10, top / 2, amount * 5, top / 10, amount * 2);
      break;
    }
    case 6:
      body = fmt::format(
          "      对象 产品\n      标的 标的{}\n      类别 授牌认定\n      条件 新认定 称号 含 {{{}, {}}}\n"
          "      给予 最高 售价 × 30%\n      上限 {}万元\n",
          t, title(a), title(b), amount * 10);
      break;
    default:
      body = fmt::format(
          "      对象 企业\n      标的 标的{}\n      条件 称号 含 {} 且 增量(地方贡献) 超 上年(地方贡献) × 10%\n"
          "      给予 增量(地方贡献) × 50%\n      上限 {}万元\n",
          t, title(a), amount);
      break;
  }
  // The 原文 states what the clause's code writes, as a real clause's text does: the numbers
  // W0639 compares are all in it, so the benchmark times that comparison and reports none.
  std::string text = body;
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::string head = fmt::format("    款 {} \"条款{}\" {{\n      原文 \"合成条款{}（模板{}）：{}\"\n", number, number, number, kind, text);
  return head + body + "    }\n";
}

int kindOf(int i) {
  // Mostly recognition awards and project awards, as in the seeds; one in 50 needs Z3.
  if (i % 50 == 49) return 7;
  static const int kCycle[] = {0, 1, 2, 0, 3, 1, 4, 0, 5, 6, 2, 1};
  return kCycle[i % 12];
}

Files generate(int n, unsigned seed) {
  std::mt19937 rng(seed);
  int districts = std::max(1, n / 400);
  int cityClauses = n / 2;
  int perDistrict = (n - cityClauses) / districts;
  if (perDistrict < 1) perDistrict = 1;
  int targets = cityClauses / 2 + 1;
  std::string schema = "单位 吨标煤\n枚举 级别 { 国家级 > 省级 > 市级 }\n枚举 辖区 { 市区";
  for (int d = 1; d <= districts; ++d) schema += fmt::format(", 区{}", d);
  schema += " }\n枚举 称号名录 {";
  for (int i = 0; i < kTitles; ++i) schema += fmt::format("{} {}", i ? "," : "", title(i));
  schema += " }\n枚举 项目库 { 重大项目库, 技改项目库, 智改数转项目库 }\n"
            "枚举 产业 { 高端装备, 新能源, 新材料, 其他产业 }\n"
            "集合 先进制造业 = { 高端装备, 新能源, 新材料 }\n"
            "主体 企业 {\n  事实 所在地: 辖区 必填\n  事实 独立法人: 布尔\n  事实 制造业: 布尔\n"
            "  事实 营业收入: 元 历史 取值 0元 至 100000亿元\n  事实 地方贡献: 元 历史\n  事实 称号: 称号名录 认定\n}\n"
            "主体 项目 隶属 企业 {\n  事实 入库: 项目库 集合\n  事实 产业: 产业\n  事实 当年竣工投产: 布尔\n"
            "  事实 技改项目: 布尔\n  事实 设备投入: 元 取值 0元 至 1000亿元\n  事实 节能量: 吨标煤 取值 0吨标煤 至 100万吨标煤\n"
            "  事实 合同能源管理: 布尔\n}\n"
            "主体 产品 隶属 企业 {\n  事实 称号: 称号名录 认定\n  事实 售价: 元\n}\n类别 授牌认定\n";
  for (int t = 0; t < targets; ++t) schema += fmt::format("标的 标的{}\n", t);
  Files out;
  out["schema.pol"] = schema;

  // The city: pairs of clauses share a target (alternatives for the same award).
  std::vector<int> cityKind(static_cast<std::size_t>(cityClauses));
  std::string city = "文件 市政策 {\n  文号 \"市发〔2024〕1号\"\n  有效期 自 2024-01-01 至 2025-12-31\n  舍入 0.01元 四舍五入\n";
  for (int i = 0; i < cityClauses; i += 4) {
    city += fmt::format("  条 {} \"第{}条\" {{\n", i / 4 + 1, i / 4 + 1);
    for (int k = 0; k < 4 && i + k < cityClauses; ++k) {
      int idx = i + k;
      cityKind[static_cast<std::size_t>(idx)] = kindOf(idx / 2);
      city += clause(k + 1, cityKind[static_cast<std::size_t>(idx)], idx / 2, rng, false);
    }
    city += "  }\n";
  }
  city += "  不重复 就高不重复 {\n    原文 \"与本政策内容相同或相近的项目，产业扶持资金就高不重复享受（授牌认定类除外）。\"\n"
          "    范围 文件\n    取 最高\n    每个 项目\n    除外 类别 授牌认定\n  }\n}\n";
  out["city.pol"] = city;

  // Districts: each clause rewards the target of a city clause of the same kind.
  for (int d = 1; d <= districts; ++d) {
    std::string s = fmt::format(
        "文件 区{}措施 {{\n  文号 \"区{}发〔2024〕1号\"\n  有效期 自 2024-01-01 至 2024-12-31\n  舍入 0.01元 四舍五入\n"
        "  申报条件 所在地 为 区{} 且 独立法人\n",
        d, d, d);
    for (int i = 0; i < perDistrict; i += 4) {
      s += fmt::format("  条 {} \"第{}条\" {{\n", i / 4 + 1, i / 4 + 1);
      for (int k = 0; k < 4 && i + k < perDistrict; ++k) {
        int from = static_cast<int>(rng() % static_cast<unsigned>(cityClauses));
        s += clause(k + 1, cityKind[static_cast<std::size_t>(from)], from / 2, rng, true);
      }
      s += "  }\n";
    }
    s += "  不重复 从优从高 {\n    原文 \"本政策与上级其他支持政策交叉重叠的，对同一类项目的同一奖励标的按“从优从高不重复”原则执行。\"\n"
         "    范围 所有文件\n    同一 标的\n    每个 事项\n    取 最高\n    优先 市政策\n  }\n}\n";
    out[fmt::format("district{}.pol", d)] = s;
  }
  return out;
}

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peakKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int measure(int n, const std::string& emit) {
  using clock = std::chrono::steady_clock;
  Files files = generate(n, 20240601u + static_cast<unsigned>(n));
  if (!emit.empty()) {
    std::filesystem::path dir = std::filesystem::path(emit) / std::to_string(n);
    std::filesystem::create_directories(dir);
    for (const auto& [name, text] : files) std::ofstream(dir / name, std::ios::binary) << text;
  }
  auto t0 = clock::now();
  double c0 = cpuSeconds();
  polc::SourceManager sm;
  polc::DiagnosticEngine diags;
  std::vector<std::unique_ptr<polc::ast::File>> asts;
  for (const auto& [name, text] : files) {
    auto f = polc::parseFile(sm, sm.add(name, text), diags);
    if (f) asts.push_back(std::move(f));
  }
  std::unique_ptr<polc::sema::Model> model;
  std::unique_ptr<polc::ir::Program> program;
  if (!diags.hasErrors()) model = polc::sema::analyze(std::move(asts), sm, diags);
  if (!diags.hasErrors()) program = polc::ir::lower(*model, diags);
  if (diags.hasErrors() || !program) {
    std::fprintf(stderr, "%s", polc::renderText(sm, diags.all(), polc::RenderOptions{}).c_str());
    return 1;
  }
  auto t1 = clock::now();
  double c1 = cpuSeconds();
  long afterFront = peakKb();
  auto result = polc::check::run(*model, *program);
  auto t2 = clock::now();
  double c2 = cpuSeconds();
  std::map<std::string, int> byCode;
  for (const auto& f : result.findings) ++byCode[polc::check::codeOf(f.kind)];
  std::string codes;
  for (const auto& [code, k] : byCode) codes += fmt::format(" {}:{}", code, k);
  double front = std::chrono::duration<double>(t1 - t0).count();
  double check = std::chrono::duration<double>(t2 - t1).count();
  std::printf("%7zu clauses %3zu documents | front end %7.2f s (cpu %7.2f) | check %7.2f s (cpu %6.2f) | peak %7.1f MB (front end %7.1f MB) | "
              "pairs %ld, box %ld, z3 %ld (asked again %ld, unknown %ld, hardest %llu resources), evaluations %ld, gap searches cut %ld, base pairs not tried %ld | findings %zu:%s\n",
              program->clauses.size(), program->documents.size(), front, c1 - c0, check, c2 - c1,
              static_cast<double>(peakKb()) / 1024.0,
              static_cast<double>(afterFront) / 1024.0,
              result.stats.candidatePairs, result.stats.boxQueries, result.stats.z3Queries, result.stats.z3Reasked,
              result.stats.z3Unknown, static_cast<unsigned long long>(result.stats.z3MostResources), result.stats.evaluations,
              result.stats.gapSearchesCut, result.stats.basePairsNotTried, result.findings.size(), codes.c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  std::string emit;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--emit" && i + 1 < argc) {
      emit = argv[++i];
      continue;
    }
    sizes.push_back(std::atoi(a.c_str()));
  }
  if (sizes.empty()) sizes = {100, 1000, 10000, 50000};
  int status = 0;
  for (int n : sizes) {
    // Each size in its own process, so that the peak memory is that size's.
    pid_t pid = fork();
    if (pid == 0) _exit(measure(n, emit));
    int ws = 0;
    waitpid(pid, &ws, 0);
    if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0) status = 1;
  }
  return status;
}
