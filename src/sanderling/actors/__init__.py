"""Actor recognition and coding (gazetteer first; learned recognisers plug in later)."""

from sanderling.actors.gazetteer import Gazetteer, is_lowercase_text
from sanderling.actors.home import home_country

__all__ = ["Gazetteer", "home_country", "is_lowercase_text"]
