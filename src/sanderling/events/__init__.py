"""Event detection: trigger lexicon for the 16 PLOVER types (a learned classifier plugs in later)."""

from sanderling.events.detect import Trigger, find_triggers, select
from sanderling.events.lexicon import Lexicon

__all__ = ["Lexicon", "Trigger", "find_triggers", "select"]
