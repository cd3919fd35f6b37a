// The event list: filters, an English summary per event beside its Arabic evidence, "more" pages.
import { api, arabic, el, eventHref, filterForm, filtersFromUrl, nav, showError } from "./common.js";

const PAGE = 50;

function row(event) {
  const flags = ["negated", "hypothetical", "historical", "future"].filter((f) => event[f]);
  return el("tr", { class: "event-row", "data-type": event.type },
    el("td", { class: "day" }, event.day || ""),
    el("td", {}, el("span", { class: "type-badge" }, event.type)),
    el("td", { class: "summary", dir: "ltr" },
      el("a", { href: eventHref(event), class: "summary-link" }, el("bdi", {}, event.summary)),
      ...flags.map((f) => el("span", { class: "flag" }, f))),
    el("td", { class: "evidence-cell" }, arabic("span", event.evidence_text || "")),
    el("td", { class: "num" }, (event.confidence ?? 0).toFixed(2)),
    el("td", { class: "source" }, el("bdi", {}, event.source || "")));
}

async function loadPage(tbody, status, more, cursor) {
  const params = filtersFromUrl();
  const sort = document.getElementById("sort").value;
  params.set("sort", sort);
  params.set("limit", PAGE);
  if (cursor) params.set("cursor", cursor);
  more.hidden = true;
  try {
    const page = await api("/api/events", params);
    tbody.append(...page.items.map(row));
    const shown = tbody.children.length;
    status.textContent = shown ? `${shown} events shown${page.next ? " (more below)" : ""}` : "No events match.";
    more.hidden = !page.next;
    more.onclick = () => loadPage(tbody, status, more, page.next);
  } catch (error) {
    showError(status, error);
  }
}

async function main() {
  nav("/");
  await filterForm(document.getElementById("filter-bar"));
  const tbody = document.getElementById("events");
  const status = document.getElementById("status");
  const more = document.getElementById("more");
  const sort = document.getElementById("sort");
  sort.value = new URLSearchParams(location.search).get("sort") || "-day";
  sort.addEventListener("change", () => {
    tbody.replaceChildren();
    loadPage(tbody, status, more, null);
  });
  await loadPage(tbody, status, more, null);
  document.body.dataset.ready = "1";
}

main();
