// The article view: the cleaned text with every extracted span highlighted. Spans may
// overlap (a name inside an event's sentence), so the text is cut at every span edge and
// each piece carries all spans covering it; clicking a piece lists them, and clicking an
// event in the side list jumps to (and flashes) its evidence in the text.
import { el, safeUrl } from "./api.js";

const ORDER = ["event", "quote", "entity", "place", "time", "amount"];

export function renderArticle(doc, textBox, side, focusEvent, openEvent) {
  const cuts = new Set([0, doc.text.length]);
  for (const s of doc.spans) { cuts.add(s.start); cuts.add(s.end); }
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i], edges[i + 1]];
    const covering = doc.spans.map((s, n) => [s, n]).filter(([s]) => s.start <= a && s.end >= b);
    const piece = doc.text.slice(a, b);
    if (!covering.length) { pieces.push(piece); continue; }
    const kinds = [...new Set(covering.map(([s]) => s.kind))].sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y));
    const events = covering.filter(([s]) => s.kind === "event").map(([s]) => s.ref);
    pieces.push(el("span", { class: ["hl", ...kinds.map((k) => `hl-${k}`)].join(" "), dataset: { spans: covering.map(([, n]) => n).join(" "), events: events.join(" ") },
      title: covering.map(([s]) => `${s.kind}: ${s.label || s.text}`).join("\n"),
      onclick: () => select(side, doc, covering.map(([s]) => s), openEvent) }, piece));
  }
  textBox.replaceChildren(
    el("h2", { class: "doc-title" }, doc.title || doc.id),
    el("p", { class: "note" }, [doc.published, doc.publisher, doc.agency, doc.dateline].filter(Boolean).join(" · "),
      safeUrl(doc.url) ? [" · ", el("a", { href: safeUrl(doc.url), rel: "noopener noreferrer", target: "_blank" }, "source")] : null),
    el("p", { class: "legend" }, ORDER.map((k) => el("span", { class: `kind kind-${k}` }, k))),
    el("div", { class: "text" }, pieces));
  sideList(side, doc, textBox, openEvent);
  if (focusEvent) jumpTo(textBox, focusEvent);
}

function sideList(side, doc, textBox, openEvent) {
  const byKind = (k) => doc.spans.filter((s) => s.kind === k);
  const seen = new Set();
  const events = byKind("event").filter((s) => !seen.has(s.ref) && seen.add(s.ref));
  side.replaceChildren(
    el("div", { id: "selection" }),
    el("h3", {}, `Events (${events.length})`),
    el("ul", { class: "events" }, events.map((s) => el("li", {},
      el("a", { href: "#", class: "jump", dataset: { event: s.ref }, onclick: (e) => { e.preventDefault(); jumpTo(textBox, s.ref); } }, s.label || s.detail),
      el("div", { class: "note" }, s.detail, " · ", el("a", { href: "#", onclick: (e) => { e.preventDefault(); openEvent(s.ref); } }, "event page"))))),
    el("h3", {}, `Quotes (${byKind("quote").length})`),
    el("ul", {}, byKind("quote").map((s) => el("li", {}, `${s.label || "?"} (${s.detail}): “${s.text}”`))),
    el("h3", {}, "Entities"),
    el("ul", {}, [...new Map(byKind("entity").map((s) => [s.ref, s])).values()].map((s) => el("li", {}, `${s.text} · ${s.label} · ${s.detail || ""}`))),
    el("h3", {}, "Times"),
    el("ul", {}, byKind("time").map((s) => el("li", {}, `${s.text} → ${s.label} (${s.detail})`))));
}

function jumpTo(textBox, eventId) {
  const marks = [...textBox.querySelectorAll(".hl-event")].filter((n) => n.dataset.events.split(" ").includes(eventId));
  for (const n of textBox.querySelectorAll(".flash")) n.classList.remove("flash");
  for (const n of marks) n.classList.add("flash");
  if (marks.length) marks[0].scrollIntoView({ block: "center", behavior: "instant" });
}

function select(side, doc, spans, openEvent) {
  const box = side.querySelector("#selection");
  box.replaceChildren(el("h3", {}, "Selected"), el("ul", {}, spans.map((s) => el("li", { class: "selected" },
    el("span", { class: `kind kind-${s.kind}` }, s.kind), `${s.text}`, el("div", { class: "note" }, [s.label, s.detail, s.rule].filter(Boolean).join(" · ")),
    s.kind === "event" && s.ref ? el("a", { href: "#", onclick: (e) => { e.preventDefault(); openEvent(s.ref); } }, "open the event and all its evidence") : null))));
}
