"""The named rules for skill forms that are also ordinary words, letters or other acronyms.

Keyed by the matched form, lower case without separators ("go", "spark", "cv"), so they hold
whatever skill id the taxonomy uses; :func:`careergap.reading.ambiguity.judge` applies them.
Every one is exercised in tests/test_matching.py. The words whose reading depends on the
posting's field are in :mod:`careergap.reading.field_forms`, merged in below.
"""

from __future__ import annotations

from careergap.reading.field_forms import FIELD_RULES
from careergap.reading.formrule import Rule
from careergap.reading.formrule import rx as _rx

_OTHER_LETTER = r"\b[A-BD-QS-Z]"
#: Words that put a letter in a grade, level, class or label: "Level C", "Vitamin C", "Plan R".
_LABEL_WORDS = (
    r"level|grade|grades|class|type|vitamin|plan|section|part|appendix|series|round|option|"
    r"tier|group|category|schedule|form|exhibit|block|zone|phase|item|model|letter|note|"
    r"column|row|team|unit|division|band|size|rating|score|mark|priority|hepatitis"
)

#: Rule for one-letter forms (C, R), checked before their own rule.
SINGLE_LETTER = Rule(
    why="a lone capital letter is often a label, grade, initial or list item, not a language",
    reject_before=_rx(
        rf"(?:(?i:\b(?:{_LABEL_WORDS}))\s+|&\s*|{_OTHER_LETTER}\s*(?:,|/|(?i:\bor\b|\band\b))\s*)$"
    ),
    reject_after=_rx(
        rf"^(?:\s*&|\s*(?:,|/|(?i:or\b|and\b))\s*{_OTHER_LETTER}\b|"
        r"\s+(?i:suite|level|levels|corp|corporation|grade)\b)"
    ),
    reject_around=(
        # "(C)" and "(R)": copyright and registered-trademark signs.
        (_rx(r"\(\s*$"), _rx(r"^\s*\)")),
        # "C) ..." or "C. ..." opening a line: an enumerated option.
        (_rx(r"^\s*$"), _rx(r"^[.)]\s")),
        # "John R. Smith": a middle initial.
        (_rx(r"\b[A-Z][a-z]+\s+$"), _rx(r"^\.\s+[A-Z][a-z]+")),
    ),
)


_LIST_INTRO = r"(?:in|with|using|of|like|e\.g\.,?|i\.e\.,?|such\s+as|including|languages?:?)"
_VERB_GO = "|".join(
    "above beyond to live ahead back further forward through out get into on over along fast far "
    "for the a an find make see do team there here up down big home".split()
    + [r"and\s+(?:get|do|see|make)"]
)
#: A capitalised word after a first name is a surname ("Ray Kurzweil"), unless it is a product
#: part of the framework ("Ray Tune"); "Ray tracing" is graphics.
_PERSON_AFTER = _rx(
    r"^(?:\s+(?!(?:Tune|Serve|Train|Data|Core|RLlib|Cluster|Language|Programming)\b)"
    r"[A-Z][a-z]+\b|\s+(?i:tracing|traced|tracer|casting|marching|optics)\b)"
)
_APACHE_BEFORE = _rx(r"(?i:\b(?:apache|databricks|aws|gcp|azure|cloud)\s+)$")

#: The ambiguous forms, by lower-case key. Every one is exercised in tests/test_matching.py.
RULES: dict[str, Rule] = {
    "c": Rule(
        why="C vs C-suite, Objective C, 'C ++' spelled apart",
        reject_before=_rx(r"(?i:\bobjective\s*)$"),
        reject_after=_rx(r"^\s*(?:\+\s*\+|#)"),
    ),
    "r": Rule(
        why="R vs R&D (handled by SINGLE_LETTER) and R-squared",
        reject_after=_rx(r"^\s*(?i:squared|&\s*d)\b"),
    ),
    "go": Rule(
        why="Go the language vs the verb: 'go above and beyond', 'Go live', 'ready to go', "
        "'we go', headings",
        reject_after=_rx(rf"^\s*(?:!|(?i:(?:{_VERB_GO})\b))"),
        reject_before=_rx(
            r"(?i:\b(?:ready|good|way|time|where|how|what|need|needs|have|has|had|want|wants|"
            r"able|used|going|place|free|got)\s+to\s+|\b(?:we|you|they|i|let['’]?s|will|can|"
            r"could|must|should|would|may|might)\s+)$"
        ),
        needs="always",
        accept_before=_rx(rf"(?i:\b(?:{_LIST_INTRO}|written\s+in|programming\s+in)\s*)$"),
        accept_after=_rx(
            r"^\s*(?:\(\s*(?i:golang)|(?i:(?:programming|developers?|engineers?|code|codebase|"
            r"services?|microservices|backend|modules?|language|lang|routines|toolchain|stack|"
            r"experience|skills|proficiency|expertise|generics|concurrency|1\.\d+)\b))"
        ),
    ),
    "algorithm": Rule(
        why="'deep learning algorithms', 'vision algorithms' name a field's methods, not "
        "algorithms as a subject; 'graph algorithms' and 'background in algorithms' are",
        reject_before=_rx(
            r"(?i:\b(?!(?:in|of|on|and|or|with|for|to|the|about|including|strong|solid|good|deep|"
            r"sound|excellent|knowledge|background|understanding|experience|skills?|"
            r"fundamentals?|classic(?:al)?|advanced|efficient|basic|core|designing|design|"
            r"developing|implementing|writing|analy[sz]ing|graph|parallel|combinatorial|search|"
            r"sorting|numerical|geometric|distributed|approximation|randomi[sz]ed|string|tree|"
            r"scalable|novel|new|custom)\b)[a-z][\w+#-]*\s+)$"
        ),
    ),
}
RULES["algorithms"] = RULES["algorithm"]  # the skill's name is the plural form
RULES |= {
    "spark": Rule(
        why="Apache Spark vs 'spark curiosity'",
        reject_before=_rx(r"(?i:\b(?:to|will|can|could|that|which|who|helps?|may|might)\s+)$"),
        reject_after=_rx(
            r"^\s+(?i:curiosity|joy|interest|innovation|ideas?|conversations?|change|creativity|"
            r"debate|discussions?|growth|excitement|passion|imagination|enthusiasm|inspiration|"
            r"new|meaningful|of|(?:your|our|their|the|a|my)\s+(?:own\s+)?(?:curiosity|"
            r"interest|imagination|creativity|passion|career|growth|ideas?))\b"
        ),
        needs="lowercase",
        accept_before=_APACHE_BEFORE,
        accept_after=_rx(
            r"^[\s-]+(?i:streaming|sql|jobs?|clusters?|applications?|pipelines?|dataframes?|"
            r"rdds?|mllib|structured|core|executors?|tuning)\b"
        ),
    ),
    "excel": Rule(
        why="Microsoft Excel vs the verb ('excel at', 'you will excel')",
        reject_before=_rx(
            r"(?i:\b(?:to|will|you'?ll|who|can|could|should|must|you|we|they|people|teams?|"
            r"helps?\s+(?:you|people|others))\s+)$"
        ),
        reject_after=_rx(
            r"^\s+(?i:at|in|within|across|under|when|where|beyond|academically|as\s+a|"
            r"professionally)\b"
        ),
        needs="lowercase",
        accept_before=_rx(r"(?i:\b(?:ms|microsoft|advanced|in|with|using|of)\s+)$"),
        accept_after=_rx(
            r"^[\s-]+(?i:spreadsheets?|sheets|vba|macros?|pivot|formulas?|models?|modell?ing|"
            r"workbooks?|skills|proficiency|dashboards?|functions)\b"
        ),
    ),
    "rust": Rule(
        why="the Rust language vs iron oxide",
        reject_after=_rx(
            r"^[\s-]+(?i:belt|prevention|proof|resistant|resistance|removal|colou?red|stains?|"
            r"inhibitors?|spots?)\b"
        ),
        needs="lowercase",
        accept_after=_rx(r"^\s+(?i:programming|language|code|developers?|engineers?|crates?)\b"),
    ),
    "swift": Rule(
        why="the Swift language vs 'swift delivery' and the SWIFT banking network",
        reject_before=_rx(r"(?i:\b(?:taylor|quick\s+and|fast\s+and)\s+)$"),
        reject_after=_rx(
            r"^\s+(?i:delivery|response|action|turnaround|resolution|decisions?|execution|pace|"
            r"manner|payments?|transfers?|messages?|network|MT\d+|and\s+(?:decisive|accurate))\b"
        ),
        reject_surface=_rx(r"^SWIFT$"),
        needs="lowercase",
        accept_after=_rx(r"^\s+(?i:programming|language|code|developers?|ui|development)\b"),
    ),
    "cv": Rule(
        why="CV as computer vision vs CV as a résumé",
        reject_before=_rx(
            r"(?:(?i:\b(?:your|my|his|her|their|attach|attached|send|submit|submitted|upload|"
            r"enclose|enclosed|forward|updated|detailed|full)\s+)|"
            r"(?i:\bwrit(?:e|es|ing|ten)\s+(?:\w+\s+){0,2})|"
            r"(?i:r[ée]sum[ée]|letter)\s*(?:/|,|&|\+|\bor\b|\band\b)\s*)$"
        ),
        reject_after=_rx(
            r"^\s*(?:(?:/|,|&|\+|(?i:or\b|and\b))\s*(?i:(?:a\s+)?(?:cover|motivation|r[ée]sum[ée]|"
            r"portfolio|references?|letter|transcripts?))|\(\s*(?i:r[ée]sum[ée])|"
            r"\s(?i:to|via)\s)"
        ),
        reject_near=_rx(r"(?i:r[ée]sum[ée]|cover\s+letter|curriculum\s+vitae|\bapply|applying)"),
        unless_near=_rx(r"(?i:vision|image|video|detection|segmentation|\bnlp\b|neural|models?\b)"),
    ),
    "dft": Rule(
        why="design-for-test vs the discrete Fourier transform / density functional theory",
        reject_near=_rx(
            r"(?i:fourier|\bffts?\b|density\s+functional|quantum\s+chemistry|ab\s+initio|"
            r"\bvasp\b|spectral)"
        ),
        unless_near=_rx(r"(?i:design[\s-]+for[\s-]+test|\bscan\b|atpg|\bm?bist\b|jtag)"),
    ),
    "mdp": Rule(
        why="Markov decision process vs management programmes and mask data preparation",
        reject_near=_rx(
            r"(?i:management|leadership|graduate|trainee|programme|development\s+prog|"
            r"\bmask|photomask|lithograph|reticle|\bopc\b)"
        ),
        unless_near=_rx(r"(?i:markov|reinforcement|\bRL\b|reward|policy|bellman|pomdp)"),
    ),
    "emr": Rule(
        why="Amazon EMR vs electronic medical records",
        reject_near=_rx(
            r"(?i:medical|health|patient|clinic|hospital|\behrs?\b|nursing|charting|\bepic\b|"
            r"cerner|physician)"
        ),
        unless_near=_rx(
            r"(?i:\baws\b|amazon|mapreduce|spark|hadoop|\bec2\b|\bs3\b|glue|redshift|athena)"
        ),
    ),
    "hive": Rule(
        why="Apache Hive vs 'a hive of activity'",
        reject_before=_rx(r"(?i:\bbee\s*)$"),
        reject_after=_rx(r"^\s+(?i:of|mind)\b"),
        needs="lowercase",
        accept_before=_APACHE_BEFORE,
        accept_after=_rx(r"^[\s-]+(?i:tables?|quer(?:y|ies)|ql|metastore|sql|partitions?|udfs?)\b"),
    ),
    "beam": Rule(
        why="Apache Beam vs beam search, laser and steel beams",
        reject_before=_rx(
            r"(?i:\b(?:laser|electron|ion|light|particle|proton|photon|neutron|x-ray|steel|"
            r"wooden|support|high|low|main|balance|i|h)[\s-]*)$"
        ),
        reject_after=_rx(
            r"^[\s-]+(?i:search|width|splitters?|steering|forming|formers?|profiles?|shaping|"
            r"divergence|lines?|energy|current|dump|pipe)\b"
        ),
        needs="lowercase",
        accept_before=_APACHE_BEFORE,
        accept_after=_rx(r"^[\s-]+(?i:pipelines?|sdk|runners?|jobs?)\b"),
    ),
    "airflow": Rule(
        why="Apache Airflow vs air flow in thermal and data-centre work",
        reject_before=_rx(
            r"(?i:\b(?:thermal|cooling|improve|improved|optimi[sz]e|proper|adequate|rack|"
            r"server|fan|great|good|better|more|less|natural|fresh|plenty\s+of|lots\s+of|"
            r"poor|restricted|increased|reduced|high|low)\s+(?:and\s+)?)$"
        ),
        reject_after=_rx(
            r"^\s+(?i:management|rates?|resistance|paths?|patterns?|sensors?|simulations?|"
            r"analysis|measurements?|velocity|cooling|design|containment|direction)\b"
        ),
        needs="lowercase",
        accept_before=_APACHE_BEFORE,
        accept_after=_rx(
            r"^[\s-]+(?i:dags?|pipelines?|operators?|scheduler|jobs|workflows?|tasks?|"
            r"orchestration)\b"
        ),
    ),
    "sv": Rule(
        why="SV as SystemVerilog only among verification words or in a list of skills",
        needs="always",
        accept_near=_rx(
            r"(?i:\buvm\b|verilog|vhdl|testbench|assertions?|\bsva\b|\brtl\b|verification|"
            r"\bovm\b|simulation|fpga|asic|\bdv\b|constrained[\s-]random|formal|coverage)"
        ),
    ),
    # Exact-case forms in the packaged data that are also everyday words or first names.
    "react": Rule(
        why="React the library vs 'react to incidents'",
        reject_after=_rx(
            r"^\s+(?i:to|quickly|fast|swiftly|calmly|appropriately|accordingly|promptly)\b"
        ),
    ),
    "spring": Rule(
        why="the Spring framework vs the season (lower-case only next to Java words or in a list)",
        needs="lowercase",
        accept_near=_rx(
            r"(?i:\b(?:java|kotlin|jvm|j2ee|jakarta|hibernate|microservices?|maven|gradle|"
            r"beans?|mvc|boot|rest(?:ful)?|apis?)\b)"
        ),
        reject_before=_rx(
            r"(?:(?i:\b(?:this|next|last|early|late|during)\s+)|"
            r"(?i:(?:summer|autumn|fall|winter)\s*(?:,|/|\band\b|\bor\b)\s*))$"
        ),
        reject_after=_rx(
            r"^(?:\s+(?:(?:19|20)\d\d|(?i:semester|term|break|internship|intake|season|"
            r"cleaning|quarter|hiring))\b|\s*(?:,|/|(?i:and|or)\b)\s*(?i:summer|autumn|fall))"
        ),
    ),
    "ray": Rule(
        why="the Ray framework vs a person called Ray and ray tracing",
        reject_after=_PERSON_AFTER,
    ),
    "julia": Rule(
        why="the Julia language vs a person called Julia",
        reject_before=_rx(r"(?:\b(?:Dr|Ms|Mrs|Miss|Prof)\.?\s+)$"),
        reject_after=_PERSON_AFTER,
    ),
    "stan": Rule(why="the Stan language vs a person called Stan", reject_after=_PERSON_AFTER),
    "shiny": Rule(
        why="R Shiny vs 'shiny new'",
        reject_after=_rx(r"^\s+(?i:new|objects?|happy|surfaces?|metal|floors?)\b"),
    ),
    "eigen": Rule(
        why="the Eigen library vs eigenvalues written apart",
        reject_after=_rx(
            r"^[\s-]*(?i:values?|vectors?|decomposition|space|modes?|functions?|problems?)\b"
        ),
    ),
    "boost": Rule(
        why="the Boost C++ libraries vs the verb",
        reject_before=_rx(r"(?i:\b(?:to|will|can|could|help|helps|helping|greatly)\s+)$"),
        reject_after=_rx(
            r"^\s+(?i:productivity|performance|efficiency|sales|engagement|morale|revenue|your|"
            r"our|the|team|conversion|growth|visibility|confidence)\b"
        ),
    ),
    "skill": Rule(
        why="Cadence SKILL vs 'SKILL' in an all-caps heading: needs EDA context or a list",
        reject_after=_rx(r"^(?:\s*:|[ \t]+[A-Z]{2,}\b)"),
        reject_before=_rx(r"\b[A-Z]{2,}[ \t]+$"),
        needs="always",
        accept_near=_rx(r"(?i:cadence|virtuoso|pcells?|\bocean\b|\beda\b|layout|skill\+\+)"),
    ),
    "scala": Rule(why="Scala vs La Scala", reject_before=_rx(r"\bLa\s+$")),
    # Everyday words the taxonomy also marks ``needs_context``: what rejects them outright.
    "security": Rule(
        why="information security vs a security clearance, job security, security guards",
        reject_before=_rx(r"(?i:\b(?:job|food|social|financial|national|homeland|home)\s+)$"),
        reject_after=_rx(
            r"^[\s-]+(?i:clearances?|cleared|guards?|officers?|deposits?|badges?|screening|"
            r"checks?|vetting)\b"
        ),
    ),
    "healthcare": Rule(
        why="healthcare data and clinical work vs the healthcare benefits of an offer",
        reject_after=_rx(
            r"^[\s-]+(?i:benefits?|plans?|coverage|insurance|packages?|allowance|"
            r"reimbursement|stipend|options)\b"
        ),
        reject_before=_rx(
            r"(?i:\b(?:comprehensive|competitive|free|premium|private|employer[\s-]paid|"
            r"full|generous|medical)\s+(?:and\s+)?)$"
        ),
    ),
    "autonomy": Rule(
        why="autonomous systems vs the autonomy a job offers ('autonomy and ownership')",
        reject_before=_rx(
            r"(?i:\b(?:high|great|full|much|more|lots\s+of|plenty\s+of|degree\s+of|with|your|"
            r"individual|personal|professional|creative|and|of|embod(?:y|ies|ying)|enjoy|value|"
            r"values|give|gives|offer|offers|grant|grants|have|has)\s+)$"
        ),
        reject_after=_rx(
            r"^\s*(?:,\s*|\s+(?:and|&)\s+)(?i:ownership|responsibility|flexibility|trust|"
            r"freedom|independence|impact|accountability|growth|fast|quick|decision|"
            r"self-organi[sz]\w*|creativity|respect)\b"
        ),
    ),
    "mentoring": Rule(
        why="mentoring others is a skill; being mentored ('mentors will guide you', 'an "
        "organization that provides mentoring', 'training by mentors') is a benefit",
        reject_before=_rx(
            r"(?i:\b(?:by|from|receive|get|provides?|providing|offers?|offering|with\s+(?:a|an|"
            r"your|dedicated|personal|experienced))\s+(?:[\w-]+\s+){0,2}?)$"
        ),
        reject_after=_rx(
            r"^\s+(?i:you|programs?|programmes?|scheme|budget|sessions\s+for\s+you)\b"
        ),
    ),
    "agile": Rule(
        why="Agile the methodology vs agile the adjective ('we are agile and respond swiftly')",
        reject_before=_rx(
            r"(?i:\b(?:we\s+are|we['’]re|is|be|being|stay|remain|very|highly|truly)\s+)$"
        ),
    ),
    "java": Rule(
        why="Java the language vs coffee and the island",
        reject_before=_rx(r"(?i:\bcup\s+of\s+)$"),
        reject_after=_rx(r"^\s+(?i:island|sea|coffee)\b"),
    ),
}
RULES["mentor"] = RULES["mentorship"] = RULES["mentoring"]
RULES |= FIELD_RULES
RULES["architectural"] = RULES["architecture"]
RULES["communications"] = RULES["communication"]  # a form with a rule gets no automatic plural
