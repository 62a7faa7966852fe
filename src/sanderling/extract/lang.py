"""Language identification with py3langid, loaded once on first use.

The model takes ~0.3 s to load, so it is built lazily: runs that never see text
(e.g. ``--help``) do not pay for it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

_SAMPLE_CHARS = 1_500  # the opening paragraphs decide; scoring a whole article is waste
_lock = threading.Lock()
_identifier: Any = None


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (e.g. "en").

    Two ISO 639-2 special codes can also come back: "und" when there are no
    letters at all, and "zxx" when py3langid sees no linguistic content (hashes,
    tables of numbers).
    """
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    lang, _score = _get_identifier().classify(sample)
    return str(lang)


def _get_identifier() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                log.debug("loading py3langid model")
                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    return _identifier
