"""careergap: how close your skills are to the jobs you want, and what to study next."""

__version__ = "0.1.0"
