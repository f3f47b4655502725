# Copied unchanged (below this header) from the project's shared benchmark baselines, bench/aho_baseline.py,
# so the extraction benchmark runs from a clone. Needs pyahocorasick (pip install -e ".[bench]").
#!/usr/bin/env python3
"""Extraction baseline: pyahocorasick over careergap's own vocabulary, with word-boundary checks.

Usage: aho_baseline.py SKILLS_JSON TEXT_FILE   (SKILLS_JSON is `careergap skills --json` output)
Writes every mention as JSON ({"skills": [{"id", "mentions": [{"line", "text"}]}]}) to stdout, like
`careergap extract --json`, so the two are timed as whole processes on the same work. Case-insensitive,
like a plain gazetteer; it knows no ambiguity rules, so it is a speed floor only.
"""
import json
import sys

import ahocorasick

skills = json.load(open(sys.argv[1]))["skills"]
auto = ahocorasick.Automaton()
for s in skills:
    for form in [s["name"], *s.get("aliases", [])]:
        key = form.lower()
        if key:
            auto.add_word(key, (len(key), s["id"]))
auto.make_automaton()

raw = open(sys.argv[2], encoding="utf-8").read().split("\n")
found = {}
for line_no, orig in enumerate(raw, 1):
    line = orig.lower()
    for end, (length, sid) in auto.iter(line):
        start = end - length + 1
        if start > 0 and line[start - 1].isalnum():
            continue
        if end + 1 < len(line) and line[end + 1].isalnum():
            continue
        found.setdefault(sid, []).append({"line": line_no, "text": orig.strip()})
json.dump({"skills": [{"id": k, "mentions": v} for k, v in sorted(found.items())]}, sys.stdout, indent=2)
