"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright.

A small database is coded from invented sentences, served by uvicorn on an ephemeral port of
127.0.0.1, and the page is checked as a user sees it: no console errors, filters, highlighted
evidence, the timeline chart, the dyad table, paging and the source links. Skipped when the
``playwright`` package or ``/usr/bin/chromium`` is missing, unless ``SANDERLING_BROWSER_TESTS=required``
(set by ``.ci/run``, which installs both): then they are an error.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
# CI sets SANDERLING_BROWSER_TESTS=required: there a missing browser fails the run instead of skipping.
_REQUIRED = os.environ.get("SANDERLING_BROWSER_TESTS", "").lower() == "required"
try:
    import playwright.sync_api as playwright_sync
except ImportError:
    if _REQUIRED:
        raise
    pytest.skip("playwright is not installed (pip install playwright)", allow_module_level=True)
if not os.path.exists(CHROMIUM):
    if _REQUIRED:
        raise RuntimeError(f"SANDERLING_BROWSER_TESTS=required but {CHROMIUM} is missing (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
expect = playwright_sync.expect

import uvicorn  # noqa: E402

from sanderling.analysis import build_canonical  # noqa: E402
from sanderling.api import create_app  # noqa: E402
from sanderling.dashboard import mount  # noqa: E402
from sanderling.model import Document, Outcome, event_id  # noqa: E402
from sanderling.store import Store  # noqa: E402

# (date, text): the coded sentence of the first one does not start the document, so its offsets
# only line up with the sentence after subtracting text_start.
ARTICLES = [
    ("2024-03-04", "Markets were calm on Monday. "
                   "Russian forces shelled the Ukrainian city of Kharkiv, killing four civilians."),
    ("2024-03-12", "Russia threatened to impose new sanctions on Ukraine."),
    ("2024-03-20", "Russian troops attacked Ukrainian positions near Avdiivka."),
    ("2024-04-02", "Russia accused Ukraine of <b>attacking</b> a power plant."),
    ("2024-04-10", "The Russian foreign minister met his Chinese counterpart in Beijing to discuss trade."),
    ("2024-04-18", "Japan sent humanitarian aid to Ukraine."),
    ("2024-04-25", "The United States imposed sanctions on Russia over the war."),
    ("2024-05-03", "Germany and France signed a defence agreement in Berlin."),
]
OUTLETS = ("wire.example", "daily.example", "post.example")  # each story is reported three times


def url_of(outlet: str, i: int) -> str:
    return f"https://{outlet}/world/story-{i}?ref=rss&lang=en"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> str:  # type: ignore[no-untyped-def]
    outcomes = []
    coded = pipeline.code_documents([Document(id=f"story-{i}", text=text, pub_date=day)  # one batch: fast
                                     for i, (day, text) in enumerate(ARTICLES)])
    for i, ((day, text), events) in enumerate(zip(ARTICLES, coded, strict=True)):
        assert [e.event for e in events if e.happened], text
        for outlet in OUTLETS:
            doc_id, url = f"{outlet}/story-{i}", url_of(outlet, i)
            evs = tuple(dataclasses.replace(e, doc_id=doc_id, url=url,
                                            id=event_id(doc_id, e.text_start, e.event_start, e.event))
                        for e in events)
            doc = Document(id=doc_id, text=text, url=url, pub_date=day, language="en")
            outcomes.append(Outcome(doc=doc, rejected=None, status="coded", reason="", events=evs))
    path = str(tmp_path_factory.mktemp("dashboard") / "events.duckdb")
    with Store(path) as store:
        store.write(outcomes, coder_version="test")
        build_canonical(store)
    return path


@pytest.fixture(scope="module")
def base_url(db: str) -> Iterator[str]:
    app = create_app(db)
    if not any(getattr(r, "path", None) == "/" for r in app.routes):  # until create_app mounts it itself
        mount(app)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def shared_page(browser, base_url: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """One tab for the module (a new context per test costs a second or two); each test reloads it."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning")
          else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # ERR_ABORTED: a fetch still running when the next test reloads the page, not a failure
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}")
          if r.failure != "net::ERR_ABORTED" else None)
    pg.on("request", lambda r: problems.append(f"request outside the server: {r.url}")
          if not r.url.startswith((base_url + "/", "data:")) else None)
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()


@pytest.fixture()
def page(shared_page, base_url: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    pg = shared_page
    pg.unroute_all()
    pg.set_viewport_size({"width": 1280, "height": 1000})
    pg.goto(base_url + "/")
    pg.wait_for_selector("body[data-ready]")
    pg.wait_for_selector("#events li.event")
    yield pg
    problems = list(pg.problems)
    pg.problems.clear()
    assert problems == [], problems


def test_page_serves_with_security_headers(base_url: str) -> None:
    r = httpx.get(base_url + "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    for name in ("app.js", "style.css"):
        s = httpx.get(f"{base_url}/static/{name}")
        assert s.status_code == 200 and s.headers["x-content-type-options"] == "nosniff"
    assert httpx.get(base_url + "/static/../__init__.py").status_code == 404
    assert "/" not in httpx.get(base_url + "/openapi.json").json()["paths"]


def test_dashboard_filters_highlights_chart_and_links(page) -> None:  # type: ignore[no-untyped-def]
    assert page.title().startswith("Sanderling")
    assert "24 documents" in page.text_content("#health")
    # unfiltered: 8 stories × 3 outlets, 20 per page; the chart waits for an actor
    assert page.locator("#events li.event").count() == 20
    assert page.locator("#chart svg").count() == 0

    page.fill("#f-actor", "rus")
    page.click("#btn-apply")
    page.wait_for_selector("#chart svg.timeline")
    expect(page.locator("#page-info")).to_contain_text("of 15")
    assert "actor=RUS" in page.url
    items = page.locator("#events li.event")
    assert items.count() == 15
    for text in items.locator(".dyad-codes").all_text_contents():
        assert text.startswith("RUS")

    # highlighted evidence: offsets are document offsets, shifted by text_start
    shelled = items.filter(has_text="Kharkiv").first
    assert shelled.locator('mark[data-role~="trigger"]').all_text_contents() == ["shelled"]
    assert shelled.locator('mark[data-role~="actor"]').all_text_contents() == ["Russian"]
    assert set(shelled.locator('mark[data-role~="recipient"]').all_text_contents()) == {"Ukrainian", "Kharkiv"}
    assert shelled.locator(".sentence").text_content().startswith("Russian forces shelled")
    attacked = items.filter(has_text="Avdiivka").first
    assert attacked.locator("mark.hl-actor").all_text_contents() == ["Russian troops"]
    assert attacked.locator("mark.hl-trigger").all_text_contents() == ["attacked"]
    assert attacked.locator("mark.hl-recipient").all_text_contents() == ["Ukrainian"]
    assert attacked.locator(".badge").text_content() == "ASSAULT"
    assert attacked.locator("time").get_attribute("datetime") == "2024-03-20"

    # text from the database is text, never markup
    accused = items.filter(has_text="power plant").first
    assert "<b>attacking</b>" in accused.locator(".sentence").text_content()
    assert accused.locator(".sentence b").count() == 0

    # the source link and the document id
    link = attacked.locator("a.source")
    href = link.get_attribute("href")
    assert href in {url_of(o, 2) for o in OUTLETS}
    assert link.get_attribute("target") == "_blank"
    assert set(link.get_attribute("rel").split()) == {"noopener", "noreferrer"}
    assert attacked.locator(".doc-id").text_content() in {f"{o}/story-2" for o in OUTLETS}

    # the chart: stacked bars, an index line and tooltips, and pixels that are not blank
    chart = page.locator("#chart svg.timeline")
    d = chart.locator("path.index-line").get_attribute("d")
    assert d and d.startswith("M") and "L" in d
    line_box = chart.locator("path.index-line").bounding_box()
    assert line_box and line_box["width"] > 100
    bars = chart.locator("rect.bar")
    assert bars.count() >= 5
    assert all(bars.nth(i).bounding_box()["height"] > 0 for i in range(bars.count()))
    assert {"bar q1", "bar q4", "bar q3"} <= set(bars.evaluate_all("els => els.map(e => e.getAttribute('class'))"))
    assert "Material conflict" in chart.locator("rect.bar.q4 title").first.text_content()
    assert chart.locator("title#chart-title").text_content() == "Conflict–cooperation timeline of RUS → anyone"
    png = chart.screenshot()
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is optional
        assert len(png) > 2000
    else:
        img = Image.open(io.BytesIO(png)).convert("RGB")
        assert img.width > 300 and img.height > 150
        assert len(img.getcolors(maxcolors=1 << 24) or ()) >= 8  # white, grid, axes, bar colours, the line
    assert page.locator("#trend-table tbody tr").count() >= 5


def test_dyad_table_click_filters_and_paging(page) -> None:  # type: ignore[no-untyped-def]
    rows = page.locator("#dyads tbody tr")
    pairs = rows.evaluate_all("rs => rs.map(r => r.dataset.actor + '>' + r.dataset.recipient)")
    assert "RUS>UKR" in pairs and "USA>RUS" in pairs
    rows.filter(has_text="RUS → UKR").first.click()
    expect(page.locator("#page-info")).to_contain_text("of 12")
    assert page.input_value("#f-actor") == "RUS" and page.input_value("#f-recipient") == "UKR"
    assert page.locator("#dyads tbody tr.selected").count() == 1
    assert set(page.locator("#events .dyad-codes").all_text_contents()) == {"RUS → UKR"}
    page.wait_for_selector("#chart svg.timeline")
    assert "RUS → UKR" in page.text_content("#chart-subject")

    # type filter
    page.select_option("#f-type", "ASSAULT")
    page.click("#btn-apply")
    expect(page.locator("#page-info")).to_contain_text("of 6")
    assert set(page.locator("#events .badge").all_text_contents()) == {"ASSAULT"}

    # reset, then page through all 24 events
    page.click("#btn-reset")
    expect(page.locator("#page-info")).to_contain_text("of 24")
    assert page.is_disabled("#prev") and not page.is_disabled("#next")
    first_page = page.locator("#events li.event").evaluate_all("els => els.map(e => e.dataset.eventId)")
    page.click("#next")
    expect(page.locator("#page-info")).to_have_text(re.compile(r"^Events 21–24"))
    second_page = page.locator("#events li.event").evaluate_all("els => els.map(e => e.dataset.eventId)")
    assert len(second_page) == 4 and not set(first_page) & set(second_page)
    assert page.is_disabled("#next") and not page.is_disabled("#prev")
    page.click("#prev")
    expect(page.locator("#page-info")).to_have_text(re.compile(r"^Events 1–20"))


def test_small_screen_layout(page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 800})
    page.fill("#f-actor", "RUS")
    page.press("#f-actor", "Enter")
    page.wait_for_selector("#chart svg.timeline")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    box = page.locator("#chart svg.timeline").bounding_box()
    assert box and 0 < box["width"] <= 390
    # every form control has a label
    unlabelled = page.evaluate("""Array.from(document.querySelectorAll('input, select'))
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)""")
    assert unlabelled == []


def test_spikes_are_marked(page) -> None:  # type: ignore[no-untyped-def]
    """A synthetic series (the API answer is replaced) with one spike: a marker with a tooltip."""
    def period(i: int, n: int, spike: bool) -> dict:
        return {"period": f"2024-01-{i + 1:02d}", "verbal_coop": 1, "material_coop": 0, "verbal_conflict": 0,
                "material_conflict": n, "total": n + 1, "goldstein_sum": -10.0 * n, "plover_score_sum": 0.0,
                "news_volume": 100, "per_1k": 10.0 * (n + 1), "conflict_index": (n - 1) / (n + 2),
                "spike_z": 9.5 if spike else (None if i < 4 else 0.3), "spike": spike}

    items = [period(i, 12 if i == 9 else 1, i == 9) for i in range(12)]
    body = json.dumps({"actor": "RUS", "vs": None, "freq": "day", "canonical": True, "both_directions": False,
                       "items": items})
    page.route("**/api/trends?*", lambda route: route.fulfill(status=200, content_type="application/json", body=body))
    page.fill("#f-actor", "RUS")
    page.select_option("#f-freq", "day")
    page.click("#btn-apply")
    marker = page.locator("#chart svg.timeline path.spike-marker")
    expect(marker).to_have_count(1)
    assert "2024-01-10: spike (13 events, robust z 9.5)" == marker.locator("title").text_content()
    assert marker.bounding_box()["height"] > 5
    assert "spikes in 2024-01-10" in page.locator("#chart svg desc").text_content()
    assert page.locator("#trend-table tbody tr").count() == 12
