/* Sanderling dashboard: vanilla JavaScript, no dependencies, no network access beyond this server.
 *
 * Safety rule: text from the database (sentences, entity text, URLs, ids) only ever reaches the
 * page through text nodes or attribute values set with setAttribute; innerHTML is never used.
 */
"use strict";

(function () {
  const PAGE_SIZE = 20;
  const DYAD_LIMIT = 25;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const QUADS = [
    { key: "verbal_coop", quad: 1, label: "Verbal cooperation" },
    { key: "material_coop", quad: 2, label: "Material cooperation" },
    { key: "verbal_conflict", quad: 3, label: "Verbal conflict" },
    { key: "material_conflict", quad: 4, label: "Material conflict" },
  ];
  const FILTER_KEYS = ["actor", "recipient", "type", "since", "until", "freq", "count"];

  const state = {
    filters: {},
    offset: 0,
    total: 0,
    canonicalBuilt: false,
    canonicalStale: true,
    trend: null, // last /api/trends answer, redrawn on resize
    seq: { events: 0, dyads: 0, trends: 0 },
  };

  const $ = (id) => document.getElementById(id);

  // -- DOM helpers (text only, never HTML) -------------------------------------------------

  function append(node, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : String(v));
    }
    return append(node, children);
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    return append(node, children);
  }

  function tooltip(text) {
    return svg("title", {}, text);
  }

  /** The href for a source URL, or null unless it is a plain http(s) URL (no javascript: etc.). */
  function safeHref(url) {
    if (typeof url !== "string" || !url) return null;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? url : null;
    } catch (e) {
      return null;
    }
  }

  function fmt(x, digits) {
    return typeof x === "number" && isFinite(x) ? x.toFixed(digits) : "–";
  }

  // -- the API ---------------------------------------------------------------------------

  function apiUrl(path, params) {
    const u = new URL(path, document.baseURI);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") u.searchParams.set(k, String(v));
    }
    return u;
  }

  async function getJSON(path, params) {
    const r = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await r.json();
    } catch (e) {
      body = null;
    }
    if (!r.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : `HTTP ${r.status}`;
      throw new Error(detail);
    }
    return body;
  }

  function useCanonical() {
    return state.filters.count === "canonical" && state.canonicalBuilt;
  }

  function setMessage(text, isError) {
    const m = $("message");
    m.textContent = text || "";
    m.classList.toggle("error", Boolean(isError));
  }

  // -- filters and the address bar -------------------------------------------------------

  function readForm() {
    const f = new FormData($("filters"));
    const get = (k) => String(f.get(k) || "").trim();
    return {
      actor: get("actor").toUpperCase(),
      recipient: get("recipient").toUpperCase(),
      type: get("type"),
      since: get("since"),
      until: get("until"),
      freq: get("freq") || "week",
      count: get("count") || "canonical",
    };
  }

  function writeForm(filters) {
    const form = $("filters");
    for (const k of FILTER_KEYS) {
      const input = form.elements.namedItem(k);
      if (!input) continue;
      if (k === "freq") input.value = filters.freq || "week";
      else if (k === "count") {
        input.value = filters.count === "mentions" || (filters.count === "canonical" && state.canonicalBuilt)
          ? filters.count : defaultCount();
      }
      else input.value = filters[k] || "";
    }
  }

  function defaultCount() {
    return state.canonicalBuilt && !state.canonicalStale ? "canonical" : "mentions";
  }

  function filtersFromLocation() {
    const q = new URLSearchParams(window.location.search);
    const filters = {};
    for (const k of FILTER_KEYS) filters[k] = q.get(k) || "";
    const page = parseInt(q.get("offset") || "0", 10);
    return { filters, offset: Number.isFinite(page) && page > 0 ? page : 0 };
  }

  function pushLocation(replace) {
    const q = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = state.filters[k];
      if (!v || (k === "freq" && v === "week") || (k === "count" && v === defaultCount())) continue;
      q.set(k, v);
    }
    if (state.offset) q.set("offset", String(state.offset));
    const search = q.toString();
    const url = window.location.pathname + (search ? "?" + search : "");
    if (url === window.location.pathname + window.location.search) return;
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }

  function eventParams() {
    const f = state.filters;
    return { actor: f.actor, recipient: f.recipient, type: f.type, since: f.since, until: f.until };
  }

  function updateExportLinks() {
    $("csv-link").setAttribute("href", apiUrl("api/events.csv", eventParams()).href);
    $("jsonl-link").setAttribute("href", apiUrl("api/events.jsonl", eventParams()).href);
  }

  function apply(replace) {
    state.filters = readForm();
    if (state.filters.since && state.filters.until && state.filters.since > state.filters.until) {
      setMessage("“Since” is after “Until”.", true);
      return;
    }
    setMessage("");
    pushLocation(replace);
    updateExportLinks();
    loadEvents();
    loadDyads();
    loadTrends();
  }

  // -- health ----------------------------------------------------------------------------

  async function loadHealth() {
    const h = $("health");
    try {
      const health = await getJSON("api/health");
      const canon = health.canonical || {};
      state.canonicalBuilt = Boolean(canon.built);
      state.canonicalStale = canon.stale !== false;
      const c = health.counts || {};
      let canonText = "canonical events not built (counting mentions)";
      if (state.canonicalBuilt) canonText = state.canonicalStale ? "canonical events out of date" : "canonical events up to date";
      h.textContent = `${health.db || "database"} · ${c.documents ?? "?"} documents · ${c.events ?? "?"} events · ${canonText}`;
      h.classList.remove("bad");
    } catch (e) {
      h.textContent = `Cannot read the server status: ${e.message}`;
      h.classList.add("bad");
    }
    const canonicalOption = $("f-count").querySelector('option[value="canonical"]');
    canonicalOption.disabled = !state.canonicalBuilt;
  }

  // -- events ----------------------------------------------------------------------------

  /** The sentence as nodes, with actor, recipient and trigger spans in <mark> elements.
   *  Offsets in the record are document offsets in code points (Python); the sentence starts at
   *  text_start, so a span is [start - text_start, end - text_start) of the sentence's code points. */
  function highlightedSentence(ev) {
    const chars = Array.from(ev.text || "");
    const n = chars.length;
    const base = Number.isInteger(ev.text_start) ? ev.text_start : 0;
    const spans = [];
    const add = (start, end, role, label) => {
      if (!Number.isInteger(start) || !Number.isInteger(end)) return;
      const s = Math.max(0, start - base);
      const e = Math.min(n, end - base);
      if (s < e) spans.push({ s, e, role, label });
    };
    for (const a of ev.actor || []) add(a.start, a.end, "actor", `actor ${a.code || "(no code)"}${a.sector ? " " + a.sector : ""}`);
    for (const r of ev.recipient || []) {
      add(r.start, r.end, "recipient", `recipient ${r.code || "(no code)"}${r.sector ? " " + r.sector : ""}`);
    }
    add(ev.event_start, ev.event_end, "trigger", `trigger of ${ev.event || "the event"}`);

    const cuts = new Set([0, n]);
    for (const sp of spans) {
      cuts.add(sp.s);
      cuts.add(sp.e);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const p = el("p", { class: "sentence" });
    const order = { trigger: 0, actor: 1, recipient: 2 };
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const text = chars.slice(a, b).join("");
      const covering = spans.filter((sp) => sp.s <= a && sp.e >= b).sort((x, y) => order[x.role] - order[y.role]);
      if (!covering.length) {
        p.appendChild(document.createTextNode(text));
        continue;
      }
      const roles = Array.from(new Set(covering.map((sp) => sp.role)));
      const mark = el("mark", {
        class: "hl " + roles.map((r) => "hl-" + r).join(" "),
        "data-role": roles.join(" "),
        title: covering.map((sp) => sp.label).join("; "),
      }, text);
      p.appendChild(mark);
    }
    return p;
  }

  function codes(list) {
    const cs = Array.from(new Set((list || []).map((x) => x.code).filter(Boolean)));
    return cs.length ? cs.join(", ") : "—";
  }

  function renderEvent(ev) {
    const q = Number.isInteger(ev.quad_code) ? ev.quad_code : 0;
    const quadLabel = (QUADS.find((x) => x.quad === q) || {}).label || "";
    const head = el("div", { class: "event-head" },
      el("time", { class: "event-date", datetime: ev.date || null }, ev.date || "undated"),
      el("span", { class: `badge q${q}`, title: quadLabel }, ev.event || "?"),
      ev.mode ? el("span", { class: "mode" }, ev.mode) : null,
      el("span", { class: "dyad-codes" }, `${codes(ev.actor)} → ${codes(ev.recipient)}`),
      el("span", { class: "confidence" }, `confidence ${fmt(ev.confidence, 2)}`),
      typeof ev.goldstein === "number" ? el("span", { class: "confidence" }, `Goldstein ${fmt(ev.goldstein, 1)}`) : null,
    );
    const href = safeHref(ev.url);
    let source;
    if (href) {
      let host = href;
      try {
        host = new URL(href).hostname || href;
      } catch (e) { /* keep the URL */ }
      source = el("span", {}, "Source: ",
        el("a", { class: "source", href, target: "_blank", rel: "noopener noreferrer", title: href },
          host, el("span", { class: "visually-hidden" }, " (opens in a new tab)")));
    } else {
      source = el("span", {}, ev.url ? `Source: ${ev.url}` : "No source URL");
    }
    const foot = el("div", { class: "event-foot" }, source,
      el("span", {}, "Document ", el("span", { class: "doc-id" }, ev.doc_id || "?")));
    return el("li", { class: `event q${q}`, "data-event-id": ev.id || null }, head, highlightedSentence(ev), foot);
  }

  async function loadEvents() {
    const seq = ++state.seq.events;
    const list = $("events");
    list.setAttribute("aria-busy", "true");
    try {
      const data = await getJSON("api/events", { ...eventParams(), limit: PAGE_SIZE, offset: state.offset });
      if (seq !== state.seq.events) return;
      state.total = data.total || 0;
      const items = data.items || [];
      list.replaceChildren(...items.map(renderEvent));
      if (!items.length) list.replaceChildren(el("li", { class: "empty" }, "No events match these filters."));
      const first = items.length ? state.offset + 1 : 0;
      $("page-info").textContent = items.length
        ? `Events ${first}–${state.offset + items.length} of ${state.total}`
        : `0 of ${state.total}`;
      $("prev").disabled = state.offset <= 0;
      $("next").disabled = state.offset + items.length >= state.total;
    } catch (e) {
      if (seq !== state.seq.events) return;
      list.replaceChildren();
      $("page-info").textContent = "";
      setMessage(`Events: ${e.message}`, true);
    } finally {
      if (seq === state.seq.events) list.removeAttribute("aria-busy");
    }
  }

  function page(delta) {
    state.offset = Math.max(0, state.offset + delta * PAGE_SIZE);
    pushLocation(false);
    loadEvents().then(() => $("events-heading").scrollIntoView({ block: "nearest" }));
  }

  // -- dyads -----------------------------------------------------------------------------

  function indexCell(x) {
    const cls = typeof x === "number" ? (x > 0 ? "num idx-pos" : x < 0 ? "num idx-neg" : "num") : "num";
    return el("td", { class: cls }, fmt(x, 2));
  }

  function chooseDyad(actor, recipient) {
    const form = $("filters");
    form.elements.namedItem("actor").value = actor || "";
    form.elements.namedItem("recipient").value = recipient || "";
    state.offset = 0;
    apply(false);
  }

  async function loadDyads() {
    const seq = ++state.seq.dyads;
    const body = $("dyads").tBodies[0];
    const f = state.filters;
    try {
      const data = await getJSON("api/dyads", {
        actor: f.actor, type: f.type, since: f.since, until: f.until, limit: DYAD_LIMIT, canonical: useCanonical(),
      });
      if (seq !== state.seq.dyads) return;
      const rows = (data.items || []).map((d) => {
        const label = `${d.actor} → ${d.recipient}`;
        const selected = d.actor === f.actor && d.recipient === f.recipient;
        const button = el("button", { type: "button", class: "dyad-button", "aria-pressed": selected ? "true" : "false",
          "aria-label": `Show ${d.actor} to ${d.recipient}` }, label);
        const tr = el("tr", { class: selected ? "selected" : null, "data-actor": d.actor, "data-recipient": d.recipient },
          el("th", { scope: "row" }, button),
          el("td", { class: "num" }, d.total),
          el("td", { class: "num", title: `verbal ${d.verbal_coop ?? 0}, material ${d.material_coop ?? 0}` },
            (d.verbal_coop || 0) + (d.material_coop || 0)),
          el("td", { class: "num", title: `verbal ${d.verbal_conflict ?? 0}, material ${d.material_conflict ?? 0}` },
            (d.verbal_conflict || 0) + (d.material_conflict || 0)),
          indexCell(d.conflict_index),
          el("td", { title: d.date_first ? `first ${d.date_first}` : null }, d.date_last || "–"));
        tr.addEventListener("click", () => chooseDyad(d.actor, d.recipient));
        return tr;
      });
      if (!rows.length) {
        rows.push(el("tr", {}, el("td", { colspan: "6", class: "empty" }, "No actor → recipient pairs in this range.")));
      }
      body.replaceChildren(...rows);
    } catch (e) {
      if (seq !== state.seq.dyads) return;
      body.replaceChildren();
      setMessage(`Dyads: ${e.message}`, true);
    }
  }

  // -- the timeline chart ----------------------------------------------------------------

  /** Round tick values from 0 to at least ``max`` (at most ~5 steps of 1, 2 or 5 × 10^k). */
  function niceTicks(max) {
    const raw = Math.max(1, max) / 5;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    let step = mag;
    for (const m of [1, 2, 5, 10]) {
      step = m * mag;
      if (step >= raw) break;
    }
    step = Math.max(1, step);
    const ticks = [];
    for (let v = 0; v < max + step; v += step) {
      ticks.push(v);
      if (v >= max) break;
    }
    return ticks;
  }

  function periodLabel(period, freq) {
    if (!period) return "";
    return freq === "month" ? period.slice(0, 7) : period;
  }

  /** Draw the trend ``items`` into ``container`` as an SVG: stacked quad-class bars (left axis),
   *  the conflict index line (right axis, −1 … +1) and spike markers. Tooltips are <title>s. */
  function drawTimeline(container, items, freq, subject) {
    container.replaceChildren();
    if (!items.length || items.every((it) => !it.total)) {
      container.appendChild(el("p", { class: "empty" }, `No events for ${subject} in this range.`));
      return;
    }
    const W = Math.max(320, Math.round(container.clientWidth || 800));
    const H = W < 560 ? 240 : 300;
    const m = { top: 30, right: 46, bottom: 38, left: 44 }; // room above the plot for spike markers
    const pw = W - m.left - m.right;
    const ph = H - m.top - m.bottom;
    const n = items.length;
    const band = pw / n;
    const barW = Math.max(1, Math.min(48, band * 0.72));
    const ticks = niceTicks(Math.max(...items.map((it) => it.total || 0)));
    const yMax = ticks[ticks.length - 1] || 1;
    const y = (v) => m.top + ph - (v / yMax) * ph;
    const yi = (v) => m.top + ((1 - v) / 2) * ph;
    const xc = (i) => m.left + band * (i + 0.5);
    const r1 = (v) => Math.round(v * 10) / 10;

    const totalEvents = items.reduce((s, it) => s + (it.total || 0), 0);
    const spikes = items.filter((it) => it.spike);
    const root = svg("svg", {
      viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-labelledby": "chart-title chart-desc",
      class: "timeline",
    });
    root.appendChild(svg("title", { id: "chart-title" }, `Conflict–cooperation timeline of ${subject}`));
    root.appendChild(svg("desc", { id: "chart-desc" },
      `${n} periods from ${items[0].period} to ${items[n - 1].period}, ${totalEvents} events` +
      (spikes.length ? `, spikes in ${spikes.map((s) => s.period).join(", ")}` : ", no spikes") + "."));

    // grid and axes
    const grid = svg("g", { class: "grid" });
    const left = svg("g", { class: "axis axis-left" });
    for (const t of ticks) {
      grid.appendChild(svg("line", { x1: m.left, x2: m.left + pw, y1: r1(y(t)), y2: r1(y(t)) }));
      left.appendChild(svg("text", { x: m.left - 6, y: r1(y(t)) + 4, "text-anchor": "end" }, String(t)));
    }
    left.appendChild(svg("line", { x1: m.left, x2: m.left, y1: m.top, y2: m.top + ph }));
    left.appendChild(svg("text", { x: 12, y: m.top + ph / 2, "text-anchor": "middle",
      transform: `rotate(-90 12 ${m.top + ph / 2})` }, "events"));
    const right = svg("g", { class: "axis axis-right" });
    for (const v of [-1, -0.5, 0, 0.5, 1]) {
      right.appendChild(svg("text", { x: m.left + pw + 6, y: r1(yi(v)) + 4, "text-anchor": "start" },
        v > 0 ? `+${v}` : String(v)));
    }
    right.appendChild(svg("line", { x1: m.left + pw, x2: m.left + pw, y1: m.top, y2: m.top + ph }));
    right.appendChild(svg("text", { x: W - 8, y: m.top + ph / 2, "text-anchor": "middle",
      transform: `rotate(90 ${W - 8} ${m.top + ph / 2})` }, "index"));
    const bottom = svg("g", { class: "axis axis-bottom" });
    bottom.appendChild(svg("line", { x1: m.left, x2: m.left + pw, y1: m.top + ph, y2: m.top + ph }));
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(pw / 78))));
    items.forEach((it, i) => {
      if (i % every) return;
      bottom.appendChild(svg("line", { x1: r1(xc(i)), x2: r1(xc(i)), y1: m.top + ph, y2: m.top + ph + 4 }));
      bottom.appendChild(svg("text", { x: r1(xc(i)), y: m.top + ph + 17, "text-anchor": "middle" },
        periodLabel(it.period, freq)));
    });
    root.append(grid, left, right, bottom);
    root.appendChild(svg("line", { class: "zero-line", x1: m.left, x2: m.left + pw, y1: r1(yi(0)), y2: r1(yi(0)) }));

    // bars: one group per period, a transparent hit area with the period's summary
    const bars = svg("g", { class: "bars" });
    items.forEach((it, i) => {
      const g = svg("g", { class: "period", "data-period": it.period });
      const summary = `${periodLabel(it.period, freq)}: ${it.total} events — ` +
        QUADS.map((q) => `${q.label.toLowerCase()} ${it[q.key] || 0}`).join(", ") +
        `; index ${fmt(it.conflict_index, 2)}` + (it.spike_z !== null && it.spike_z !== undefined ? `; spike z ${fmt(it.spike_z, 1)}` : "");
      g.appendChild(svg("rect", { class: "period-hit", x: r1(m.left + band * i), y: m.top, width: r1(band), height: ph },
        tooltip(summary)));
      let acc = 0;
      for (const q of QUADS) {
        const v = it[q.key] || 0;
        if (!v) continue;
        const top = y(acc + v);
        g.appendChild(svg("rect", {
          class: `bar q${q.quad}`, x: r1(xc(i) - barW / 2), y: r1(top), width: r1(barW), height: r1(y(acc) - top),
        }, tooltip(`${periodLabel(it.period, freq)} — ${q.label}: ${v}`)));
        acc += v;
      }
      bars.appendChild(g);
    });
    root.appendChild(bars);

    // the conflict index line and its points
    const d = items.map((it, i) => `${i ? "L" : "M"}${r1(xc(i))},${r1(yi(it.conflict_index || 0))}`).join(" ");
    root.appendChild(svg("path", { class: "index-line", d: n > 1 ? d : `M${r1(xc(0) - band / 4)},${r1(yi(items[0].conflict_index || 0))} h${r1(band / 2)}` }));
    if (n <= 120) {
      const pts = svg("g", { class: "index-points" });
      items.forEach((it, i) => {
        pts.appendChild(svg("circle", { class: "index-point", cx: r1(xc(i)), cy: r1(yi(it.conflict_index || 0)), r: 3 },
          tooltip(`${periodLabel(it.period, freq)}: conflict index ${fmt(it.conflict_index, 2)}`)));
      });
      root.appendChild(pts);
    }

    // spikes: a downward triangle above the bar
    const marks = svg("g", { class: "spikes" });
    items.forEach((it, i) => {
      if (!it.spike) return;
      const top = y(it.total || 0) - 5;
      const s = 6;
      marks.appendChild(svg("path", {
        class: "spike-marker", d: `M${r1(xc(i) - s)},${r1(top - 2 * s)} L${r1(xc(i) + s)},${r1(top - 2 * s)} L${r1(xc(i))},${r1(top)} Z`,
      }, tooltip(`${periodLabel(it.period, freq)}: spike (${it.total} events, robust z ${fmt(it.spike_z, 1)})`)));
    });
    root.appendChild(marks);
    container.appendChild(root);
  }

  function renderTrendTable(items, freq) {
    const table = $("trend-table");
    const head = el("tr", {}, el("th", { scope: "col" }, "Period"),
      ...QUADS.map((q) => el("th", { scope: "col", class: "num" }, q.label)),
      el("th", { scope: "col", class: "num" }, "Total"), el("th", { scope: "col", class: "num" }, "Index"),
      el("th", { scope: "col", class: "num" }, "Per 1,000 docs"), el("th", { scope: "col", class: "num" }, "Spike z"),
      el("th", { scope: "col" }, "Spike"));
    const rows = items.map((it) => el("tr", {}, el("th", { scope: "row" }, periodLabel(it.period, freq)),
      ...QUADS.map((q) => el("td", { class: "num" }, it[q.key] ?? 0)),
      el("td", { class: "num" }, it.total ?? 0), indexCell(it.conflict_index),
      el("td", { class: "num" }, fmt(it.per_1k, 1)), el("td", { class: "num" }, fmt(it.spike_z, 1)),
      el("td", {}, it.spike ? "yes" : "")));
    table.replaceChildren(el("thead", {}, head), el("tbody", {}, ...rows));
  }

  function redrawTrend() {
    const t = state.trend;
    if (t) drawTimeline($("chart"), t.items || [], t.freq, t.subject);
  }

  async function loadTrends() {
    const seq = ++state.seq.trends;
    const f = state.filters;
    const chart = $("chart");
    const subjectEl = $("chart-subject");
    state.trend = null;
    if (!f.actor) {
      subjectEl.textContent = "";
      chart.replaceChildren(el("p", { class: "empty" }, "Enter an actor code and press Apply to draw its timeline."));
      $("trend-table").replaceChildren();
      return;
    }
    const subject = f.recipient ? `${f.actor} → ${f.recipient}` : `${f.actor} → anyone`;
    const counting = useCanonical() ? "canonical events" : "mentions";
    subjectEl.textContent = `${subject} · per ${f.freq} · ${counting}${f.type ? " · all event types" : ""}`;
    try {
      const data = await getJSON("api/trends", {
        actor: f.actor, vs: f.recipient, freq: f.freq, since: f.since, until: f.until, canonical: useCanonical(),
      });
      if (seq !== state.seq.trends) return;
      state.trend = { items: data.items || [], freq: data.freq || f.freq, subject };
      redrawTrend();
      renderTrendTable(state.trend.items, state.trend.freq);
    } catch (e) {
      if (seq !== state.seq.trends) return;
      chart.replaceChildren(el("p", { class: "empty" }, `No timeline: ${e.message}`));
      $("trend-table").replaceChildren();
    }
  }

  // -- wiring ----------------------------------------------------------------------------

  async function init() {
    await loadHealth();
    const fromUrl = filtersFromLocation();
    writeForm(fromUrl.filters);
    state.offset = fromUrl.offset;
    apply(true);

    $("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      state.offset = 0;
      apply(false);
    });
    $("btn-reset").addEventListener("click", () => {
      $("filters").reset();
      writeForm({});
      state.offset = 0;
      apply(false);
    });
    $("prev").addEventListener("click", () => page(-1));
    $("next").addEventListener("click", () => page(1));
    window.addEventListener("popstate", () => {
      const s = filtersFromLocation();
      writeForm(s.filters);
      state.offset = s.offset;
      apply(true);
    });
    let lastWidth = $("chart").clientWidth;
    let pending = false;
    const onResize = () => {
      const w = $("chart").clientWidth;
      if (pending || w === lastWidth) return;
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        lastWidth = $("chart").clientWidth;
        redrawTrend();
      });
    };
    if (window.ResizeObserver) new ResizeObserver(onResize).observe($("chart"));
    else window.addEventListener("resize", onResize);
    document.body.setAttribute("data-ready", "true");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
