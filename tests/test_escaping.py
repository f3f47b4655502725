"""``careergap.files.escaping``: one encoder per output format, checked against a parser of the
format."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from careergap.files.escaping import (
    REPLACEMENT,
    for_html,
    for_json,
    for_markdown,
    for_terminal,
    markdown_code,
    safe_url,
)

UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
MD = MarkdownIt("commonmark").enable("table")


def _inline(markdown: str) -> list[tuple[str, str]]:
    """(type, content) of each inline node of a one-paragraph document."""
    tokens = MD.parse(markdown)
    return [(c.type, c.content) for t in tokens if t.type == "inline" for c in t.children or ()]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("clear\x1b[2Jscreen", f"clear{REPLACEMENT}[2Jscreen"),
        ("title\x1b]0;pwned\x07", f"title{REPLACEMENT}]0;pwned{REPLACEMENT}"),
        ("c1 csi\x9b31m", f"c1 csi{REPLACEMENT}31m"),
        ("over\rwrite\b", f"over{REPLACEMENT}write{REPLACEMENT}"),
        ("bidi \u202eexe.txt\u2066", f"bidi {REPLACEMENT}exe.txt{REPLACEMENT}"),
        ("tab\there", "tab here"),
        ("two\nlines", "two\nlines"),
        ("[link=file:///etc/passwd]x[/link] Zoë 😀",) * 2,
    ],
)
def test_for_terminal(text: str, shown: str) -> None:
    assert for_terminal(text) == shown


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_for_terminal_leaves_no_control_and_keeps_length(text: str) -> None:
    shown = for_terminal(text)
    assert not UNSAFE.search(shown.replace("\n", ""))
    assert len(shown) == len(text)  # rich styles laid over the text stay in place


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"])))
def test_for_markdown_is_one_literal_text_node(text: str) -> None:
    """Whatever the text, CommonMark reads it back as plain text: no link, emphasis, code,
    image or HTML, in a paragraph, a heading or a table cell."""
    escaped = for_markdown(text)
    assert "\n" not in escaped
    expected = UNSAFE.sub(REPLACEMENT, text.replace("\t", " ").replace("\n", " "))
    for doc in (f"a {escaped} b", f"# x {escaped} y", f"| h |\n|---|\n| x {escaped} y |"):
        nodes = _inline(doc)
        assert {kind for kind, _ in nodes} <= {"text"}, (doc, nodes)
    assert "".join(content for _, content in _inline(f"a {escaped} b")) == f"a {expected} b"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "![x](http://evil/x.png)",
        "**bold** _it_ ~~s~~ `code`",
        "Ada #",
        "a | b",
        "&lt;b&gt; &#106;",
        "\\*",
    ],
)
def test_for_markdown_examples_render_as_written(text: str) -> None:
    nodes = _inline(f"# {for_markdown(text)}")
    assert nodes == [("text", text.strip())]


@pytest.mark.parametrize("path", ["me.yaml", "a`b.yaml", "``x`", "`lead", "trail`", " sp "])
def test_markdown_code_survives_backticks(path: str) -> None:
    nodes = _inline(f"Profile {markdown_code(path)} here")
    code = [content for kind, content in nodes if kind == "code_inline"]
    # CommonMark strips one space each side when both are there (the padding).
    assert code == [path] or code == [path.strip()] and path.strip() != path


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_for_html_round_trips(text: str) -> None:
    escaped = for_html(text)
    assert not re.search("[<>\"']", escaped)
    assert html.unescape(escaped) == UNSAFE.sub(
        REPLACEMENT, text.replace("\t", " ").replace("\n", " ")
    ).replace("\t", " ")


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=c#d", "https://example.org/a?b=c#d"),
        ("http://example.org/x_(y)", "http://example.org/x_%28y%29"),
        ("https://example.org/\"><script>", "https://example.org/%22%3E%3Cscript%3E"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<b>", None),
        ("file:///etc/passwd", None),
        ("//example.org", None),
        ("https://example.org/a b", None),
        ("https://example.org/\x1b", None),
        (None, None),
        ("", None),
    ],
)
def test_safe_url(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_for_json_keeps_the_value(value: object) -> None:
    text = for_json(json.dumps(value, ensure_ascii=False))
    assert not UNSAFE.search(text.replace("\n", ""))
    assert json.loads(text) == value
