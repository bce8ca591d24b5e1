// Helpers for the evaluator tests: compile a policy written inline, read facts written inline, run
// the reference evaluator, and find an award by its citation.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "eval/eval.h"
#include "facts/facts.h"
#include "ir/lower.h"
#include "sema/analyze.h"
#include "support/diagnostics.h"
#include "syntax/parse.h"

namespace polc::test {

// Named apart from frontend_util.h's Compiled (same namespace, same binary, another layout):
// two definitions of one class break the one-definition rule, and ASan caught ~Compiled of one
// run on an object of the other (a heap-buffer-overflow in Parser.* tests).
struct CompiledPolicy {
  SourceManager sm;
  DiagnosticEngine diags;
  std::unique_ptr<sema::Model> model;
  std::unique_ptr<ir::Program> program;
};

inline std::unique_ptr<CompiledPolicy> compilePolicy(const std::string& text) {
  auto c = std::make_unique<CompiledPolicy>();
  FileId id = c->sm.add("test.pol", text);
  auto file = parseFile(c->sm, id, c->diags);
  if (file) {
    std::vector<std::unique_ptr<ast::File>> files;
    files.push_back(std::move(file));
    c->model = sema::analyze(std::move(files), c->sm, c->diags);
    if (!c->diags.hasErrors()) c->program = ir::lower(*c->model, c->diags);
  }
  if (c->diags.hasErrors()) {
    ADD_FAILURE() << renderText(c->sm, c->diags.all(), RenderOptions{});
    return nullptr;
  }
  return c;
}

inline facts::FactsResult readFacts(const CompiledPolicy& c, const std::string& json) {
  return facts::readFacts(*c.model, *c.program, json);
}

// Evaluates; a facts error fails the test.
inline eval::Result evaluate(const CompiledPolicy& c, const std::string& json, bool explain = false,
                             eval::Applicant* keep = nullptr) {
  auto f = readFacts(c, json);
  EXPECT_TRUE(f.ok()) << (f.errors.empty() ? "" : f.errors.front());
  eval::Options o;
  o.explain = explain;
  auto r = eval::evaluate(*c.program, f.applicant, o);
  if (keep) *keep = f.applicant;
  return r;
}

// The award of the clause whose citation ends with `suffix` (e.g. "第1条第1款"), for the n-th item.
inline const eval::Award* award(const CompiledPolicy& c, const eval::Result& r, const std::string& citation, int nth = 0) {
  for (const auto& aw : r.awards) {
    const std::string& cit = c.program->clauses[aw.clause].citation;
    if (cit.size() >= citation.size() && cit.compare(cit.size() - citation.size(), citation.size(), citation) == 0 &&
        nth-- == 0)
      return &aw;
  }
  return nullptr;
}

inline std::string str(const polrt::Decimal& d) { return d.normalized().toString(); }

// A schema shared by the tests.
inline const char* kSchema = R"(
单位 吨标煤
单位 年
单位 美元
枚举 级别 { 国家级 > 省级 > 市级 }
枚举 辖区 { 新北区, 武进区, 溧阳市 }
枚举 称号名录 { 小巨人, 省小巨人, 集群称号, 示范工厂 }
枚举 产业 { 高端装备, 新能源, 其他产业 }
集合 先进制造业 = { 高端装备, 新能源 }
主体 企业 {
  事实 所在地: 辖区
  事实 营业收入: 元 历史
  事实 产值: 元 历史
  事实 称号: 称号名录 认定
  事实 人数: 计数
  事实 制造业: 布尔
  事实 平台级别: 级别 集合
  事实 外资: 万美元
}
主体 项目 隶属 企业 {
  事实 设备投入: 元
  事实 产业: 产业
  事实 节能量: 吨标煤
  事实 贷款金额: 元
  事实 放款日期: 日期
  事实 贷款期限: 年
  事实 改造: 布尔
}
主体 个人 {
  事实 身份证号: 文本 必填
  事实 年龄: 计数
}
参数 LPR { 2022-01-20: 3.70%/年; 2022-08-22: 3.65%/年 }
标的 设备奖励
标的 规模奖励
标的 称号奖励
标的 改造奖励
标的 培训补贴
类别 授牌认定
)";

}  // namespace polc::test
