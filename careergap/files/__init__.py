"""Files: bytes and text with limits, YAML, atomic writes, where files live, output escaping.

The bottom layer: it knows nothing of skills, postings or scores. ``loader`` is the only module
that imports ``yaml``.
"""
