"""The two web pages of the classroom survey, self-contained (inline CSS and JavaScript, no CDN).

The phone page and the trainer dashboard are static HTML with one JSON data
block; all text comes from the label catalog in both languages and every
piece of user text (question wordings, comments) reaches the page through
``textContent``, never as HTML. The pages run under a Content-Security-Policy
that allows only their own nonce-carrying script.
"""

from __future__ import annotations

import json
from typing import Any

from .. import scales as _scales
from ..i18n import LANGUAGES, catalog
from ..survey.questionnaire import Questionnaire

__all__: list[str] = []


def labels(prefixes: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Catalog entries whose key starts with one of ``prefixes``, in both languages."""
    return {key: {lang: entry[lang] for lang in LANGUAGES} for key, entry in catalog().items()
            if key.startswith(prefixes)}


def json_block(data: Any) -> str:
    """JSON safe to place inside a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def questionnaire_data(q: Questionnaire) -> dict[str, Any]:
    """The questionnaire as the phone page draws it: wordings and anchor labels in both languages."""
    items = []
    for it in q.items:
        entry: dict[str, Any] = {"name": it.name, "scale": it.scale, "is_text": it.is_text,
                                 "text": {lang: it.wording(lang) or it.name for lang in LANGUAGES}}
        if not it.is_text:
            sc = _scales.get(it.scale)
            entry["codes"] = list(sc.values)
            entry["labels"] = {lang: (sc.labels(lang) if sc.labelled else [str(v) for v in sc.values])
                               for lang in LANGUAGES}
        items.append(entry)
    return {"name": q.name, "title": {lang: q.title_in(lang) for lang in LANGUAGES}, "items": items}


_STYLE = """
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
 color:#1d2433;background:#f4f6fa;line-height:1.45}
header{background:#1f4e79;color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;
 justify-content:space-between}
header h1{font-size:1.2rem;margin:0}
.langs button{background:transparent;color:#fff;border:1px solid #fff;border-radius:6px;padding:6px 12px;
 min-height:40px;font-size:.95rem;margin-left:4px}
.langs button[aria-pressed=true]{background:#fff;color:#1f4e79;font-weight:600}
main{max-width:760px;margin:0 auto;padding:12px}
.muted{color:#5a6478;font-size:.9rem}
"""

PHONE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>csat_lab</title>
<style nonce="__NONCE__">""" + _STYLE + """
fieldset{border:0;background:#fff;border-radius:10px;margin:0 0 12px;padding:12px;box-shadow:0 1px 2px #0002}
fieldset.bad{outline:3px solid #c0392b}
legend{font-weight:600;padding:0;margin-bottom:8px;float:left;width:100%}
.opts{clear:both;display:flex;flex-direction:column;gap:6px}
.opts.grid{display:grid;grid-template-columns:repeat(6,1fr);gap:6px}
.opt{min-height:48px;font-size:1rem;border:2px solid #b8c2d6;background:#fff;border-radius:8px;padding:6px 10px;
 text-align:left;color:#1d2433}
.grid .opt{text-align:center;padding:6px 0}
.opt[aria-pressed=true]{background:#1f4e79;border-color:#1f4e79;color:#fff;font-weight:600}
.anchors{display:flex;justify-content:space-between;font-size:.8rem;color:#5a6478;margin-top:4px;gap:8px}
textarea{clear:both;display:block;width:100%;min-height:96px;font-size:1rem;padding:8px;border:2px solid #b8c2d6;
 border-radius:8px;font-family:inherit}
.err{color:#c0392b;font-size:.9rem;margin-top:6px}
#submit{width:100%;min-height:56px;font-size:1.15rem;border:0;border-radius:10px;background:#1e8449;color:#fff;
 font-weight:600}
#submit:disabled{background:#7f8c8d}
#status{margin:12px 0;font-size:1.05rem;min-height:1.5em}
#status.ok{color:#1e8449;font-weight:600}#status.bad{color:#c0392b}
</style></head>
<body>
<header><h1 id="title"></h1><div class="langs"><button type="button" id="lang-en" lang="en">English</button><button
 type="button" id="lang-zh-CN" lang="zh-CN">中文</button></div></header>
<main>
<p class="muted"><span id="room"></span> · <span id="intro"></span></p>
<form id="form" novalidate></form>
<p id="status" role="status" aria-live="polite"></p>
<button type="button" id="submit"></button>
</main>
<script type="application/json" id="data">__DATA__</script>
<script nonce="__NONCE__">
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const answers = {};
let lang = (navigator.languages || [navigator.language || "en"]).some(l => /^zh/i.test(l)) ? "zh-CN" : "en";
let done = false, errorField = null, statusKey = null, statusClass = "", statusText = null;
function t(key, params) {
  const entry = D.labels[key]; let s = entry ? (entry[lang] || entry.en) : key;
  for (const [k, v] of Object.entries(params || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
}
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function tokenKey() { return "csat_lab.classroom." + D.room; }
function clientToken() {
  let tok = null;
  try { tok = localStorage.getItem(tokenKey()); } catch (e) {}
  if (!tok) {
    const bytes = new Uint8Array(16); crypto.getRandomValues(bytes);
    tok = Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
    try { localStorage.setItem(tokenKey(), tok); } catch (e) {}
  }
  return tok;
}
function render() {
  document.documentElement.lang = lang;
  document.getElementById("title").textContent = D.questionnaire.title[lang] || t("classroom.phone.title");
  document.title = D.questionnaire.title[lang] || t("classroom.phone.title");
  document.getElementById("room").textContent = t("classroom.phone.room", {code: D.room});
  document.getElementById("intro").textContent = t("classroom.phone.intro");
  for (const l of ["en", "zh-CN"]) document.getElementById("lang-" + l).setAttribute("aria-pressed", String(l === lang));
  const form = document.getElementById("form");
  form.replaceChildren();
  for (const item of D.questionnaire.items) {
    const fs = el("fieldset", {id: "q-" + item.name});
    if (errorField && errorField.field === item.name) fs.className = "bad";
    const legend = el("legend", {}, item.text[lang]);
    if (item.is_text) legend.append(el("span", {class: "muted"},
      lang === "zh-CN" ? "（" + t("classroom.phone.optional") + "）" : " (" + t("classroom.phone.optional") + ")"));
    fs.append(legend);
    if (item.is_text) {
      const ta = el("textarea", {name: item.name, maxlength: "1000", placeholder: t("classroom.phone.placeholder")});
      ta.value = answers[item.name] || "";
      ta.addEventListener("input", () => { answers[item.name] = ta.value; });
      fs.append(ta);
    } else {
      const wide = item.codes.length > 7;
      const opts = el("div", {class: wide ? "opts grid" : "opts", role: "group"});
      item.codes.forEach((code, i) => {
        const text = wide ? String(code) : item.labels[lang][i];
        const b = el("button", {type: "button", class: "opt", "data-value": String(code),
                                "aria-pressed": String(answers[item.name] === code)}, text);
        b.addEventListener("click", () => { answers[item.name] = code; if (errorField && errorField.field === item.name) errorField = null; render(); });
        opts.append(b);
      });
      fs.append(opts);
      if (wide) {
        const a = el("div", {class: "anchors"});
        a.append(el("span", {}, item.labels[lang][0]), el("span", {}, item.labels[lang][item.labels[lang].length - 1]));
        fs.append(a);
      }
    }
    if (errorField && errorField.field === item.name) fs.append(el("div", {class: "err"}, errorField.message));
    form.append(fs);
  }
  const status = document.getElementById("status");
  status.className = statusClass;
  status.textContent = statusText !== null ? statusText : (statusKey ? t(statusKey) : "");
  const submit = document.getElementById("submit");
  submit.textContent = t("classroom.phone.submit");
  submit.disabled = done;
  submit.hidden = done;
  form.hidden = done;
}
function setStatus(key, cls, text) { statusKey = key; statusClass = cls; statusText = text === undefined ? null : text; }
async function send() {
  const submit = document.getElementById("submit");
  submit.disabled = true;
  setStatus("classroom.phone.sending", ""); render(); submit.disabled = true;
  const body = {client_token: clientToken()};
  for (const item of D.questionnaire.items) {
    const v = answers[item.name];
    if (v !== undefined && v !== "") body[item.name] = v;
  }
  let resp;
  try {
    resp = await fetch("/api/rooms/" + encodeURIComponent(D.room) + "/responses?lang=" + encodeURIComponent(lang), {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  } catch (e) {
    setStatus("classroom.phone.network", "bad"); render(); return;
  }
  let data = {};
  try { data = await resp.json(); } catch (e) {}
  errorField = null;
  if (resp.status === 201) { done = true; setStatus("classroom.phone.thanks", "ok"); }
  else if (resp.status === 409) { done = true; setStatus("classroom.phone.already", "ok"); }
  else if (resp.status === 410) { done = true; setStatus("classroom.phone.closed", "bad"); }
  else if (data.error) {
    if (data.error.field && document.getElementById("q-" + data.error.field)) {
      errorField = data.error; setStatus("classroom.phone.fix", "bad");
    } else { setStatus(null, "bad", data.error.message); }
  } else { setStatus("classroom.phone.network", "bad"); }
  render();
  if (errorField) document.getElementById("q-" + errorField.field).scrollIntoView({block: "center"});
}
document.getElementById("submit").addEventListener("click", send);
for (const l of ["en", "zh-CN"]) document.getElementById("lang-" + l).addEventListener("click", () => { lang = l; render(); });
if (!D.open) { done = true; setStatus("classroom.phone.closed", "bad"); }
render();
</script>
</body></html>
"""

DASHBOARD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>csat_lab</title>
<style nonce="__NONCE__">""" + _STYLE + """
main{max-width:1200px}
.top{display:grid;grid-template-columns:minmax(220px,280px) 1fr;gap:16px;align-items:start}
.card{background:#fff;border-radius:10px;padding:14px;box-shadow:0 1px 2px #0002;margin-bottom:14px}
#qr img{width:100%;max-width:240px;display:block;margin:0 auto;image-rendering:pixelated}
#url{word-break:break-all;font-family:ui-monospace,monospace;font-size:.95rem;text-align:center}
.code{font-size:2rem;font-weight:700;letter-spacing:.12em;text-align:center;margin:4px 0}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px}
.kpi .label{font-size:.9rem;color:#5a6478}
.kpi .value{font-size:2.4rem;font-weight:700;line-height:1.1}
.kpi .ci{font-size:.9rem;color:#5a6478}
h2{font-size:1.05rem;margin:0 0 10px}
#comments{list-style:none;margin:0;padding:0;max-height:360px;overflow:auto}
#comments li{border-bottom:1px solid #e3e7ef;padding:6px 2px;white-space:pre-wrap;word-break:break-word}
#close{min-height:44px;padding:8px 16px;font-size:1rem;border:0;border-radius:8px;background:#c0392b;color:#fff}
#close:disabled{background:#7f8c8d}
#state.closed{color:#c0392b;font-weight:600}
.bar{display:flex;height:22px;border-radius:4px;overflow:hidden;margin-top:6px}
.bar span{display:block;height:100%}
svg text{font-family:inherit}
a{color:#1f4e79}
@media (max-width:720px){.top{grid-template-columns:1fr}}
</style></head>
<body>
<header><h1 id="title"></h1><div class="langs"><button type="button" id="lang-en" lang="en">English</button><button
 type="button" id="lang-zh-CN" lang="zh-CN">中文</button></div></header>
<main>
<div class="top">
 <section class="card" id="join">
  <h2 id="scan"></h2>
  <div id="qr"><img alt="QR" id="qr-img"></div>
  <div class="code" id="code"></div>
  <div class="muted" id="or-open"></div>
  <div id="url"></div>
 </section>
 <section>
  <div class="kpis">
   <div class="card kpi"><div class="label" id="l-n"></div><div class="value" id="n">0</div><div class="ci" id="state"></div></div>
   <div class="card kpi"><div class="label" id="l-csat"></div><div class="value" id="csat">–</div><div class="ci" id="csat-ci"></div></div>
   <div class="card kpi"><div class="label" id="l-nps"></div><div class="value" id="nps">–</div><div class="ci" id="nps-ci"></div>
     <div class="bar" id="nps-bar"></div><div class="ci" id="nps-split"></div></div>
   <div class="card kpi"><div class="label" id="l-mean"></div><div class="value" id="mean">–</div><div class="ci" id="mean-ci"></div></div>
  </div>
  <div class="card"><h2 id="l-chart"></h2><div id="chart"></div></div>
  <div class="card"><h2 id="l-comments"></h2><ul id="comments"></ul></div>
  <div class="card"><button type="button" id="close"></button> <a id="export" href="#"></a>
   <p class="muted" id="updated"></p></div>
 </section>
</div>
</main>
<script type="application/json" id="data">__DATA__</script>
<script nonce="__NONCE__">
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
let lang = (navigator.languages || [navigator.language || "en"]).some(l => /^zh/i.test(l)) ? "zh-CN" : "en";
let S = null, offline = false, timer = null;
const SVG = "http://www.w3.org/2000/svg";
function t(key, params) {
  const entry = D.labels[key]; let s = entry ? (entry[lang] || entry.en) : key;
  for (const [k, v] of Object.entries(params || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
}
function set(id, text) { document.getElementById(id).textContent = text; }
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
const api = "/api/rooms/" + encodeURIComponent(D.room);
const auth = {"X-Trainer-Token": D.token};
function colours(k) {
  const neg = ["#b2182b", "#d6604d", "#f4a582"], pos = ["#92c5de", "#4393c3", "#2166ac"];
  const half = Math.floor(k / 2), out = [];
  for (let i = 0; i < half; i++) out.push(neg[neg.length - half + i] || neg[0]);
  if (k % 2) out.push("#d9d9d9");
  for (let i = 0; i < half; i++) out.push(pos[i] || pos[pos.length - 1]);
  return out;
}
function likert(items) {
  const box = document.getElementById("chart");
  box.replaceChildren();
  const rows = items.filter(it => it.codes.length <= 7);
  if (!rows.length || !S || S.n === 0) { box.textContent = t("classroom.trainer.chart_empty"); return; }
  const W = 760, left = 10, barW = W - 2 * left, rowH = 52, legendH = 28;
  const g = svg("svg", {viewBox: `0 0 ${W} ${rows.length * rowH + legendH + 8}`, width: "100%", role: "img",
                        id: "likert"});
  const mid = left + barW / 2;
  rows.forEach((it, r) => {
    const y = legendH + r * rowH, n = it.n || 1, k = it.codes.length, cols = colours(k), half = Math.floor(k / 2);
    g.append(svg("text", {x: left, y: y + 14, "font-size": 14}, it.text[lang]));
    const share = it.counts.map(c => c / n * (barW / 2));
    let neg = share.slice(0, half).reduce((a, b) => a + b, 0) + (k % 2 ? share[half] / 2 : 0);
    let x = mid - neg;
    it.codes.forEach((code, i) => {
      if (share[i] > 0) {
        const rect = svg("rect", {x: x, y: y + 20, width: share[i], height: 22, fill: cols[i]});
        rect.append(svg("title", {}, `${code}: ${it.counts[i]}`));
        g.append(rect);
        if (share[i] > 22) g.append(svg("text", {x: x + share[i] / 2, y: y + 36, "font-size": 12, "text-anchor": "middle",
                                                 fill: i === half && k % 2 ? "#1d2433" : "#fff"}, String(it.counts[i])));
      }
      x += share[i];
    });
  });
  g.append(svg("line", {x1: mid, x2: mid, y1: legendH, y2: legendH + rows.length * rowH, stroke: "#1d2433", "stroke-width": 1}));
  const first = rows[0], cols = colours(first.codes.length), labels = D.scales[first.scale] ? D.scales[first.scale][lang] : first.codes.map(String);
  let lx = left;
  labels.forEach((lab, i) => {
    g.append(svg("rect", {x: lx, y: 4, width: 14, height: 14, fill: cols[i]}));
    const txt = svg("text", {x: lx + 18, y: 16, "font-size": 12}, lab);
    g.append(txt);
    lx += 26 + lab.length * (lang === "zh-CN" ? 13 : 7);
  });
  box.append(g);
}
function show() {
  document.documentElement.lang = lang;
  set("title", t("classroom.trainer.title") + " · " + (D.title[lang] || ""));
  document.title = t("classroom.trainer.title");
  for (const l of ["en", "zh-CN"]) document.getElementById("lang-" + l).setAttribute("aria-pressed", String(l === lang));
  set("scan", t("classroom.trainer.scan")); set("code", D.room); set("or-open", t("classroom.trainer.or_open"));
  set("url", D.phone_url);
  set("l-n", t("classroom.trainer.responses")); set("l-csat", t("classroom.trainer.csat"));
  set("l-nps", t("classroom.trainer.nps")); set("l-mean", t("classroom.trainer.mean"));
  set("l-chart", t("classroom.trainer.chart")); set("l-comments", t("classroom.trainer.comments"));
  set("close", t("classroom.trainer.close")); set("export", t("classroom.trainer.export"));
  if (!S) return;
  const L = S[lang];
  set("n", L.n_text);
  const closed = !S.open;
  set("state", closed ? t("classroom.trainer.closed") : t("classroom.trainer.open"));
  document.getElementById("state").className = closed ? "ci closed" : "ci";
  document.getElementById("close").disabled = closed;
  const ci = t("classroom.trainer.ci");
  for (const key of ["csat", "nps", "mean"]) {
    const m = L[key];
    set(key, m ? m.text : "–");
    set(key + "-ci", m ? `${ci}: ${m.ci_text}` : t("classroom.trainer.too_few"));
  }
  if (L.mean) {
    const item = L.items.find(it => it.name === L.mean.item);
    if (item) set("l-mean", t("classroom.trainer.mean") + " · " + item.text[lang]);
  }
  const bar = document.getElementById("nps-bar");
  bar.replaceChildren();
  if (L.nps) {
    const tot = L.nps.n;
    for (const [k, c] of [["detractors", "#c0392b"], ["passives", "#bdc3c7"], ["promoters", "#1e8449"]]) {
      const s = document.createElement("span"); s.style.width = (100 * L.nps[k] / tot) + "%"; s.style.background = c;
      bar.append(s);
    }
    set("nps-split", t("classroom.trainer.nps_split", L.nps));
  } else set("nps-split", "");
  likert(L.items);
  const ul = document.getElementById("comments");
  ul.replaceChildren();
  if (!L.comments.length) { const li = document.createElement("li"); li.className = "muted"; li.textContent = t("classroom.trainer.no_comments"); ul.append(li); }
  for (const c of L.comments) { const li = document.createElement("li"); li.textContent = c.text; ul.append(li); }
  set("updated", offline ? t("classroom.trainer.offline") : t("classroom.trainer.updated", {time: new Date().toLocaleTimeString(lang)}));
}
async function poll() {
  try {
    const [en, zh] = await Promise.all(["en", "zh-CN"].map(l =>
      fetch(api + "/summary?lang=" + l, {headers: auth, cache: "no-store"}).then(r => { if (!r.ok) throw r; return r.json(); })));
    S = {open: en.open, en: en, "zh-CN": zh}; offline = false;
  } catch (e) { offline = true; }
  show();
  timer = setTimeout(poll, D.poll_ms);
}
document.getElementById("close").addEventListener("click", async () => {
  if (!confirm(t("classroom.trainer.confirm_close"))) return;
  await fetch(api + "/close", {method: "POST", headers: auth});
  clearTimeout(timer); poll();
});
document.getElementById("export").addEventListener("click", async (ev) => {
  ev.preventDefault();
  const r = await fetch(api + "/export.csv", {headers: auth});
  const blob = await r.blob(); const a = document.createElement("a");
  a.href = URL.createObjectURL(blob); a.download = "classroom_" + D.room + ".csv"; a.click();
});
for (const l of ["en", "zh-CN"]) document.getElementById("lang-" + l).addEventListener("click", () => { lang = l; show(); });
document.getElementById("qr-img").src = D.qr;
show();
poll();
</script>
</body></html>
"""

MESSAGE = """<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>csat_lab</title><style nonce="__NONCE__">""" + _STYLE + """</style></head>
<body><main><p id="message">__MESSAGE__</p></main></body></html>
"""


def page(template: str, nonce: str, data: Any) -> str:
    """``template`` with its nonce and JSON data block filled in."""
    return template.replace("__NONCE__", nonce).replace("__DATA__", json_block(data))


def message_page(nonce: str, text: str) -> str:
    """A one-line page (a refused dashboard, an unknown room), HTML-escaped."""
    import html

    return MESSAGE.replace("__NONCE__", nonce).replace("__MESSAGE__", html.escape(text))
