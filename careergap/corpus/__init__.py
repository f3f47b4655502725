"""The corpus: the postings, role families and study resources careergap scores against.

Run time: ``load`` reads the bundled ``postings/`` plus the user's folders (``readahead``
reads large folders on every core), ``roles`` loads role families and resolves a typed role,
``resources`` attaches study resources to skills, ``userpostings`` stores the job ads a person
adds. The offline curation pipeline that writes ``postings/`` from the seed documents is
``build/``.
"""
