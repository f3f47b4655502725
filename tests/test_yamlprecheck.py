"""The fast path of the user-file reader never admits what the full checks refuse.

``read_user_yaml`` skips the event pass when ``events_need_checking`` says it cannot find
anything, and ``read_user_data`` also builds the data in one pass. Hypothesis writes YAML-ish
files out of the pieces that matter (indicators, flow brackets, anchors, aliases, tags, document
markers, deep indentation, every line break libyaml knows) and checks that each reader gives
exactly what the full path gives: the same data, or the same error, word for word.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from careergap.files import yamlsafe
from careergap.files.loader import (
    MAX_NESTING,
    UserFileError,
    dump_yaml,
    read_user_data,
    read_user_yaml,
)
from careergap.files.yamlprecheck import events_need_checking, nesting_bound

#: The issue asks for at least 500 examples per fuzzed parser.
EXAMPLES = 600
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PIECES = st.sampled_from(
    [
        "- ", "? ", ": ", ", ", "-", "key: ", "k2: ", "word", "two words", "R&D", "Q & A",
        "&a ", "&b ", "*a", "[", "]", "{", "}", "[a, b]", "{x: 1}", "!!str ", "!!map ", "!x ",
        "!!python/object:os.system ", "'q'", '"d"', " #c", "|", ">", "---", "...", "%YAML 1.1",
        "2024-02-30", "2024-02-03", "1", "0x1F", "true", "~", "- " * 20, "[" * 20, "]" * 20,
        "\ufeff", "\t",
    ]
)  # fmt: skip
LINES = st.tuples(st.integers(0, 80), st.lists(PIECES, max_size=8)).map(
    lambda parts: " " * parts[0] + "".join(parts[1])
)
BREAKS = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\x85", "\u2028"])
TEXTS = st.lists(st.tuples(LINES, BREAKS), min_size=1, max_size=25).map(
    lambda lines: "".join(line + brk for line, brk in lines)
)
SCALARS = st.one_of(
    st.sampled_from(["Python", "R&D", "yes", "1", "3.5", "2024-02-03", "", "a: b", "- x", "~"]),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
)
KEYS = st.sampled_from(["id", "title", "lines", "text", "line", "x", "1", "yes", "a b"])
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, min_size=1, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def edited_documents(draw: st.DrawFn) -> str:
    """A document careergap could write, then a few hand edits: a piece typed in anywhere, or a
    line repeated (duplicate keys)."""
    text = dump_yaml({"root": draw(DATA), "other": draw(DATA)})
    for _ in range(draw(st.integers(0, 3))):
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()):
            lines.insert(at, lines[at])
        else:
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(PIECES) + lines[at][column:]
        text = "\n".join(lines)
    return text


DEEP_INDENT = "".join(" " * i + "k:\n" for i in range(40)) + " " * 40 + "v\n"


def _outcome(reader: object, path: Path) -> tuple[str, object]:
    try:
        result = reader(path)  # type: ignore[operator]
    except UserFileError as exc:
        return "error", str(exc)
    return "data", getattr(result, "data", result)


def _full(path: Path) -> tuple[str, object]:
    """What the reader gives with every check run (the event pass never skipped)."""
    with mock.patch("careergap.files.yamlprecheck.events_need_checking", return_value=True):
        return _outcome(read_user_yaml, path)


@FUZZ
@given(st.one_of(TEXTS, edited_documents()))
@example("a:\n" + "- " * 40 + "x\n")
@example(DEEP_INDENT)
@example("a: &x 1\nb: &x 2\n")
@example("a: 1\n---\nb: [\n")
@example("a: !!map x\n")
@example("a:\r" + " " * 70 + "b: 1\n")
def test_fast_readers_give_what_the_full_checks_give(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.yaml"
        path.write_bytes(text.encode("utf-8"))
        expected = _full(path)
        assert _outcome(read_user_yaml, path) == expected
        assert _outcome(read_user_data, path) == expected


@FUZZ
@given(st.one_of(TEXTS, edited_documents()))
def test_a_skipped_event_pass_would_have_found_nothing(text: str) -> None:
    if events_need_checking(text, MAX_NESTING):
        return
    assert nesting_bound(text) <= MAX_NESTING
    try:
        yamlsafe.check_events(text)
    except yamlsafe.Refused as exc:  # an alias or deep nesting the precheck missed
        raise AssertionError(f"refused after the precheck let it through: {exc}") from None
    except Exception:  # noqa: BLE001 - a syntax error: composing reports the same one
        pass


def test_deep_nesting_always_gets_the_event_pass() -> None:
    assert events_need_checking("a:\n" + "- " * 40 + "x\n", MAX_NESTING)
    assert events_need_checking(DEEP_INDENT, MAX_NESTING)
    assert events_need_checking("a: " + "[" * 40 + "]" * 40 + "\n", MAX_NESTING)
    assert events_need_checking("a:\r" + " " * 70 + "b: 1\n", MAX_NESTING)


def test_a_posting_as_careergap_writes_it_skips_the_event_pass() -> None:
    text = (
        "id: mine-001\ntitle: R&D Engineer\nfamilies:\n- data-engineer\nsource: ad.txt\n"
        "lines:\n- line: 3\n  text: Python, SQL & Spark (a plus)\n  required: true\n"
    )
    assert not events_need_checking(text, MAX_NESTING)
    assert nesting_bound(text) == 2 * (2 + 1)
