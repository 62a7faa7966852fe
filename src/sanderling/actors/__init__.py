"""Actor recognition and coding (gazetteer first; learned recognisers plug in later)."""

from sanderling.actors.gazetteer import Gazetteer, is_lowercase_text

__all__ = ["Gazetteer", "is_lowercase_text"]
