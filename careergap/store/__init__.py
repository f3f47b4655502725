"""Store: what careergap keeps on disk between runs: the compiled corpus cache and the history.

``cache`` (with ``cache_codec`` and ``cache_inventory``) skips parsing and extraction on repeated
runs; ``history`` keeps a profile's snapshots in SQLite.
"""
