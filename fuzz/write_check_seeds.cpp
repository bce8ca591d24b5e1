// Writes the documents of the checker's kind tests (tests/unit/check/kind_policies.h), without the
// schema that fuzz_check adds, one file each into DIR: the seeds of fuzz_check (fuzz/run.sh).
#include <cstdio>
#include <fstream>
#include <string>

#include "unit/check/kind_policies.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_check_seeds DIR\n");
    return 2;
  }
  const std::string schema = polc::test::kCheckSchema;
  for (const auto& [name, text] : polc::test::kindPolicies()) {
    std::ofstream out(std::string(argv[1]) + "/" + name + ".pol", std::ios::binary);
    out << (text.compare(0, schema.size(), schema) == 0 ? text.substr(schema.size()) : text);
    if (!out) {
      std::fprintf(stderr, "write_check_seeds: cannot write %s/%s.pol\n", argv[1], name.c_str());
      return 1;
    }
  }
  return 0;
}
