"""Large regexes kept in the cache folder as their programs (careergap.files.regexcode)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from careergap.files import compiled, regexcode
from careergap.reading import extractor, matchers, taxonomy

#: Shapes the extractor's patterns use: alternations, optional groups, look-arounds, classes.
PATTERNS = {
    "ci": r"\W(?:(?:apache[ \t\xa0_-]*(?:spark|beam)|c(?:\+\+)?|node\.js)s?)(?![\w+#])",
    "exact": r"(?:R(?<!\w.)(?:ust)?|Go(?<!\w.))(?![\w+#])(?!-(?!(?i:programming)\b)\w)(?!\.\w)",
}
TEXT = " Apache Spark, apache-beam and C++ or c; Node.js, R, Rust, Go-to Go. R-programming"


def _spans(patterns: dict[str, re.Pattern[str]]) -> dict[str, list[tuple[int, int]]]:
    return {name: [m.span() for m in p.finditer(TEXT)] for name, p in patterns.items()}


EXPECTED = _spans({name: re.compile(p) for name, p in PATTERNS.items()})


def _stored(patterns: dict[str, str] = PATTERNS) -> list[Path]:
    """The store of ``patterns``, when there is one (the test home may hold others)."""
    path = compiled.cache_file(compiled.REGEX_KIND, regexcode._key(patterns))
    return [path] if path.exists() else []


def _no_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if a pattern is parsed again (every compile of regexcode goes through it)."""
    monkeypatch.setattr(regexcode, "_program", lambda p: pytest.fail(f"{p[:20]!r} was parsed"))
    no_re = SimpleNamespace(compile=lambda *a: pytest.fail("re.compile was called"))
    monkeypatch.setattr(regexcode, "re", no_re)


def test_a_second_compile_reads_the_stored_programs_and_matches_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = regexcode.compile_all(PATTERNS)
    assert _spans(first) == EXPECTED
    assert len(_stored()) == 1
    _no_compile(monkeypatch)
    second = regexcode.compile_all(PATTERNS)
    assert _spans(second) == EXPECTED
    assert {n: p.pattern for n, p in second.items()} == PATTERNS
    assert all(p.flags == re.compile("").flags for p in second.values())


def test_other_patterns_are_another_file() -> None:
    other = {**PATTERNS, "exact": PATTERNS["exact"] + "x"}
    regexcode.compile_all(PATTERNS)
    regexcode.compile_all(other)
    assert _stored() and _stored(other) and _stored() != _stored(other)


def _rewrite(path: Path, edit: object) -> None:
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    new_body = json.dumps(edit(json.loads(body))).encode()  # type: ignore[operator]
    header["sha256"] = hashlib.sha256(new_body).hexdigest()  # a careful hand edit
    path.write_bytes(json.dumps(header).encode() + b"\n" + new_body)


DAMAGE = {
    "garbage": lambda p: p.write_bytes(b"\x80\x00not json at all"),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "flipped-byte": lambda p: p.write_bytes(p.read_bytes()[:-10] + b"X" + p.read_bytes()[-9:]),
    "not-base64": lambda p: _rewrite(p, lambda b: {**b, "ci": {**b["ci"], "code": "@@"}}),
    "odd-length": lambda p: _rewrite(p, lambda b: {**b, "ci": {**b["ci"], "code": "AAA="}}),
    "no-groups": lambda p: _rewrite(p, lambda b: {**b, "ci": {**b["ci"], "groups": 0}}),
    "string-flags": lambda p: _rewrite(p, lambda b: {**b, "ci": {**b["ci"], "flags": "32"}}),
    "missing-pattern": lambda p: _rewrite(p, lambda b: {"ci": b["ci"]}),
    "not-a-dict": lambda p: _rewrite(p, lambda b: [b]),
}


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_a_damaged_store_is_a_miss_and_is_rewritten(how: str) -> None:
    regexcode.compile_all(PATTERNS)
    (path,) = _stored()
    DAMAGE[how](path)
    assert _spans(regexcode.compile_all(PATTERNS)) == EXPECTED
    stored = compiled.read(compiled.REGEX_KIND, regexcode._key(PATTERNS))
    assert regexcode._from_programs(PATTERNS, stored) is not None


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no user ids")
def test_a_store_others_may_write_is_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    regexcode.compile_all(PATTERNS)
    (path,) = _stored()
    path.chmod(0o666)
    parsed: list[str] = []
    program = regexcode._program

    def counted(pattern: str) -> dict[str, object]:
        parsed.append(pattern)
        return program(pattern)

    monkeypatch.setattr(regexcode, "_program", counted)
    assert _spans(regexcode.compile_all(PATTERNS)) == EXPECTED
    assert sorted(parsed) == sorted(PATTERNS.values())  # compiled anew, not read


def test_without_a_usable_engine_patterns_compile_as_usual(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(regexcode, "SUPPORTED", False)
    assert _spans(regexcode.compile_all(PATTERNS)) == EXPECTED
    assert _stored() == []


def test_re_internals_that_differ_fall_back_to_re_compile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def gone(pattern: str) -> object:
        raise AttributeError("_code")

    monkeypatch.setattr(regexcode, "_program", gone)
    assert _spans(regexcode.compile_all(PATTERNS)) == EXPECTED
    assert _stored() == []


@pytest.mark.cold_cache
def test_the_extractor_from_stored_programs_finds_what_re_compile_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole taxonomy's matcher, loaded from the store, against a fresh ``re.compile``."""
    text = (
        "Requirements: 5+ years of Python, PyTorch, Kubernetes and C++; Go or R a plus.\n"
        "Machine-learning pipelines on Apache Spark, SQL, CI/CD, Verilog/SystemVerilog, UVM.\n"
    )
    tax = taxonomy.load_taxonomy()
    matchers.compile_matchers.cache_clear()
    first = matchers.compile_matchers(tax)  # stores the programs if the home has none yet
    matchers.compile_matchers.cache_clear()
    loaded = matchers.compile_matchers(tax)
    assert loaded.ci_pattern is not first.ci_pattern
    fresh = re.compile(loaded.ci_pattern.pattern), re.compile(loaded.exact_pattern.pattern)
    padded = " " + text.lower()
    assert [m.span() for m in loaded.ci_pattern.finditer(padded)] == [
        m.span() for m in fresh[0].finditer(padded)
    ]
    assert [m.span() for m in loaded.exact_pattern.finditer(text)] == [
        m.span() for m in fresh[1].finditer(text)
    ]
    assert extractor.Extractor(tax).find(text)
    matchers.compile_matchers.cache_clear()
