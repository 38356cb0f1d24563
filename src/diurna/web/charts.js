// SVG charts drawn with plain DOM calls: the timeline (stacked QuadClass bars and a mean
// Goldstein line), the dyad network (countries on a circle, arrows by volume and tone)
// and the map (equirectangular; country outlines when world geometry is shipped).
import { QUADS, QUAD_COLOURS, el, goldsteinColour, svg } from "./api.js";

// Periods with no events still take their place on the axis, so gaps in time show as gaps.
export function fillPeriods(buckets, interval, cap = 2000) {
  if (buckets.length < 2) return buckets;
  const byPeriod = new Map(buckets.map((b) => [b.period, b]));
  const out = [], d = new Date(`${buckets[0].period}T00:00:00Z`), last = buckets.at(-1).period;
  while (out.length <= cap) {
    const p = d.toISOString().slice(0, 10);
    out.push(byPeriod.get(p) || { period: p, events: 0, quad1: 0, quad2: 0, quad3: 0, quad4: 0, goldstein: null });
    if (p >= last) return out;
    if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  }
  return buckets;  // too long a span to draw every period: keep the ones with events
}

export function timeline(container, buckets, onPick) {
  if (!buckets.length) return container.replaceChildren(el("p", { class: "empty" }, "No dated events match."));
  const W = 900, H = 260, L = 40, R = 40, T = 10, B = 40;
  const max = Math.max(...buckets.map((b) => b.events));
  const step = (W - L - R) / buckets.length, bw = Math.max(2, step * 0.7);
  const y = (n) => H - B - (n / max) * (H - T - B);
  const gy = (g) => T + ((10 - g) / 20) * (H - T - B);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "event timeline" });
  root.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: "#999" }));
  for (const n of [0, Math.round(max / 2), max]) {
    root.append(svg("text", { x: L - 6, y: y(n) + 4, "text-anchor": "end", "font-size": 11, fill: "#667" }, n));
  }
  for (const g of [10, 0, -10]) {
    root.append(svg("text", { x: W - R + 6, y: gy(g) + 4, "font-size": 11, fill: "#333" }, g > 0 ? `+${g}` : g));
  }
  root.append(svg("line", { x1: L, x2: W - R, y1: gy(0), y2: gy(0), stroke: "#ccc", "stroke-dasharray": "3 3" }));
  const labelEvery = Math.ceil(buckets.length / 12);
  buckets.forEach((b, i) => {
    const x = L + i * step + (step - bw) / 2;
    if (i % labelEvery === 0) {
      root.append(svg("text", { x: x + bw / 2, y: H - B + 14, "text-anchor": "middle", "font-size": 10, fill: "#667" }, b.period));
    }
    if (!b.events) return;
    let base = 0;
    const g = svg("g", { class: "bar", "data-period": b.period, style: "cursor:pointer", onclick: () => onPick(b) });
    for (const q of [1, 2, 3, 4]) {
      const n = b[`quad${q}`];
      if (!n) continue;
      g.append(svg("rect", { x, width: bw, y: y(base + n), height: y(base) - y(base + n), fill: QUAD_COLOURS[q] },
        svg("title", {}, `${b.period}: ${n} ${QUADS[q]}`)));
      base += n;
    }
    g.append(svg("title", {}, `${b.period}: ${b.events} events, mean Goldstein ${b.goldstein ?? "n/a"}`));
    root.append(g);
  });
  const pts = buckets.map((b, i) => (b.goldstein === null ? null : [L + i * step + step / 2, gy(b.goldstein)])).filter(Boolean);
  if (pts.length) {
    root.append(svg("polyline", { points: pts.map((p) => p.join(",")).join(" "), fill: "none", stroke: "#222", "stroke-width": 2, class: "goldstein" }));
    for (const [x, yy] of pts) root.append(svg("circle", { cx: x, cy: yy, r: 3, fill: "#222" }));
  }
  container.replaceChildren(root);
}

export function legend(container) {
  container.replaceChildren(
    ...[1, 2, 3, 4].map((q) => el("span", {}, el("i", { style: `background:${QUAD_COLOURS[q]}` }), `${q} ${QUADS[q]}`)),
    el("span", {}, el("i", { style: "background:#222;height:2px" }), "mean Goldstein (right axis, -10..+10)"));
}

export function network(container, dyads, onPick) {
  const edges = dyads.filter((d) => d.key);
  if (!edges.length) return container.replaceChildren(el("p", { class: "empty" }, "No events between two known countries."));
  const W = 440, H = 360, cx = W / 2, cy = H / 2, r = Math.min(W, H) / 2 - 40;
  const weight = new Map();
  for (const d of edges) for (const c of d.key.split("-")) weight.set(c, (weight.get(c) || 0) + d.events);
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || a.localeCompare(b));
  const pos = new Map(nodes.map((c, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [c, [cx + r * Math.cos(a), cy + r * Math.sin(a)]];
  }));
  const maxE = Math.max(...edges.map((d) => d.events));
  const maxW = Math.max(...weight.values()), radius = (w) => 13 + 9 * Math.sqrt(w / maxW);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "dyad network" },
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555" }))));
  for (const d of edges) {
    const [a, b] = d.key.split("-");
    const [x1, y1] = pos.get(a), [x2, y2] = pos.get(b);
    const bend = a === b ? null : 0.15;
    const mx = (x1 + x2) / 2 + (bend ? (y2 - y1) * bend : 0), my = (y1 + y2) / 2 - (bend ? (x2 - x1) * bend : 0);
    // End at the target's rim, along the curve's last direction (control point -> target).
    const rb = radius(weight.get(b)) + 2, len = Math.hypot(x2 - mx, y2 - my) || 1;
    const ex = x2 - ((x2 - mx) / len) * rb, ey = y2 - ((y2 - my) / len) * rb;
    const path = a === b ? `M ${x1} ${y1 - 14} c -30 -40 30 -40 4 -2` : `M ${x1} ${y1} Q ${mx} ${my} ${ex} ${ey}`;
    root.append(svg("path", { d: path, fill: "none", stroke: goldsteinColour(d.goldstein), "stroke-width": 1 + (6 * d.events) / maxE,
      "marker-end": "url(#arrow)", class: "edge", "data-dyad": d.key, style: "cursor:pointer", onclick: () => onPick(d) },
      svg("title", {}, `${d.key}: ${d.events} events, mean Goldstein ${d.goldstein}`)));
  }
  for (const c of nodes) {
    const [x, y] = pos.get(c);
    root.append(svg("circle", { cx: x, cy: y, r: radius(weight.get(c)), fill: "#fff", stroke: "#1d2330", "stroke-width": 1.5 }));
    root.append(svg("text", { x, y: y + 4, "text-anchor": "middle", "font-size": 10, "font-weight": 600, "pointer-events": "none" }, c));
  }
  container.replaceChildren(root);
}

// The world outline: Natural Earth 1:110m land, shipped as TopoJSON (web/land-110m.json,
// from the npm package world-atlas; see LICENSE-world-atlas.txt), decoded here into rings
// of [lon, lat]. Without it the map still places events on a latitude/longitude grid.
let worldRings = null;
export async function loadWorld() {
  if (worldRings !== null) return worldRings;
  try {
    const resp = await fetch("/static/land-110m.json");
    worldRings = resp.ok ? topoRings(await resp.json(), "land") : [];
  } catch { worldRings = []; }
  return worldRings;
}

function topoRings(topo, name) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (ids) => ids.flatMap((i, k) => {
    const pts = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    return k ? pts.slice(1) : pts;
  });
  const out = [];
  for (const g of topo.objects[name].geometries) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    for (const poly of polys) for (const r of poly) out.push(ring(r));
  }
  return out;
}

export function map(container, points, rings, onPick) {
  // Equirectangular, framed on the events (at least 90 x 45 degrees), the whole world without any.
  const W = 720, H = 360;
  let [lon0, lon1, lat0, lat1] = [-180, 180, -90, 90];
  if (points.length) {
    const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
    const cx = (Math.min(...lons) + Math.max(...lons)) / 2, cy = (Math.min(...lats) + Math.max(...lats)) / 2;
    const span = Math.min(360, Math.max(90, (Math.max(...lons) - Math.min(...lons)) * 1.3, (Math.max(...lats) - Math.min(...lats)) * 2.6));
    [lon0, lon1, lat0, lat1] = [cx - span / 2, cx + span / 2, cy - span / 4, cy + span / 4];
  }
  const x = (lon) => ((lon - lon0) / (lon1 - lon0)) * W, y = (lat) => ((lat1 - lat) / (lat1 - lat0)) * H;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event locations" },
    svg("rect", { width: W, height: H, fill: "#eef4fa" }));
  for (let lon = -180; lon <= 180; lon += 15) root.append(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: H, stroke: "#d5e0ea" }));
  for (let lat = -90; lat <= 90; lat += 15) root.append(svg("line", { x1: 0, x2: W, y1: y(lat), y2: y(lat), stroke: "#d5e0ea" }));
  if (rings.length) {
    const d = rings.map((ring) => "M" + ring.map(([lo, la]) => `${x(lo).toFixed(1)},${y(la).toFixed(1)}`).join("L") + "Z").join("");
    root.append(svg("path", { d, fill: "#fdfdfb", stroke: "#b8c2cc", "stroke-width": 0.5 }));
  }
  const max = Math.max(1, ...points.map((p) => p.events));
  for (const p of points) {
    root.append(svg("circle", { cx: x(p.lon), cy: y(p.lat), r: 3 + 9 * Math.sqrt(p.events / max), fill: goldsteinColour(p.goldstein),
      "fill-opacity": 0.75, stroke: "#333", "stroke-width": 0.5, class: "place", style: "cursor:pointer", onclick: () => onPick(p) },
      svg("title", {}, `${p.name || "?"} (${p.country || "?"}): ${p.events} events`)));
  }
  container.replaceChildren(root);
}
