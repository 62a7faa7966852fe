"""Sanderling: news articles in, evidence-backed PLOVER political events out."""

__version__ = "0.1.0"
