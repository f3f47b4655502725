"""Seed curation (`careergap corpus build`): parse the seed documents into ``postings/``.

``seeds`` reads raw blocks with their line numbers, ``careergap.reading.clean`` turns raw lines
into requirement lines (or drops them), ``shape`` makes draft postings, ``families`` assigns role
families, ``dedupe`` merges re-pasted postings, ``overrides`` applies hand edits, and
``pipeline`` runs it all and writes YAML atomically.
"""
