"""Views: every way a result is shown. Terminal (rich), ``--json`` payloads, Markdown, HTML.

Text from files is escaped here, at the boundary, for the format it is written in.
"""
