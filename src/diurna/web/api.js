// The dashboard's link to the API: fetch JSON with the token (if the page was opened as
// /?token=...), build filter query strings, and make DOM elements without innerHTML.

const TOKEN_KEY = "diurna-token";
const fromUrl = new URLSearchParams(location.search).get("token");
if (fromUrl) {
  sessionStorage.setItem(TOKEN_KEY, fromUrl);
  history.replaceState(null, "", location.pathname + location.hash);  // keep the secret out of history
}

export const FILTERS = ["actor", "country", "dyad", "code", "root", "quad", "since", "until", "q", "min_confidence"];
export const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
export const QUAD_COLOURS = { 1: "#4e79a7", 2: "#2a9d8f", 3: "#f4a261", 4: "#d62828" };

export async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    options = { ...options, body: JSON.stringify(options.json) };
  }
  const resp = await fetch(path, { ...options, headers });
  const stale = resp.headers.get("X-Diurna-Stale") === "1";
  document.getElementById("status").textContent = stale ? "an ingest is running: showing the last copy" : "";
  if (resp.status === 204) return null;
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) {
    const detail = body.message || (Array.isArray(body.detail) ? body.detail.map((d) => `${d.loc.at(-1)}: ${d.msg}`).join("; ") : body.detail);
    throw new Error(`${resp.status}: ${detail || resp.statusText}`);
  }
  return body;
}

// Save what a GET returns as a file (the CSV/Parquet export): fetched with the token like
// any API call, then handed to the browser as a blob.
export async function download(path, filename) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const resp = await fetch(path, { headers });
  if (!resp.ok) {
    const body = await resp.json().catch(() => ({}));
    throw new Error(`${resp.status}: ${body.message || body.detail || resp.statusText}`);
  }
  const a = document.createElement("a");  // not el(): a blob: URL is ours, not data from the store
  a.href = URL.createObjectURL(await resp.blob());
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

export function query(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") out.set(k, v);
  const s = out.toString();
  return s ? `?${s}` : "";
}

export function pick(params, keys = FILTERS) {
  return Object.fromEntries(keys.filter((k) => params[k]).map((k) => [k, params[k]]));
}

// An absolute http(s) URL from the data (an article's source), else null: a stored
// `javascript:` or `data:` URL must never become a link.
export function safeUrl(u) {
  try {
    const parsed = new URL(String(u));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch { return null; }
}

function resolvesSafe(v) {
  try { return safeUrl(new URL(String(v), location.href).href) !== null; } catch { return false; }
}

// el("a", {href: "#"}, "text", child) -> element; strings become text nodes (never HTML).
// An href or src that resolves to anything but http(s) is dropped (defence in depth).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if ((k === "href" || k === "src") && !resolvesSafe(v)) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

export function goldsteinColour(g) {
  if (g === null || g === undefined) return "#999";
  const t = Math.max(-1, Math.min(1, g / 10));
  return t < 0 ? `rgb(${200 + 30 * -t}, ${90 - 50 * -t}, ${80 - 40 * -t})` : `rgb(${90 - 40 * t}, ${120 + 20 * t}, ${180 + 40 * t})`;
}

export function showError(container, err) {
  container.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
}
