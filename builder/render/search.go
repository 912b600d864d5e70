package render

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"hash/maphash"
	"html"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/briefhq/brief/builder/model"
)

// The search index is a set of scripts, so that search works from
// file:// (browsers refuse to fetch JSON there): the search page loads
// the manifest with a <script> tag, and static/search.js loads the
// shards a query needs by adding <script> elements, each of which calls
// BRIEF_SEARCH_SHARD(id, data). The search runs in the browser; no
// service, no Node.js at build time.
//
// Documents are the actors, events and articles, numbered in the order
// of their dates, oldest first (undated actors before everything), and
// for one date by title, last first: so that the id, descending, is the
// order of results of equal score (newest first, then by title), and an
// archive that grows by new coverage keeps the ids it had.
//
// Words are normalised the same way here and in search.js: runs of
// Unicode letters and digits, lower-cased, diacritics removed, Cyrillic
// words stemmed (foldWords).
//
//	search/index.js      the manifest:
//	  window.BRIEF_SEARCH={"v":2, "docs":N, "per":P,
//	    "shards":[[key, bytes], ...],        term shards, by key
//	    "actors":[[slug, name, [aliases and misspellings]], ...],
//	    "vocab":[word, ...]}                  words of event titles
//	search/t/xHEX.js     a term shard: the words whose longest shard key
//	                     prefix is key (HEX is key's UTF-8 in hex; the
//	                     root shard's key is ""):
//	  BRIEF_SEARCH_SHARD("t"+key, {word: postings, ...})
//	search/d/K.js        documents K*P to K*P+P-1:
//	  BRIEF_SEARCH_SHARD("dK", [[kind, slug, title, date, meta, text, [[quote, speaker], ...]], ...])
//
// A shard key is a prefix: a word is in the shard of the longest key it
// starts with. Keys are made by splitting a prefix's words by their next
// letter while its shard is over searchShardBytes, moving the largest
// groups out first, so a key is as long as it needs to be and a shard
// changes only when the words under its prefix do. One word with many
// postings keeps a shard of its own.
//
// Postings are the ids of the documents a word is in, by the field it is
// in (the best one per document): name, title, alias, quote or person
// (quotes, speakers, places), text — five lists separated by commas,
// trailing empty ones left out. Each list is ids as gaps (id − previous
// − 1, starting from −1) in base 32, most significant digit first: the
// last digit of a number from searchFinal, the others from searchMore.
// Actors' links to the items that name them are the postings of the
// word "@slug" (no typed word starts with @), so a query for a name
// finds its coverage without repeating every alias in every article.
//
// The index is computed when the site is planned, from what the last
// build of the session computed (see searchCache): only the items that
// changed are tokenised again and only the words whose postings changed
// are encoded again; shards and document ranges whose contents did not
// change keep their signature and are not written again.

// SearchIndexFile is the path of the search manifest.
const SearchIndexFile = "search/index.js"

const (
	searchTextLen    = 300      // bytes of text kept per item
	searchQuotes     = 4        // quotes kept per article
	searchQuoteLen   = 160      // bytes kept per quote
	searchShardBytes = 32 << 10 // a term shard is split above this size
	// searchDocsPer is the number of documents per document shard. A
	// shard costs the page more (a script element, a few milliseconds
	// of the browser's) than its bytes: 32 documents, about 25 KB, make
	// the first page of results of a common word one or two shards, and
	// of a rare one at most one shard per result.
	searchDocsPer = 32
)

// The fields of a posting, best first (static/search.js weighs them).
const (
	fieldName = iota
	fieldTitle
	fieldAlias
	fieldWho
	fieldText
	numFields
)

const (
	searchFinal = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
	searchMore  = "WXYZabcdefghijklmnopqrstuvwxyz_$"
)

// searchDoc is a document of the index.
type searchDoc struct {
	kind, slug, title, date, meta, text string
	quotes                              [][2]string
	hash                                uint64
	links                               []*model.Actor // for the @slug postings
	// key is what the document's text and words are made of (the item's
	// hash, and for an event whether its place is an actor); words are
	// its words as wordSource.encode lists them.
	key   uint64
	words []byte
}

// searchIndexData is the whole index, as the plan needs it: the shard
// list to name the files, and the words with their encoded postings to
// write them.
type searchIndexData struct {
	docs   []searchDoc
	shards []termShard
	words  []*wordEntry // sorted
	actors []*model.Actor
	vocab  []string
}

// termShard is the words of the sorted list under key, by position, with
// the shard's size in bytes.
type termShard struct {
	key   string
	words []int
	size  int
}

// wordEntry is a word of the index with its postings: each a document
// id with its field in the top bits (fieldID), sorted, so that a field's
// ids are one run in id order.
type wordEntry struct {
	word string
	ids  []uint32
	enc  []byte // encodePostings of ids
	sum  uint64 // hash of enc, for the shard's signature
	// The changes of one build, applied together (see searchCache.apply).
	add, del []uint32
	dirty    bool
}

// fieldShift puts a posting's field above its document id.
const fieldShift = 27

func fieldID(f byte, id int) uint32 { return uint32(f)<<fieldShift | uint32(id) }

// searchCache is what one build of the index keeps for the next (see
// State): the documents in site order and by id, with their words, and
// every word's postings. A rebuild tokenises only the documents whose
// item changed, changes the postings only of the ids whose document
// changed or moved, and encodes again only the words whose postings
// changed. A build without a cache is a build against an empty one, so
// both run the same code.
type searchCache struct {
	global uint64
	site   []searchDoc // actors, events, articles, as the site lists them
	order  []int       // site position of each id
	byID   []searchDoc
	post   map[string]*wordEntry
	words  []*wordEntry // sorted
	// spare are the site and id arrays of the build before last, which
	// nothing reads any more once the last build is done: the next build
	// fills them instead of allocating two arrays of every document
	// (3.7 MB at 10,000 articles, a sixth of what a text edit allocated).
	spare [2][]searchDoc
}

// reuse returns a zeroed array of n documents, made from *spare when it
// is large enough.
func reuse(spare *[]searchDoc, n int) []searchDoc {
	s := *spare
	*spare = nil
	if cap(s) < n {
		return make([]searchDoc, n)
	}
	clear(s[:cap(s)]) // no document of two builds ago stays reachable
	return s[:n]
}

// searchJobs plans the search index: the manifest, the term shards and
// the document shards. c, when not nil, is the cache of the last build,
// brought up to date.
func searchJobs(s *model.Site, c *searchCache, global uint64) []Job {
	var ix *searchIndexData
	if c == nil {
		ix = (&searchCache{}).index(s, global)
		ix.dropTerms()
	} else {
		ix = c.index(s, global)
	}
	jobs := make([]Job, 0, 1+len(ix.shards)+len(ix.docs)/searchDocsPer+1)
	jobs = append(jobs, Job{File: SearchIndexFile, Kind: "search-index", Make: func(w Writer) error { ix.manifest(w); return nil }})
	for i := range ix.shards {
		sh := &ix.shards[i]
		jobs = append(jobs, Job{File: termShardFile(sh.key), Kind: "search-index",
			Make: func(w Writer) error { ix.writeTermShard(w, sh); return nil },
			Deps: func(sig *Sig) {
				for _, k := range sh.words {
					sig.Str(ix.words[k].word)
					sig.Uint(ix.words[k].sum)
				}
			}})
	}
	for lo := 0; lo < len(ix.docs); lo += searchDocsPer {
		ds := ix.docs[lo:min(lo+searchDocsPer, len(ix.docs))]
		n := lo / searchDocsPer
		jobs = append(jobs, Job{File: "search/d/" + strconv.Itoa(n) + ".js", Kind: "search-index",
			Make: func(w Writer) error { writeDocShard(w, n, ds); return nil },
			Deps: func(sig *Sig) {
				for i := range ds {
					sig.Str(ds[i].kind)
					sig.Uint(ds[i].hash)
				}
			}})
	}
	return jobs
}

// searchText is what static/search.js shows, in the site's language:
// the search page writes it as JSON that the script reads, so that a
// site in Ukrainian says "нічого не знайдено", not "No results". Counts
// come as their plural forms with the language, whose rules the
// browser knows (Intl.PluralRules); dates as date.day with the months.
func (c *catalog) searchText() map[string]any {
	kinds := map[string]string{"event": c.text["search.kind_event"], "article": c.text["search.kind_article"]}
	for _, k := range []string{model.Person, model.Organization, model.Country, model.Place} {
		kinds[k] = c.text["kind."+k]
	}
	out := map[string]any{"lang": c.base, "kinds": kinds, "results": c.plural["search.results"],
		"day": c.text["date.day"], "months": c.months["months_of"]}
	for _, k := range []string{"searching", "none", "no_index", "partial", "failed"} {
		out[k] = c.text["search."+k]
	}
	return out
}

// termShardFile names a term shard's file by its key in hex, which any
// file system takes.
func termShardFile(key string) string { return "search/t/x" + hex.EncodeToString([]byte(key)) + ".js" }

// index brings the cache up to date with s and returns the index.
func (c *searchCache) index(s *model.Site, global uint64) *searchIndexData {
	if c.global != global || c.post == nil {
		*c = searchCache{global: global, post: map[string]*wordEntry{}}
	}
	ix := &searchIndexData{actors: s.Actors}
	docs := reuse(&c.spare[0], len(s.Actors)+len(s.Events)+len(s.Articles))[:0]
	for _, a := range s.Actors {
		docs = append(docs, searchDoc{kind: a.Kind, slug: a.Slug, title: a.Name, meta: a.Role, hash: a.Hash, key: a.Hash})
	}
	for _, e := range s.Events {
		place := e.Place
		links := e.Actors
		key := e.Hash
		if e.PlaceActor != nil {
			place = e.PlaceActor.Name
			links = append(links[:len(links):len(links)], e.PlaceActor)
			key ^= 1
		}
		docs = append(docs, searchDoc{kind: "event", slug: e.Slug, title: e.Title, date: e.Date.String(), meta: place, hash: e.Hash, links: links, key: key})
	}
	for _, a := range s.Articles {
		docs = append(docs, searchDoc{kind: "article", slug: a.Slug, title: a.Title, date: a.Date.String(), meta: a.Publisher, hash: a.Hash, links: a.Actors, key: a.Hash})
	}
	nActors, nEvents := len(s.Actors), len(s.Events)

	// Reuse the text and words of every document whose item is as it
	// was (looked up by position first: an edit keeps the others in
	// place), and tokenise the others in parallel.
	type docID struct{ kind, slug string }
	var old map[docID]int
	var todo []int
	for i := range docs {
		d := &docs[i]
		j := i
		if j >= len(c.site) || c.site[j].kind != d.kind || c.site[j].slug != d.slug {
			if old == nil {
				old = make(map[docID]int, len(c.site))
				for k := range c.site {
					old[docID{c.site[k].kind, c.site[k].slug}] = k
				}
			}
			var ok bool
			if j, ok = old[docID{d.kind, d.slug}]; !ok {
				todo = append(todo, i)
				continue
			}
		}
		if o := &c.site[j]; o.key == d.key && o.words != nil {
			d.text, d.quotes, d.words = o.text, o.quotes, o.words
		} else {
			todo = append(todo, i)
		}
	}
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := w; k < len(todo); k += workers {
				i := todo[k]
				docs[i].words = docWords(s, &docs[i], i, nActors, nEvents)
			}
		}(w)
	}
	wg.Wait()

	// Number the documents (see the header comment): as before when no
	// document came, went or changed its place in the order.
	order := c.order
	if !sameOrder(c.site, docs) {
		order = make([]int, len(docs))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(i, j int) bool { return docLess(&docs[order[i]], &docs[order[j]]) })
	}
	ix.docs = reuse(&c.spare[1], len(docs))
	for id, i := range order {
		ix.docs[id] = docs[i]
	}

	// Postings: take out those of the ids whose document changed or
	// moved, and put in the new ones.
	var dirty []*wordEntry
	var added []string
	entry := func(w string) *wordEntry {
		e := c.post[w]
		if e == nil {
			e = &wordEntry{word: w}
			c.post[w] = e
			added = append(added, w)
		}
		if !e.dirty {
			e.dirty = true
			dirty = append(dirty, e)
		}
		return e
	}
	terms := func(d *searchDoc, id int, f func(e *wordEntry, v uint32)) {
		forWords(d.words, func(w string, fld byte) { f(entry(w), fieldID(fld, id)) })
		for k, x := range d.links {
			if !slices.Contains(d.links[:k], x) {
				f(entry("@"+x.Slug), fieldID(fieldWho, id))
			}
		}
	}
	del := func(e *wordEntry, v uint32) { e.del = append(e.del, v) }
	add := func(e *wordEntry, v uint32) { e.add = append(e.add, v) }
	for id := range max(len(ix.docs), len(c.byID)) {
		var o, d *searchDoc
		if id < len(c.byID) {
			o = &c.byID[id]
		}
		if id < len(ix.docs) {
			d = &ix.docs[id]
		}
		if o != nil && d != nil && sameTerms(o, d) {
			continue
		}
		if o != nil {
			terms(o, id, del)
		}
		if d != nil {
			terms(d, id, add)
		}
	}
	for _, e := range dirty {
		e.apply()
		if len(e.ids) == 0 {
			delete(c.post, e.word)
		}
	}
	c.words = mergeWords(c.words, added, c.post)
	c.spare = [2][]searchDoc{c.site, c.byID}
	c.site, c.order, c.byID = docs, order, ix.docs

	ix.words = c.words
	sizes := make([]int, len(ix.words))
	for k, e := range ix.words {
		sizes[k] = len(e.word) + len(e.enc) + 6 // "w":"p",
	}
	ix.partition(0, len(ix.words), "", sizes)
	sort.Slice(ix.shards, func(i, j int) bool { return ix.shards[i].key < ix.shards[j].key })

	vocab := map[string]bool{}
	for _, e := range s.Events {
		for _, w := range foldWords(e.Title) {
			if utf8.RuneCountInString(w) >= 3 && !allDigits(w) {
				vocab[w] = true
			}
		}
	}
	for w := range vocab {
		ix.vocab = append(ix.vocab, w)
	}
	sort.Strings(ix.vocab)
	return ix
}

// dropTerms lets go of what only the next build's index reads: each
// document's words and links, and each word's ids. The files are
// written from the documents' text and the words' encoded postings; a
// one-shot build, which keeps no cache, renders its pages with a tenth
// less of the live heap (at 10,000 articles) once they are gone.
func (ix *searchIndexData) dropTerms() {
	for i := range ix.docs {
		ix.docs[i].words, ix.docs[i].links = nil, nil
	}
	for _, e := range ix.words {
		e.ids = nil
	}
}

// docLess is the order of document ids (see the header comment).
func docLess(a, b *searchDoc) bool {
	if a.date != b.date {
		return a.date < b.date
	}
	if a.title != b.title {
		return a.title > b.title
	}
	if a.kind != b.kind {
		return a.kind < b.kind
	}
	return a.slug < b.slug
}

// sameOrder reports whether docs are the documents of old, position by
// position, each with the date and title it had: then their ids are the
// same.
func sameOrder(old, docs []searchDoc) bool {
	if len(old) != len(docs) {
		return false
	}
	for i := range docs {
		a, b := &old[i], &docs[i]
		if a.kind != b.kind || a.slug != b.slug || a.date != b.date || a.title != b.title {
			return false
		}
	}
	return true
}

// sameTerms reports whether two documents have the same postings: the
// same words (reused words are the same bytes) and the same links.
func sameTerms(a, b *searchDoc) bool {
	if len(a.words) != len(b.words) || len(a.links) != len(b.links) {
		return false
	}
	if len(a.words) > 0 && &a.words[0] != &b.words[0] && !bytes.Equal(a.words, b.words) {
		return false
	}
	for i := range a.links {
		if a.links[i] != b.links[i] && a.links[i].Slug != b.links[i].Slug {
			return false
		}
	}
	return true
}

// apply makes the build's changes to the word's postings and encodes
// them again.
func (e *wordEntry) apply() {
	if len(e.del) > 0 {
		slices.Sort(e.del)
		e.ids = slices.DeleteFunc(e.ids, func(v uint32) bool {
			_, found := slices.BinarySearch(e.del, v)
			return found
		})
	}
	if len(e.add) > 0 {
		slices.Sort(e.add)
		merged := make([]uint32, 0, len(e.ids)+len(e.add))
		i, j := 0, 0
		for i < len(e.ids) || j < len(e.add) {
			if j == len(e.add) || i < len(e.ids) && e.ids[i] < e.add[j] {
				merged = append(merged, e.ids[i])
				i++
			} else {
				merged = append(merged, e.add[j])
				j++
			}
		}
		e.ids = merged
	}
	e.add, e.del, e.dirty = nil, nil, false
	e.enc = encodePostings(e.ids)
	e.sum = maphash.Bytes(strSeed, e.enc)
}

// mergeWords returns the sorted list of the words in post: old, less
// the words no longer there, with added.
func mergeWords(old []*wordEntry, added []string, post map[string]*wordEntry) []*wordEntry {
	slices.Sort(added)
	out := make([]*wordEntry, 0, len(post))
	i := 0
	for _, e := range old {
		for i < len(added) && added[i] < e.word {
			if a := post[added[i]]; a != nil {
				out = append(out, a)
			}
			i++
		}
		if post[e.word] == e {
			out = append(out, e)
		}
	}
	for ; i < len(added); i++ {
		if a := post[added[i]]; a != nil {
			out = append(out, a)
		}
	}
	return out
}

// docWords fills the text of document i (in site order: actors, events,
// articles) and lists its words.
func docWords(s *model.Site, d *searchDoc, i, nActors, nEvents int) []byte {
	var src wordSource
	switch {
	case i < nActors:
		a := s.Actors[i]
		d.text = bounded(joinText(a.Summary, stripTags(string(a.HTML()))), searchTextLen)
		src = wordSource{{fieldName, a.Name}, {fieldText, a.Role}, {fieldText, d.text}}
		for _, x := range a.Aliases {
			src = append(src, wordField{fieldAlias, x})
		}
		for _, x := range a.Misspellings {
			src = append(src, wordField{fieldAlias, x})
		}
	case i < nActors+nEvents:
		e := s.Events[i-nActors]
		d.text = bounded(joinText(e.Summary, stripTags(string(e.HTML()))), searchTextLen)
		src = wordSource{{fieldTitle, e.Title}, {fieldText, d.text}}
		if e.PlaceActor == nil {
			src = append(src, wordField{fieldWho, e.Place})
		}
	default:
		a := s.Articles[i-nActors-nEvents]
		d.text = bounded(joinText(a.Summary, leadText(a.Text(), 2*searchTextLen)), searchTextLen)
		src = wordSource{{fieldTitle, a.Title}, {fieldText, d.text}, {fieldText, a.Publisher}}
		for _, q := range a.Quotes[:min(len(a.Quotes), searchQuotes)] {
			qt := bounded(q.Text, searchQuoteLen)
			d.quotes = append(d.quotes, [2]string{qt, q.SpeakerName})
			src = append(src, wordField{fieldWho, qt}, wordField{fieldWho, q.SpeakerName})
		}
	}
	return src.encode()
}

// partition splits the sorted words [lo, hi), which all start with key,
// into shards (see the header comment).
func (ix *searchIndexData) partition(lo, hi int, key string, sizes []int) {
	total := 0
	for k := lo; k < hi; k++ {
		total += sizes[k]
	}
	type group struct{ lo, hi, size int }
	var groups []group
	first := lo
	if first < hi && ix.words[first].word == key {
		first++ // the word equal to the key stays in its shard
	}
	for k := first; k < hi; {
		_, n := utf8.DecodeRuneInString(ix.words[k].word[len(key):])
		next := key + ix.words[k].word[len(key):len(key)+n]
		g := group{lo: k}
		for k < hi && strings.HasPrefix(ix.words[k].word, next) {
			g.size += sizes[k]
			k++
		}
		g.hi = k
		groups = append(groups, g)
	}
	out := make([]bool, len(groups))
	if total > searchShardBytes {
		bySize := make([]int, len(groups))
		for i := range bySize {
			bySize[i] = i
		}
		sort.SliceStable(bySize, func(i, j int) bool { return groups[bySize[i]].size > groups[bySize[j]].size })
		for _, g := range bySize {
			if total <= searchShardBytes {
				break
			}
			out[g] = true
			total -= groups[g].size
		}
	}
	sh := termShard{key: key, size: total}
	if first > lo {
		sh.words = append(sh.words, lo)
	}
	for i, g := range groups {
		if !out[i] {
			for k := g.lo; k < g.hi; k++ {
				sh.words = append(sh.words, k)
			}
		}
	}
	if len(sh.words) > 0 {
		sh.size += len(strconv.Quote(key)) + 40
		ix.shards = append(ix.shards, sh)
	}
	for i, g := range groups {
		if out[i] {
			_, n := utf8.DecodeRuneInString(ix.words[g.lo].word[len(key):])
			ix.partition(g.lo, g.hi, ix.words[g.lo].word[:len(key)+n], sizes)
		}
	}
}

// encodePostings writes the five lists of ids (see the header comment)
// from the sorted postings of a word.
func encodePostings(ids []uint32) []byte {
	b := make([]byte, 0, 2*len(ids)+numFields)
	field := uint32(0)
	prev := uint32(1<<32 - 1) // −1: the first gap is the id
	for _, v := range ids {
		for ; field < v>>fieldShift; field++ {
			b = append(b, ',')
			prev = 1<<32 - 1
		}
		id := v & (1<<fieldShift - 1)
		b = appendGap(b, id-prev-1)
		prev = id
	}
	return b
}

func appendGap(b []byte, v uint32) []byte {
	var digits [7]byte
	n := 0
	for {
		digits[n] = byte(v & 31)
		n++
		v >>= 5
		if v == 0 {
			break
		}
	}
	for n > 1 {
		n--
		b = append(b, searchMore[digits[n]])
	}
	return append(b, searchFinal[digits[0]])
}

// manifest writes search/index.js.
func (ix *searchIndexData) manifest(b Writer) {
	b.WriteString(`window.BRIEF_SEARCH={"v":2,"docs":`)
	b.WriteString(strconv.Itoa(len(ix.docs)))
	b.WriteString(`,"per":`)
	b.WriteString(strconv.Itoa(searchDocsPer))
	b.WriteString(",\n\"shards\":[")
	for i, sh := range ix.shards {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		b.Write(jsonString(sh.key))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(sh.size))
		b.WriteByte(']')
	}
	b.WriteString("],\n\"actors\":[")
	for i, a := range ix.actors {
		if i > 0 {
			b.WriteString(",\n")
		}
		var buf bytes.Buffer
		buf.WriteByte('[')
		writeStrings(&buf, a.Slug, a.Name)
		buf.WriteByte(',')
		writeList(&buf, append(a.Aliases[:len(a.Aliases):len(a.Aliases)], a.Misspellings...))
		buf.WriteByte(']')
		b.Write(buf.Bytes())
	}
	b.WriteString("],\n\"vocab\":")
	var buf bytes.Buffer
	writeList(&buf, ix.vocab)
	b.Write(buf.Bytes())
	b.WriteString("};\n")
}

// writeTermShard writes one term shard. Words are letters and digits and
// postings use a JSON-safe alphabet, so neither needs escaping.
func (ix *searchIndexData) writeTermShard(b Writer, sh *termShard) {
	b.WriteString("BRIEF_SEARCH_SHARD(")
	b.Write(jsonString("t" + sh.key))
	b.WriteString(",{")
	for i, k := range sh.words {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(jsonString(ix.words[k].word))
		b.WriteString(`:"`)
		b.Write(ix.words[k].enc)
		b.WriteByte('"')
	}
	b.WriteString("});\n")
}

// writeDocShard writes document shard n.
func writeDocShard(b Writer, n int, ds []searchDoc) {
	b.WriteString(`BRIEF_SEARCH_SHARD("d`)
	b.WriteString(strconv.Itoa(n))
	b.WriteString(`",[`)
	var buf bytes.Buffer
	for i := range ds {
		d := &ds[i]
		buf.Reset()
		if i > 0 {
			buf.WriteString(",\n")
		}
		buf.WriteByte('[')
		writeStrings(&buf, d.kind, d.slug, d.title, d.date, d.meta, d.text)
		buf.WriteString(",[")
		for j, q := range d.quotes {
			if j > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('[')
			writeStrings(&buf, q[0], q[1])
			buf.WriteByte(']')
		}
		buf.WriteString("]]")
		b.Write(buf.Bytes())
	}
	b.WriteString("]);\n")
}

// wordSource is an item's text by field.
type wordSource []wordField

type wordField struct {
	field byte
	text  string
}

// encode lists each word of the item once, with the best field it is
// in: the field's byte, then the word, then a 0 byte.
func (src wordSource) encode() []byte {
	best := map[string]byte{}
	var order []string
	for _, f := range src {
		for _, w := range foldWords(f.text) {
			if old, ok := best[w]; !ok {
				best[w] = f.field
				order = append(order, w)
			} else if f.field < old {
				best[w] = f.field
			}
		}
	}
	sort.Strings(order)
	var b []byte
	for _, w := range order {
		b = append(b, best[w])
		b = append(b, w...)
		b = append(b, 0)
	}
	return b
}

// forWords calls f for each word of an encoded word list.
func forWords(b []byte, f func(w string, field byte)) {
	for len(b) > 0 {
		end := 1 + bytes.IndexByte(b[1:], 0) // b[0] is the field, 0 for a name
		f(string(b[1:end]), b[0])
		b = b[end+1:]
	}
}

// foldWords splits s into words as search.js does: runs of letters and
// digits, lower-cased, without diacritics, final sigma as sigma, with
// the letters NFD leaves whole spelt out (ß ss, æ ae, œ oe, ø o, ...),
// and Cyrillic words cut to their stem (see stemCyrillic).
func foldWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = appendFolded(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = appendFolded(out, s[start:])
	}
	return out
}

// foldLetters are the letters with no decomposition that a reader types
// without their mark, as search.js spells them.
var foldLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ς': "σ",
}

func appendFolded(out []string, w string) []string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return append(out, strings.ToLower(w))
	}
	var b strings.Builder
	cyrillic := true
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case foldLetters[r] != "":
			b.WriteString(foldLetters[r])
			cyrillic = false
		default:
			b.WriteRune(r)
			cyrillic = cyrillic && r >= 0x400 && r <= 0x4ff
		}
	}
	if b.Len() == 0 {
		return out
	}
	if cyrillic {
		if st := stemCyrillic(b.String()); st != "" {
			return append(out, st)
		}
		return out
	}
	return append(out, b.String())
}

// Ukrainian and Russian inflect names and nouns by case (Зеленський,
// Зеленського, Зеленському, Зеленським; Путин, Путина, Путиным), so a
// search for one form would miss the others. stemCyrillic is a light
// stemmer that both sides of the search apply (search.js's stem): a
// word folded as above first loses the letters the two languages spell
// differently or not at all in a stem (ь, ъ; і and ы are и, є and э
// are е; NFD has already made й и, ї і and ё е), so that the Ukrainian
// and Russian spellings of a name meet; then the longest case ending
// of cyrStems that leaves at least cyrMinStem letters, then -ов, -ев
// or -ив before it (Лавров, Лаврова: лавр). Words of up to three
// letters are kept whole. It errs on the side of finding: Иван and
// Иванов meet, as do the forms of a word; Київ and Києва (a vowel that
// alternates in the stem) do not.
func stemCyrillic(w string) string {
	rs := make([]rune, 0, len(w)/2)
	for _, r := range w {
		switch r {
		case 'ь', 'ъ':
		case 'і', 'ы':
			rs = append(rs, 'и')
		case 'є', 'э':
			rs = append(rs, 'е')
		case 'ґ':
			rs = append(rs, 'г')
		default:
			rs = append(rs, r)
		}
	}
	rs = cutEnding(rs, cyrEndings)
	rs = cutEnding(rs, cyrStemEndings)
	return string(rs)
}

// cyrMinStem is the shortest stem an ending is cut to.
const cyrMinStem = 3

// cyrEndings are the case endings of nouns, names and adjectives, in the
// letters stemCyrillic keeps, longest first: -ого/-его genitive, -ому/-ему
// dative, -ими/-ами/-ями instrumental plural (-іями, -іям, -іях of
// санкції), -ою/-ею and -ой/-ей
// instrumental, -ий/-ій/-ый (ии) nominative, -ия/-ии/-ию of Росія,
// Россия, -ові dative, -ам/-ах/-ям/-ях plural, -ів/-ов/-ев genitive
// plural, and the one-letter endings а я у ю и е о.
var cyrEndings = [][]rune{
	[]rune("иями"), []rune("иям"), []rune("иях"), []rune("иею"), []rune("иеи"), []rune("ого"), []rune("его"), []rune("ому"), []rune("ему"),
	[]rune("ими"), []rune("ами"), []rune("ями"), []rune("ови"), []rune("еви"),
	[]rune("ии"), []rune("ия"), []rune("ию"), []rune("ои"), []rune("еи"), []rune("ою"), []rune("ею"),
	[]rune("ая"), []rune("яя"), []rune("ое"), []rune("ее"), []rune("ие"), []rune("ую"), []rune("юю"),
	[]rune("им"), []rune("ом"), []rune("ем"), []rune("их"), []rune("ах"), []rune("ях"), []rune("ам"), []rune("ям"),
	[]rune("ов"), []rune("ев"), []rune("ив"),
	[]rune("а"), []rune("я"), []rune("у"), []rune("ю"), []rune("и"), []rune("е"), []rune("о"),
}

// cyrStemEndings are the suffixes of possessive surnames left before a
// case ending (Лавров-а, Медведєв-им).
var cyrStemEndings = [][]rune{[]rune("ов"), []rune("ев"), []rune("ив")}

// cutEnding removes the first of endings that rs ends with and that
// leaves at least cyrMinStem runes.
func cutEnding(rs []rune, endings [][]rune) []rune {
	for _, e := range endings {
		n := len(rs) - len(e)
		if n >= cyrMinStem && string(rs[n:]) == string(e) {
			return rs[:n]
		}
	}
	return rs
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func writeStrings(b *bytes.Buffer, ss ...string) {
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(s))
	}
}

func writeList(b *bytes.Buffer, ss []string) {
	b.WriteByte('[')
	writeStrings(b, ss...)
	b.WriteByte(']')
}

// jsonString encodes s as a JSON string that is also safe inside a
// script: <, > and & are escaped, and so are U+2028 and U+2029.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

// leadText joins the first paragraphs of text until it has n bytes:
// enough for bounded, without copying a whole article.
func leadText(text []string, n int) string {
	end := 0
	for size := 0; end < len(text) && size < n; end++ {
		size += len(text[end]) + 1
	}
	return strings.Join(text[:end], " ")
}

// joinText puts a summary before the text unless the text starts with
// it (a summary taken from the first paragraph).
func joinText(summary, text string) string {
	summary, text = strings.TrimSpace(summary), strings.TrimSpace(text)
	if summary == "" {
		return text
	}
	if strings.HasPrefix(text, strings.TrimRight(summary, ".…")) {
		return text
	}
	return summary + " " + text
}

// bounded cuts s to at most n bytes at a word boundary.
func bounded(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > n/2 {
		cut = i
	}
	return s[:cut] + "…"
}

// stripTags returns the text of an HTML fragment.
func stripTags(h string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c == '<':
			in = true
			b.WriteByte(' ')
		case c == '>' && in:
			in = false
		case !in:
			b.WriteByte(c)
		}
	}
	return html.UnescapeString(b.String())
}
