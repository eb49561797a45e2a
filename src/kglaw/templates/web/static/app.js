// kglaw query page: pick a saved query, fill its parameters, run it, show the results as a table.
// Self-contained (no library, no CDN); every value from the server goes into the page as text.
"use strict";

const SAVED = JSON.parse(document.getElementById("saved-queries").textContent);
const KGLAW_ACT = "https://w3id.org/kglaw/eli/";
const PREFIXES = [
  ["https://w3id.org/kglaw/eli/kz/", "act:"],
  ["http://data.europa.eu/eli/ontology#", "eli:"],
  ["https://w3id.org/kglaw/ontology#", "kgl:"],
  ["https://w3id.org/kglaw/agency/", "agency:"],
  ["https://w3id.org/kglaw/vocab/doctype/", "doctype:"],
  ["https://w3id.org/kglaw/source/", "src:"],
  ["http://www.w3.org/2001/XMLSchema#", "xsd:"],
  ["http://www.w3.org/2004/02/skos/core#", "skos:"],
];
const LANG_ORDER = { kk: 0, ru: 1, "": 2, en: 4 };
const $ = (id) => document.getElementById(id);
let current = null; // the saved query picked, if its text is unchanged

function compact(iri) {
  for (const [ns, p] of PREFIXES) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
  return iri;
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function pick(name) {
  current = SAVED.find((q) => q.name === name) || null;
  const form = $("params");
  form.replaceChildren();
  $("description").textContent = current ? current.description : "";
  if (!current) return;
  $("query").value = current.text;
  for (const p of current.params) {
    const label = el("label", { for: "param-" + p.name });
    label.append(document.createTextNode(`${p.name} (${p.type}${p.optional ? ", optional" : ""})`));
    const input = el("input", { id: "param-" + p.name, name: p.name, type: "text" });
    if (p.default) input.value = p.default;
    if (!p.default && !p.optional) input.required = true;
    label.append(input, el("small", {}, p.doc));
    form.append(label);
  }
}

async function run() {
  const status = $("status"), error = $("error"), out = $("results");
  error.hidden = true;
  out.replaceChildren();
  status.textContent = "…";
  const accept = "application/sparql-results+json, text/turtle;q=0.9";
  let resp;
  const started = performance.now();
  try {
    if (current && $("query").value === current.text) {
      const params = new URLSearchParams();
      for (const input of $("params").querySelectorAll("input")) if (input.value.trim()) params.set(input.name, input.value.trim());
      resp = await fetch(`/queries/${encodeURIComponent(current.name)}?${params}`, { headers: { Accept: accept } });
    } else {
      resp = await fetch("/sparql", {
        method: "POST",
        headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ query: $("query").value }),
      });
    }
  } catch (e) {
    status.textContent = "";
    error.textContent = "The server did not answer: " + e;
    error.hidden = false;
    return;
  }
  const ms = Math.round(performance.now() - started);
  const type = resp.headers.get("Content-Type") || "";
  if (!resp.ok) {
    status.textContent = "";
    error.textContent = `HTTP ${resp.status}: ${await resp.text()}`;
    error.hidden = false;
    return;
  }
  if (type.startsWith("text/turtle")) {
    out.append(el("pre", { id: "results-graph" }, await resp.text()));
    status.textContent = `${ms} ms`;
    return;
  }
  const data = await resp.json();
  if ("boolean" in data) {
    out.append(el("p", { id: "results-boolean" }, String(data.boolean)));
    status.textContent = `${ms} ms`;
    return;
  }
  const rows = data.results.bindings;
  status.textContent = `${rows.length} row${rows.length === 1 ? "" : "s"} · ${ms} ms`;
  out.append(table(data.head.vars, rows));
  labels(out);
}

function table(vars, rows) {
  const t = el("table", { id: "results-table" });
  const head = el("tr");
  for (const v of vars) head.append(el("th", {}, v));
  const thead = el("thead");
  thead.append(head);
  t.append(thead);
  const body = t.appendChild(el("tbody"));
  for (const row of rows) {
    const tr = el("tr");
    for (const v of vars) tr.append(cell(row[v]));
    body.append(tr);
  }
  return t;
}

function cell(term) {
  const td = el("td");
  if (!term) return td;
  if (term.type === "uri" && !/^https?:\/\//.test(term.value)) {
    td.append(el("span", { "data-iri": term.value }, compact(term.value))); // never a javascript: link
  } else if (term.type === "uri") {
    const href = term.value.startsWith(KGLAW_ACT) ? "/act?iri=" + encodeURIComponent(term.value) : term.value;
    const a = el("a", { href, "data-iri": term.value, title: term.value }, compact(term.value));
    td.append(a);
  } else {
    td.append(document.createTextNode(term.value));
    const tag = term["xml:lang"] || (term.datatype ? compact(term.datatype) : "");
    if (tag) td.append(" ", el("span", { class: "lang" }, tag));
  }
  return td;
}

// Labels for the IRIs in the table: Kazakh and Russian first, English only where there is no other.
async function labels(root) {
  const links = [...root.querySelectorAll("a[data-iri]")];
  const iris = [...new Set(links.map((a) => a.dataset.iri))].filter((i) => /^[^<>"{}|^`\\\s]+$/.test(i)).slice(0, 300);
  if (!iris.length) return;
  const q = `PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?x ?label WHERE {
  VALUES ?x { ${iris.map((i) => "<" + i + ">").join(" ")} }
  { ?x eli:is_realized_by/eli:title ?label } UNION { ?x eli:title|skos:prefLabel|rdfs:label|skos:altLabel ?label }
}`;
  let data;
  try {
    const resp = await fetch("/sparql", {
      method: "POST",
      headers: { Accept: "application/sparql-results+json", "Content-Type": "application/sparql-query" },
      body: q,
    });
    if (!resp.ok) return;
    data = await resp.json();
  } catch (e) {
    return;
  }
  const best = {};
  for (const b of data.results.bindings) {
    const lang = (b.label["xml:lang"] || "").split("-")[0].toLowerCase();
    const rank = lang in LANG_ORDER ? LANG_ORDER[lang] : 3;
    const x = b.x.value;
    if (!best[x] || rank < best[x].rank || (rank === best[x].rank && b.label.value < best[x].value)) best[x] = { rank, value: b.label.value };
  }
  for (const a of links) {
    const l = best[a.dataset.iri];
    if (l) a.parentElement.append(el("small", { class: "label" }, " " + l.value));
  }
}

$("saved").addEventListener("change", (e) => pick(e.target.value));
$("run").addEventListener("click", run);
$("query").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
});
const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  $("saved").value = initial;
  pick(initial);
}
