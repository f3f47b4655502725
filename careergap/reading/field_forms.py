"""Everyday words that are a skill only in one field's postings: "placement" and "routing" in
physical design, "simulation" in RTL work, "top" and "sar" beside Linux tools, "pipelines",
"tuning", "architecture"... Each rule accepts the word near its field's words and rejects it
near the other readings. Part of :data:`careergap.reading.ambiguous_forms.RULES` (kept apart
only to keep that table a readable size); the rule format is :mod:`careergap.reading.formrule`.
"""

from __future__ import annotations

from careergap.reading.formrule import Rule
from careergap.reading.formrule import rx as _rx

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
FIELD_RULES: dict[str, Rule] = {
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
    "architecture": Rule(
        why="bare 'architecture' is software architecture only among software words, never in a "
        "chip or building context (CPU, SoC, memory, ISA architecture; architecture firms)",
        reject_near=_rx(
            r"(?i:micro\W{0,2}architect|\b(?:cpu|gpu|npu|tpu|soc|socs|chip|chips|processors?|"
            r"accelerators?|circuits?|devices?|transistors?|post-moore|"
            r"rtl|silicon|isa|risc|risc-v|arm|x86|cache|asic|fpga|vlsi|hardware|memory|"
            r"instruction\s+set|buildings?|landscape|interior)\b)"
        ),
        needs="always",
        accept_near=_rx(
            r"(?i:\b(?:software|services?|micro-?services?|applications?|apps?|distributed|cloud|"
            r"backend|back-end|front-?end|web|api|apis|platforms?|data|solutions?|technical|"
            r"design|patterns?|systems?|infrastructure|scalab\w+|code)\b)"
        ),
    ),
    "embedded": Rule(
        why="embedded systems vs 'embedded in the team', 'deeply embedded' (needs technical words)",
        reject_before=_rx(
            r"(?i:\b(?:deeply|fully|be|being|are|is|was|were|get|gets|stay|remain)\s+)$"
        ),
        reject_after=_rx(r"^\s+(?i:in|within|into|with|across|among|inside)\b"),
    ),
    "tuning": Rule(
        why="performance tuning vs musical and hyperparameter tuning (only near performance words)",
        needs="always",
        accept_near=_rx(
            r"(?i:performance|optimi[sz]|latency|throughput|quer(?:y|ies)|database|\bsql\b|"
            r"\bjvm\b|garbage\s+collect|profil|bottleneck|response\s+times?|scalab)"
        ),
    ),
    "softwaredevelopment": Rule(
        why="'software development' before a noun qualifies it ('software development practices, "
        "teams, lifecycle'): the practices or the team, not a separate demand",
        reject_after=_rx(
            r"^[\s-]+(?i:practices?|process(?:es)?|teams?|life[\s-]*cycles?|cycles?|"
            r"methodolog\w+|environments?|focuses|department|organi[sz]ations?|compan(?:y|ies)|"
            r"partners?|projects?|industry|services?)\b"
        ),
    ),
    "pipelines": Rule(
        why="data pipelines vs build, test, CI/CD and release pipelines, sales or hiring pipelines",
        # "the build and test pipelines", "CI pipelines"; "Build and maintain pipelines" opens
        # with the verb, so build/test count only after another word.
        reject_before=_rx(
            r"(?i:(?:(?<=\w\s)(?:build|builds|test|tests|testing)|\bci|\bcd|\bci/cd|\bcicd|"
            r"\bdeployment|\brelease|\bdelivery|\bdevops|\binfrastructure|\bsales|\bhiring|"
            r"\btalent|\bcandidate|\brecruiting)(?:\s*(?:and|&|/)\s*(?:test|tests|testing|"
            r"deployment|deploy|release|delivery))?\s+)$"
        ),
    ),
    "scalability": Rule(
        why="scalability as a property a system has ('a focus on scalability, availability and "
        "maintainability', 'for scalability and speed to market'), not a skill asked for",
        reject_before=_rx(r"(?i:\b(?:for|on|including|and)\s+)$"),
        reject_near=_rx(
            r"(?i:\b(?:availability|maintainability|reliability|flexibility|extensibility|"
            r"efficiency|speed\s+to\s+market|response\s+times?|resilience|robustness)\b)"
        ),
    ),
    "simulation": Rule(
        why="RTL simulation in a verification posting vs physics, ML or business simulation",
        reject_near=_rx(
            r"(?i:physics|fluid|monte|financ|business|robot|driving|climate|molecular)"
        ),
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
    "scm": Rule(
        why="source code management vs supply chain management (SCM in a logistics list)",
        reject_near=_rx(
            r"(?i:supply[\s-]+chain|logistic|procurement|inventory|warehous|distribution|"
            r"sourcing|purchasing|erp|sap|manufactur|shipping|fulfil)"
        ),
        unless_near=_rx(
            r"(?i:git|github|gitlab|bitbucket|svn|subversion|perforce|"
            r"version|source\s+code|code|repositor|commits?|branch)"
        ),
    ),
    # Words whose bare form is a broad skill but which, with the word before or after, name a
    # technique or a piece of a system: the soft skill and the field are not asked there.
    "communication": Rule(
        why="communication the soft skill vs how programs or devices talk ('asynchronous "
        "communication', 'serial communication', 'communication protocols')",
        reject_before=_rx(
            r"(?i:\b(?:a?synchronous|async|serial|wireless|network|inter[\s-]?process|process|"
            r"machine|device|data|radio|satellite|optical|digital|mobile|cellular|can|spi|i2c|uart|"
            r"bus|service|services|api|message|event|peer[\s-]to[\s-]peer|p2p|rpc|socket|"
            r"real[\s-]time|low[\s-]latency|secure|encrypted|5g|4g|lte|telecom)\s+)$"
        ),
        reject_after=_rx(
            r"^\s+(?i:protocols?|interfaces?|stacks?|bus(?:es)?|channels?|links?|"
            r"networks?|theory|standards?|layers?|middleware)\b"
        ),
    ),
    "programming": Rule(
        why="programming the field vs a practice or a branch of optimisation named with it "
        "('pair programming', 'linear programming', 'dynamic programming')",
        reject_before=_rx(
            r"(?i:\b(?:pair|mob|extreme|dynamic|linear|integer|mixed[\s-]integer|quadratic|"
            r"convex|nonlinear|non-linear|mathematical|stochastic|constraint|genetic|"
            r"semidefinite|neuro[\s-]linguistic|tv|radio)\s+)$"
        ),
    ),
    "monitoring": Rule(
        why="monitoring of running systems vs of patients, progress, budgets or a circuit's "
        "temperature",
        reject_before=_rx(
            r"(?i:\b(?:temperature|thermal|voltage|current|power|patient|patients|health|"
            r"condition|environmental|process|quality|progress|budget|market|compliance|media|"
            r"social|brand|student|remote\s+patient|vital|fetal|glucose|structural)\s+)$"
        ),
        reject_after=_rx(
            r"^\s+(?i:of\s+(?:the\s+)?(?:progress|budgets?|patients?|students?|markets?|"
            r"compliance|projects?|kpis?|sales|performance\s+reviews?)|circuits?|devices?)\b"
        ),
    ),
}
