"""Engine: the one orchestrator. Loads the workspace and answers the questions commands ask.

``questions`` (match, gaps, explain, whatif), ``gapdetail`` (what a gap line says beyond its
impact), ``causes`` (why coverage moved between snapshots).
"""
