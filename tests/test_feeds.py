"""Tests for RSS/Atom/RDF feeds, against the local HTTP server of test_web.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_web import Site, article, local_policy, page, serve

from sanderling.errors import InputError
from sanderling.model import Document, Rejected
from sanderling.settings import Settings
from sanderling.sources.feeds import FeedEntry, FeedError, iter_feed_documents, read_feed, read_feed_list
from sanderling.sources.web import Fetcher, FetchError, url_id

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example World News</title><link>{base}/</link>
<description>World news</description>
<item><title>Ceasefire signed in Nairobi</title><link>{base}/news/1.html</link>
  <guid isPermaLink="false">urn:example:1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
  <description>&lt;p&gt;Ethiopia &amp;amp; Eritrea &lt;b&gt;agree&lt;/b&gt; to a truce.&lt;/p&gt;</description></item>
<item><title>Talks continue</title><link>{base}/news/2.html</link>
  <pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Gone story</title><link>{base}/missing</link></item>
<item><title>No link here</title><guid isPermaLink="false">urn:example:nolink</guid></item>
<item><title>Same story, tracked</title><link>{base}/news/1.html?utm_source=rss</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example:atom</id>
<updated>2024-03-08T04:30:00Z</updated>
<entry><title>Aid convoys reach the border</title><id>tag:example.org,2024:3</id>
  <link rel="alternate" href="/news/3.html"/><updated>2024-03-07T23:30:00-05:00</updated>
  <summary>Convoys crossed on Thursday.</summary></entry>
<entry><title>Ceasefire signed (Atom copy)</title><id>tag:example.org,2024:1</id>
  <link href="{base}/news/1.html"/><updated>2024-03-05T10:00:00Z</updated></entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{base}/feed.rdf"><title>Example RDF</title><link>{base}/</link>
  <items><rdf:Seq><rdf:li rdf:resource="{base}/news/3.html"/></rdf:Seq></items></channel>
<item rdf:about="{base}/news/3.html"><title>Aid convoys</title><link>{base}/news/3.html</link>
  <dc:date>2024-03-07</dc:date></item>
</rdf:RDF>
"""

DATED = '<meta property="article:published_time" content="2024-03-01T09:00:00Z">'


def templated(text: str, ctype: str = "application/xml"):  # type: ignore[no-untyped-def]
    def route(h) -> None:  # type: ignore[no-untyped-def]
        base = f"http://127.0.0.1:{h.server.server_address[1]}"
        page(text.replace("{base}", base).encode(), ctype)(h)
    return route


ROUTES = {
    "/feed.rss": templated(RSS, "application/rss+xml"),
    "/feeds/world.atom": templated(ATOM, "application/atom+xml"),
    "/feed.rdf": templated(RDF),
    "/truncated.xml": page(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title></chan'),
    "/garbage.xml": page(b"this is { not xml", "text/xml"),
    "/news/1.html": page(article("Ceasefire in the Horn of Africa")),
    "/news/2.html": page(article("Talks continue in Nairobi", head=DATED)),
    "/news/3.html": page(article("Aid convoys reach the border")),
}


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve(ROUTES) as s:
        yield s


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(local_policy()) as f:
        yield f


# --- read_feed ----------------------------------------------------------------------


def test_read_rss(site: Site, fetcher: Fetcher) -> None:
    entries = read_feed(site.base + "/feed.rss", fetcher)
    assert [e.id for e in entries] == ["urn:example:1", site.base + "/news/2.html", site.base + "/missing",
                                       "urn:example:nolink", site.base + "/news/1.html?utm_source=rss"]
    first = entries[0]
    assert first == FeedEntry(id="urn:example:1", link=site.base + "/news/1.html", title="Ceasefire signed in Nairobi",
                              published="2024-03-05", summary="Ethiopia & Eritrea agree to a truce.")
    assert entries[3].link is None


def test_read_atom_resolves_relative_links_and_uses_utc_dates(site: Site, fetcher: Fetcher) -> None:
    first, second = read_feed(site.base + "/feeds/world.atom", fetcher)
    assert first.id == "tag:example.org,2024:3"
    assert first.link == site.base + "/news/3.html"
    assert first.published == "2024-03-08"  # 23:30 at UTC-5 is the 8th in UTC
    assert first.summary == "Convoys crossed on Thursday."
    assert second.link == site.base + "/news/1.html"


def test_read_rdf(site: Site, fetcher: Fetcher) -> None:
    (entry,) = read_feed(site.base + "/feed.rdf", fetcher)
    assert entry.link == site.base + "/news/3.html"
    assert entry.title == "Aid convoys"
    assert entry.published == "2024-03-07"


def test_read_feed_from_bytes() -> None:
    data = RSS.replace("{base}", "https://news.example").encode()
    entries = read_feed(data)
    assert len(entries) == 5 and entries[1].link == "https://news.example/news/2.html"


@pytest.mark.parametrize(("path", "reason"), [
    ("/truncated.xml", "malformed feed"),
    ("/garbage.xml", "not an RSS/Atom/RDF feed"),
    ("/news/1.html", "not an RSS/Atom/RDF feed"),
])
def test_bad_feed_raises(site: Site, fetcher: Fetcher, path: str, reason: str) -> None:
    with pytest.raises(FeedError, match="^" + reason):
        read_feed(site.base + path, fetcher)


def test_feed_bytes_are_never_a_path_or_url(tmp_path: Path) -> None:
    feed = tmp_path / "local.rss"
    feed.write_text(RSS.replace("{base}", "https://news.example"))
    with pytest.raises(FeedError):  # feedparser.parse(bytes) alone would open this file
        read_feed(str(feed).encode())
    with pytest.raises(FetchError, match="not an http"):  # a string is a URL for our fetcher, never a file
        read_feed(str(feed), Fetcher(local_policy()))


# --- iter_feed_documents ------------------------------------------------------------


def test_iter_feed_documents(site: Site, fetcher: Fetcher) -> None:
    feed = site.base + "/feed.rss"
    items = list(iter_feed_documents([feed], Settings(), fetcher))
    by_url = {i.url: i for i in items}
    assert len(items) == 4  # the utm_ copy of /news/1.html is the same page: fetched once

    one = by_url[site.base + "/news/1.html"]
    assert isinstance(one, Document)
    assert one.id == url_id(site.base + "/news/1.html")
    assert one.origin == feed
    assert one.title == "Ceasefire in the Horn of Africa"  # the page's own title
    assert one.pub_date == "2024-03-05"  # the page has no date: the entry's

    two = by_url[site.base + "/news/2.html"]
    assert isinstance(two, Document)
    assert two.pub_date == "2024-03-01"  # the page's date wins over the entry's 2024-03-06

    gone = by_url[site.base + "/missing"]
    assert isinstance(gone, Rejected) and (gone.status, gone.reason) == ("failed", "HTTP 404")

    (nolink,) = [i for i in items if i.url is None]
    assert isinstance(nolink, Rejected) and nolink.status == "skipped"
    assert nolink.id == "feed-entry:urn:example:nolink" and nolink.reason == "feed entry has no link to fetch"


def test_seen_entries_are_not_fetched(site: Site, fetcher: Fetcher) -> None:
    skip = {url_id(site.base + "/news/1.html?utm_source=rss"), url_id(site.base + "/missing"),
            "feed-entry:urn:example:nolink"}  # document ids, as the database knows them
    before = len(site.hits)
    items = list(iter_feed_documents([site.base + "/feed.rss"], Settings(), fetcher, seen=skip.__contains__))
    assert [i.url for i in items] == [site.base + "/news/2.html"]
    fetched = [p for p, _ in site.hits[before:]]
    assert "/news/1.html" not in fetched and "/missing" not in fetched


def test_page_shared_by_two_feeds_is_fetched_once(site: Site, fetcher: Fetcher) -> None:
    feeds = [site.base + "/feeds/world.atom", site.base + "/feed.rss"]
    items = list(iter_feed_documents(feeds, Settings(), fetcher))
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))
    assert ids.count(url_id(site.base + "/news/1.html")) == 1


@pytest.mark.parametrize(("path", "reason"), [
    ("/truncated.xml", "feed: malformed feed"),
    ("/garbage.xml", "feed: not an RSS/Atom/RDF feed"),
    ("/nothing-here.xml", "feed: HTTP 404"),
])
def test_bad_feed_yields_one_failed_item(site: Site, fetcher: Fetcher, path: str, reason: str) -> None:
    url = site.base + path
    (item,) = iter_feed_documents([url], Settings(), fetcher)
    assert isinstance(item, Rejected)
    assert item.status == "failed" and item.reason.startswith(reason) and "\n" not in item.reason
    assert item.id == "feed:" + url and item.url == url and item.origin == url


def test_bad_feed_does_not_stop_the_others(site: Site, fetcher: Fetcher) -> None:
    items = list(iter_feed_documents(["ftp://example.com/feed", site.base + "/feed.rdf"], Settings(), fetcher))
    assert isinstance(items[0], Rejected) and items[0].reason.startswith("feed: not an http(s) URL")
    assert isinstance(items[1], Document) and items[1].title == "Aid convoys reach the border"


def test_unexpected_error_becomes_one_rejected(site: Site, fetcher: Fetcher) -> None:
    def broken_seen(entry_id: str) -> bool:
        raise RuntimeError("store is gone")

    items = list(iter_feed_documents([site.base + "/feed.rdf", site.base + "/feed.rdf"], Settings(), fetcher,
                                     seen=broken_seen))
    assert [(i.status, i.reason.split(":")[0]) for i in items if isinstance(i, Rejected)] == \
        [("failed", "internal error reading feed http")] * 2


def test_default_fetcher_refuses_local_feed(site: Site) -> None:
    (item,) = iter_feed_documents([site.base + "/feed.rss"])
    assert isinstance(item, Rejected) and item.reason.startswith("feed: refused: 127.0.0.1 is a loopback address")


# --- feed lists ---------------------------------------------------------------------


def test_read_feed_list_text(tmp_path: Path) -> None:
    path = tmp_path / "FEEDS.txt"
    path.write_text("\ufeff# world news\n\nhttps://a.example/rss\n  https://b.example/atom   # nightly\n"
                    "https://a.example/rss\nhttps://c.example/feed#fragment\n")
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/atom",
                                    "https://c.example/feed#fragment"]


def test_read_feed_list_opml(tmp_path: Path) -> None:
    path = tmp_path / "feeds.opml"
    path.write_text('<?xml version="1.0"?>\n<opml version="2.0"><head><title>Feeds</title></head><body>'
                    '<outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/>'
                    '<outline type="rss" text="B" xmlurl="https://b.example/atom"/></outline>'
                    '<outline text="no feed"/></body></opml>')
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/atom"]


def test_read_feed_list_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read feed list"):
        read_feed_list(tmp_path / "missing.txt")
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline xmlUrl='x'></body>")
    with pytest.raises(InputError, match="malformed OPML"):
        read_feed_list(bad)
