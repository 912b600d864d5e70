// Search for a brief site. The index is a set of scripts written by the
// build (see builder/render/search.go): the manifest, search/index.js,
// loaded before this script as a plain <script> (window.BRIEF_SEARCH),
// and shards that this script loads as <script> elements when a query
// needs them, each calling BRIEF_SEARCH_SHARD(id, data). Scripts, not
// fetch, so that search works from file:// and offline; nothing is
// requested from anywhere else.
//
// A query loads, at once, the term shard of each word (and, for the
// last word typed, of the words it begins), of the names it may be a
// typo of and of the postings of the actors it names; then the records
// of the first results, and more when the reader asks: a small part of
// a big index, in two rounds of loading. Each shard is a script element
// and costs the browser a few milliseconds whatever its size, so the
// number of shards, more than their bytes, is what a query costs.
//
// The messages it shows are the site's language's: the search page
// writes them as JSON (#search-text, from templates/i18n).
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
  var more = document.getElementById("search-more");
  if (!form || !input || !list || !status) return;

  // T is the messages; a search page of a site's own that predates them
  // gets the English ones.
  var T = {
    lang: "en", searching: "Searching…", none: "No results for “{q}”.",
    results: { one: "{n} result for “{q}”.", other: "{n} results for “{q}”." },
    no_index: "The search index (search/index.js) is missing.", partial: "Part of the search index could not be loaded.",
    failed: "The search failed: {error}", day: "{d} {month} {y}", months: null,
    kinds: { person: "Person", organization: "Organisation", country: "Country", place: "Place", event: "Event", article: "Article" }
  };
  try {
    var own = JSON.parse(document.getElementById("search-text").textContent);
    for (var k in own) if (own[k]) T[k] = own[k];
  } catch (e) { /* no messages on the page: the English ones */ }
  function fill(s, vars) {
    return String(s).replace(/\{(\w+)\}/g, function (m, name) { return name in vars ? vars[name] : m; });
  }
  var rules = null;
  try { rules = new Intl.PluralRules(T.lang); } catch (e) { rules = null; }
  // count is the plural form of forms for n, as tn in templates/i18n.
  function count(forms, n, vars) {
    var cat = rules ? rules.select(n) : (n === 1 ? "one" : "other");
    vars.n = String(n);
    return fill(forms[cat] || forms.other, vars);
  }
  // day writes a full date (YYYY-MM-DD) as the site's pages do; a week,
  // month or year stays as the index has it.
  function day(d) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || "");
    if (!m || !T.months) return d;
    return fill(T.day, { d: String(+m[3]), month: T.months[+m[2] - 1], y: m[1] });
  }

  if (!M || M.v !== 2) {
    status.textContent = T.no_index;
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
  var PATHS = { event: "events/", article: "articles/" };
  // Results shown at first, and at each "more": the first page of a rare
  // word's results loads about one document shard per result.
  var FIRST = 10, NEXT = 20;
  // How much of the index completing the last word may load.
  var PREFIX_BUDGET = 128000;

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

  // typoCandidates returns the names and event title words within the
  // typo allowance of a term; they stand for it if it turns out to be no
  // name and no word of a title (typos).
  function typoCandidates(term) {
    if (vocab[term] || term.length < 4 || /^[0-9]+$/.test(term)) return [];
    var max = term.length >= 8 ? 2 : 1, out = [];
    for (var i = 0; i < vocabList.length; i++) {
      var w = vocabList[i];
      if (w !== term && distance(term, w, max) <= max) out.push(w);
    }
    return out;
  }
  function typos(term, candidates) {
    return candidates.length && !hasTitleOrName(postings(term)) ? candidates : [];
  }

  // named returns the actors a term's forms name, as their postings
  // "@slug" with the factor of the best form; the last term also names
  // the actors one of whose words it begins.
  function named(term, fs, isLast) {
    var out = [];
    M.actors.forEach(function (a, j) {
      var f = 0;
      fs.forEach(function (x) { if (actorWords[j][x[0]] && x[1] > f) f = x[1]; });
      if (isLast && !f && term.length >= 2) {
        for (var w in actorWords[j]) if (w.lastIndexOf(term, 0) === 0) { f = 0.9; break; }
      }
      if (f) out.push(["@" + a[0], f]);
    });
    return out;
  }

  // search runs a query: it loads, in one round, the shards of its
  // words, of the names they may be typos of and of the actors they
  // may name, and scores every document.
  function search(q) {
    var terms = words(q);
    if (!terms.length) return Promise.resolve({ terms: [], hits: [] });
    var last = terms.length - 1;
    var cands = terms.map(typoCandidates);
    var keys = [];
    function need(k) { if (k !== null && keys.indexOf(k) < 0) keys.push(k); }
    terms.forEach(function (t, i) {
      (i === last ? prefixKeys(t) : [keyOf(t)]).forEach(need);
      cands[i].forEach(function (w) { need(keyOf(w)); });
      // Every actor the term may name: by itself or a typo.
      named(t, [[t, 1]].concat(cands[i].map(function (w) { return [w, 0.8]; })), i === last).forEach(function (x) { need(keyOf(x[0])); });
    });
    return loadAll(keys).then(function () {
      // Per term: the words it stands for, each with its factor.
      var forms = terms.map(function (t, i) {
        var fs = [[t, 1]];
        typos(t, cands[i]).forEach(function (w) { fs.push([w, 0.8]); });
        if (i === last && t.length >= 2) {
          prefixKeys(t).forEach(function (k) {
            var sh = got["t" + k];
            if (sh) for (var w in sh) if (w !== t && w.lastIndexOf(t, 0) === 0) fs.push([w, 0.9]);
          });
        }
        return fs;
      });
      var names = forms.map(function (fs, i) { return named(terms[i], fs, i === last); });
      // A word that completes the last term may name an actor not
      // loaded yet; rare, and one more round.
      var rest = [];
      forms.concat(names).forEach(function (fs) { fs.forEach(function (x) { var k = keyOf(x[0]); if (k !== null && !(("t" + k) in got)) rest.push(k); }); });
      return loadAll(rest).then(function () { return score(terms, forms, names); });
    });
  }
  function loadAll(keys) { return Promise.all(keys.map(loadTerms)); }

  function score(terms, forms, names) {
    var n = M.docs, total = new Float64Array(n), count = new Uint16Array(n), best = new Float64Array(n);
    for (var t = 0; t < terms.length; t++) {
      var touched = [];
      forms[t].concat(names[t]).forEach(function (x) { add(postings(x[0]), x[1], best, touched); });
      for (var i = 0; i < touched.length; i++) {
        total[touched[i]] += best[touched[i]];
        count[touched[i]]++;
        best[touched[i]] = 0;
      }
    }
    // Order: score in tenths (weights times 1, 0.9 or 0.8 are whole
    // tenths), highest first, then id, newest first. A counting sort by
    // score, the ids taken newest first: linear in the documents, where
    // sorting the hits of a common word in a big archive was not.
    var key = new Int32Array(n), top = 0, nh = 0, id;
    for (id = 0; id < n; id++) {
      if (count[id] === terms.length) {
        key[id] = Math.round(total[id] * 10) + 1;
        if (key[id] > top) top = key[id];
        nh++;
      }
    }
    var at = new Int32Array(top + 2);
    for (id = 0; id < n; id++) if (key[id]) at[key[id]]++;
    for (var s = top, pos = 0; s > 0; s--) { var c = at[s]; at[s] = pos; pos += c; }
    var hits = new Int32Array(nh);
    for (id = n - 1; id >= 0; id--) if (key[id]) hits[at[key[id]]++] = id;
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
      return Array.prototype.map.call(ids, function (id) {
        var sh = got["d" + Math.floor(id / per)];
        var r = sh && sh[id % per];
        if (!r) return null;
        return { kind: T.kinds[r[0]] || "", url: (PATHS[r[0]] || "actors/") + r[1] + "/", title: r[2], date: day(r[3]), meta: r[4], text: r[5], quotes: r[6] };
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

  // show runs a query and lists its first results; a query typed since
  // wins. The status says "searching" only when the answer is slow, so
  // that a screen reader does not hear it at every key.
  var seq = 0, current = null;
  function show(q) {
    var mine = ++seq;
    var r;
    var slow = setTimeout(function () { if (mine === seq) status.textContent = T.searching; }, 300);
    return search(q).then(function (res) {
      r = res;
      return records(r.hits.subarray(0, FIRST));
    }).then(function (docs) {
      clearTimeout(slow);
      if (mine !== seq) return;
      list.textContent = "";
      current = { r: r, shown: docs.length, seq: mine };
      if (more) more.hidden = true;
      if (!r.terms.length) { status.textContent = ""; done(q, 0); return; }
      var n = r.hits.length;
      status.textContent = n === 0 ? fill(T.none, { q: q }) : count(T.results, n, { q: q });
      if (missing) status.textContent += " " + T.partial;
      append(docs, r.terms);
      if (more) more.hidden = n <= FIRST;
      done(q, n);
    }).catch(function (e) {
      clearTimeout(slow);
      if (mine !== seq) return;
      status.textContent = fill(T.failed, { error: String(e) });
      done(q, 0);
    });
  }

  // showMore lists the next results of the query shown.
  function showMore() {
    var c = current;
    if (!c || c.seq !== seq) return;
    records(c.r.hits.subarray(c.shown, c.shown + NEXT)).then(function (docs) {
      if (c !== current || c.seq !== seq) return;
      c.shown += docs.length;
      append(docs, c.r.terms);
      more.hidden = c.shown >= c.r.hits.length;
      if (missing && status.textContent.indexOf(T.partial) < 0) status.textContent += " " + T.partial;
    });
  }
  if (more) more.querySelector("button").addEventListener("click", showMore);

  // append lists documents, their words found marked.
  function append(docs, terms) {
    docs.forEach(function (d) {
      var li = document.createElement("li");
      li.className = "item search-hit";
      var a = document.createElement("a");
      a.className = "item-title";
      a.href = link(d.url);
      highlight(a, d.title, terms);
      li.appendChild(a);
      var meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = [d.kind, d.date, d.meta].filter(Boolean).join(" · ");
      li.appendChild(meta);
      var s = snippet(d, terms);
      if (s) {
        var p = document.createElement("p");
        p.className = "summary snippet";
        highlight(p, s, terms);
        li.appendChild(p);
      }
      list.appendChild(li);
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
