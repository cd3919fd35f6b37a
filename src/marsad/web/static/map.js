// The map: Natural Earth country outlines (world-atlas TopoJSON, shipped in static/map) in an
// equirectangular projection, and event locations clustered on a grid that shrinks as you zoom.
// A cluster of several places zooms in; a single place links to the list of its events.
import { api, el, filtersFromUrl, filterForm, nav, showError, svg } from "./common.js";

const WIDTH = 960, HEIGHT = 480, CELL_PX = 36, MAX_ZOOM = 32, MAX_RADIUS_PX = 22;
const project = (lon, lat) => [(lon + 180) * WIDTH / 360, (90 - lat) * HEIGHT / 180];

// TopoJSON arcs are delta-encoded, quantized positions; a ring joins arcs (~i: arc i reversed).
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return project(x * sx + tx, y * sy + ty); });
  });
}

function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  // A ring crossing the antimeridian jumps across the map: it is cut there instead of drawn across.
  return points.map(([x, y], i) => {
    const jump = i === 0 || Math.abs(x - points[i - 1][0]) > WIDTH / 2;
    return `${jump ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

function countryPaths(topology) {
  const arcs = decodeArcs(topology);
  return topology.objects.countries.geometries.filter((g) => g.arcs).map((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.arcs;
    const d = polygons.map((rings) => rings.map((ring) => ringPath(ring, arcs)).join("")).join("");
    return svg("path", { d, class: "country" }, svg("title", {}, g.properties?.name || ""));
  });
}

function clusters(points, zoom) {
  const cell = CELL_PX / zoom, cells = new Map();
  for (const p of points) {
    const [x, y] = project(p.lon, p.lat);
    const key = `${Math.floor(x / cell)}:${Math.floor(y / cell)}`;
    const c = cells.get(key) || { x: 0, y: 0, events: 0, places: [] };
    c.x += x * p.events; c.y += y * p.events; c.events += p.events; c.places.push(p);
    cells.set(key, c);
  }
  return [...cells.values()].map((c) => ({ ...c, x: c.x / c.events, y: c.y / c.events }));
}

function placeHref(place) {
  const params = filtersFromUrl();
  params.set("place", place.name);
  return "/?" + params.toString();
}

class EventMap {
  constructor(root, topology, points) {
    this.points = points;
    this.view = { x: 0, y: 0, w: WIDTH, h: HEIGHT };
    this.svg = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "map", role: "img", "aria-label": "map of event locations" });
    this.layer = svg("g", { class: "clusters" });
    this.svg.append(svg("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "sea" }),
      svg("g", { class: "countries" }, ...countryPaths(topology)), this.layer);
    this.svg.addEventListener("wheel", (e) => { e.preventDefault(); this.zoomAt(e.deltaY < 0 ? 2 : 0.5, this.toMap(e)); });
    root.replaceChildren(this.controls(), this.svg);
    this.fit();
  }

  // Start zoomed on the points (at most 8x), or on the world when there are none.
  fit() {
    const xy = this.points.map((p) => project(p.lon, p.lat));
    if (!xy.length) return this.draw();
    const xs = xy.map(([x]) => x), ys = xy.map(([, y]) => y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const zoom = Math.min(8, WIDTH / (x1 - x0 + 80), HEIGHT / (y1 - y0 + 60));
    this.view = { x: 0, y: 0, w: WIDTH, h: HEIGHT };
    this.zoomAt(Math.max(1, zoom), [(x0 + x1) / 2, (y0 + y1) / 2]);
  }

  get zoom() { return WIDTH / this.view.w; }

  controls() {
    const center = () => [this.view.x + this.view.w / 2, this.view.y + this.view.h / 2];
    const zoomIn = el("button", { type: "button", id: "zoom-in" }, "+");
    const zoomOut = el("button", { type: "button", id: "zoom-out" }, "−");
    const reset = el("button", { type: "button", id: "zoom-world" }, "World");
    zoomIn.onclick = () => this.zoomAt(2, center());
    zoomOut.onclick = () => this.zoomAt(0.5, center());
    reset.onclick = () => { this.view = { x: 0, y: 0, w: WIDTH, h: HEIGHT }; this.draw(); };
    return el("p", { class: "map-controls" }, zoomIn, zoomOut, reset,
      el("span", { id: "map-status" }, `${this.points.length} places`));
  }

  toMap(e) {
    const box = this.svg.getBoundingClientRect();
    return [this.view.x + (e.clientX - box.left) / box.width * this.view.w,
      this.view.y + (e.clientY - box.top) / box.height * this.view.h];
  }

  zoomAt(factor, [cx, cy]) {
    const zoom = Math.min(MAX_ZOOM, Math.max(1, this.zoom * factor));
    const w = WIDTH / zoom, h = HEIGHT / zoom;
    this.view = { x: Math.min(Math.max(cx - w / 2, 0), WIDTH - w), y: Math.min(Math.max(cy - h / 2, 0), HEIGHT - h), w, h };
    this.draw();
  }

  draw() {
    const { x, y, w, h } = this.view;
    this.svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
    const groups = clusters(this.points, this.zoom);
    const most = Math.max(1, ...groups.map((c) => c.events));
    this.layer.replaceChildren(...groups.map((c) => this.marker(c, most)));
  }

  // Areas grow with the events, up to MAX_RADIUS_PX for the largest cluster in view.
  marker(cluster, most) {
    const r = (6 + (MAX_RADIUS_PX - 6) * Math.sqrt(cluster.events / most)) / this.zoom;
    const names = cluster.places.map((p) => `${p.name} (${p.country || "?"}): ${p.events}`).join("\n");
    const circle = svg("circle", { cx: cluster.x, cy: cluster.y, r, class: "cluster" });
    const label = svg("text", { x: cluster.x, y: cluster.y, "font-size": 10 / this.zoom, class: "cluster-count", dy: "0.35em" },
      cluster.events);
    if (cluster.places.length === 1) {
      return svg("a", { href: placeHref(cluster.places[0]), class: "place" }, circle, label, svg("title", {}, names));
    }
    const group = svg("g", { class: "cluster-group", tabindex: 0 }, circle, label, svg("title", {}, names + "\n(click to zoom in)"));
    const zoomIn = () => this.zoomAt(4, [cluster.x, cluster.y]);
    group.addEventListener("click", zoomIn);
    group.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") zoomIn(); });
    return group;
  }
}

async function main() {
  nav("/map");
  await filterForm(document.getElementById("filter-bar"));
  const root = document.getElementById("map");
  try {
    const [topology, points] = await Promise.all([
      fetch("/static/map/countries-110m.json").then((r) => r.json()), api("/api/map", filtersFromUrl())]);
    new EventMap(root, topology, points);
  } catch (error) {
    showError(root, error);
  }
  document.body.dataset.ready = "1";
}

main();
