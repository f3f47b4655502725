"""Seed curation: parse the seed documents into the committed ``postings/`` corpus.

``seeds`` reads raw blocks with their line numbers, ``clean`` turns raw lines into requirement
lines (or drops them), ``families`` assigns role families, ``build`` runs the pipeline and
writes YAML atomically, and ``load`` reads the corpus back at run time.
"""
