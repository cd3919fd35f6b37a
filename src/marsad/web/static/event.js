// One event: its article right to left with every span highlighted and labelled, its facts,
// the article's other events and its quotes. The article is built from text nodes only.
import { api, arabic, el, eventHref, nav, showError } from "./common.js";

const LABELS = ["evidence", "trigger", "actor", "recipient", "place", "date", "reporter"];

// Cut the text at every span boundary; each piece is wrapped in one <mark> per span covering it,
// and a small English tag opens each span.
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  const kept = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  for (const s of kept) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const block = arabic("div", "", { class: "ar article-text", id: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    for (const s of kept.filter((s) => s.start === from && s.label !== "evidence")) block.append(tag(s));
    const covering = kept.filter((s) => s.start <= from && s.end >= to)
      .sort((a, b) => LABELS.indexOf(a.label) - LABELS.indexOf(b.label));
    let node = el("span", {}, text.slice(from, to));
    for (const s of covering.reverse()) {
      node = el("mark", { class: `hl hl-${s.label}`, "data-label": s.label, title: `${s.label} ${s.note}`.trim() }, node);
    }
    block.append(node);
  }
  return block;
}

function tag(span) {
  return el("span", { class: `tag tag-${span.label}`, dir: "ltr", lang: "en" },
    el("bdi", {}, span.note ? `${span.label}: ${span.note}` : span.label));
}

function fact(name, ...value) {
  return [el("dt", {}, name), el("dd", { dir: "auto" }, ...value)];
}

function facts(event, article) {
  const flags = ["negated", "hypothetical", "historical", "future"];
  const url = /^https?:\/\//.test(article.url || "") ? el("a", { href: article.url, rel: "noreferrer" }, "original") : null;
  return el("dl", { class: "facts" },
    ...fact("Type", `${event.type}${event.mode ? " / " + event.mode : ""} (quad ${event.quad ?? "?"})`),
    ...fact("Actors", el("bdi", {}, partyList(event.actors))),
    ...fact("Recipients", el("bdi", {}, partyList(event.recipients))),
    ...fact("Place", event.location_name ? `${event.location_name} (${event.location_country || "?"})` : "—"),
    ...fact("Date", `${event.date || event.day || "—"}`, event.date_text ? " — " : null,
      event.date_text ? arabic("span", event.date_text) : null),
    ...fact("Modality", el("span", { class: "flags" },
      ...flags.map((f) => el("span", { class: event[f] ? "flag on" : "flag off" }, `${f}: ${event[f] ? "yes" : "no"}`)))),
    ...fact("Confidence", (event.confidence ?? 0).toFixed(2)),
    ...fact("Produced by", el("code", {}, event.rule || "—")),
    ...fact("Reported by", event.reported_by_code || event.reported_by_name || "—"),
    ...fact("Article", el("bdi", {}, `${article.source} / ${article.article_id}, published ${article.day || "?"} `), url));
}

function partyList(parties) {
  if (!parties.length) return "—";
  return parties.map((p) => `${p.code || "UNK"}${p.sector ? " (" + p.sector + ")" : ""}${p.name ? " " + p.name : ""}`)
    .join(", ");
}

function otherEvents(events) {
  if (!events.length) return el("p", {}, "No other events in this article.");
  return el("ul", { class: "other-events" }, ...events.map((e) =>
    el("li", {}, el("a", { href: eventHref(e) }, el("bdi", {}, e.summary)), " ", arabic("span", e.trigger_text || ""))));
}

function quotes(list) {
  if (!list.length) return el("p", {}, "No quotes in this article.");
  return el("ul", { class: "quotes" }, ...list.map((q) => el("li", {},
    el("span", { class: "speaker", dir: "auto" }, el("bdi", {}, q.speaker || "unknown speaker")), ": ",
    arabic("span", `«${q.text || ""}»`, { class: "ar quote" }))));
}

function legend() {
  return el("p", { class: "legend" }, "Highlighted: ",
    ...LABELS.map((label) => el("mark", { class: `hl hl-${label}` }, label)));
}

async function main() {
  nav("/event");
  const main = document.getElementById("content");
  const params = new URLSearchParams(location.search);
  try {
    const path = `/api/events/${encodeURIComponent(params.get("article") || "0")}/${encodeURIComponent(params.get("event") || "")}`;
    const { event, article, spans, other_events: others } = await api(path);
    document.title = `marsad: ${event.summary}`;
    main.replaceChildren(
      el("h1", { dir: "ltr" }, el("bdi", {}, event.summary)),
      facts(event, article), legend(), highlighted(article.full_text, spans),
      el("h2", {}, "Other events in this article"), otherEvents(others),
      el("h2", {}, "Quotes"), quotes(article.quotes));
  } catch (error) {
    showError(main, error);
  }
  document.body.dataset.ready = "1";
}

main();
