"""Resolve what the text says about an event: modality, date and place."""

from sanderling.resolve.dates import resolve_date
from sanderling.resolve.modality import Modality, modality

__all__ = ["Modality", "modality", "resolve_date"]
