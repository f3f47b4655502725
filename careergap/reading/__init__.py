"""Reading: the skill taxonomy and how text becomes skills.

Taxonomy and name resolution (``taxonomy``, ``matching``), skills found in free text
(``extractor``, ``matchers``, ``form_regex``, ``ambiguity``, ``ambiguous_forms``,
``formrule``), how a posting is read (``sections``, ``headings``, ``linecues``, ``demands``,
``nondemand``, ``clauses``, ``negation``, ``colleagues``, ``degree_fields``, ``clean``,
``requirements``, ``quotes``, ``extraction``), and the person's profile (``profile``,
``initprofile``). Imports only ``files`` (and ``models``/``errors``).
"""
