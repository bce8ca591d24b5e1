#!/usr/bin/env python3
"""Every ```polc example of docs/language.md compiles, and each example given in both keyword
languages means the same program.

Usage: language_examples.py POLC LANGUAGE_MD SCHEMA_POL

An example is one of three kinds, tried in turn:
  - a program on its own (a schema excerpt: units, enums, targets);
  - a document written against policies/schema.pol, compiled with it;
  - a declaration quoted from policies/schema.pol (a set, an enum, a parameter that needs the
    schema's units): compiled with the schema, its only errors are E0202, "declared twice" —
    so it parses, and every name, type and unit in it resolves.
An example that is none of these fails the test, with polc's diagnostics.

Where the text between two examples ends with the line "English keywords:" (or a <details> summary "… with English keywords"), the second is the first written
with English keywords: both must compile to the same IR (polc build --emit=ir), byte for byte.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def blocks(markdown):
    """(line of the opening fence, code, text since the previous block's closing fence)"""
    out = []
    lines = markdown.split("\n")
    i, gap = 0, []
    while i < len(lines):
        if lines[i].strip() == "```polc":
            start = i + 1
            j = start
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            if j == len(lines):
                sys.exit(f"docs/language.md:{i + 1}: a ```polc block is never closed")
            out.append((i + 1, "\n".join(lines[start:j]) + "\n", "\n".join(gap)))
            gap = []
            i = j + 1
            continue
        gap.append(lines[i])
        i += 1
    return out


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)


def errors(polc, files):
    r = run([polc, "check", "--no-consistency", "--format", "json", *files])
    try:
        diags = json.loads(r.stdout)["diagnostics"]
    except (ValueError, KeyError):
        return r.returncode, None, r.stdout + r.stderr
    codes = sorted({d["code"] for d in diags if d["severity"] == "error"})
    return r.returncode, codes, r.stdout


def classify(polc, schema, path):
    """How the example compiles: the files to build its IR from, or None; and a failure text."""
    rc, codes, text = errors(polc, [path])
    if rc == 0:
        return [path], None
    rc, codes, text = errors(polc, [schema, path])
    if rc == 0:
        return [schema, path], None
    if codes == ["E0202"]:
        return None, None  # quoted from the schema: parses and resolves, cannot be built twice
    r = run([polc, "check", "--no-consistency", "--color", "never", schema, path])
    return None, f"compiles neither alone nor with {os.path.basename(schema)}:\n{r.stderr}"


def ir(polc, files, out):
    r = run([polc, "build", "--emit=ir", "-o", out, *files])
    if r.returncode != 0:
        return None, r.stderr
    with open(out, encoding="utf-8") as f:
        return f.read(), None


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    polc, doc, schema = sys.argv[1:]
    with open(doc, encoding="utf-8") as f:
        examples = blocks(f.read())
    if not examples:
        sys.exit(f"{doc}: no ```polc examples found")
    failures = []
    built = {}  # example index → its IR text, when it builds
    with tempfile.TemporaryDirectory() as tmp:
        for k, (line, code, _) in enumerate(examples):
            path = os.path.join(tmp, f"example_line_{line}.pol")
            with open(path, "w", encoding="utf-8") as f:
                f.write(code)
            files, failure = classify(polc, schema, path)
            if failure:
                failures.append(f"{doc}:{line}: the example {failure}")
                continue
            if files:
                text, failure = ir(polc, files, os.path.join(tmp, f"ir_{k}.txt"))
                if failure:
                    failures.append(f"{doc}:{line}: the example checks but does not build:\n{failure}")
                else:
                    # The IR names the example's file in its spans; the twins' files differ.
                    built[k] = text.replace(path, "EXAMPLE")
        pairs = 0
        for k in range(1, len(examples)):
            gap = [l.strip() for l in examples[k][2].split("\n") if l.strip()]
            if not gap or not (gap[-1] == "English keywords:" or gap[-1].endswith("with English keywords</summary>")):
                continue
            pairs += 1
            zh, en = examples[k - 1][0], examples[k][0]
            if (k - 1 in built) != (k in built):
                failures.append(f"{doc}:{en}: the English example {'builds' if k in built else 'does not build'}, "
                                f"unlike its Chinese twin at line {zh}")
            elif k in built and built[k] != built[k - 1]:
                a, b = built[k - 1].splitlines(), built[k].splitlines()
                n = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
                failures.append(f"{doc}:{en}: the English example's IR differs from its Chinese twin's "
                                f"(line {zh}) at IR line {n + 1}:\n  zh: {a[n] if n < len(a) else '(end)'}\n"
                                f"  en: {b[n] if n < len(b) else '(end)'}")
    for f in failures:
        print(f, file=sys.stderr)
    print(f"{len(examples)} examples, {len(built)} built, {pairs} pairs of Chinese and English keywords compared; "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
