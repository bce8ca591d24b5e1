// The small policies' schema and document wrapper, without GoogleTest: the checker's tests and its
// fuzz target (fuzz/fuzz_check.cpp) write their policies with them.
#pragma once

#include <string>

namespace polc::test {

// A schema for small policies.
inline const char* kCheckSchema = R"(
单位 吨标煤
枚举 级别 { 国家级 > 省级 > 市级 }
枚举 辖区 { 新北区, 武进区, 溧阳市 }
枚举 称号名录 { 小巨人, 省小巨人, 示范工厂, 车间 }
枚举 产业 { 高端装备, 新能源, 其他产业 }
集合 先进制造业 = { 高端装备, 新能源 }
主体 企业 {
  事实 所在地: 辖区 必填
  事实 营业收入: 元 历史 取值 0元 至 100000亿元
  事实 地方贡献: 元 历史
  事实 称号: 称号名录 认定
  事实 制造业: 布尔
  事实 排除: 布尔
  事实 人数: 计数
  事实 比例: 比率 取值 0% 至 100%
  事实 名称: 文本
}
主体 项目 隶属 企业 {
  事实 设备投入: 元 取值 0元 至 1000亿元
  事实 投资: 元
  事实 产业: 产业
  事实 节能量: 吨标煤 取值 0吨标煤 至 1000吨标煤
  事实 改造: 布尔
  事实 级别: 级别
}
标的 设备奖励
标的 规模奖励
标的 称号奖励
标的 节能奖励
类别 授牌认定
)";

inline std::string doc(const std::string& name, const std::string& body, const std::string& extra = "") {
  return "文件 " + name + " {\n  文号 \"" + name + "\"\n  舍入 0.01元 四舍五入\n" + body + "\n" + extra + "\n}\n";
}

}  // namespace polc::test
