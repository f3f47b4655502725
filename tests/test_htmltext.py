"""A saved web page's text: the ad's blocks and bullets, none of the page furniture."""

from __future__ import annotations

from careergap.files.htmltext import declared_charset, html_to_text

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>DV Engineer | Board</title>
<style>li { color: red }</style><script>var track = "Python";</script></head>
<body><nav><a href="/">Jobs</a> <a href="/s">Search</a></nav><header>Board header</header>
<main><h1>Design Verification Engineer</h1>
<p>You will verify   SoC
blocks &amp; IP.</p>
<h2>Requirements</h2>
<ul><li>UVM and <b>SystemVerilog</b></li><li>Python &lt;scripting&gt;</li></ul>
<aside>Similar jobs: Java developer</aside>
<pre>line one
line two</pre>
<form><button>Apply now</button></form>
</main><footer>Terms · Privacy</footer></body></html>"""


def test_the_ad_text_is_kept_line_by_line_and_the_furniture_dropped() -> None:
    assert html_to_text(PAGE).splitlines() == [
        "Design Verification Engineer",
        "You will verify SoC blocks & IP.",
        "Requirements",
        "- UVM and SystemVerilog",
        "- Python <scripting>",
        "line one",
        "line two",
    ]


def test_mis_nested_and_unclosed_tags_do_not_swallow_the_ad() -> None:
    text = html_to_text("<div><nav><span>menu</div></nav><p>Kubernetes experience</p><br>x")
    assert text.splitlines() == ["Kubernetes experience", "x"]


def test_declared_charset() -> None:
    assert declared_charset(b'<meta charset="windows-1252">') == "cp1252"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')
        == "utf-8"
    )
    assert declared_charset(b'<meta charset="no-such-codec">') is None
    assert declared_charset(b"<p>no declaration</p>") is None
