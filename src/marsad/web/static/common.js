// Shared by every page: safe element builders, the API client, the filter bar, the navigation.
// Untrusted text (anything from an article) only ever becomes text nodes: never innerHTML.

export const FILTERS = ["type", "actor", "recipient", "country", "since", "until", "source",
  "min_confidence", "q", "place"];

// Bidi controls (embeddings, overrides, isolates, marks) would reorder what follows them:
// they are shown as visible markers instead of acting.
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of String(text).matchAll(BIDI_CONTROLS)) {
    fragment.append(String(text).slice(last, match.index));
    const code = "U+" + match[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    fragment.append(el("span", { class: "bidi-control", title: "bidi control " + code, dir: "ltr" }, `[${code}]`));
    last = match.index + match[0].length;
  }
  fragment.append(String(text).slice(last));
  return fragment;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : safeText(child));
  }
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttributes(node, attrs);
  for (const child of children) node.append(child instanceof Node ? child : String(child));
  return node;
}

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, String(value));
  }
}

// Arabic text in its own right-to-left, isolated box.
export function arabic(tag, text, attrs = {}) {
  return el(tag, { dir: "rtl", lang: "ar", class: "ar", ...attrs }, text);
}

export function filtersFromUrl() {
  const params = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const name of FILTERS) for (const value of params.getAll(name)) if (value) kept.append(name, value);
  return kept;
}

export async function api(path, params = new URLSearchParams()) {
  const query = params.toString();
  const response = await fetch(path + (query ? "?" + query : ""), { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(describeError(response.status, body));
  return body;
}

function describeError(status, body) {
  if (Array.isArray(body.detail)) {
    return body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ");
  }
  return `${status}: ${body.detail || "request failed"}`;
}

export function showError(container, error) {
  container.replaceChildren(el("p", { class: "error", role: "alert" }, String(error.message || error)));
}

export function eventHref(event) {
  return `/event?article=${encodeURIComponent(event.article_pk)}&event=${encodeURIComponent(event.event_id)}`;
}

export function nav(current) {
  const query = filtersFromUrl().toString();
  const links = [["/", "Events"], ["/map", "Map"], ["/charts", "Timeline & network"], ["/docs", "API"]];
  const bar = el("nav", { class: "top" }, el("strong", { class: "brand" }, "marsad"));
  for (const [href, label] of links) {
    const keep = href === "/docs" || !query ? "" : "?" + query;
    bar.append(el("a", { href: href + keep, class: href === current ? "current" : null }, label));
  }
  document.body.prepend(bar);
}

const FIELDS = [
  ["type", "Type", "select"], ["actor", "Actor code", "text"], ["recipient", "Recipient code", "text"],
  ["country", "Country", "text"], ["since", "Since", "text"], ["until", "Until", "text"],
  ["source", "Source", "select"], ["min_confidence", "Min. confidence", "number"], ["q", "Words (Arabic)", "text"],
  ["place", "Place", "text"],
];

// The filter bar: a GET form, so that every view is a link.
export async function filterForm(container) {
  const values = filtersFromUrl();
  const meta = await api("/api/meta").catch(() => ({ types: [], sources: [] }));
  const form = el("form", { class: "filters", method: "get", action: location.pathname, id: "filters" });
  for (const [name, label, kind] of FIELDS) {
    const options = name === "type" ? meta.types : meta.sources;
    const input = kind === "select"
      ? el("select", { name }, el("option", { value: "" }, "any"),
        ...options.map((v) => el("option", { value: v, selected: values.get(name) === v ? "" : null }, v)))
      : el("input", {
        name, type: kind, value: values.get(name) || "", dir: name === "q" ? "auto" : "ltr",
        placeholder: { since: "YYYY-MM-DD", until: "YYYY-MM-DD", country: "SYR" }[name] || "",
        step: kind === "number" ? "0.05" : null, min: kind === "number" ? "0" : null, max: kind === "number" ? "1" : null,
      });
    form.append(el("label", {}, el("span", {}, label), input));
  }
  form.append(el("button", { type: "submit" }, "Apply"), el("a", { href: location.pathname, class: "reset" }, "Reset"));
  form.addEventListener("submit", () => {
    for (const field of form.elements) if (field.name && !field.value) field.disabled = true;
  });
  container.replaceChildren(form);
  return meta;
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d",
  "#31a354", "#756bb1", "#636363"];

export function colorFor(name, names) {
  const index = names.indexOf(name);
  return PALETTE[(index < 0 ? 0 : index) % PALETTE.length];
}
