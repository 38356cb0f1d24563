// The dashboard: hash routes (#/, #/events?..., #/event/ID, #/doc/ID?event=ID, #/follows),
// one filter bar shared by every view (the CLI's `diurna events` filters).
import { FILTERS, QUADS, QUAD_COLOURS, api, download, el, pick, query, showError } from "./api.js";
import { fillPeriods, legend, loadWorld, map, mapLegend, network, timeline } from "./charts.js";
import { renderArticle } from "./article.js";

const form = document.getElementById("filters");
const PAGE = 25;

function route() {
  const [path, qs] = location.hash.slice(1).split("?");
  const params = Object.fromEntries(new URLSearchParams(qs || ""));
  const parts = (path || "/").split("/").filter(Boolean);
  return { view: parts[0] || "overview", id: parts[1] ? decodeURIComponent(parts[1]) : null, params };
}

function go(view, params = {}, id = null) {
  location.hash = `#/${view === "overview" ? "" : view}${id ? "/" + encodeURIComponent(id) : ""}${query(params)}`;
}

function formParams() {
  const data = Object.fromEntries(new FormData(form));
  return pick(data, [...FILTERS, "interval"]);
}

function fillForm(params) {
  for (const name of [...FILTERS, "interval"]) form.elements[name].value = params[name] || (name === "interval" ? "month" : "");
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const { view } = route();
  go(["events", "follows"].includes(view) ? view : "overview", formParams());
});
document.getElementById("clear").addEventListener("click", () => { form.reset(); go(route().view === "events" ? "events" : "overview"); });
for (const b of document.querySelectorAll("#download button")) {
  b.addEventListener("click", () => download(`/api/export/events${query({ ...formParams(), interval: undefined, format: b.dataset.format })}`,
    `diurna-events.${b.dataset.format}`).catch((err) => showError(document.getElementById("status"), err)));
}

async function show() {
  const { view, id, params } = route();
  fillForm(params);
  for (const s of document.querySelectorAll(".view")) s.classList.toggle("active", s.id === `view-${view}`);
  for (const a of document.querySelectorAll("nav a[data-view]")) a.classList.toggle("active", a.dataset.view === view);
  const views = { overview, events, event: eventView, doc: docView, follows };
  await (views[view] || overview)(params, id);
}

// The store's publication range, asked once: the timeline's default span.
let published = null;
async function publicationRange() {
  if (published === null) published = (await api("/api/status")).published || {};
  return published;
}

function shiftDay(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function overview(params) {
  const f = pick(params);
  const interval = params.interval || "month", mode = params.colour === "goldstein" ? "goldstein" : "events";
  legend(document.getElementById("timeline-legend"));
  let data;
  try {
    const pub = await publicationRange();
    // Dates read from the text (1991, 2041) would stretch the axis until the news is a
    // sliver: the timeline spans the publication range unless the filters give dates,
    // and the events dated outside it are counted beside it.
    const span = { since: f.since || pub.first, until: f.until || pub.last };
    const outside = (extra) => api(`/api/events${query({ ...f, ...extra, limit: 1 })}`).then((r) => r.total);
    data = await Promise.all([
      api(`/api/aggregates/timeline${query({ ...f, ...span, interval })}`),
      api(`/api/aggregates/dyads${query({ ...f, top: 30 })}`),
      api(`/api/aggregates/places${query({ ...f, top: 500 })}`),
      api(`/api/aggregates/countries${query({ ...f, top: 300 })}`),
      loadWorld(),
      !f.since && pub.first ? outside({ until: shiftDay(pub.first, -1) }) : 0,
      !f.until && pub.last ? outside({ since: shiftDay(pub.last, 1) }) : 0,
      span,
    ]);
  } catch (err) { return showError(document.getElementById("timeline"), err); }
  const [tl, dy, pts, cs, world, before, after, span] = data;
  timeline(document.getElementById("timeline"), fillPeriods(tl, interval), (b) => go("events", { ...f, ...periodRange(b.period, interval) }));
  outsideNote(document.getElementById("timeline-outside"), f, span, before, after);
  network(document.getElementById("network"), dy, (d) => go("events", { ...f, dyad: d.key }));
  const max = map(document.getElementById("map"), pts, cs, world, mode, (p) => go("events", { ...f, q: (p.name || "").split(" ")[0], country: p.country }),
    (c) => go("events", { ...f, country: c.key }));
  mapLegend(document.getElementById("map-legend"), mode, max);
  const select = document.getElementById("map-mode");
  select.value = mode;
  select.onchange = () => go("overview", { ...params, colour: select.value });
  document.getElementById("map-note").textContent = `${cs.length} countries as source, target or place; ${pts.length} located places (dots).`
    + (world.length ? "" : " (No country borders shipped.)");
}

function outsideNote(box, f, span, before, after) {
  const link = (n, text, extra) => el("a", { href: `#/events${query({ ...f, ...extra })}` }, `${n} ${text}`);
  box.replaceChildren(
    el("div", { class: "range" }, "Shown: ", el("strong", {}, `${span.since || "?"} – ${span.until || "?"}`),
      f.since || f.until ? " (the filter's dates)" : " (the articles' publication dates)"),
    el("div", {}, "Dated outside it:"),
    el("div", { class: "count", dataset: { side: "before" } }, link(before, "earlier", { until: shiftDay(span.since || "1900-01-01", -1) })),
    el("div", { class: "count", dataset: { side: "after" } }, link(after, "later", { since: shiftDay(span.until || "2999-12-31", 1) })),
    el("div", { class: "note" }, "Often years named in the text (a past war, a 2030 target)."));
}

function periodRange(start, interval) {
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === "day") return { since: start, until: start };
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return { since: start, until: d.toISOString().slice(0, 10) };
}

async function events(params) {
  const offset = Number(params.offset || 0);
  const sort = params.sort || "day", order = params.order || "desc";
  const body = document.querySelector("#events-table tbody");
  let page;
  try {
    page = await api(`/api/events${query({ ...pick(params), limit: PAGE, offset, sort, order })}`);
  } catch (err) { return showError(body, err); }
  const f = pick(params);
  document.getElementById("events-title").textContent =
    `Events: ${page.total}` + (Object.keys(f).length ? ` matching ${Object.entries(f).map(([k, v]) => `${k}=${v}`).join(", ")}` : "");
  body.replaceChildren(...page.items.map((e) => el("tr", { class: "clickable", dataset: { id: e.id }, onclick: () => go("event", {}, e.id) },
    el("td", {}, e.day || ""), el("td", {}, el("span", { class: "quad", style: `background:${QUAD_COLOURS[e.quad_class] || "#999"}`, title: QUADS[e.quad_class] }), e.code),
    el("td", {}, e.label || ""), el("td", {}, `${e.source_name || "?"} → ${e.target_name || "?"}`),
    el("td", {}, e.location_name || ""), el("td", {}, e.goldstein ?? ""),
    el("td", { class: "confidence" }, e.confidence === null || e.confidence === undefined ? "" : e.confidence.toFixed(2)),
    el("td", {}, e.num_articles))));
  if (!page.items.length) body.replaceChildren(el("tr", {}, el("td", { colspan: 8, class: "empty" }, "No events match these filters.")));
  document.getElementById("page").textContent = page.total ? `${offset + 1}–${offset + page.items.length} of ${page.total}` : "";
  document.getElementById("prev").disabled = offset === 0;
  document.getElementById("next").disabled = offset + PAGE >= page.total;
  document.getElementById("prev").onclick = () => go("events", { ...params, offset: Math.max(0, offset - PAGE) });
  document.getElementById("next").onclick = () => go("events", { ...params, offset: offset + PAGE });
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    th.onclick = () => go("events", { ...params, offset: 0, sort: th.dataset.sort,
      order: sort === th.dataset.sort && order === "desc" ? "asc" : "desc" });
  }
}

async function eventView(params, id) {
  const box = document.getElementById("event-detail");
  let d;
  try { d = await api(`/api/events/${encodeURIComponent(id)}`); } catch (err) { return showError(box, err); }
  const e = d.event;
  const facts = [["Code", `${e.code} ${e.label || ""}`], ["QuadClass", `${e.quad_class} ${QUADS[e.quad_class] || ""}`],
    ["Goldstein", e.goldstein], ["Source", `${e.source_name || "?"} (${e.source_actor_code || e.source_country || "?"})`],
    ["Target", `${e.target_name || "?"} (${e.target_actor_code || e.target_country || "?"})`], ["Day", `${e.day || "?"} (${e.date_precision || "from publication"})`],
    ["Location", e.location_name ? `${e.location_name} ${e.location_country || ""}` : "?"], ["Modality", e.modality],
    ["Reported by", `${e.num_articles} articles, ${e.num_sources} sources, ${e.num_mentions} mentions`]];
  box.replaceChildren(
    el("h2", {}, `${e.source_name || "?"} → ${e.target_name || "?"}: ${e.label || e.code}`),
    el("dl", { class: "facts" }, facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v ?? "")])),
    el("h3", {}, `Evidence (${d.evidence.length})`),
    ...d.evidence.map((x) => el("div", { class: "evidence", dataset: { doc: x.evidence.doc_id } },
      el("div", {}, x.context.slice(0, x.start), el("mark", {}, x.context.slice(x.start, x.end)), x.context.slice(x.end)),
      el("div", { class: "note" }, el("a", { href: `#/doc/${encodeURIComponent(x.evidence.doc_id)}?event=${encodeURIComponent(e.id)}` },
        `Open the article: ${x.evidence.title || x.evidence.doc_id}`), ` · ${x.evidence.published || ""} · rule ${x.evidence.rule || "?"}`))));
}

async function docView(params, id) {
  const text = document.getElementById("doc-text"), side = document.getElementById("doc-side");
  let doc;
  try { doc = await api(`/api/documents/${encodeURIComponent(id)}`); } catch (err) { return showError(text, err); }
  renderArticle(doc, text, side, params.event || null, (eventId) => go("event", {}, eventId));
}

async function follows(params) {
  const body = document.querySelector("#follows-table tbody"), out = document.getElementById("follow-new");
  let rows;
  try { rows = await api("/api/follows"); } catch (err) { return showError(body, err); }
  body.replaceChildren(...rows.map((f) => el("tr", { dataset: { name: f.name } },
    el("td", {}, f.name), el("td", {}, Object.entries(f.filters).map(([k, v]) => `${k}=${v}`).join(", ")),
    el("td", { class: "new-count" }, f.new_events), el("td", {}, f.checked_at ? f.checked_at.slice(0, 19) : "never"),
    el("td", {}, el("button", { onclick: () => showNew(f.name, out) }, "Show new"), " ",
      el("button", { onclick: async () => { await api(`/api/follows/${encodeURIComponent(f.name)}/seen`, { method: "POST" }); follows(params); } }, "Mark seen"), " ",
      el("button", { onclick: async () => { await api(`/api/follows/${encodeURIComponent(f.name)}`, { method: "DELETE" }); follows(params); } }, "Remove")))));
  if (!rows.length) body.replaceChildren(el("tr", {}, el("td", { colspan: 5, class: "empty" }, "No followed topics yet: set filters above and follow them.")));
}

async function showNew(name, out) {
  const r = await api(`/api/follows/${encodeURIComponent(name)}/new`);
  out.replaceChildren(el("h3", {}, `New for ${name}: ${r.events.length}`), el("ul", {}, r.events.map((e) =>
    el("li", {}, el("a", { href: `#/event/${encodeURIComponent(e.id)}` }, `${e.day || "?"} ${e.source_name || "?"} → ${e.target_name || "?"}: ${e.label || e.code}`)))));
}

document.getElementById("follow-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const name = new FormData(e.target).get("name");
  try {
    await api("/api/follows", { method: "POST", json: { name, ...pick(formParams()) } });
    e.target.reset();
    await follows(route().params);
  } catch (err) { showError(document.getElementById("follow-new"), err); }
});

window.addEventListener("hashchange", show);
show();
