// Search for a brief site. The index is search/index.js, loaded before
// this script as a plain <script> (window.BRIEF_SEARCH), so that search
// works from file:// and offline. Nothing is fetched from anywhere.
//
// Ranking: a term found in a title or an actor's name scores highest,
// then an actor's aliases, quotes, the actors an item involves, and the
// text. Every term must match somewhere. A term that is no word of any
// title or name is also matched against names and titles with one typo
// (terms of 4-7 letters) or two (8 and more), the way actor misspellings
// are linked: "Zelenski" finds Zelenskyy.
(function () {
  "use strict";
  var data = window.BRIEF_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;
  if (!data) {
    status.textContent = "The search index (search/index.js) is missing.";
    return;
  }

  // Links are built from the form's address: "…/search/" on a server,
  // "…/search/index.html" in an archive, which names index.html in every
  // link so that it works from the file system.
  var action = form.action || "";
  var archive = /index\.html$/.test(action);
  var root = action.replace(/search\/(index\.html)?$/, "");
  function link(path) { return root + path + (archive ? "index.html" : ""); }

  var W = { name: 12, title: 10, alias: 7, quote: 3, who: 3, text: 1 };
  var KINDS = { person: "Person", organization: "Organisation", country: "Country", place: "Place" };

  function fold(s) {
    s = String(s || "").toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }
  function words(s) { return fold(s).split(/[^a-z0-9\u00c0-\uffff]+/).filter(Boolean); }

  // Documents: one per actor, event and article, each with its fields'
  // words as sets.
  var docs = [], vocab = Object.create(null);
  function field(list) {
    var set = Object.create(null);
    for (var i = 0; i < list.length; i++) {
      var ws = words(list[i]);
      for (var j = 0; j < ws.length; j++) set[ws[j]] = true;
    }
    return set;
  }
  function addVocab(set) { for (var w in set) vocab[w] = true; }

  var actors = data.actors || [], events = data.events || [], articles = data.articles || [];
  var actorNames = actors.map(function (a) { return [a[1]].concat(a[4], a[5]); });
  function who(idx) {
    var out = [];
    for (var i = 0; i < idx.length; i++) out = out.concat(actorNames[idx[i]] || []);
    return out;
  }
  actors.forEach(function (a) {
    var d = { kind: KINDS[a[2]] || "Actor", title: a[1], url: "actors/" + a[0] + "/", date: "",
      meta: a[3], text: a[6], quotes: [],
      f: { name: field([a[1]]), alias: field(a[4].concat(a[5])), text: field([a[3], a[6]]) } };
    addVocab(d.f.name); addVocab(d.f.alias);
    docs.push(d);
  });
  events.forEach(function (e) {
    var d = { kind: "Event", title: e[1], url: "events/" + e[0] + "/", date: e[2],
      meta: e[5], text: e[3], quotes: [],
      f: { title: field([e[1]]), who: field(who(e[4]).concat([e[5]])), text: field([e[3]]) } };
    addVocab(d.f.title);
    docs.push(d);
  });
  articles.forEach(function (a) {
    var quotes = a[5].map(function (q) { return q[0]; });
    var d = { kind: "Article", title: a[1], url: "articles/" + a[0] + "/", date: a[2],
      meta: a[3], text: a[4], quotes: a[5],
      f: { title: field([a[1]]), quote: field(quotes), who: field(who(a[6]).concat(a[5].map(function (q) { return q[1]; }))), text: field([a[4], a[3]]) } };
    addVocab(d.f.title);
    docs.push(d);
  });
  var vocabList = Object.keys(vocab);

  // Edit distance with adjacent transpositions, given up past max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  // variants returns the words a query term stands for: itself, and for
  // a term that is no word of a title or name, the names and title words
  // within the typo allowance.
  function variants(term) {
    var out = [term];
    if (vocab[term] || term.length < 4 || /^[0-9]+$/.test(term)) return out;
    var max = term.length >= 8 ? 2 : 1;
    for (var i = 0; i < vocabList.length; i++) {
      var w = vocabList[i];
      if (w.length >= 3 && distance(term, w, max) <= max) out.push(w);
    }
    return out;
  }

  // matchIn reports whether a word set holds the term (or, for the last
  // term typed, a word starting with it).
  function matchIn(set, vs, prefix) {
    for (var i = 0; i < vs.length; i++) {
      if (set[vs[i]]) return i === 0 ? 1 : 0.8;
    }
    if (prefix && vs[0].length >= 2) {
      for (var w in set) if (w.lastIndexOf(vs[0], 0) === 0) return 0.9;
    }
    return 0;
  }

  function search(q) {
    var terms = words(q);
    if (!terms.length) return { terms: [], hits: [] };
    var vs = terms.map(variants);
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i], score = 0, all = true;
      for (var t = 0; t < vs.length && all; t++) {
        var best = 0, prefix = t === vs.length - 1;
        for (var k in d.f) {
          var m = matchIn(d.f[k], vs[t], prefix);
          if (m && W[k] * m > best) best = W[k] * m;
        }
        if (!best) all = false;
        score += best;
      }
      if (all) hits.push({ d: d, score: score });
    }
    hits.sort(function (a, b) {
      if (b.score !== a.score) return b.score - a.score;
      if (a.d.date !== b.d.date) return a.d.date < b.d.date ? 1 : -1;
      return a.d.title < b.d.title ? -1 : 1;
    });
    var shown = [];
    vs.forEach(function (v) { shown = shown.concat(v); });
    return { terms: shown, hits: hits };
  }

  // highlight appends text to el with every word starting with one of
  // the terms in <mark>.
  function highlight(el, text, terms) {
    var src = fold(text);
    var re = new RegExp("(^|[^a-z0-9\u00c0-\uffff])(" + terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "g");
    var last = 0, m;
    // fold keeps the length of most text; fall back to no marks if not.
    if (src.length !== text.length) { el.appendChild(document.createTextNode(text)); return; }
    while ((m = re.exec(src))) {
      var start = m.index + m[1].length, end = start + m[2].length;
      while (end < src.length && /[a-z0-9\u00c0-\uffff]/.test(src[end])) end++;
      if (start > last) el.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      el.appendChild(mark);
      last = end;
      re.lastIndex = end;
    }
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
  }

  // snippet returns about 180 characters of the text or a quote around
  // the first term found.
  function snippet(d, terms) {
    var texts = [d.text].concat(d.quotes.map(function (q) { return "“" + q[0] + "”" + (q[1] ? " — " + q[1] : ""); }));
    for (var i = 0; i < texts.length; i++) {
      var t = texts[i] || "", f = fold(t);
      for (var j = 0; j < terms.length; j++) {
        var at = f.search(new RegExp("(^|[^a-z0-9\u00c0-\uffff])" + terms[j].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
        if (at >= 0) return cut(t, at);
      }
    }
    return cut(d.text || "", 0);
  }
  function cut(t, at) {
    var from = Math.max(0, at - 60), to = Math.min(t.length, from + 180);
    if (from > 0) { var sp = t.indexOf(" ", from); if (sp >= 0 && sp < at) from = sp + 1; }
    if (to < t.length) { var sp2 = t.lastIndexOf(" ", to); if (sp2 > at) to = sp2; }
    return (from > 0 ? "…" : "") + t.slice(from, to) + (to < t.length ? "…" : "");
  }

  var LIMIT = 50;
  function show(q) {
    list.textContent = "";
    var r = search(q);
    if (!r.terms.length) { status.textContent = ""; return; }
    var n = r.hits.length;
    status.textContent = n === 0 ? "No results for “" + q + "”." :
      (n === 1 ? "1 result" : n + " results") + " for “" + q + "”" + (n > LIMIT ? ", the first " + LIMIT + " shown." : ".");
    r.hits.slice(0, LIMIT).forEach(function (h) {
      var d = h.d;
      var li = document.createElement("li");
      li.className = "item search-hit";
      var a = document.createElement("a");
      a.className = "item-title";
      a.href = link(d.url);
      highlight(a, d.title, r.terms);
      li.appendChild(a);
      var meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = [d.kind, d.date, d.meta].filter(Boolean).join(" · ");
      li.appendChild(meta);
      var s = snippet(d, r.terms);
      if (s) {
        var p = document.createElement("p");
        p.className = "summary snippet";
        highlight(p, s, r.terms);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  function setQuery(q) {
    try {
      var u = new URL(window.location.href);
      if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
      window.history.replaceState(null, "", u.href);
    } catch (e) { /* file:// in some browsers: the address just stays */ }
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    setQuery(input.value.trim());
    show(input.value);
  });
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  });

  var q = "";
  try { q = new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { q = ""; }
  if (q) {
    input.value = q;
    show(q);
  }
  document.documentElement.setAttribute("data-search-ready", String(docs.length));
})();
