#!/usr/bin/env python3
"""docs/diagnostics.md documents exactly the codes polc can emit.

Usage: diagnostic_codes.py SOURCE_DIR

The codes polc emits are declared in compiler/support/diag_codes.h (E0xxx) and
compiler/check/kinds.cpp (W06xx, the consistency checker's findings). Each E code must have a row
in the doc's table and a `#### E0xxx` section; each W code a row in the W06xx table. A code the
doc lists that no source declares is a stale entry. A retired code (the doc says so in its opening
paragraph) is in neither.
"""
import os
import re
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    read = lambda rel: open(os.path.join(root, rel), encoding="utf-8").read()
    declared_e = set(re.findall(r'"(E\d{4})"', read("compiler/support/diag_codes.h")))
    declared_w = set(re.findall(r'"(W\d{4})"', read("compiler/check/kinds.cpp")))
    doc = read("docs/diagnostics.md")
    table_e = set(re.findall(r"^\| \[(E\d{4})\]\(#e\d{4}\) \|", doc, re.M))
    sections_e = set(re.findall(r"^#### (E\d{4})$", doc, re.M))
    table_w = set(re.findall(r"^\| (W\d{4}) \|", doc, re.M))
    problems = []
    for what, want, got in [("E codes in the table", declared_e, table_e),
                            ("E codes with a #### section", declared_e, sections_e),
                            ("W codes in the W06xx table", declared_w, table_w)]:
        for code in sorted(want - got):
            problems.append(f"docs/diagnostics.md: {code} is emitted by polc but missing from the {what}")
        for code in sorted(got - want):
            problems.append(f"docs/diagnostics.md: {code} is in the {what} but polc declares no such code")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(declared_e)} E codes and {len(declared_w)} W codes declared; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
