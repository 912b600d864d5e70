// Search for a brief site. The index is a set of scripts written by the
// build (see builder/render/search.go): the manifest, search/index.js,
// loaded before this script as a plain <script> (window.BRIEF_SEARCH),
// and shards that this script loads as <script> elements when a query
// needs them, each calling BRIEF_SEARCH_SHARD(id, data). Scripts, not
// fetch, so that search works from file:// and offline; nothing is
// requested from anywhere else.
//
// A query loads the term shard of each word (and, for the last word
// typed, of the words it begins), the postings of the actors it names,
// and the records of the results shown: a small part of a big index.
//
// Ranking: a term found in an actor's name or an item's title scores
// highest, then an actor's aliases, quotes and the actors an item
// involves, and the text. Every term must match somewhere. A term that
// is no name and no word of a title is also matched against the names
// of actors and the words of event titles with one typo (terms of 4-7
// letters) or two (8 and more), the way actor misspellings are linked:
// "Zelenski" finds Zelenskyy.
(function () {
  "use strict";

  // Words are normalised as the index's are (foldWords in search.go):
  // lower case, no diacritics, the letters without a decomposition
  // spelt out, and Cyrillic words cut to their stem, so that
  // "Зеленського" meets Зеленський and "erdogan" Erdoğan.
  var LETTERS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ς": "σ" };
  function fold(s) {
    s = String(s || "").toLowerCase();
    if (s.normalize) s = s.normalize("NFD").replace(/\p{Mn}/gu, "");
    return s.replace(/[ßæœøłđðþıς]/g, function (c) { return LETTERS[c]; });
  }
  // The case endings of stem in search.go, longest first.
  var ENDINGS = ["иями", "иям", "иях", "иею", "иеи", "ого", "его", "ому", "ему", "ими", "ами", "ями", "ови", "еви",
    "ии", "ия", "ию", "ои", "еи", "ою", "ею", "ая", "яя", "ое", "ее", "ие", "ую", "юю",
    "им", "ом", "ем", "их", "ах", "ях", "ам", "ям", "ов", "ев", "ив",
    "а", "я", "у", "ю", "и", "е", "о"];
  var STEM_ENDINGS = ["ов", "ев", "ив"];
  var MIN_STEM = 3;
  function cutEnding(w, endings) {
    for (var i = 0; i < endings.length; i++) {
      var e = endings[i];
      if (w.length - e.length >= MIN_STEM && w.slice(-e.length) === e) return w.slice(0, -e.length);
    }
    return w;
  }
  // stem is stemCyrillic of search.go, for a folded word.
  function stem(w) {
    if (!/^[\u0400-\u04ff]+$/.test(w)) return w;
    w = w.replace(/[ьъ]/g, "").replace(/[іы]/g, "и").replace(/[єэ]/g, "е").replace(/ґ/g, "г");
    return cutEnding(cutEnding(w, ENDINGS), STEM_ENDINGS);
  }
  function words(s) {
    return (fold(s).match(/[\p{L}\p{N}]+/gu) || []).map(stem).filter(function (w) { return w !== ""; });
  }
  // For the test that compares this normaliser with the index's.
  window.BRIEF_SEARCH_WORDS = words;

  var M = window.BRIEF_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;
  if (!M || M.v !== 2) {
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

  // Weights of the fields of a posting: name, title, alias, quote or
  // person, text.
  var W = [12, 10, 7, 3, 1];
  var KINDS = { person: "Person", organization: "Organisation", country: "Country", place: "Place", event: "Event", article: "Article" };
  var PATHS = { event: "events/", article: "articles/" };
  var LIMIT = 50;
  // How much of the index completing the last word may load.
  var PREFIX_BUDGET = 400000;

  function set(ws) {
    var o = Object.create(null);
    for (var i = 0; i < ws.length; i++) o[ws[i]] = true;
    return o;
  }

  // Shards: term shards by key, with their sizes; document shards by
  // number.
  var sizes = Object.create(null), keys = [];
  M.shards.forEach(function (s) { sizes[s[0]] = s[1]; keys.push(s[0]); });
  var got = Object.create(null), waiting = Object.create(null), missing = false;
  window.BRIEF_SEARCH_SHARD = function (id, data) {
    got[id] = data;
    var w = waiting[id];
    delete waiting[id];
    if (w) w.forEach(function (f) { f(); });
  };
  function load(id, file) {
    return new Promise(function (resolve) {
      if (id in got) { resolve(got[id]); return; }
      var done = function () { resolve(got[id]); };
      if (waiting[id]) { waiting[id].push(done); return; }
      waiting[id] = [done];
      var el = document.createElement("script");
      el.src = root + "search/" + file;
      el.onerror = function () { missing = true; window.BRIEF_SEARCH_SHARD(id, null); };
      document.head.appendChild(el);
    });
  }
  function hex(s) {
    var b = new TextEncoder().encode(s), out = "";
    for (var i = 0; i < b.length; i++) out += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return out;
  }
  function loadTerms(key) { return load("t" + key, "t/x" + hex(key) + ".js"); }
  // keyOf is the key of the shard that holds word: the longest key it
  // starts with.
  function keyOf(word) {
    for (var n = word.length; n >= 0; n--) {
      var k = word.slice(0, n);
      if (k in sizes) return k;
    }
    return null;
  }
  // prefixKeys are the keys of the shards that hold the words starting
  // with p, as far as the budget goes.
  function prefixKeys(p) {
    var out = [], own = keyOf(p), spent = 0;
    if (own !== null) { out.push(own); spent = sizes[own]; }
    if (p.length < 2) return out;
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (k !== own && k.length > p.length && k.lastIndexOf(p, 0) === 0 && spent + sizes[k] <= PREFIX_BUDGET) {
        out.push(k);
        spent += sizes[k];
      }
    }
    return out;
  }
  function postings(word) {
    var k = keyOf(word), sh = k === null ? null : got["t" + k];
    return sh ? sh[word] || "" : "";
  }

  // Postings are gaps in base 32 (see search.go): a digit from MORE
  // continues a number, one from FINAL ends it; commas separate fields.
  var FINAL = new Int8Array(128).fill(-1), MORE = new Int8Array(128).fill(-1);
  "0123456789ABCDEFGHIJKLMNOPQRSTUV".split("").forEach(function (c, i) { FINAL[c.charCodeAt(0)] = i; });
  "WXYZabcdefghijklmnopqrstuvwxyz_$".split("").forEach(function (c, i) { MORE[c.charCodeAt(0)] = i; });
  // add raises best[id] to the weight of each posting's field times
  // factor, and lists the ids it sets first in touched.
  function add(p, factor, best, touched) {
    var f = 0, prev = -1, v = 0;
    for (var i = 0; i < p.length; i++) {
      var c = p.charCodeAt(i);
      if (c === 44) { f++; prev = -1; v = 0; continue; }
      var m = MORE[c];
      if (m >= 0) { v = v * 32 + m; continue; }
      v = v * 32 + FINAL[c];
      prev += v + 1;
      v = 0;
      var s = W[f] * factor;
      if (s > best[prev]) {
        if (!best[prev]) touched.push(prev);
        best[prev] = s;
      }
    }
  }
  // hasTitleOrName reports whether postings have a name or a title.
  function hasTitleOrName(p) {
    var c = p.indexOf(",");
    if (p.length > 0 && c !== 0) return true;
    return c === 0 && p.length > 1 && p.charAt(1) !== ",";
  }

  // Names: every word of an actor's names, for the actors a query names
  // and, with event titles' words, for typos.
  var actorWords = M.actors.map(function (a) { return set(words([a[1]].concat(a[2]).join(" "))); });
  var vocab = set(M.vocab);
  actorWords.forEach(function (ws) { for (var w in ws) vocab[w] = true; });
  var vocabList = Object.keys(vocab).filter(function (w) { return w.length >= 3; });

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

  // typos returns the names and event title words within the typo
  // allowance of a term that is no name and no word of a title.
  function typos(term) {
    if (vocab[term] || term.length < 4 || /^[0-9]+$/.test(term) || hasTitleOrName(postings(term))) return [];
    var max = term.length >= 8 ? 2 : 1, out = [];
    for (var i = 0; i < vocabList.length; i++) {
      var w = vocabList[i];
      if (w !== term && distance(term, w, max) <= max) out.push(w);
    }
    return out;
  }

  // search runs a query: it loads the shards of its words, then those of
  // the typo variants and the actors named, and scores every document.
  function search(q) {
    var terms = words(q);
    if (!terms.length) return Promise.resolve({ terms: [], hits: [] });
    var last = terms.length - 1;
    var first = [];
    terms.forEach(function (t, i) {
      (i === last ? prefixKeys(t) : [keyOf(t)]).forEach(function (k) { if (k !== null) first.push(loadTerms(k)); });
    });
    return Promise.all(first).then(function () {
      // Per term: the words it stands for, each with its factor.
      var forms = terms.map(function (t, i) {
        var fs = [[t, 1]];
        typos(t).forEach(function (w) { fs.push([w, 0.8]); });
        if (i === last && t.length >= 2) {
          prefixKeys(t).forEach(function (k) {
            var sh = got["t" + k];
            if (sh) for (var w in sh) if (w !== t && w.lastIndexOf(t, 0) === 0) fs.push([w, 0.9]);
          });
        }
        return fs;
      });
      // The actors each form names, found by their postings "@slug".
      var named = forms.map(function (fs, i) {
        var out = [];
        M.actors.forEach(function (a, j) {
          var f = 0;
          fs.forEach(function (x) { if (actorWords[j][x[0]] && x[1] > f) f = x[1]; });
          if (i === last && !f && terms[i].length >= 2) {
            for (var w in actorWords[j]) if (w.lastIndexOf(terms[i], 0) === 0) { f = 0.9; break; }
          }
          if (f) out.push(["@" + a[0], f]);
        });
        return out;
      });
      var more = [];
      forms.concat(named).forEach(function (fs) {
        fs.forEach(function (x) { var k = keyOf(x[0]); if (k !== null && !(("t" + k) in got)) more.push(loadTerms(k)); });
      });
      return Promise.all(more).then(function () { return score(terms, forms, named); });
    });
  }

  function score(terms, forms, named) {
    var n = M.docs, total = new Float64Array(n), count = new Uint16Array(n);
    for (var t = 0; t < terms.length; t++) {
      var best = new Float64Array(n), touched = [];
      forms[t].concat(named[t]).forEach(function (x) { add(postings(x[0]), x[1], best, touched); });
      for (var i = 0; i < touched.length; i++) {
        total[touched[i]] += best[touched[i]];
        count[touched[i]]++;
      }
    }
    // Sort keys: score in tenths (weights times 1, 0.9 or 0.8 are
    // whole tenths), then id, newest first.
    var keyed = [];
    for (var id = 0; id < n; id++) {
      if (count[id] === terms.length) keyed.push(Math.round(total[id] * 10) * 16777216 + id);
    }
    var sorted = Float64Array.from(keyed).sort().reverse();
    var hits = new Array(sorted.length);
    for (var h = 0; h < sorted.length; h++) hits[h] = sorted[h] % 16777216;
    var shown = [];
    forms.forEach(function (fs) { fs.forEach(function (x) { if (shown.indexOf(x[0]) < 0) shown.push(x[0]); }); });
    return { terms: shown, hits: hits };
  }

  // records loads the documents of ids.
  function records(ids) {
    var per = M.per, need = [];
    ids.forEach(function (id) {
      var k = Math.floor(id / per);
      if (need.indexOf(k) < 0) need.push(k);
    });
    return Promise.all(need.map(function (k) { return load("d" + k, "d/" + k + ".js"); })).then(function () {
      return ids.map(function (id) {
        var sh = got["d" + Math.floor(id / per)];
        var r = sh && sh[id % per];
        if (!r) return null;
        return { kind: KINDS[r[0]] || "Actor", url: (PATHS[r[0]] || "actors/") + r[1] + "/", title: r[2], date: r[3], meta: r[4], text: r[5], quotes: r[6] };
      }).filter(Boolean);
    });
  }

  // found calls f(start, end) for each word of text that begins with one
  // of the terms, once normalised as they are: a stem marks every form.
  function found(text, terms, f) {
    var re = /[\p{L}\p{N}\p{Mn}]+/gu, m;
    while ((m = re.exec(text))) {
      var w = words(m[0])[0] || "";
      for (var i = 0; i < terms.length; i++) {
        if (w.lastIndexOf(terms[i], 0) === 0) {
          if (f(m.index, m.index + m[0].length)) return;
          break;
        }
      }
    }
  }

  // highlight appends text to el with every word found in <mark>.
  function highlight(el, text, terms) {
    var last = 0;
    found(text, terms, function (start, end) {
      if (start > last) el.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      el.appendChild(mark);
      last = end;
    });
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
  }

  // snippet returns about 180 characters of the text or a quote around
  // the first term found.
  function snippet(d, terms) {
    var texts = [d.text].concat(d.quotes.map(function (q) { return "“" + q[0] + "”" + (q[1] ? " — " + q[1] : ""); }));
    for (var i = 0; i < texts.length; i++) {
      var t = texts[i] || "", at = -1;
      found(t, terms, function (start) { at = start; return true; });
      if (at >= 0) return cut(t, at);
    }
    return cut(d.text || "", 0);
  }
  function cut(t, at) {
    var from = Math.max(0, at - 60), to = Math.min(t.length, from + 180);
    if (from > 0) { var sp = t.indexOf(" ", from); if (sp >= 0 && sp < at) from = sp + 1; }
    if (to < t.length) { var sp2 = t.lastIndexOf(" ", to); if (sp2 > at) to = sp2; }
    return (from > 0 ? "…" : "") + t.slice(from, to) + (to < t.length ? "…" : "");
  }

  // show runs a query and lists its results; a query typed since wins.
  var seq = 0;
  function show(q) {
    var mine = ++seq;
    var r;
    return search(q).then(function (res) {
      r = res;
      return records(r.hits.slice(0, LIMIT));
    }).then(function (docs) {
      if (mine !== seq) return;
      list.textContent = "";
      if (!r.terms.length) { status.textContent = ""; done(q, 0); return; }
      var n = r.hits.length;
      status.textContent = n === 0 ? "No results for “" + q + "”." :
        (n === 1 ? "1 result" : n + " results") + " for “" + q + "”" + (n > LIMIT ? ", the first " + LIMIT + " shown." : ".");
      if (missing) status.textContent += " Part of the search index could not be loaded.";
      docs.forEach(function (d) {
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
      done(q, n);
    }).catch(function (e) {
      if (mine !== seq) return;
      status.textContent = "The search failed: " + e;
      done(q, 0);
    });
  }
  // done tells whoever listens (tests, benchmarks) that results are shown.
  function done(q, n) {
    document.dispatchEvent(new CustomEvent("brief-search", { detail: { query: q, results: n } }));
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
    clearTimeout(timer);
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
  document.documentElement.setAttribute("data-search-ready", String(M.docs));
})();
