#!/usr/bin/env python3
"""The seed policies quote their texts, and every seed text is encoded.

Usage: seed_quotes.py POLICIES_DIR SEEDS_DIR [MIN_COVERAGE]

Every `原文 "…"` (`text "…"`) string of POLICIES_DIR/*.pol must occur in one of the seed texts
SEEDS_DIR/*.txt, white space ignored (the texts break lines and pages inside sentences; the
encodings join them): a quote that does not is a typo or a paraphrase, and a clause's legal basis
would then not be the law's words.

Each seed text must also be covered by the quotes to at least MIN_COVERAGE (default 0.85) of its
characters, white space ignored: what is left is letterheads, headings, signatures and copy lists.
So a seed added to SEEDS_DIR fails this test until it is encoded in full, clauses and all the
sentences that are not rules (those with a 说明 saying why).

The seeds live outside the repository (../shared/seeds/ beside it). Where they are not there, as on
a machine that has only a clone, the test is skipped (exit 77), not passed.
"""
import glob
import os
import re
import sys

QUOTE = re.compile(r'(?:^|[\s;；{])(?:原文|text)((?:\s+"(?:[^"\\\n]|\\.)*")+)', re.M)
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
SPACE = re.compile(r"\s+")


def squeeze(text):
    return SPACE.sub("", text)


def quotes(policies_dir):
    """(file, line, quote) for every quoted string of every policy file."""
    for path in sorted(glob.glob(os.path.join(policies_dir, "*.pol"))):
        source = open(path, encoding="utf-8").read()
        for m in QUOTE.finditer(source):
            line = source.count("\n", 0, m.start(1)) + 1
            for s in STRING.findall(m.group(1)):
                yield os.path.basename(path), line, s.replace('\\"', '"').replace("\\\\", "\\")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    policies_dir, seeds_dir = sys.argv[1], sys.argv[2]
    min_coverage = float(sys.argv[3]) if len(sys.argv) == 4 else 0.85
    seed_paths = sorted(glob.glob(os.path.join(seeds_dir, "*.txt")))
    if not seed_paths:
        print(f"skipped: no seed texts in {seeds_dir}")
        return 77
    seeds = {os.path.basename(p): squeeze(open(p, encoding="utf-8").read()) for p in seed_paths}

    problems = []
    found = []
    for file, line, quote in quotes(policies_dir):
        q = squeeze(quote)
        if not q:
            problems.append(f"{file}:{line}: an empty 原文")
        elif not any(q in text for text in seeds.values()):
            problems.append(f"{file}:{line}: 原文 not found in any seed text: {quote[:60]}…")
        else:
            found.append(q)
    if not found:
        problems.append(f"no 原文 found in {policies_dir}/*.pol")

    for name, text in seeds.items():
        covered = bytearray(len(text))
        for q in found:
            i = text.find(q)
            while i >= 0:
                covered[i:i + len(q)] = b"\x01" * len(q)
                i = text.find(q, i + 1)
        share = sum(covered) / len(text) if text else 1.0
        print(f"{name}: {share:.1%} quoted")
        if share < min_coverage:
            problems.append(f"{name}: only {share:.1%} of the text is quoted by the policies "
                            f"(at least {min_coverage:.0%} needed): is it encoded?")

    for p in problems:
        print(p)
    print(f"{len(found)} quotes checked against {len(seeds)} seed texts, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
