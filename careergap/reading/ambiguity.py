"""Named rules for skill names that are also ordinary words, letters or other acronyms.

The extractor in :mod:`careergap.reading.matching` finds every candidate mention; :func:`judge` then
decides each ambiguous one from the text around it. Rules are keyed by the matched form, lower
case without separators ("go", "spark", "cv"), so they hold whatever skill id the taxonomy uses.

A rule can reject a mention from what comes before or after it, or from words near it (DFT
next to "Fourier"); it can also demand positive context (``needs``): a capitalised "Go" is only
the language next to "in", "written in", "developer"... or inside a list of other skills.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

#: Characters of context looked at on each side (within the same line).
CONTEXT_CHARS = 60
#: Characters either side searched by the ``*_near`` patterns (topic words such as "Fourier").
NEAR_CHARS = 120


class Verdict(enum.Enum):
    ACCEPT = "accept"
    REJECT = "reject"
    #: Accept only if the mention sits in a list next to an accepted mention.
    NEEDS_LIST = "needs-list"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True)
class Rule:
    """How to read one ambiguous form. Rejections win over acceptances."""

    why: str
    #: Searched in the text before the mention (patterns end with ``$``).
    reject_before: re.Pattern[str] | None = None
    #: Matched at the start of the text after the mention.
    reject_after: re.Pattern[str] | None = None
    #: Searched around the mention; ``unless_near`` overrides it.
    reject_near: re.Pattern[str] | None = None
    unless_near: re.Pattern[str] | None = None
    #: Matched against the surface itself (e.g. all-caps "SWIFT" is the banking network).
    reject_surface: re.Pattern[str] | None = None
    #: (before, after) pairs that reject together, e.g. "(" before and ")" after.
    reject_around: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    #: When positive context is required: never, for lower-case occurrences, or always.
    needs: Literal["never", "lowercase", "always"] = "never"
    accept_before: re.Pattern[str] | None = None
    accept_after: re.Pattern[str] | None = None
    accept_near: re.Pattern[str] | None = None


#: Single capital letters other than the one-letter languages (C, R): "A, B, C" is a list of
#: letters, not of languages.
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
        why="Go the language vs the verb: 'go above and beyond', 'Go live', headings",
        reject_after=_rx(rf"^\s*(?:!|(?i:(?:{_VERB_GO})\b))"),
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
        why="the Spring framework vs the season",
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
        reject_after=_rx(r"^\s+(?i:you|programs?|programmes?|scheme|budget|sessions\s+for\s+you)\b"),
    ),
    "java": Rule(
        why="Java the language vs coffee and the island",
        reject_before=_rx(r"(?i:\bcup\s+of\s+)$"),
        reject_after=_rx(r"^\s+(?i:island|sea|coffee)\b"),
    ),
}
RULES["mentor"] = RULES["mentorship"] = RULES["mentoring"]
#: Words near which "top" and "sar" are the Linux tools, not "on top of", "top 50", "SARS".
_LINUX_PERF_NEAR = _rx(
    r"(?i:\b(?:vmstat|iostat|htop|nmon|strace|dtrace|perf|sysstat|netstat|lsof|mpstat|"
    r"pidstat|free\s+-m|linux|unix|command[\s-]line)\b)"
)
#: Words of a physical-design posting: only there are bare "placement" and "routing" the
#: place-and-route steps (elsewhere: job placement, network routing, call routing).
_PHYSICAL_DESIGN_NEAR = _rx(
    r"(?i:floor[\s-]?plan|physical\s+design|timing\s+closure|clock\s+tree|\bcts\b|"
    r"congestion|standard[\s-]cells?|std[\s-]cells?|netlist|\bp&r\b|place\s+and\s+route|"
    r"\bdrc\b|\blvs\b|innovus|icc2|ic\s+compiler|fusion\s+compiler|\basic\b|\bvlsi\b|"
    r"legali[sz]ation|wirelength|\beda\b|\bsoc\b|\bchip\b|tape[\s-]?out|\bpnr\b)"
)
#: Words of an RTL or verification posting: only there is bare "simulation" RTL simulation.
_RTL_NEAR = _rx(
    r"(?i:\brtl\b|verilog|\bvhdl\b|\buvm\b|testbench|waveform|gate[\s-]level|"
    r"\bdv\b|design\s+verification|\bsva\b|\basic\b|\bfpga\b|vcs|xcelium|questa|"
    r"modelsim|verilator|\bhdl\b|regressions?)"
)
RULES |= {
    "placement": Rule(
        why="cell placement in physical design vs job placement, product placement",
        reject_near=_rx(r"(?i:\bjobs?\b|graduates?|students?|products?|advert|\bads?\b|career)"),
        unless_near=_PHYSICAL_DESIGN_NEAR,
        needs="always",
        accept_near=_PHYSICAL_DESIGN_NEAR,
    ),
    "routing": Rule(
        why="detailed/global routing in physical design vs network and call routing",
        reject_near=_rx(
            r"(?i:network|\bbgp\b|\bospf\b|\btcp|\bip\b|routers?|switch|packets?|\bcalls?\b|"
            r"traffic|\bapis?\b|\bhttp|\burls?\b|front[\s-]?end|react|angular|\bvue|pages?)"
        ),
        unless_near=_PHYSICAL_DESIGN_NEAR,
        needs="always",
        accept_near=_PHYSICAL_DESIGN_NEAR,
    ),
    "simulation": Rule(
        why="RTL simulation in a verification posting vs physics, ML or business simulation",
        reject_near=_rx(r"(?i:physics|fluid|monte|financ|business|robot|driving|climate|molecular)"),
        unless_near=_RTL_NEAR,
        needs="always",
        accept_near=_RTL_NEAR,
    ),
    "top": Rule(
        why="the Linux top tool vs 'on top of', 'top 50', 'top talent'",
        needs="always",
        accept_near=_LINUX_PERF_NEAR,
    ),
    "sar": Rule(
        why="the Linux sar tool vs SARS-CoV-2 and synthetic-aperture radar",
        reject_surface=_rx(r"(?i:^sars$)"),
        reject_near=_rx(r"(?i:radar|aperture|covid|virus|viral)"),
        needs="always",
        accept_near=_LINUX_PERF_NEAR,
    ),
}

# --- everyday words the taxonomy marks as needing technical context ---------------------------

#: Words that make the text around a mention technical: an everyday-word form marked
#: ``needs_context`` in skills.yaml ("optimization", "autonomy", "healthcare") counts only
#: with one of these within NEAR_CHARS on its line, or as an item in a list of other skills.
TECHNICAL_NEAR = _rx(
    r"(?i:\b(?:algorithm|model(?:s|ed|ing|ling)?\b|data(?:sets?|bases?)?\b|software|"
    r"code\b|coding|program(?:s|ming)?\b|compil|kernels?\b|[cgt]pus?\b|hardware|circuit|"
    r"chips?\b|silicon|asic|fpga|rtl\b|neural|(?:machine|deep|reinforcement|statistical|"
    r"supervised|unsupervised|representation|transfer|federated|meta|active)[\s-]+learning|"
    r"learning\s+(?:rate|algorithms?|models?)|\bml\b|\bai\b|training|inference|"
    r"statistic|numeric|convex|linear|nonlinear|stochastic|gradient|solver|simulat|"
    r"performance|latency|throughput|memory|comput|systems?\b|engineer|pipelines?\b|"
    r"sql\b|quer(?:y|ies)|cloud|distributed|network|robot|perception|planning|"
    r"control(?:s|lers?)?\b|sensors?|lidar|radar|drones?\b|uavs?\b|vehicles?\b|embedded|"
    r"firmware|apis?\b|framework|librar|analytics|analysis|heuristic|mathemat|"
    r"quantitative|imaging|genomic|bioinformatic|clinical|medical|ehrs?\b|"
    r"vba|macros?\b|pivot|formulas?\b|encryption|cryptograph|vulnerabilit|threat|"
    r"penetration|malware|exploit|attacks?\b|firewall|authentication|protocols?\b|"
    r"devices?\b|technical|technolog|scientific|research|python|java|c\+\+|matlab|"
    r"tensorflow|pytorch|cuda|linux))"
)
#: The rule for a form marked ``needs_context`` that has no named rule of its own.
TECHNICAL_CONTEXT = Rule(
    why="an everyday word that names a skill only in technical context (skills.yaml needs_context)",
    needs="always",
    accept_near=TECHNICAL_NEAR,
)


def rules_with_context(context_keys: Iterable[str]) -> dict[str, Rule]:
    """RULES plus a rule for every form key the taxonomy marks ``needs_context``.

    A marked form with a named rule keeps its rejections and must also find positive context
    (its own or TECHNICAL_NEAR); a marked form without one gets TECHNICAL_CONTEXT. The one
    place where the taxonomy's marks become rules, so new everyday-word aliases need no code.
    """
    rules = dict(RULES)
    for key in context_keys:
        named = RULES.get(key)
        if named is None:
            rules[key] = TECHNICAL_CONTEXT
            continue
        near = TECHNICAL_NEAR
        if named.accept_near is not None:
            near = _rx(f"(?:{named.accept_near.pattern})|(?:{TECHNICAL_NEAR.pattern})")
        rules[key] = replace(named, needs="always", accept_near=near)
    return rules


#: What may sit between two items of one list: "A, B", "A/B", "A and/or B", "A (B)", "A | B".
#: At least one separator is required: "beam lithography" is a compound, not a list.
_LIST_GAP = re.compile(
    r"[ \t]*(?:[,/|;&(+][ \t,/|;&()+]*(?:(?i:and/or|and|or)\b[ \t]*)?|"
    r"\)?[ \t]*(?i:and/or|and|or|as\s+well\s+as|plus)\b[ \t,/|;&()]*)"
)


def _window(text: str, start: int, end: int, size: int) -> tuple[str, str]:
    before = text[max(0, start - size) : start]
    after = text[end : end + size]
    return before[before.rfind("\n") + 1 :], after.split("\n", 1)[0]


def _rejected(rule: Rule, surface: str, before: str, after: str, near: str) -> bool:
    if rule.reject_surface and rule.reject_surface.search(surface):
        return True
    if rule.reject_before and rule.reject_before.search(before):
        return True
    if rule.reject_after and rule.reject_after.match(after):
        return True
    if any(b.search(before) and a.match(after) for b, a in rule.reject_around):
        return True
    if rule.reject_near and rule.reject_near.search(near):
        return not (rule.unless_near and rule.unless_near.search(near))
    return False


def _accepted(rule: Rule, before: str, after: str, near: str) -> bool:
    return bool(
        (rule.accept_before and rule.accept_before.search(before))
        or (rule.accept_after and rule.accept_after.match(after))
        or (rule.accept_near and rule.accept_near.search(near))
    )


def judge(
    key: str, surface: str, text: str, start: int, end: int, rules: Mapping[str, Rule] = RULES
) -> Verdict:
    """Decide one candidate mention of form ``key`` at ``text[start:end]``.

    ``rules``: RULES, or :func:`rules_with_context` for a taxonomy with marked forms.
    """
    rule = rules.get(key)
    single = len(key) == 1
    if rule is None and not single:
        return Verdict.ACCEPT
    before, after = _window(text, start, end, CONTEXT_CHARS)
    near_before, near_after = _window(text, start, end, NEAR_CHARS)
    near = f"{near_before} {near_after}"
    if single and _rejected(SINGLE_LETTER, surface, before, after, near):
        return Verdict.REJECT
    if rule is None:
        return Verdict.ACCEPT
    if _rejected(rule, surface, before, after, near):
        return Verdict.REJECT
    if before[-2:-1].isalpha() and before.endswith("-"):  # "charged-beam", "spark-ignition"
        return Verdict.REJECT
    needs_context = rule.needs == "always" or (rule.needs == "lowercase" and surface[:1].islower())
    if not needs_context or _accepted(rule, before, after, near):
        return Verdict.ACCEPT
    return Verdict.NEEDS_LIST


#: Between two capitalised names of a list whose commas were lost ("Scala Java Go",
#: "Openshift Rancher"), as in scraped or tokenised ads.
_NAME_GAP = re.compile(r"[ \t]+")


def list_neighbour(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True if the nearest accepted mention on either side is the next item of the same list.

    ``spans`` are the accepted mentions' (start, end), sorted and non-overlapping. A run of
    capitalised names with only spaces between ("Scala Java Go") is a list too when it holds
    at least three names; two ("Go Python") are not.
    """
    at = bisect.bisect_left(spans, (start, start))
    if at > 0 and _LIST_GAP.fullmatch(text, spans[at - 1][1], start):
        return True
    if at < len(spans) and _LIST_GAP.fullmatch(text, end, spans[at][0]):
        return True
    if not text[start : start + 1].isupper():
        return False
    if at > 1 and _named_pair(text, spans[at - 1], (start, end)):
        return _named_pair(text, spans[at - 2], spans[at - 1])
    if at + 1 < len(spans) and _named_pair(text, (start, end), spans[at]):
        return _named_pair(text, spans[at], spans[at + 1])
    return False


def _named_pair(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Two capitalised names with only spaces (or a list separator) between them."""
    return (
        text[first[0] : first[0] + 1].isupper()
        and text[second[0] : second[0] + 1].isupper()
        and bool(
            _NAME_GAP.fullmatch(text, first[1], second[0])
            or _LIST_GAP.fullmatch(text, first[1], second[0])
        )
    )
