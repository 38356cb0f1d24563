// SVG charts drawn with plain DOM calls: the timeline (stacked QuadClass bars and a mean
// Goldstein line), the dyad network (a force-directed layout: arrows by volume and tone,
// self-loops, counts on the edges) and the map (equirectangular country borders coloured
// by events or mean Goldstein, with a legend, and located places on top).
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

// Runs of consecutive periods that have a mean Goldstein: the line is drawn within a run
// only, so it never crosses a period without events.
export function goldsteinRuns(buckets) {
  const runs = [];
  let run = [];
  buckets.forEach((b, i) => {
    if (b.goldstein === null || b.goldstein === undefined) { if (run.length) runs.push(run); run = []; }
    else run.push([i, b.goldstein]);
  });
  if (run.length) runs.push(run);
  return runs;
}

export function timeline(container, buckets, onPick) {
  if (!buckets.length) return container.replaceChildren(el("p", { class: "empty" }, "No dated events match."));
  const W = 900, H = 260, L = 40, R = 40, T = 10, B = 40;
  const max = Math.max(1, ...buckets.map((b) => b.events));
  const step = (W - L - R) / buckets.length, bw = Math.max(2, step * 0.7);
  const y = (n) => H - B - (n / max) * (H - T - B);
  const gy = (g) => T + ((10 - g) / 20) * (H - T - B);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "event timeline" });
  root.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: "#999" }));
  for (const n of [...new Set([0, Math.round(max / 2), max])]) {
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
  const cx = (i) => L + i * step + step / 2;
  for (const run of goldsteinRuns(buckets)) {
    if (run.length > 1) {
      root.append(svg("polyline", { points: run.map(([i, g]) => `${cx(i)},${gy(g)}`).join(" "), fill: "none", stroke: "#222",
        "stroke-width": 1.5, "stroke-opacity": 0.8, class: "goldstein" }));
    }
    // A mean over one or two events swings widely: its point is small, a busy period's large.
    for (const [i, g] of run) {
      root.append(svg("circle", { cx: cx(i), cy: gy(g), r: 1.8 + 2.4 * Math.sqrt(buckets[i].events / max), fill: "#222",
        class: "goldstein-point" }, svg("title", {}, `${buckets[i].period}: mean Goldstein ${g} over ${buckets[i].events} events`)));
    }
  }
  container.replaceChildren(root);
}

export function legend(container) {
  container.replaceChildren(
    ...[1, 2, 3, 4].map((q) => el("span", {}, el("i", { style: `background:${QUAD_COLOURS[q]}` }), `${q} ${QUADS[q]}`)),
    el("span", {}, el("i", { style: "background:#222;height:2px" }), "mean Goldstein (right axis, -10..+10; no line across periods without events)"));
}

// --------------------------------------------------------------------------- network

// A deterministic force layout (Fruchterman-Reingold with gravity and collisions): nodes
// start on a circle (busiest first), repel each other, edges pull their ends together, a
// pull towards the centre keeps separate groups of countries from drifting to the corners,
// and overlapping circles are pushed apart. Same input, same picture.
export function forceLayout(nodes, links, W, H, margin, radii, iterations = 500) {
  const n = nodes.length;
  if (n < 2) return n ? [[W / 2, H / 2]] : [];
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    return [W / 2 + (Math.min(W, H) / 3) * Math.cos(a), H / 2 + (Math.min(W, H) / 3) * Math.sin(a)];
  });
  const index = new Map(nodes.map((c, i) => [c, i]));
  const k = Math.sqrt(((W - 2 * margin) * (H - 2 * margin)) / n);
  const springs = links.filter((l) => l.a !== l.b).map((l) => [index.get(l.a), index.get(l.b)]);
  for (let it = 0; it < iterations; it++) {
    const t = k * 0.2 * (1 - it / iterations) + 0.3;   // cooling: the largest step allowed
    const disp = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
      let d = Math.hypot(dx, dy);
      if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
      const f = (k * k) / d;
      disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
      disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
    }
    for (const [i, j] of springs) {
      const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1], d = Math.hypot(dx, dy) || 0.01;
      const f = (d * d) / k;
      disp[i][0] -= (dx / d) * f; disp[i][1] -= (dy / d) * f;
      disp[j][0] += (dx / d) * f; disp[j][1] += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i][0] += (W / 2 - pos[i][0]) * 0.6; disp[i][1] += (H / 2 - pos[i][1]) * 0.6;  // gravity
      const d = Math.hypot(...disp[i]) || 1, step = Math.min(d, t);
      pos[i][0] = Math.min(W - margin, Math.max(margin, pos[i][0] + (disp[i][0] / d) * step));
      pos[i][1] = Math.min(H - margin, Math.max(margin, pos[i][1] + (disp[i][1] / d) * step));
    }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {  // no two circles overlap
      const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1], d = Math.hypot(dx, dy) || 0.01;
      const need = radii[i] + radii[j] + 18;
      if (d >= need) continue;
      const push = (need - d) / 2;
      for (const [m, sign] of [[i, 1], [j, -1]]) {
        pos[m][0] = Math.min(W - margin, Math.max(margin, pos[m][0] + sign * (dx / d) * push));
        pos[m][1] = Math.min(H - margin, Math.max(margin, pos[m][1] + sign * (dy / d) * push));
      }
    }
  }
  return pos;
}

// Of eight directions, the one whose loop tip is farthest from every other node and
// stays inside the picture.
function loopAngle([x, y], r, loop, others, W, H) {
  let best = -Math.PI / 2, bestScore = -Infinity;
  for (let i = 0; i < 8; i++) {
    const th = -Math.PI / 2 + (i * Math.PI) / 4;
    const tx = x + (r + 2 * loop) * Math.cos(th), ty = y + (r + 2 * loop) * Math.sin(th);
    const room = Math.min(tx - 8, W - 8 - tx, ty - 8, H - 8 - ty);
    const clear = Math.min(Infinity, ...others.map(([ox, oy, or]) => Math.hypot(tx - ox, ty - oy) - or));
    const score = Math.min(clear, room < 0 ? room * 4 : Infinity) - i * 0.01;  // ties: upwards first
    if (score > bestScore) [best, bestScore] = [th, score];
  }
  return best;
}

export function network(container, dyads, onPick) {
  const edges = dyads.filter((d) => d.key);
  if (!edges.length) return container.replaceChildren(el("p", { class: "empty" }, "No events between two known countries."));
  const W = 520, H = 420, LOOP = 26;
  const weight = new Map();
  for (const d of edges) for (const c of new Set(d.key.split("-"))) weight.set(c, (weight.get(c) || 0) + d.events);
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || a.localeCompare(b));
  const maxW = Math.max(...weight.values()), radius = (w) => 12 + 10 * Math.sqrt(w / maxW);
  // The margin keeps the biggest node and a self-loop above it inside the picture.
  const margin = radius(maxW) + LOOP + 14;
  const xy = forceLayout(nodes, edges.map((d) => { const [a, b] = d.key.split("-"); return { a, b }; }), W, H, margin,
    nodes.map((c) => radius(weight.get(c))));
  const pos = new Map(nodes.map((c, i) => [c, xy[i]]));
  const maxE = Math.max(...edges.map((d) => d.events));
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "dyad network" },
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: "userSpaceOnUse", orient: "auto" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555" }))));
  const labels = [];
  for (const d of edges) {
    const [a, b] = d.key.split("-");
    const [x1, y1] = pos.get(a), [x2, y2] = pos.get(b);
    const ra = radius(weight.get(a)), rb = radius(weight.get(b)) + 2;
    let path, lx, ly;
    if (a === b) {
      // A loop on the node's emptiest side (away from the other nodes and the edges of the picture).
      const th = loopAngle([x1, y1], ra, LOOP, nodes.filter((c) => c !== a).map((c) => [...pos.get(c), radius(weight.get(c))]), W, H);
      const at = (r, da) => [x1 + r * Math.cos(th + da), y1 + r * Math.sin(th + da)].map((v) => v.toFixed(1)).join(" ");
      const far = ra + 2.4 * LOOP;
      path = `M ${at(ra, -0.7)} C ${at(far, -0.55)} ${at(far, 0.55)} ${at(ra + 1, 0.7)}`;
      [lx, ly] = [x1 + (ra + 1.85 * LOOP) * Math.cos(th), y1 + (ra + 1.85 * LOOP) * Math.sin(th) + 4];
    } else {
      const bend = 0.15;  // both directions of a pair curve apart
      const mx = (x1 + x2) / 2 + (y2 - y1) * bend, my = (y1 + y2) / 2 - (x2 - x1) * bend;
      const len = Math.hypot(x2 - mx, y2 - my) || 1, len0 = Math.hypot(mx - x1, my - y1) || 1;
      const sx = x1 + ((mx - x1) / len0) * ra, sy = y1 + ((my - y1) / len0) * ra;
      const ex = x2 - ((x2 - mx) / len) * rb, ey = y2 - ((y2 - my) / len) * rb;
      path = `M ${sx} ${sy} Q ${mx} ${my} ${ex} ${ey}`;
      [lx, ly] = [(sx + 2 * mx + ex) / 4, (sy + 2 * my + ey) / 4 + 4];
    }
    root.append(svg("path", { d: path, fill: "none", stroke: goldsteinColour(d.goldstein), "stroke-width": 1.2 + (5 * d.events) / maxE,
      "stroke-opacity": 0.85, "marker-end": "url(#arrow)", class: "edge", "data-dyad": d.key, style: "cursor:pointer", onclick: () => onPick(d) },
      svg("title", {}, `${d.key}: ${d.events} events, mean Goldstein ${d.goldstein}`)));
    labels.push(svg("text", { x: lx, y: ly, "text-anchor": "middle", "font-size": 10, class: "edge-weight", "data-dyad": d.key,
      "paint-order": "stroke", stroke: "#fff", "stroke-width": 3, fill: "#333", "pointer-events": "none" }, d.events));
  }
  for (const c of nodes) {
    const [x, y] = pos.get(c);
    root.append(svg("circle", { cx: x, cy: y, r: radius(weight.get(c)), fill: "#fff", stroke: "#1d2330", "stroke-width": 1.5, class: "node", "data-country": c }));
    root.append(svg("text", { x, y: y + 4, "text-anchor": "middle", "font-size": 10, "font-weight": 600, "pointer-events": "none" }, c));
  }
  root.append(...labels);  // counts above the nodes and arrows
  container.replaceChildren(root);
}

// --------------------------------------------------------------------------- map

// Country borders: Natural Earth 1:110m countries, shipped as TopoJSON (web/countries-110m.json,
// from the npm package world-atlas; see LICENSE-world-atlas.txt), keyed by ISO 3166-1 numeric
// ids that web/country-codes.json turns into the alpha-3 codes the store uses.
let world = null;
export async function loadWorld() {
  if (world !== null) return world;
  try {
    const [topo, codes] = await Promise.all(["/static/countries-110m.json", "/static/country-codes.json"].map(async (u) => {
      const resp = await fetch(u);
      if (!resp.ok) throw new Error(u);
      return resp.json();
    }));
    world = topoCountries(topo, codes);
  } catch { world = []; }
  return world;
}

function topoCountries(topo, codes) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (ids) => ids.flatMap((i, k) => {
    const pts = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    return k ? pts.slice(1) : pts;
  });
  return topo.objects.countries.geometries.map((g) => {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    const name = (g.properties || {}).name || "";
    return { iso3: codes[g.id] || codes[name] || null, name, rings: polys.flatMap((poly) => poly.map(ring)) };
  });
}

// A ring crossing the antimeridian (Russia's east, Fiji) jumps 360 degrees between two
// points, which draws a band across the map: make its longitudes continuous, and draw it a
// second time shifted by a turn, so the part beyond the edge shows at the other edge.
function unwrapped(ring) {
  let shift = 0;
  const out = ring.map(([lo, la], i) => {
    if (i) {
      const prev = ring[i - 1][0];
      if (lo - prev > 180) shift -= 360;
      else if (prev - lo > 180) shift += 360;
    }
    return [lo + shift, la];
  });
  const lons = out.map(([lo]) => lo);
  if (Math.min(...lons) < -180) return [out, out.map(([lo, la]) => [lo + 360, la])];
  if (Math.max(...lons) > 180) return [out, out.map(([lo, la]) => [lo - 360, la])];
  return [out];
}

// Sequential blues for counts; the diverging Goldstein colours (red conflict, blue cooperation).
const BLUES = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"];
export function countColour(n, max) {
  if (!n) return null;
  const t = Math.log1p(n) / Math.log1p(Math.max(1, max));
  return BLUES[Math.min(BLUES.length - 1, Math.floor(t * (BLUES.length - 1) + 0.0001))];
}

export function map(container, points, countries, shapes, mode, onPick, onCountry) {
  const W = 720, H = 360, [lon0, lon1, lat0, lat1] = [-180, 180, -60, 85];
  const x = (lon) => ((lon - lon0) / (lon1 - lon0)) * W, y = (lat) => ((lat1 - lat) / (lat1 - lat0)) * H;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of events by country" },
    svg("rect", { width: W, height: H, fill: "#eef4fa" }));
  const byCountry = new Map(countries.map((c) => [c.key, c]));
  const max = Math.max(1, ...countries.map((c) => c.events));
  for (const s of shapes) {
    const c = s.iso3 ? byCountry.get(s.iso3) : null;
    const fill = !c ? "#fafaf7" : mode === "goldstein" ? goldsteinColour(c.goldstein) : countColour(c.events, max);
    const d = s.rings.flatMap(unwrapped).map((r) => "M" + r.map(([lo, la]) => `${x(lo).toFixed(1)},${y(la).toFixed(1)}`).join("L") + "Z").join("");
    root.append(svg("path", { d, fill, stroke: "#8795a1", "stroke-width": 0.4, class: c ? "country counted" : "country",
      "data-iso3": s.iso3 || "", style: c ? "cursor:pointer" : null, onclick: c ? () => onCountry(c) : null },
      svg("title", {}, c ? `${s.name} (${s.iso3}): ${c.events} events, mean Goldstein ${c.goldstein ?? "n/a"}` : s.name)));
  }
  const maxP = Math.max(1, ...points.map((p) => p.events));
  for (const p of points) {
    root.append(svg("circle", { cx: x(p.lon), cy: y(p.lat), r: 2 + 4 * Math.sqrt(p.events / maxP), fill: "#1d2330",
      "fill-opacity": 0.55, stroke: "#fff", "stroke-width": 0.6, class: "place", style: "cursor:pointer", onclick: () => onPick(p) },
      svg("title", {}, `${p.name || "?"} (${p.country || "?"}): ${p.events} events`)));
  }
  container.replaceChildren(root);
  return max;
}

export function mapLegend(container, mode, max) {
  const swatch = (colour, text) => el("span", {}, el("i", { style: `background:${colour}` }), text);
  if (mode === "goldstein") {
    container.replaceChildren(el("span", {}, "Mean Goldstein:"), ...[-10, -5, 0, 5, 10].map((g) => swatch(goldsteinColour(g), g > 0 ? `+${g}` : `${g}`)),
      swatch("#fafaf7", "no events"), swatch("#1d2330", "located place"));
    return;
  }
  const steps = [...new Set([1, Math.round(Math.sqrt(max)), max].filter((n) => n >= 1))];
  container.replaceChildren(el("span", {}, "Events:"), ...steps.map((n) => swatch(countColour(n, max), `${n}`)),
    swatch("#fafaf7", "none"), swatch("#1d2330", "located place"));
}
