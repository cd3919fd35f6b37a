// The timeline (events per period, stacked by type) and the network of who acts on whom, both
// drawn as SVG from the API and filtered like the list.
import { api, colorFor, el, filtersFromUrl, filterForm, nav, showError, svg } from "./common.js";

const W = 960, H = 320, PAD = { left: 48, right: 12, top: 12, bottom: 56 };

function timeline(rows) {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const types = [...new Set(rows.map((r) => r.group))].sort();
  const totals = new Map(periods.map((p) => [p, 0]));
  for (const r of rows) totals.set(r.period, totals.get(r.period) + r.events);
  const max = Math.max(1, ...totals.values());
  const plotW = W - PAD.left - PAD.right, plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, periods.length), barW = Math.max(1, step * 0.8);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img", "aria-label": "events per period by type" });
  chart.append(...axis(max, plotH));
  const offset = new Map(periods.map((p) => [p, 0]));
  for (const r of rows) {
    const i = periods.indexOf(r.period), h = r.events / max * plotH, below = offset.get(r.period);
    offset.set(r.period, below + h);
    chart.append(svg("rect", { x: PAD.left + i * step, y: PAD.top + plotH - below - h, width: barW, height: h,
      fill: colorFor(r.group, types), class: "bar", "data-type": r.group }, svg("title", {}, `${r.period} ${r.group}: ${r.events}`)));
  }
  const every = Math.ceil(periods.length / 16);
  periods.forEach((p, i) => {
    if (i % every) return;
    const x = PAD.left + i * step + barW / 2, y = H - PAD.bottom + 14;
    chart.append(svg("text", { x, y, class: "tick", transform: `rotate(40 ${x} ${y})` }, p));
  });
  return el("figure", {}, chart, legend(types));
}

function axis(max, plotH) {
  const parts = [svg("line", { x1: PAD.left, x2: W - PAD.right, y1: PAD.top + plotH, y2: PAD.top + plotH, class: "axis" })];
  for (const value of [0, Math.round(max / 2), max]) {
    const y = PAD.top + plotH - value / max * plotH;
    parts.push(svg("text", { x: PAD.left - 6, y, class: "tick y", dy: "0.35em" }, value),
      svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "grid" }));
  }
  return parts;
}

function legend(types) {
  return el("figcaption", { class: "legend" }, ...types.map((t) =>
    el("span", { class: "legend-item" },
      svg("svg", { viewBox: "0 0 10 10", class: "swatch" }, svg("rect", { width: 10, height: 10, fill: colorFor(t, types) })), t)));
}

function network({ nodes, edges }) {
  const size = 560, c = size / 2, radius = size / 2 - 60;
  const max = Math.max(1, ...edges.map((e) => e.events));
  const at = new Map(nodes.map((n, i) => {
    const angle = 2 * Math.PI * i / nodes.length - Math.PI / 2;
    return [n.code, [c + radius * Math.cos(angle), c + radius * Math.sin(angle)]];
  }));
  const graph = svg("svg", { viewBox: `0 0 ${size} ${size}`, class: "network", role: "img", "aria-label": "who acts on whom" },
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 10, markerHeight: 10,
      markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M0,0L10,5L0,10Z", class: "arrowhead" }))));
  const nodeRadius = new Map(nodes.map((n) => [n.code, 6 + 10 * Math.sqrt(n.events / max)]));
  for (const e of edges) {
    const [x1, y1] = at.get(e.actor), [x2, y2] = at.get(e.recipient);
    const [qx, qy] = [c + (x1 + x2 - 2 * c) * 0.25, c + (y1 + y2 - 2 * c) * 0.25];
    const gap = (nodeRadius.get(e.recipient) + 3) / Math.max(1, Math.hypot(x2 - qx, y2 - qy));
    const d = e.actor === e.recipient
      ? `M${x1},${y1} C${x1 + 40},${y1 - 60} ${x1 - 40},${y1 - 60} ${x1},${y1}`
      : `M${x1},${y1} Q${qx},${qy} ${x2 - (x2 - qx) * gap},${y2 - (y2 - qy) * gap}`;
    graph.append(svg("path", { d, class: "edge", "stroke-width": 1 + 6 * e.events / max, "marker-end": "url(#arrow)" },
      svg("title", {}, `${e.actor} → ${e.recipient}: ${e.events} events`)));
  }
  for (const n of nodes) {
    const [x, y] = at.get(n.code), params = filtersFromUrl();
    params.set("actor", n.code);
    graph.append(svg("a", { href: "/?" + params, class: "node" },
      svg("circle", { cx: x, cy: y, r: nodeRadius.get(n.code) }),
      svg("text", { x, y: y - 8 - nodeRadius.get(n.code), class: "node-label" }, n.code),
      svg("title", {}, `${n.code}: ${n.events} events (open its events as actor)`)));
  }
  return graph;
}

async function main() {
  nav("/charts");
  await filterForm(document.getElementById("filter-bar"));
  const by = document.getElementById("by");
  by.value = new URLSearchParams(location.search).get("by") || "month";
  const draw = async () => {
    const params = filtersFromUrl();
    params.delete("place");
    params.set("by", by.value);
    try {
      const [rows, graph] = await Promise.all([api("/api/stats", params), api("/api/network", filtersFromUrl())]);
      document.getElementById("timeline").replaceChildren(rows.length ? timeline(rows) : el("p", {}, "No dated events match."));
      document.getElementById("network").replaceChildren(graph.edges.length ? network(graph) : el("p", {}, "No actor → recipient pairs match."));
    } catch (error) {
      showError(document.getElementById("timeline"), error);
    }
  };
  by.addEventListener("change", draw);
  await draw();
  document.body.dataset.ready = "1";
}

main();
