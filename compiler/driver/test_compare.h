// polc test: one case's result (polc eval's JSON, docs/eval-output.md) compared with what the case
// expects. Each difference becomes lines of a diff (`  - expected`, `  + actual`) under a label; a
// malformed expectation throws testfile::TestFileError.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "driver/test_file.h"
#include "ir/ir.h"

namespace polc::testfile {

class Comparison {
 public:
  Comparison(const ir::Program& p, const json& result) : p_(p), result_(result) {}

  std::vector<std::string> diffs;  // the lines printed under a failing case
  // Coverage: clauses the expectations show paying (kept, capped, quota-limited; benefits and
  // 一事一议 granted) and not paying (absent, dropped, not assessable, already received).
  std::set<std::string> paid, unpaid;
  std::set<std::string> dropped;  // of the unpaid, those shown computed and dropped by a group

  // The citation as the program prints it, from the full citation or the document's name followed
  // by 第N条第M款 (spaces ignored); a typo is a test-file error, so that `absent` never passes vacuously.
  std::string citation(const json& v, const std::string& where) const;

  std::vector<const json*> find(const std::string& cit, const std::string* item) const;

  void award(const json& e, const std::string& where);

  void absent(const json& e, const std::string& where);

  // With "exhaustive": every award that pays (kind pay; kept, capped or quota-limited) is expected.
  void exhaustive();

  void totals(const json& e, const std::string& where);

  static std::string summary(const json& a);

 private:
  static std::string forList(const std::vector<const json*>& found);

  void fields(const json& e, const json& a, const std::string& label, const std::string& where);

  // Payer → amount: a string is the max (and, unless the award is a range, the min too: an up-to
  // award's parts have min 0, so only the max is compared for those); {"min", "max"} compares both.
  // The payers must be exactly those expected.
  void payers(const json& want, const json& actual, const std::string& key, const std::string& where,
              std::vector<std::string>& lines);

  const ir::Program& p_;
  const json& result_;
  std::set<const json*> matched_;
};

}  // namespace polc::testfile
