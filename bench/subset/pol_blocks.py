#!/usr/bin/env python3
"""The benchmark subset of the city policy and its drift check (docs/performance.md, backends).

The subset is articles 2, 3, 5, 12, 14 and 25 of 常办发〔2022〕1号 with the document's header
(rounding, validity…) and its document-wide rules that concern them (资金分担, 就高不重复); the
caps over several clauses cover only other articles and are left out. Every block of the subset
must be the same text as the block of the same name in the full policy, so the benchmark measures
the city's real clauses:

  pol_blocks.py check SUBSET.pol FULL.pol   exit 1 and name the block when one drifted
  pol_blocks.py extract FULL.pol            print a fresh subset (how bench/subset/ was made)
"""
import re
import sys

ARTICLES = ["2", "3", "5", "12", "14", "25"]
DOC_RULES = ["资金分担", "不重复 就高不重复"]
# A block opens on a line of its own ending with "{" and closes on the first "}" line at the same
# indentation: the policy files are written that way, and strings may hold braces.
OPEN = re.compile(r"^(\s*)(条 \d+|资金分担|不重复 \S+|上限 \S+)(?:\s.*)?\{\s*$")


def blocks(lines):
    """Name → text of every article and document-wide rule, plus "header": the 文件 line up to the
    first 章 or 条, without blank lines."""
    out = {}
    header = []
    in_header = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("文件 "):
            in_header = True
        elif in_header and re.match(r"^\s*(章|条) ", line):
            in_header = False
            out["header"] = "\n".join(header)
        if in_header and line.strip():
            header.append(line)
        m = OPEN.match(line)
        if m:
            indent, name = m.group(1), m.group(2)
            end = i + 1
            while end < len(lines) and lines[end] != indent + "}":
                end += 1
            if end == len(lines):
                sys.exit(f"unclosed block {name} at line {i + 1}")
            if name in out:
                sys.exit(f"block {name} twice")
            out[name] = "\n".join(lines[i:end + 1])
            i = end + 1
            continue
        i += 1
    return out


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def wanted():
    return ["header"] + ["条 " + a for a in ARTICLES] + DOC_RULES


def check(subset_path, full_path):
    sub, full = blocks(read(subset_path)), blocks(read(full_path))
    bad = []
    if sorted(sub) != sorted(wanted()):
        bad.append(f"the subset's blocks are {sorted(sub)}, expected {sorted(wanted())}")
    for name, text in sub.items():
        if name not in full:
            bad.append(f"{name}: not in {full_path}")
        elif full[name] != text:
            bad.append(f"{name}: differs from {full_path}")
    for b in bad:
        print(f"{subset_path}: {b}", file=sys.stderr)
    if not bad:
        print(f"{subset_path}: {len(sub)} blocks, each the same as in {full_path}")
    return 1 if bad else 0


def extract(full_path):
    full = blocks(read(full_path))
    indent = lambda text: "\n".join("  " + l if l else l for l in text.split("\n"))
    print("// 基准测试用子集：常办发〔2022〕1号 第2、3、5、12、14、25条，连同文件头、资金分担与就高不重复。")
    print("// 由 bench/subset/pol_blocks.py extract 从 policies/changzhou-2022-industry-policy.pol 摘出；")
    print("// 与全文逐块一致（ctest bench_subset_drift）。与 policies/schema.pol 一起编译。")
    print(full["header"])
    for a in ARTICLES:
        print()
        print(full["条 " + a])
    for r in DOC_RULES:
        print()
        print(full[r])
    print("}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    if len(sys.argv) == 3 and sys.argv[1] == "extract":
        extract(sys.argv[2])
        sys.exit(0)
    sys.exit(__doc__)
