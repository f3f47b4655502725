"""The text of a saved job-ad web page, one line per paragraph, heading or list item.

Uses the standard library's ``html.parser`` (no new dependency: a saved ad needs only its
visible text, in order, with its block structure; entity and charset handling are all it takes).
Page furniture is dropped: ``<script>``, ``<style>``, ``<nav>``, ``<header>``, ``<footer>``,
``<aside>``, forms and buttons, the ``<head>`` (the page title there is usually "Job | Company |
Site"; the ad's own ``<h1>`` is in the body). Each list item becomes a ``- `` line, so the posting
reader sees the ad's bullets as it sees a pasted ad's.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

#: Elements whose whole content is page furniture, never the ad.
SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "head", "nav", "header", "footer",
        "aside", "form", "button", "select", "iframe", "object",
    }
)  # fmt: skip
#: Elements that start a new line.
BLOCKS = frozenset(
    {
        "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
        "h5", "h6", "section", "article", "main", "table", "tr", "blockquote", "pre",
        "body", "title", "figcaption", "details", "summary",
    }
)  # fmt: skip
#: Elements with no end tag: they never open a skipped region.
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "col"})
#: How far into the bytes a ``<meta charset>`` declaration is looked for (the HTML rule: 1024).
CHARSET_WINDOW = 1024
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip: list[str] = []  # open skipped elements, innermost last
        self._pre = 0

    def _break(self) -> None:
        text = "".join(self._current)
        self._current = []
        for line in text.split("\n") if self._pre else [text]:
            line = _SPACE.sub(" ", line.replace("\n", " ")).strip()
            if line:
                self.lines.append(line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag in BLOCKS and not self._skip:
                self._break()
            return
        if tag in SKIPPED or self._skip:
            self._skip.append(tag)
            return
        if tag in BLOCKS:
            self._break()
        if tag == "li":
            self._current.append("- ")
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS and not self._skip:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:  # close up to the matching element (forgives mis-nesting)
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in BLOCKS:
            self._break()
        if tag == "pre" and self._pre:
            self._pre -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._current.append(data if self._pre else data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        self._break()


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, a line per block, without page furniture."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return "\n".join(line for line in parser.lines if line.strip("- "))


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in its first bytes (``<meta charset>``), if Python knows it."""
    found = _CHARSET.search(data[:CHARSET_WINDOW])
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
