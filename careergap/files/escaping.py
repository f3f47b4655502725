"""Output encoding: text that came from a file is data, wherever it is shown (OWASP's rule).

One function per output format, each applied at that format's boundary:

- :func:`for_terminal` -- ``render.py`` and the CLI's message helpers pass every string through it
  (and rich only ever receives ``Text`` objects, never a string it would parse as markup);
- :func:`for_markdown` / :func:`markdown_code` / :func:`safe_url` -- the Markdown report;
- :func:`for_html` / :func:`safe_url` -- the HTML report;
- :func:`for_json` -- ``--json`` output (the text is kept exactly; only its spelling changes).

Pure standard library, so the CLI's error path can use it without importing rich.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote, urlsplit

#: Shown instead of a character that would act on the terminal or reorder the text around it.
REPLACEMENT = "\ufffd"

#: C0 controls but newline (ESC starts every terminal escape sequence; CR and BS overwrite what
#: was printed), DEL, C1 controls (0x9b is a one-byte CSI on some terminals), and the invisible
#: bidi controls that reorder what is shown (the "Trojan Source" characters), line and paragraph
#: separators. Each is replaced by one character, so rich styles over the text keep their places.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
#: What json.dumps leaves raw but a terminal acts on (DEL, C1) or that reorders text (bidi).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: Markdown and HTML reports keep no line breaks inside a value either.
_LINE_UNSAFE = re.compile(f"\n|{_TERMINAL_UNSAFE.pattern}")
#: ASCII punctuation that can start Markdown syntax inside a line (emphasis, code, links, images,
#: a heading's closing #, table cells, strikethrough, raw HTML, entities, GitHub's $math$).
#: CommonMark allows a backslash before any ASCII punctuation, so escaping these is always safe.
#: Values never start a line in the report, so list and block markers (- + 1.) need no escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~<>&$])")
#: The only URL schemes a report links to; anything else (javascript:, data:, file:) is text.
LINK_SCHEMES = ("http", "https")


def for_terminal(text: str) -> str:
    """``text`` safe to print: tabs become spaces, control and bidi characters become U+FFFD.

    Newlines stay (a caller that wants one line splits on them first). The result has the same
    length as ``text``, so styles laid over it stay aligned.
    """
    return _TERMINAL_UNSAFE.sub(REPLACEMENT, text.replace("\t", " "))


def _one_line(text: str) -> str:
    return _LINE_UNSAFE.sub(
        lambda m: " " if m.group() in "\n\t" else REPLACEMENT, text.replace("\t", " ")
    )


def for_markdown(text: str) -> str:
    """``text`` as literal Markdown inline text: every syntax character backslash-escaped, so no
    heading, emphasis, link, image, table cell or raw HTML can come out of it; one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


def markdown_code(text: str) -> str:
    """``text`` as a Markdown code span whose fence is longer than any backtick run inside it
    (CommonMark's rule), padded with a space when the text starts or ends with a backtick."""
    text = _one_line(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def for_html(text: object) -> str:
    """``text`` as HTML text or attribute value: escaped (quotes too), controls replaced."""
    return escape(_one_line(str(text)), quote=True)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL with characters that could end a Markdown link or an HTML attribute
    percent-encoded; None for any other scheme (javascript:, data:, file:...) or no URL."""
    if not url or _LINE_UNSAFE.search(url) or " " in url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in LINK_SCHEMES:
        return None
    return quote(url, safe="/:?#@!$&'*+,;=%-._~")


def for_json(document: str) -> str:
    """A ``json.dumps`` result with DEL, C1 and bidi characters written as ``\\uXXXX``: the same
    JSON value, but a terminal showing it cannot act on them (json.dumps escapes C0 itself).
    These characters only occur inside JSON strings, where the escape means the same thing."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
