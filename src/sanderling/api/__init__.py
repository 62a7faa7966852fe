"""REST API over one Sanderling database: events, canonical events, trends, documents, coding.

    sanderling serve --db events.duckdb                      # read-only, http://127.0.0.1:8765/docs
    SANDERLING_TOKEN=s3cret sanderling serve --db events.duckdb   # writes allowed with the token

Locking model (``docs/api.md``): DuckDB lets one *process* open a file, and a writable open
excludes every other process. The server therefore opens the database once — read-only when no
token is configured (other processes may then read it too, none may write), read-write when one
is (the server is then the only process using the file) — and every request reads through its own
cursor of that database, which sees a consistent committed snapshot and runs in parallel with
other requests. Writes (``POST /api/code`` with ``store``, ``POST /api/canonical/rebuild``) go
through the one store connection and are serialised by a lock; each is one transaction.

Every value from a request reaches SQL as a bound ``$n`` parameter; nothing is formatted into SQL.
"""

from sanderling.api.app import create_app
from sanderling.api.query import EVENT_TYPES, MAX_LIMIT, EventFilters, paginate
from sanderling.api.routes_write import CodeRequest
from sanderling.api.security import MAX_BODY, BodyLimit, require_token
from sanderling.api.server import Server

__all__ = ["EVENT_TYPES", "MAX_BODY", "MAX_LIMIT", "BodyLimit", "CodeRequest", "EventFilters", "Server", "create_app",
           "paginate", "require_token"]
