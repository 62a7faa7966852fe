"""Plain-text cleaning: whitespace, page boilerplate and injected spam.

Web articles reach us with leftovers the extractor could not tell from the story
("Read more", cookie notices, share buttons) and sometimes with SEO spam pasted into
the middle of a sentence by a compromised CMS. Both produce false events or break
sentences, so they are removed here, and what was removed is reported as flags.

Spam detection is deliberately conservative: a single word such as "casino" is news
vocabulary, so only *clusters* of spam vocabulary (keywords next to promo words or a
link, or a link whose domain is itself spam) are cut out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# --- whitespace -------------------------------------------------------------------

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_HSPACE = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_PARA_SPLIT = re.compile(r"\n[ \t]*\n\s*")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.;:!?)\]])")

# --- boilerplate (whole lines only; long lines are never boilerplate) -------------

_BOILERPLATE_MAX = 200
_BOILERPLATE = re.compile(
    r"""^(?:
        (?:read|see)\s+(?:more|also|next|the\s+full\s+story)\b.*
      | also\s+(?:read|see)\b.*
      | related\s*(?:articles?|stories|news|coverage|content|links?|topics?)?\s*:?.*
      | more\s+(?:on\s+this|from|stories|news)\b.*
      | (?:recommended|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|
         you\s+(?:may|might)\s+also\s+like|top\s+stories|latest\s+news)\s*:?\s*
      | (?:sign\s+up|subscribe)\b.*(?:newsletter|updates|inbox|today|now|free|here)\b.*
      | subscribe(?:\s+now|\s+today)?[.!]?
      | (?:get\s+)?our\s+(?:free\s+)?newsletter\b.*
      | share\s+(?:this|on|via)\b.*
      | (?:share|tweet|email|print|comments?)(?:\s*[|/]\s*\w+)*[.!]?
      | follow\s+(?:us|@\w+)\b.*
      | click\s+here\b.*
      | (?:advertisement|advertising|sponsored(?:\s+content)?|promoted|ad)\s*[:.]?
      | (?:.{0,40}\b)?(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b.*
      | (?:.{0,80}\b)?(?:accept|manage)\s+(?:all\s+)?cookies\b.{0,80}
      | (?:.{0,80}\b)?cookie\s+(?:policy|settings|preferences|consent)\b.{0,80}
      | (?:.{0,60}\b)?all\s+rights\s+reserved\b.{0,40}
      | (?:copyright|\(c\)|©).*
      | skip\s+to\s+(?:main\s+)?(?:content|navigation)\b.*
      | back\s+to\s+top\b.*
      | listen\s+to\s+(?:this\s+)?(?:article|story)\b.*
      | download\s+(?:our|the)\s+app\b.*
      | (?:log\s*in|sign\s*in|register)\s+to\s+(?:comment|continue|read)\b.*
      | (?:leave|post|add)\s+a\s+comment\b.*
      | reader\s+comments?\b.*
      | (?:privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|contact\s+us|about\s+us)
        (?:\s*[|•·,]\s*[\w ]{1,30})*
      | \((?:reporting|writing|editing|additional\s+reporting)\s+by\b[^)]*\)
      | \((?:with\s+)?(?:inputs?|input\s+and\s+images?)\s+from\b[^)]*\)
      | tags?\s*:.*
      | by\s*:\s*[^.!?]{1,60}
      | (?:[a-z][\w .'-]{0,30},\s*)?(?:first\s+|last\s+)?(?:published|updated|posted)(?:\s+(?:on|at))?
        (?::|\s+(?=\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))(?=.*\d)[\w ,.:/|-]{0,60}
      | comments?\s*\(\d+\)
      | (?:menu|search|home|e-?paper|log\s*in|sign\s*in|log\s*out|subscribe|watch\s+live|live\s+tv)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# headings of lists of other stories; the lines after them are those stories' titles
_LINK_LIST = re.compile(
    r"^(?:related\s*(?:articles?|stories|news|coverage|content|links?|topics?)?|more\s+(?:stories|news|from\b.*)"
    r"|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|trending(?:\s+now|\s+news)?"
    r"|you\s+(?:may|might)\s+also\s+like|top\s+stories|latest\s+(?:news|stories)|also\s+read)\s*:?$",
    re.IGNORECASE,
)
_LINK_TITLE_MAX = 150


def _is_link_title(line: str) -> bool:
    """A headline in a list of links: short, and not ended like a sentence."""
    return len(line) <= _LINK_TITLE_MAX and not line.rstrip().endswith((".", "!", "?", '"', "”", "'", "’"))


_MENU_SEP = re.compile(r"\s*[|•·»›/]\s*")
_URL_ONLY = re.compile(r"^(?:(?:https?://|www\.)\S+\s*)+$", re.IGNORECASE)

# --- spam ------------------------------------------------------------------------
# Strong words name a spam category; promo words only count next to them or a link.

_STRONG: dict[str, str] = {
    "casino": r"casinos?|online\s+slots?|slot\s+machines?|slots|roulette|blackjack|baccarat"
              r"|free\s+spins?|no[-\s]deposit(?:\s+bonus)?|jackpots?|poker\s+online|gambling",
    "betting": r"betting|sportsbooks?|bookmakers?|bet365|betway|odds\s+boost",
    "loan": r"payday\s+loans?|instant\s+loans?|quick\s+loans?|cash\s+advance|cheap\s+loans?"
            r"|no\s+credit\s+check|bad\s+credit\s+loans?|loans?\s+approved",
    "pharma": r"viagra|cialis|levitra|kamagra|sildenafil|tadalafil|erectile"
              r"|online\s+pharmacy|without\s+(?:a\s+)?prescription",
    "crypto": r"presale|airdrops?|memecoins?|\d{3,4}x\s+gems?|\d{2,4}x\s+(?:returns?|profits?)"
              r"|crypto\s+signals?|pump\s+group|double\s+your\s+(?:bitcoin|crypto|btc|eth)",
}
_PROMO = (
    r"best|top|free|bonus(?:es)?|promo(?:\s+codes?)?|codes?|cheap(?:est)?|buy|order|discounts?"
    r"|deposit|win|winnings|claim|get|visit|play|join|click|here|now|today|sign\s+up"
    r"|register|instant|fast|easy|guaranteed|real\s+money|spins?|bets?|pills?|tablets?"
    r"|approved|apply|earn|profits?|\d+\s?%|[$€£]\s?\d[\d,.]*|\d+\s+free"
)
_FILLER = r"for|and|or|with|at|on|the|your|a|an|of|online|in|to|via|from|no|up|&|\+"
_TLDS = (
    r"com|net|org|info|biz|xyz|top|bet|win|casino|club|online|site|io|co|me|ru|cn|vip"
    r"|click|loan|shop|live|pro|app|example|uk|de|fr|in|us|cc|tv|ly|gg|to|link"
)
# Lookbehinds make every alternative start only at a word start, so a megabyte-long
# "word" costs linear time instead of quadratic backtracking.
_URL = (
    r"(?:(?<![\w.-])https?://\S+|(?<![\w.-])www\.[\w.-]+\.\w{2,}(?:/\S*)?"
    rf"|(?<![\w.-])t\.me/\S+|(?<![\w.-])[\w-]+\.(?:{_TLDS})\b(?:/[^\s,;]*)?)"
)

_HIT = re.compile(
    rf"(?P<url>{_URL})"
    + "".join(rf"|\b(?P<{cat}>(?:{pat}))\b" for cat, pat in _STRONG.items())
    + rf"|(?<![\w$€£])(?P<promo>(?:{_PROMO}))\b",
    re.IGNORECASE,
)
# Cheap prefilter: only paragraphs with a strong word or a link get the full scan.
_TRIGGER = re.compile(
    rf"{_URL}|\b(?:{'|'.join(_STRONG.values())})\b", re.IGNORECASE
)
_GAP_OK = re.compile(
    rf"^(?:[\s,:;\-–—|/!]*|\s*[-–—:]?\s*(?:(?:{_FILLER}|\d{{1,4}}[:,]?)\s+){{1,2}})$", re.IGNORECASE
)
_DOMAIN_WORDS: dict[str, str] = {
    **dict.fromkeys(("casino", "casinos", "slot", "slots", "spin", "spins", "poker",
                     "jackpot", "roulette", "vegas", "lucky", "gamble", "gambling"), "casino"),
    **dict.fromkeys(("bet", "bets", "betting", "sportsbook", "odds"), "betting"),
    **dict.fromkeys(("loan", "loans", "payday", "quickcash", "cashnow"), "loan"),
    **dict.fromkeys(("viagra", "cialis", "pills", "pharma", "pharmacy", "meds"), "pharma"),
    **dict.fromkeys(("crypto", "pump", "moon", "memecoin", "airdrop", "presale"), "crypto"),
}
_DOMAIN_SUBSTRINGS = ("casino", "viagra", "cialis", "poker", "payday", "slots", "betting")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_LETTER = re.compile(r"[^\W\d_]")
_MULTI_SPACE = re.compile(r" {2,}")
_DANGLING_SEP = re.compile(r"\s+[-–—:|]\s*(?=[.!?]|$)")
_LEADING_PUNCT = re.compile(r"^[\s,;:.!?\-–—|]+")


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str  # "url", "promo" or a spam category
    text: str


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Normalise whitespace and remove boilerplate lines and injected spam.

    Returns the cleaned text (paragraphs separated by ``"\\n\\n"``) and flags such
    as ``("boilerplate:3", "spam:casino")`` describing what was removed.
    """
    found: Counter[str] = Counter()
    paragraphs: list[str] = []
    for block in _drop_link_lists(_blocks(text), found):
        para = _clean_block(block, found)
        if para:
            paragraphs.append(para)
    flags = [f"boilerplate:{found.pop('boilerplate')}"] if found["boilerplate"] else []
    flags += sorted(f"spam:{cat}" for cat in found if found[cat])
    return "\n\n".join(paragraphs), tuple(flags)


def _blocks(text: str) -> list[list[str]]:
    """Split into paragraphs of stripped lines.

    If the text has blank-line paragraphs, single newlines are soft wraps; if it has
    none (one paragraph per line, as many feeds do), every line is a paragraph.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _HSPACE.sub(" ", text)
    raw = _PARA_SPLIT.split(text.strip())
    if len(raw) == 1:
        return [[ln.strip()] for ln in raw[0].split("\n") if ln.strip()]
    return [[ln.strip() for ln in b.split("\n") if ln.strip()] for b in raw]


def _drop_link_lists(blocks: list[list[str]], found: Counter[str]) -> list[list[str]]:
    """Without the headlines listed under a "Related news" / "Trending" heading (other stories, not this one)."""
    out, in_list = [], False
    for block in blocks:
        kept = []
        for line in block:
            if in_list and _is_link_title(line):
                found["boilerplate"] += 1
                continue
            in_list = _LINK_LIST.match(line) is not None
            kept.append(line)
        if kept:
            out.append(kept)
    return out


def _clean_block(lines: list[str], found: Counter[str]) -> str:
    kept = []
    for line in lines:
        if _is_boilerplate(line):
            found["boilerplate"] += 1
        else:
            kept.append(line)
    para = " ".join(kept)
    if para and _TRIGGER.search(para):
        para = _remove_spam(para, found)
    return para


def _is_boilerplate(line: str) -> bool:
    if len(line) > _BOILERPLATE_MAX:
        return False
    if _BOILERPLATE.match(line) or _URL_ONLY.match(line):
        return True
    return _is_menu(line)


def _is_menu(line: str) -> bool:
    """A line of three or more short items separated by | • · » › / is navigation."""
    parts = [p for p in _MENU_SEP.split(line) if p]
    if len(parts) < 3:
        return False
    return all(len(p.split()) <= 3 and not p.endswith((".", "?", "!")) for p in parts)


def _remove_spam(para: str, found: Counter[str]) -> str:
    """Cut out clusters of spam vocabulary and links, then repair the seams."""
    hits = [_classify(m) for m in _HIT.finditer(para)]
    spans: list[tuple[int, int]] = []
    for cluster in _clusters(para, [h for h in hits if h is not None]):
        category = _spam_category(cluster)
        if category:
            found[category] += 1
            spans.append((cluster[0].start, cluster[-1].end))
    if not spans:
        return para
    out, pos = [], 0
    for start, end in spans:
        out.append(para[pos:start])
        pos = end
    out.append(para[pos:])
    rest = _repair("".join(out))
    return rest if _LETTER.search(rest) else ""  # a lone "2024:" is not a paragraph


def _classify(m: re.Match[str]) -> _Hit | None:
    kind = m.lastgroup or "promo"
    if kind == "url":
        end = _trim_url_end(m)
        return _Hit(m.start(), end, "url", m.string[m.start():end])
    return _Hit(m.start(), m.end(), kind, m.group(0))


def _trim_url_end(m: re.Match[str]) -> int:
    """A link at the end of a sentence must not swallow the full stop."""
    end = m.end()
    while end > m.start() and m.string[end - 1] in ".,;:!?)\"'”’":
        end -= 1
    return end


def _clusters(para: str, hits: list[_Hit]) -> list[list[_Hit]]:
    """Group hits that follow each other with at most two filler words between."""
    clusters: list[list[_Hit]] = []
    for hit in hits:
        if clusters and _GAP_OK.match(para[clusters[-1][-1].end:hit.start]):
            clusters[-1].append(hit)
        else:
            clusters.append([hit])
    return clusters


def _spam_category(cluster: list[_Hit]) -> str | None:
    """Decide whether a cluster is spam and name its category.

    Spam if: a link next to a spam keyword; a link whose domain is spam; a spam
    keyword with two or more promo words; or three spam keywords in a row.
    """
    strong = [h.kind for h in cluster if h.kind not in ("url", "promo")]
    promo = sum(1 for h in cluster if h.kind == "promo")
    urls = [h for h in cluster if h.kind == "url"]
    domain_cats = [c for h in urls if (c := _host_category(h.text))]
    if urls and (strong or domain_cats or promo >= 3):
        return Counter(strong + domain_cats).most_common(1)[0][0] if strong or domain_cats else "link"
    if strong and (promo >= 2 or len(strong) >= 3):
        return Counter(strong).most_common(1)[0][0]
    return None


_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/\s?#]+)", re.IGNORECASE)
_HOST_SPLIT = re.compile(r"[.\-_]")
def _host_category(url: str) -> str | None:
    m = _HOST.match(url)
    if not m:
        return None
    host = m.group(1).lower()
    for word in _HOST_SPLIT.split(host):
        if word in _DOMAIN_WORDS:
            return _DOMAIN_WORDS[word]
    for sub in _DOMAIN_SUBSTRINGS:
        if sub in host:
            return _DOMAIN_WORDS.get(sub, "casino")
    return None


def _repair(para: str) -> str:
    """Tidy the seam left by a cut: double spaces, orphan brackets, stray separators."""
    para = _EMPTY_BRACKETS.sub("", para)
    para = _MULTI_SPACE.sub(" ", para)
    para = _DANGLING_SEP.sub("", para)
    para = _SPACE_BEFORE_PUNCT.sub(r"\1", para)
    para = _LEADING_PUNCT.sub("", para)
    return para.strip()
