"""Scoring: pure functions from compiled demand and a profile's levels to numbers. No I/O.

``demand`` compiles what a family asks for, ``score`` credits a profile against it and ranks
families and gaps, ``estimates`` puts intervals on a sample, ``implied`` derives umbrella levels,
``planning`` orders gaps into a study plan, ``diffing`` compares two profiles.
"""
