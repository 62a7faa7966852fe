"""Engines run the Pipeline over many documents: in this process, or in worker processes."""

from sanderling.engines.local import LocalEngine

__all__ = ["LocalEngine"]
