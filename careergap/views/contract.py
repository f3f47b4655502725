"""The ``--json`` contract's version: one number for every command's payload.

Keys are added freely and never renamed or dropped; a change that must break a consumer raises
this number for every payload at once (README, "JSON output"). The corpus cache and the history
database version their own on-disk formats (``store/cache.py``, ``store/history.py``).
"""

#: ``schema_version`` of every ``--json`` payload.
SCHEMA_VERSION = 1
