"""Fetching web pages safely: every hop checked, bodies capped, robots.txt respected.

The URLs we fetch come from users and from third-party feeds, so a fetch must not
become a way into the machine's own network (SSRF) or a way to exhaust memory:

* only ``http``/``https``; the host is resolved before every request (redirect hops
  included) and refused when any address is private, loopback, link-local,
  multicast, reserved or unspecified, unless ``allow_private`` is set;
* the connection goes to the address we checked (the URL's host is sent as the
  ``Host`` header and TLS server name), so DNS cannot answer differently between
  the check and the connection; connections are never reused across requests;
* bodies are streamed and decompressed by us with a cap on the decoded size, so
  neither an endless body nor a gzip bomb is read past ``max_bytes``;
* ``robots.txt`` is fetched once per scheme+host through the same safe path.

Failures raise :class:`FetchError` with a one-line reason; :func:`fetch_documents`
turns them into :class:`Rejected` items, so nothing escapes it.

Example::

    with Fetcher() as fetcher:
        for item in fetch_documents(["https://example.org/news/1"], fetcher=fetcher):
            ...
"""

from __future__ import annotations

import codecs
import ipaddress
import logging
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from sanderling import __version__
from sanderling.errors import InputError
from sanderling.model import Document, Rejected
from sanderling.settings import DEFAULT, Settings
from sanderling.sources.build import Meta, Unbuilt, build_document, human_bytes, reject
from sanderling.sources.decode import decode_bytes, is_binary, looks_like_html

__all__ = [
    "USER_AGENT", "FetchError", "FetchPolicy", "FetchResult", "Fetcher", "address_problem",
    "fetch_document", "fetch_documents", "normalize_url", "url_id",
]

log = logging.getLogger(__name__)
Item = Document | Rejected

USER_AGENT = f"Sanderling/{__version__} (+https://github.com/sanderling-events/sanderling; political event coder)"
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_METADATA_IPS = frozenset({"169.254.169.254", "fd00:ec2::254"})
# WHATWG: these labels mean windows-1252 on the web.
_CP1252_ALIASES = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1"})


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for one :class:`Fetcher`. The defaults are safe for fetching untrusted URLs."""

    connect_timeout: float = 5.0  # seconds to open a connection
    read_timeout: float = 15.0  # seconds of silence allowed while waiting for data
    total_timeout: float = 60.0  # seconds for a whole fetch, redirects included (slow-drip servers)
    max_bytes: int = 5_000_000  # decoded body size cap; larger pages fail "too large"
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False  # True only for fetching from your own network (tests, intranets)
    respect_robots: bool = True
    robots_max_bytes: int = 512_000  # robots.txt beyond this is truncated (RFC 9309 asks for >= 500 KiB)


class FetchError(InputError):
    """A URL could not be fetched; ``reason`` is one line saying why (and what to do)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FetchResult:
    url: str  # final URL, after redirects
    status: int
    content_type: str  # media type, lower case, without parameters ("" when the server sent none)
    charset: str | None  # charset parameter of Content-Type, if any
    data: bytes

    @property
    def is_html(self) -> bool:
        if self.content_type in _HTML_TYPES:
            return True
        if self.content_type in ("", "application/octet-stream", "text/plain"):  # unlabelled or mislabelled
            head = self.data[:4096]
            return not is_binary(head) and looks_like_html(head.decode("utf-8", "replace"))
        return False

    def decode(self) -> tuple[str, tuple[str, ...]]:
        """Text and encoding flags: BOM, then the Content-Type charset, then decode_bytes' fallbacks."""
        codec = _codec(self.charset)
        if codec and codec != "utf-8" and not self.data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                                    codecs.BOM_UTF16_BE)):
            try:
                return self.data.decode(codec), (f"encoding:{codec}",)
            except UnicodeDecodeError:
                pass
        return decode_bytes(self.data, html=self.is_html)

    @property
    def text(self) -> str:
        return self.decode()[0]


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    label = charset.strip().strip("\"'").lower()
    if label in _CP1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# --- addresses ----------------------------------------------------------------------


def address_problem(ip: str) -> str | None:
    """Why an address must not be fetched ("private", "loopback", ...), or None if it is public."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour
        if embedded is None and addr in _NAT64:
            embedded = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if embedded is not None:
            inner = address_problem(str(embedded))
            if inner:
                return f"{inner} (IPv4 {embedded} inside IPv6)"
    for problem, flag in (("unspecified", addr.is_unspecified), ("loopback", addr.is_loopback),
                          ("link-local", addr.is_link_local), ("multicast", addr.is_multicast),
                          ("reserved", addr.is_reserved), ("private", addr.is_private)):
        if flag:
            return problem
    if not addr.is_global:
        return "non-public"  # e.g. 100.64.0.0/10 carrier-grade NAT, 192.0.0.0/24
    return None


def _refusal(host: str, ip: str, problem: str) -> FetchError:
    kind, _, note = problem.partition(" (")
    article = "an" if kind[0] in "aeiou" else "a"
    what = f"{ip} is {article} {kind} address"
    if host != ip:
        what = f"{host} resolves to {ip}, {article} {kind} address"
    if note:
        what += ", " + note.removesuffix(")")
    if ip in _METADATA_IPS:
        what += ", the cloud metadata service"
    return FetchError(f"refused: {what} (pass --allow-private to fetch it)")


# --- URLs ---------------------------------------------------------------------------


def _parse_url(url: str) -> httpx.URL:
    """Validated absolute http(s) URL, or FetchError."""
    text = url.strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise FetchError(f"not a valid URL: {text[:200]!r} ({exc})") from None
    if parsed.scheme not in _DEFAULT_PORTS:
        if not parsed.scheme and "." in text.split("/", 1)[0]:
            raise FetchError(f"not an http(s) URL: {text[:200]!r} (write https://{text[:200]})")
        raise FetchError(f"not an http(s) URL: {text[:200]!r}; only http and https are fetched")
    if not parsed.raw_host:
        raise FetchError(f"not a valid URL: {text[:200]!r} has no host")
    return parsed


def normalize_url(url: str) -> str:
    """Canonical form for ids: lower-case scheme and host, no default port, no fragment,
    no user info, no utm_* tracking parameters, "/" for an empty path."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if not scheme or not host:
        return text
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    query = parts.query
    if "utm_" in query:
        pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not k.lower().startswith("utm_")]
        query = urlencode(pairs)
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def url_id(url: str) -> str:
    """Stable document id for a web page: ``"url:" + normalize_url(url)``."""
    return "url:" + normalize_url(url)


def _seconds(x: float) -> str:
    return f"{x:g} s"


# --- the fetcher --------------------------------------------------------------------


class Fetcher:
    """A synchronous HTTP client that checks every hop; use one per run (it caches robots.txt).

    ``resolver`` (``socket.getaddrinfo``-like) can be replaced for tests; ``ssl_context``
    for a private CA (certificates are always verified, against the URL's host name).
    """

    def __init__(self, policy: FetchPolicy | None = None,
                 resolver: Callable[..., list[tuple]] | None = None,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._resolve_fn = resolver or socket.getaddrinfo
        p = self.policy
        self._client = httpx.Client(
            follow_redirects=False,
            verify=ssl_context or True,
            # Requests go to IP addresses, so a cookie jar would share cookies between all the
            # sites behind one IP (CDNs): keep no cookies at all.
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
            trust_env=False,  # an environment proxy would bypass the address checks
            timeout=httpx.Timeout(connect=p.connect_timeout, read=p.read_timeout, write=p.read_timeout,
                                  pool=p.connect_timeout),
            # No keep-alive: a pooled TLS connection to a shared IP must not serve another host name.
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self._robots: dict[tuple[str, str], RobotFileParser] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> FetchResult:
        """Fetch ``url`` (following up to ``max_redirects`` checked redirects); 2xx only.

        Raises FetchError with a one-line reason for everything else.
        """
        result = self._fetch(url, self.policy.max_bytes, robots=self.policy.respect_robots, truncate=False)
        if not 200 <= result.status < 300:
            raise FetchError(_status_reason(result.status))
        return result

    # -- internals --

    def _fetch(self, url: str, max_bytes: int, robots: bool, truncate: bool) -> FetchResult:
        current = _parse_url(url)
        deadline = time.monotonic() + self.policy.total_timeout
        redirects = 0
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {_seconds(self.policy.total_timeout)} in total")
            ips = self._resolve(current)
            if robots and not self._robots_allow(current):
                raise FetchError("disallowed by robots.txt (pass --ignore-robots to fetch it anyway)")
            result, location = self._request(current, ips, max_bytes, deadline, truncate)
            if location is None:
                return result
            redirects += 1
            if redirects > self.policy.max_redirects:
                raise FetchError(f"too many redirects (>{self.policy.max_redirects})")
            current = _parse_url(urljoin(str(current), location))

    def _resolve(self, url: httpx.URL) -> list[str]:
        """The host's addresses, all checked; FetchError if any is not public."""
        host = url.raw_host.decode("ascii")
        port = url.port or _DEFAULT_PORTS[url.scheme]
        try:
            infos = self._resolve_fn(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
        ips = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not ips:
            raise FetchError(f"cannot resolve host {host!r}: no addresses")
        if not self.policy.allow_private:
            for ip in ips:
                problem = address_problem(ip)
                if problem:
                    raise _refusal(host, ip, problem)
        return ips

    def _request(self, url: httpx.URL, ips: list[str], max_bytes: int, deadline: float,
                 truncate: bool) -> tuple[FetchResult, str | None]:
        """One GET, to each checked address in turn until one connects. Returns the result
        and the Location of a redirect (None when not a redirect)."""
        host = url.raw_host.decode("ascii")
        headers = {"Host": url.netloc.decode("ascii"), "User-Agent": self.policy.user_agent,
                   "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        last: Exception | None = None
        for ip in ips:
            try:
                pinned = url.copy_with(host=ip, fragment=None)
            except httpx.InvalidURL:  # e.g. an IPv6 address with a zone id
                last = FetchError(f"cannot connect to {host}: unusable address {ip}")
                continue
            try:
                with self._client.stream("GET", pinned, headers=headers, extensions=extensions) as resp:
                    return self._response(url, resp, max_bytes, deadline, truncate)
            except httpx.ConnectTimeout:
                last = FetchError(f"timed out connecting to {host} after {_seconds(self.policy.connect_timeout)}")
            except httpx.ConnectError as exc:
                last = FetchError(f"cannot connect to {host}: {_first_line(exc)}")
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {_seconds(self.policy.read_timeout)}") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"network error from {host}: {type(exc).__name__}: {_first_line(exc)}") from None
        assert last is not None
        raise last

    def _response(self, url: httpx.URL, resp: httpx.Response, max_bytes: int, deadline: float,
                  truncate: bool) -> tuple[FetchResult, str | None]:
        media, _, params = resp.headers.get("content-type", "").partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset":
                charset = value.strip().strip("\"'") or None
        final = str(url.copy_with(fragment=None))
        location = resp.headers.get("location") if resp.status_code in _REDIRECTS else None
        data = b""
        if location is None and 200 <= resp.status_code < 300:
            data = _read_body(resp, max_bytes, deadline, truncate, self.policy.total_timeout)
        result = FetchResult(url=final, status=resp.status_code, content_type=media.strip().lower(),
                             charset=charset, data=data)
        return result, location

    def _robots_allow(self, url: httpx.URL) -> bool:
        key = (url.scheme, url.netloc.decode("ascii").lower())
        parser = self._robots.get(key)
        if parser is None:
            parser = self._robots[key] = self._load_robots(f"{key[0]}://{key[1]}/robots.txt")
        return parser.can_fetch(self.policy.user_agent, str(url))

    def _load_robots(self, robots_url: str) -> RobotFileParser:
        parser = RobotFileParser(robots_url)
        try:
            result = self._fetch(robots_url, self.policy.robots_max_bytes, robots=False, truncate=True)
        except FetchError as exc:
            log.warning("could not fetch %s (%s); treating the site as allowing everything", robots_url, exc.reason)
            parser.allow_all = True
            return parser
        if result.status >= 500:
            log.warning("%s answered HTTP %d; treating the site as allowing everything", robots_url, result.status)
            parser.allow_all = True
        elif result.status >= 300:  # 4xx (and a redirect without Location): no rules (RFC 9309 2.3.1.3)
            parser.allow_all = True
        else:
            text, _ = decode_bytes(result.data)
            parser.parse(text.splitlines())
        return parser


def _read_body(resp: httpx.Response, limit: int, deadline: float, truncate: bool, total: float) -> bytes:
    """Stream and decompress the body ourselves so the cap applies to the decoded size."""
    too_large = FetchError(f"too large: more than {human_bytes(limit)}")
    encoding = resp.headers.get("content-encoding", "identity").strip().lower()
    declared = resp.headers.get("content-length", "")
    if encoding == "identity" and declared.isdigit() and int(declared) > limit and not truncate:
        raise too_large
    inflater = _inflater(encoding)
    out = bytearray()
    for chunk in resp.iter_raw():
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {_seconds(total)} in total (the server sends too slowly)")
        room = limit - len(out)
        try:
            piece = inflater.decompress(chunk, room + 1) if inflater else chunk
        except zlib.error as exc:
            raise FetchError(f"corrupt {encoding} body: {exc}") from None
        if len(piece) > room:
            if truncate:
                out += piece[:room]
                return bytes(out)
            raise too_large
        out += piece
    if inflater:
        try:
            out += inflater.flush()
        except zlib.error as exc:
            raise FetchError(f"corrupt {encoding} body: {exc}") from None
        if len(out) > limit:
            if truncate:
                return bytes(out[:limit])
            raise too_large
    return bytes(out)


def _inflater(encoding: str) -> zlib._Decompress | None:
    if encoding in ("identity", ""):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header, auto-detected
    raise FetchError(f"unsupported Content-Encoding {encoding!r}")


def _status_reason(status: int) -> str:
    hint = ""
    if status in (401, 403):
        hint = " (access denied; the site may require a login or block automated clients)"
    elif status == 429:
        hint = " (rate limited; try again later)"
    elif status >= 500:
        hint = " (server error; try again later)"
    elif 300 <= status < 400:
        hint = " (redirect without a Location header)"
    return f"HTTP {status}{hint}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]


# --- documents ----------------------------------------------------------------------


def fetch_document(url: str, settings: Settings = DEFAULT, fetcher: Fetcher | None = None,
                   origin: str | None = None, meta: Meta | None = None, defer: bool = False) -> Item | Unbuilt:
    """Fetch one page and build its Document, or a Rejected saying why not. Never raises.

    The id is ``url_id(url)`` of the URL asked for (not the final one), so it is stable
    across runs; ``meta`` fields win over what is extracted from the page. ``defer=True``:
    a fetched page is returned as an :class:`Unbuilt`, to be built by ``materialize``.
    """
    url = url.strip()
    origin = origin or url
    meta = meta or Meta()
    item_id = url_id(url)
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        try:
            result = fetcher.get(url)
        except FetchError as exc:
            return reject("failed", exc.reason, origin, item_id, url=url)
        if not result.is_html:
            kind = result.content_type or "no Content-Type"
            return reject("skipped", f"not an HTML page ({kind}); only HTML pages are coded", origin, item_id,
                          url=result.url)
        if is_binary(result.data[:65_536]):
            return reject("skipped", "binary content labelled as HTML", origin, item_id, url=result.url)
        text, flags = result.decode()
        if defer:  # decoding flags first, as below
            return Unbuilt(item_id, origin, text, True, replace(meta, url=meta.url or result.url,
                                                                flags=flags + meta.flags))
        item = build_document(item_id, origin, text, True, settings, replace(meta, url=meta.url or result.url))
        if flags and isinstance(item, Document):
            item = replace(item, flags=flags + item.flags)
        return item
    except Exception as exc:  # noqa: BLE001 - by contract one bad URL never stops a run
        log.exception("unexpected error while fetching %s", url)
        return reject("failed", f"internal error fetching {url}: {type(exc).__name__}: {_first_line(exc)}"[:300],
                      origin, item_id, url=url)
    finally:
        if own:
            fetcher.close()


def fetch_documents(urls: Iterable[str], settings: Settings = DEFAULT,
                    fetcher: Fetcher | None = None, defer: bool = False) -> Iterator[Item | Unbuilt]:
    """One Document or Rejected per URL, in order (blank lines and ``#`` comments are skipped).

    ``defer=True``: fetched pages come as :class:`Unbuilt` (see :func:`fetch_document`)."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for url in urls:
            if not url.strip() or url.lstrip().startswith("#"):
                continue
            yield fetch_document(url, settings, fetcher, defer=defer)
    finally:
        if own:
            fetcher.close()
