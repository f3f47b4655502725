"""Reading: the skill taxonomy and how text becomes skills.

Taxonomy and name resolution (``taxonomy``, ``matching``), skills found in free text
(``extractor``, ``form_regex``, ``ambiguity``), how a posting is read (``sections``,
``nondemand``, ``clean``, ``requirements``, ``quotes``), and the person's profile (``profile``,
``initprofile``). Imports only ``files`` (and ``models``/``errors``).
"""
