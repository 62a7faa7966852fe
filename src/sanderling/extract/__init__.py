"""Turning raw inputs into clean article text: HTML extraction, cleaning, language id.

Public API::

    extract_html(html, url=None) -> ExtractedPage
    clean_text(text) -> (cleaned_text, flags)
    detect_language(text) -> "en"
"""

from sanderling.extract.clean import clean_text
from sanderling.extract.html import ExtractedPage, extract_html
from sanderling.extract.lang import detect_language

__all__ = ["ExtractedPage", "clean_text", "detect_language", "extract_html"]
