"""A small exception hierarchy users can catch. Messages say what to do next."""


class SanderlingError(Exception):
    """Base of every error Sanderling raises on purpose."""


class InputError(SanderlingError):
    """An input item cannot be read or decoded; the item is recorded as failed/skipped."""


class ModelError(SanderlingError):
    """A language model or data file needed by the coder is missing or broken."""


class StoreError(SanderlingError):
    """The database cannot be opened or written (busy, wrong schema, read-only ...)."""
