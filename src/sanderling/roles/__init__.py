"""Who did it and to whom: actor and recipient roles from the dependency parse.

Subjects (or passive agents) are actors; objects, datives, passive subjects and the
objects of directional prepositions ("with", "against", "on", "at") are recipients.
Every actor mention inside the chosen subtree is kept, so compound actors stay together
("The United States, South Korea and Japan demanded ..." → three actors, one event).
When the parse gives nothing, the nearest mention on each side of the trigger is used
and the event's confidence is lowered.

The package is split by what each part reads from the parse:

- ``assign``: ``assign_roles``, which runs the others for one trigger and returns ``Roles``;
- ``clauses``: subjects, reported speech, relative and labelling clauses;
- ``recipients``: recipient heads of a trigger and how far a recipient phrase reaches;
- ``agents``: actors named in by-phrases, owners, weapons and claims;
- ``parties``: which candidate mentions are parties, and whose (``owner_code``);
- ``places``: place names used as places, and places that are targets (``is_place_use``, ``aimed_places``);
- ``generic``: people the gazetteer cannot code by name (``generic_party``, ``GENERIC_WORDS``);
- ``tree``: token walks they all share (``_tokens_of``).
"""

from sanderling.roles.assign import Roles, assign_roles
from sanderling.roles.generic import GENERIC_WORDS, generic_party
from sanderling.roles.parties import owner_code
from sanderling.roles.places import aimed_places, is_place_use, left_places
from sanderling.roles.tree import _tokens_of

__all__ = [
    "GENERIC_WORDS",
    "Roles",
    "_tokens_of",
    "aimed_places",
    "left_places",
    "assign_roles",
    "generic_party",
    "is_place_use",
    "owner_code",
]
