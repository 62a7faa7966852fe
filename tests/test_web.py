"""Tests for the safe fetcher, against a tiny HTTP server on 127.0.0.1 (no internet).

``serve`` and the page bodies are also used by test_feeds.py.
"""

from __future__ import annotations

import gzip
import logging
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import sanderling.sources.web as web
from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources.web import (
    Fetcher,
    FetchError,
    FetchPolicy,
    address_problem,
    fetch_document,
    fetch_documents,
    normalize_url,
    url_id,
)

Handler = BaseHTTPRequestHandler
Route = Callable[[Handler], None]

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>Ethiopia and Eritrea signed a ceasefire agreement in Nairobi, ending months of clashes along
their shared border, the African Union said in a statement.</p>
<p>The foreign ministers of both countries met for three days of talks mediated by Kenya and
agreed to withdraw troops from the disputed towns and to exchange prisoners.</p>
<p>Human rights groups welcomed the deal but urged both governments to allow humanitarian
convoys into the region, where thousands of families have fled their homes.</p>
</article><footer>Copyright The Daily Example</footer></body></html>
"""


def article(title: str = "Ethiopia and Eritrea sign ceasefire", head: str = "") -> bytes:
    return ARTICLE_HTML.format(title=title, head=head).encode()


@dataclass
class Site:
    base: str
    routes: dict[str, Route]
    hits: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [p for p, _ in self.hits]


def send(h: Handler, status: int = 200, body: bytes = b"", ctype: str | None = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    if ctype:
        h.send_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    if "Content-Length" not in (headers or {}):
        h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def page(body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200) -> Route:
    return lambda h: send(h, status, body, ctype)


def redirect(location: str, status: int = 302) -> Route:
    return lambda h: send(h, status, b"", None, {"Location": location})


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.site.hits.append((self.path, dict(self.headers.items())))
        route = self.server.site.routes.get(self.path.split("?", 1)[0])
        try:
            if route is None:
                send(self, 404, b"<html><body>Not found</body></html>")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size caps): expected

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _KeepAliveHandler(_Handler):
    protocol_version = "HTTP/1.1"  # connections stay open between requests


class _Server(ThreadingHTTPServer):
    site: Site


@contextmanager
def serve(routes: dict[str, Route], tls: ssl.SSLContext | None = None, keep_alive: bool = False) -> Iterator[Site]:
    """A threaded HTTP(S) server on 127.0.0.1 with an ephemeral port, serving ``routes``."""
    server = _Server(("127.0.0.1", 0), _KeepAliveHandler if keep_alive else _Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    scheme = "https" if tls else "http"
    server.site = Site(base=f"{scheme}://127.0.0.1:{server.server_address[1]}", routes=routes)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.site
    finally:
        server.shutdown()
        server.server_close()


def local_policy(**kw: object) -> FetchPolicy:
    defaults: dict[str, object] = {"allow_private": True, "connect_timeout": 1.0, "read_timeout": 0.5,
                                   "total_timeout": 5.0, "max_bytes": 100_000}
    return FetchPolicy(**{**defaults, **kw})  # type: ignore[arg-type]


# --- server routes ------------------------------------------------------------------


def _chain(h: Handler) -> None:
    n = int(h.path.rsplit("/", 1)[1])
    send(h, 302, b"", None, {"Location": "/article.html" if n == 0 else f"/redirect/{n - 1}"})


def _slow(h: Handler) -> None:
    time.sleep(1.5)
    send(h, 200, article())


def _drip(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(30):  # a byte every 0.2 s: never silent for a whole read timeout
        h.wfile.write(b"<")
        h.wfile.flush()
        time.sleep(0.2)


def _endless(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()  # no Content-Length, HTTP/1.0: the body runs until the connection closes
    chunk = b"<p>" + b"x" * 8189 + b"</p>"
    for _ in range(10_000):  # 80 MB at most, in case the client never hangs up
        h.wfile.write(chunk)


def _lying_length(h: Handler) -> None:
    send(h, 200, b"<html></html>", headers={"Content-Length": str(10**9)})


BOMB = gzip.compress(b"\0" * 20_000_000, compresslevel=9)  # ~20 KB on the wire, 20 MB decoded


ROUTES: dict[str, Route] = {
    "/article.html": page(article()),
    "/robots.txt": page(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
    "/private/page.html": page(article("Private page")),
    "/to-private": redirect("/private/page.html"),
    "/loop": redirect("/loop"),
    "/slow": _slow,
    "/drip": _drip,
    "/endless": _endless,
    "/lying-length": _lying_length,
    "/bomb": lambda h: send(h, 200, BOMB, headers={"Content-Encoding": "gzip"}),
    "/gzipped.html": lambda h: send(h, 200, gzip.compress(article()), headers={"Content-Encoding": "gzip"}),
    "/report.pdf": page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf"),
    "/koi8.txt": page("Привет, мир".encode("koi8-r"), "text/plain; charset=koi8-r"),
    "/no-type.html": lambda h: send(h, 200, article(), None),
    "/gone": page(b"<html>gone</html>", status=410),
    "/to-internal": redirect("http://10.0.0.1/admin"),
    "/set-cookie": lambda h: send(h, 302, b"", None, {"Set-Cookie": "id=1; Path=/", "Location": "/article.html"}),
    **{f"/redirect/{n}": _chain for n in range(8)},
}


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve(ROUTES) as s:
        yield s


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(local_policy()) as f:
        yield f


@pytest.fixture
def no_connect(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record (and block) every outgoing TCP connection attempt."""
    attempts: list[object] = []

    def refuse(address: object, *args: object, **kw: object) -> socket.socket:
        attempts.append(address)
        raise ConnectionRefusedError("blocked by test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


# --- fetching -----------------------------------------------------------------------


def test_get_article(site: Site, fetcher: Fetcher) -> None:
    result = fetcher.get(site.base + "/article.html#comments")
    assert result.status == 200
    assert result.url == site.base + "/article.html"
    assert result.content_type == "text/html" and result.charset == "utf-8"
    assert result.is_html
    assert "ceasefire agreement in Nairobi" in result.text
    path, headers = site.hits[-1]
    assert path == "/article.html"  # the fragment is not sent
    assert headers["User-Agent"].startswith("Sanderling/")
    assert "political event coder" in headers["User-Agent"]


def test_fetch_documents_builds_document(site: Site, fetcher: Fetcher) -> None:
    url = site.base + "/article.html"
    (doc,) = fetch_documents([url], Settings(), fetcher)
    assert isinstance(doc, Document)
    assert doc.id == "url:" + url
    assert doc.url == url and doc.origin == url
    assert doc.title == "Ethiopia and Eritrea sign ceasefire"
    assert doc.text.startswith("Ethiopia and Eritrea signed a ceasefire agreement")
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.language == "en"


def test_id_is_stable_and_normalised(site: Site, fetcher: Fetcher) -> None:
    upper = site.base.replace("http://", "HTTP://") + "/article.html?utm_source=rss#top"
    a, b = fetch_documents([site.base + "/article.html", upper], Settings(), fetcher)
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id == url_id(site.base + "/article.html")


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTPS://Example.COM:443/a/b?x=1&utm_medium=rss#frag", "https://example.com/a/b?x=1"),
    ("http://example.com", "http://example.com/"),
    ("http://user:pw@example.com:8080/p", "http://example.com:8080/p"),
    ("http://[2001:DB8::1]:80/", "http://[2001:db8::1]/"),
    ("  https://example.com/a?b=2  ", "https://example.com/a?b=2"),
])
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_gzip_body_is_decoded(site: Site, fetcher: Fetcher) -> None:
    assert "ceasefire" in fetcher.get(site.base + "/gzipped.html").text


def test_no_cookies_are_kept(site: Site, fetcher: Fetcher) -> None:
    before = len(site.hits)
    fetcher.get(site.base + "/set-cookie")
    fetcher.get(site.base + "/article.html")
    assert [p for p, _ in site.hits[before:]][-2:] == ["/article.html", "/article.html"]
    assert all("Cookie" not in headers for _, headers in site.hits[before:])


def test_charset_from_content_type(site: Site, fetcher: Fetcher) -> None:
    result = fetcher.get(site.base + "/koi8.txt")
    assert result.text == "Привет, мир"
    assert result.decode()[1] == ("encoding:koi8-r",)


def test_missing_content_type_is_sniffed(site: Site, fetcher: Fetcher) -> None:
    (doc,) = fetch_documents([site.base + "/no-type.html"], Settings(), fetcher)
    assert isinstance(doc, Document)


# --- redirects ----------------------------------------------------------------------


def test_redirect_chain_within_limit(site: Site, fetcher: Fetcher) -> None:
    result = fetcher.get(site.base + "/redirect/4")  # 5 redirects, the limit
    assert result.url == site.base + "/article.html"
    (doc,) = fetch_documents([site.base + "/redirect/4"], Settings(), fetcher)
    assert isinstance(doc, Document)
    assert doc.id == url_id(site.base + "/redirect/4")  # the URL asked for, not where it landed
    assert doc.url == site.base + "/article.html"


@pytest.mark.parametrize("path", ["/redirect/5", "/loop"])
def test_too_many_redirects(site: Site, fetcher: Fetcher, path: str) -> None:
    before = len(site.hits)
    with pytest.raises(FetchError, match=r"^too many redirects \(>5\)$"):
        fetcher.get(site.base + path)
    assert len([p for p, _ in site.hits[before:] if p != "/robots.txt"]) == 6


def test_every_redirect_hop_is_checked(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    # Treat only 10/8 as internal so the test server itself may be fetched with allow_private=False.
    monkeypatch.setattr(web, "address_problem", lambda ip: "private" if ip.startswith("10.") else None)
    real, connected = socket.create_connection, []

    def record(address: tuple[str, int], *args: object, **kw: object) -> socket.socket:
        connected.append(address[0])
        return real(address, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", record)
    with Fetcher(local_policy(allow_private=False)) as f, \
            pytest.raises(FetchError, match=r"^refused: 10\.0\.0\.1 is a private address"):
        f.get(site.base + "/to-internal")
    assert site.paths()[-1] == "/to-internal"
    assert set(connected) == {"127.0.0.1"}


# --- failures -----------------------------------------------------------------------


def test_http_error_status(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match=r"^HTTP 404$"):
        fetcher.get(site.base + "/missing")
    (item,) = fetch_documents([site.base + "/gone"], Settings(), fetcher)
    assert isinstance(item, Rejected)
    assert (item.status, item.reason) == ("failed", "HTTP 410")
    assert item.url == site.base + "/gone" and item.id == url_id(site.base + "/gone")


def test_read_timeout(site: Site, fetcher: Fetcher) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 0\.5 s$"):
        fetcher.get(site.base + "/slow")
    assert time.monotonic() - start < 1.4


def test_total_timeout_stops_slow_drip(site: Site) -> None:
    start = time.monotonic()
    with Fetcher(local_policy(total_timeout=0.8)) as f, pytest.raises(FetchError, match=r"^timed out after 0\.8 s"):
        f.get(site.base + "/drip")
    assert time.monotonic() - start < 2.0


@pytest.mark.parametrize("path", ["/endless", "/bomb", "/lying-length"])
def test_size_cap(site: Site, fetcher: Fetcher, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"^too large: more than 100 KB$"):
        fetcher.get(site.base + path)
    assert time.monotonic() - start < 2.0


def test_gzip_bomb_is_never_inflated_in_memory(site: Site, fetcher: Fetcher) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=r"^too large"):
            fetcher.get(site.base + "/bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # the bomb inflates to 20 MB


def test_non_html_is_skipped(site: Site, fetcher: Fetcher) -> None:
    (item,) = fetch_documents([site.base + "/report.pdf"], Settings(), fetcher)
    assert isinstance(item, Rejected)
    assert item.status == "skipped"
    assert "application/pdf" in item.reason


def test_every_url_gives_exactly_one_item(site: Site, fetcher: Fetcher) -> None:
    urls = [site.base + "/article.html", "ftp://example.com/file", "file:///etc/passwd", "example.com/news",
            "http://", "https://exa mple.com/", site.base + "/missing", site.base + "/report.pdf"]
    items = list(fetch_documents(urls, Settings(), fetcher))
    assert len(items) == len(urls)
    assert isinstance(items[0], Document)
    reasons = [i.reason for i in items[1:] if isinstance(i, Rejected)]
    assert len(reasons) == len(urls) - 1
    assert reasons[0].startswith("not an http(s) URL") and reasons[1].startswith("not an http(s) URL")
    assert "write https://example.com/news" in reasons[2]
    assert all("\n" not in r for r in reasons)


def test_unexpected_error_becomes_rejected(site: Site, fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*a: object, **kw: object) -> None:
        raise RuntimeError("bug\nsecond line")

    monkeypatch.setattr(web, "build_document", boom)
    (item,) = fetch_documents([site.base + "/article.html"], Settings(), fetcher)
    assert isinstance(item, Rejected) and item.status == "failed"
    assert item.reason.startswith("internal error fetching") and "\n" not in item.reason


# --- robots.txt ---------------------------------------------------------------------


def test_robots_disallow(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match=r"^disallowed by robots\.txt"):
        fetcher.get(site.base + "/private/page.html")
    with pytest.raises(FetchError, match=r"^disallowed by robots\.txt"):
        fetcher.get(site.base + "/to-private")  # checked again after the redirect
    (item,) = fetch_documents([site.base + "/private/page.html"], Settings(), fetcher)
    assert isinstance(item, Rejected) and item.reason.startswith("disallowed by robots.txt")


def test_robots_fetched_once_per_host(site: Site) -> None:
    before = site.paths().count("/robots.txt")
    with Fetcher(local_policy()) as f:
        for _ in range(3):
            f.get(site.base + "/article.html")
    assert site.paths().count("/robots.txt") - before == 1


def test_robots_can_be_ignored(site: Site) -> None:
    with Fetcher(local_policy(respect_robots=False)) as f:
        assert f.get(site.base + "/private/page.html").status == 200


@pytest.mark.parametrize("status", [404, 410, 503])
def test_robots_error_status_allows_everything(status: int) -> None:
    # The error body looks like rules: it must not be parsed.
    routes = {"/robots.txt": page(b"User-agent: *\nDisallow: /\n", "text/plain", status=status),
              "/private/page.html": page(article())}
    with serve(routes) as s, Fetcher(local_policy()) as f:
        assert f.get(s.base + "/private/page.html").status == 200
        assert s.paths() == ["/robots.txt", "/private/page.html"]


def test_robots_timeout_allows_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    def slow_robots(h: Handler) -> None:
        time.sleep(1.0)
        send(h, 200, b"User-agent: *\nDisallow: /\n", "text/plain")

    routes = {"/robots.txt": slow_robots, "/page.html": page(article())}
    with serve(routes) as s, Fetcher(local_policy()) as f, caplog.at_level(logging.WARNING):
        assert f.get(s.base + "/page.html").status == 200
    assert any("robots.txt" in r.getMessage() and "timed out" in r.getMessage() for r in caplog.records)


# --- address checks -----------------------------------------------------------------


@pytest.mark.parametrize(("url", "reason"), [
    ("http://127.0.0.1/", "refused: 127.0.0.1 is a loopback address (pass --allow-private to fetch it)"),
    ("http://10.0.0.1/x", "refused: 10.0.0.1 is a private address (pass --allow-private to fetch it)"),
    ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address,"
                                                 " the cloud metadata service (pass --allow-private to fetch it)"),
    ("http://[::1]:8080/", "refused: ::1 is a loopback address (pass --allow-private to fetch it)"),
    ("http://[::ffff:10.0.0.5]/", "refused: ::ffff:10.0.0.5 is a private address, IPv4 10.0.0.5 inside IPv6 "
                                  "(pass --allow-private to fetch it)"),
])
def test_default_policy_refuses_internal_addresses(url: str, reason: str, no_connect: list[object]) -> None:
    with Fetcher() as f, pytest.raises(FetchError) as exc:
        f.get(url)
    assert exc.value.reason.startswith(reason)
    assert no_connect == []


def test_default_policy_refuses_the_running_local_server(site: Site, no_connect: list[object]) -> None:
    before = len(site.hits)
    (item,) = fetch_documents([site.base + "/article.html"], Settings(), Fetcher())
    assert isinstance(item, Rejected) and item.status == "failed"
    assert item.reason.startswith("refused: 127.0.0.1 is a loopback address")
    assert no_connect == [] and len(site.hits) == before


def test_localhost_name_is_refused(no_connect: list[object]) -> None:
    with Fetcher() as f, pytest.raises(FetchError, match=r"^refused: localhost resolves to (127\.0\.0\.1|::1), "
                                                         r"a loopback address"):
        f.get("http://localhost:8000/")
    assert no_connect == []


def test_any_private_address_of_a_name_refuses_it(no_connect: list[object]) -> None:
    def resolver(host: str, port: int, **kw: object) -> list[tuple]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("93.184.215.14", "10.1.2.3")]

    with Fetcher(resolver=resolver) as f, pytest.raises(FetchError) as exc:
        f.get("https://news.example/a")
    assert exc.value.reason.startswith("refused: news.example resolves to 10.1.2.3, a private address")
    assert no_connect == []


def test_connection_goes_to_the_checked_address(site: Site) -> None:
    """The name is resolved once by us; the request is sent to that IP with the original Host."""
    port = int(site.base.rsplit(":", 1)[1])
    calls: list[str] = []

    def resolver(host: str, port_: int, **kw: object) -> list[tuple]:
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port_))]

    with Fetcher(local_policy(), resolver=resolver) as f:
        result = f.get(f"http://news.invalid:{port}/article.html")  # .invalid never resolves in real DNS
    assert result.url == f"http://news.invalid:{port}/article.html"
    assert site.hits[-1][1]["Host"] == f"news.invalid:{port}"
    assert calls == ["news.invalid", "news.invalid"]  # robots.txt, then the page


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, ssl.SSLContext]]:
    """An HTTPS server whose self-signed certificate names only "news.test" (not 127.0.0.1)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=news.test",
                    "-addext", "subjectAltName=DNS:news.test"], check=True, capture_output=True, timeout=30)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    client_ctx = ssl.create_default_context(cafile=str(cert))
    client_ctx.verify_flags &= ~ssl.VERIFY_X509_STRICT  # a bare self-signed test certificate
    routes = {"/article.html": page(article()), "/robots.txt": page(b"User-agent: *\nAllow: /\n", "text/plain")}
    with serve(routes, tls=server_ctx, keep_alive=True) as s:
        yield s, client_ctx


def _to_localhost(host: str, port: int, **kw: object) -> list[tuple]:
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]


def test_https_to_the_checked_address_verifies_the_host_name(tls_site: tuple[Site, ssl.SSLContext]) -> None:
    site, ctx = tls_site
    port = int(site.base.rsplit(":", 1)[1])
    with Fetcher(local_policy(), resolver=_to_localhost, ssl_context=ctx) as f:
        result = f.get(f"https://news.test:{port}/article.html")  # the certificate does not name 127.0.0.1
        assert result.status == 200 and "ceasefire" in result.text
        # Same IP and port, other name: a fresh connection and handshake, never the pooled one.
        with pytest.raises(FetchError, match=r"^cannot connect to other\.test: .*CERTIFICATE_VERIFY_FAILED"):
            f.get(f"https://other.test:{port}/article.html")
    with Fetcher(local_policy(respect_robots=False), resolver=_to_localhost) as f, \
            pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):
        f.get(f"https://news.test:{port}/article.html")  # not trusted without the test CA


def test_unresolvable_host(no_connect: list[object]) -> None:
    def resolver(host: str, port: int, **kw: object) -> list[tuple]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with Fetcher(resolver=resolver) as f, pytest.raises(FetchError, match=r"^cannot resolve host 'nope\.example'"):
        f.get("https://nope.example/")


@pytest.mark.parametrize(("ip", "problem"), [
    ("8.8.8.8", None), ("2606:4700:4700::1111", None),
    ("127.0.0.2", "loopback"), ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("192.168.1.1", "private"), ("172.16.0.1", "private"), ("fc00::1", "private"), ("fe80::1%eth0", "link-local"),
    ("224.0.0.251", "multicast"), ("ff02::1", "multicast"), ("240.0.0.1", "reserved"),
    ("100.64.0.1", "non-public"), ("::ffff:127.0.0.1", "loopback (IPv4 127.0.0.1 inside IPv6)"),
    ("64:ff9b::a00:1", "private (IPv4 10.0.0.1 inside IPv6)"), ("2002:a00:1::", "private (IPv4 10.0.0.1 inside IPv6)"),
])
def test_address_problem(ip: str, problem: str | None) -> None:
    assert address_problem(ip) == problem


def test_fetch_document_without_fetcher_uses_safe_defaults(no_connect: list[object]) -> None:
    item = fetch_document("http://10.0.0.1/", Settings())
    assert isinstance(item, Rejected) and item.reason.startswith("refused: 10.0.0.1")
    assert no_connect == []
