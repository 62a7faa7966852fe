"""Trigger lexicon sources, one module per group of PLOVER types; built by scripts/build_triggers.py."""
