package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// Quotes finds direct quotations in the paragraphs of an article and
// attributes each to a speaker:
//
//   - after the quote: “…,” Putin said. / “…,” said Putin. / “…,” said
//     Edward Ruiz of the Council on Trade / “…,” the president said (a
//     description: no actor, the words kept as the name);
//   - before it: Putin said: “…” / Putin told reporters: “…” / According to
//     Peskov, “…”, or a colon with any verb or none: Jones sighed: “…” /
//     Anna Diaz, Channel 4: “…”;
//   - a quote with no attribution of its own continues the previous quote
//     of its paragraph: “…,” Macron said, adding: “…” gives both to Macron;
//   - across paragraphs: a quote left open at the end of a paragraph (the
//     convention of multi-paragraph quotes) or a colon ending it passes its
//     speaker to the quote opening the next one, and a paragraph that is
//     only a quote takes the attribution of the next paragraph's opening
//     quote (“…” ¶ “…,” he added.);
//   - he and she are the person most recently named as a speaker or as the
//     subject of a clause (not a name in a prepositional phrase) whose
//     gender does not contradict the pronoun;
//   - a family name alone is the person most recently named in full with
//     it (Clinton after Bill Clinton), unless a title contradicts the
//     gender (Mrs. Trump is not Donald Trump; Mr. Le Pen is not Marine Le
//     Pen);
//   - a description standing for someone named before — a title ("the
//     senator"), an age ("the 62-year-old"), a nationality ("the
//     Irishman", lexicon/en/demonyms.txt) — is the person named before
//     it, not a name inside its own clause; "the agency", "the central
//     bank" and "it" are the organisation last named;
//   - SpeakerName is the actor's display name, or for a speaker who is no
//     known actor the fullest form of the name the article gives, or the
//     description as written; a publisher named before ("wrote The Post")
//     is the speaker of "the newspaper reported".
//
// Marked words inside a sentence, of any length, are a partial quote when
// a speech or stance verb of the sentence (said, called, described … as,
// vowed to: lexicon/en/speech-verbs.txt, stance-verbs.txt) has a speaker as
// its subject: Smith called the ruling “a travesty”. Marked words with no
// such verb (warned of “serious consequences” with nobody warning), or
// whose subject is no speaker ("a group called “…”"), and titles in title
// case are left out. A quote for which no speaker is found is left out.
func Quotes(paras []string, m *Matcher) []model.Quote {
	q := quoteScanner{m: m, paras: paras}
	sc := scratchPool.Get().(*scratch)
	q.toks = sc.toks
	var out []model.Quote
	for pi, p := range paras {
		out = q.para(pi, p, out)
	}
	if len(q.pending) > 0 && q.ended.ok() {
		out = q.flush(q.pending, q.ended, out) // a run of quotes ends the article
	}
	sc.toks = q.toks[:0]
	scratchPool.Put(sc)
	return out
}

// speaker is who said something: an actor slug, or only a name.
type speaker struct {
	slug, name string
	gender     string // male, female, other or "" (unknown)
	desc       bool   // name is a description ("the president"), not a name
}

func (s speaker) ok() bool { return s.slug != "" || s.name != "" }

type quoteSpan struct {
	open       int  // byte of the opening mark
	start, end int  // the words inside
	close      int  // byte after the closing mark (len(p) when left open)
	unclosed   bool // no closing mark before the end of the paragraph
}

type event struct {
	pos int
	who speaker
}

type quoteScanner struct {
	m      *Matcher
	paras  []string   // the article's paragraphs, for the names of a family (kinOf); nil for figures
	recent [4]speaker // people last named as speaker or subject, latest first
	p      string
	ms     []Match
	sents  []span
	spans  []quoteSpan
	events []event
	toks   []token
	// partial: stance verbs attribute too, and quoted words are skipped
	// when looking for verbs.
	partial bool
	// family maps a family name to the person last named in full with it;
	// given maps the first name of someone who is no actor the same way,
	// for the people features and interviews name by first name once
	// introduced ("Makoa said") and for names that put the family name
	// first ("Hu Xijin … Mr Hu").
	family map[string]speaker
	given  map[string]speaker
	// publisher is the last publication named as a speaker: "the
	// newspaper" later.
	publisher speaker
	// body is the organisation last named outside quotes: "the agency",
	// "the company" later; bodyPara is the paragraph that named it, and
	// pi the paragraph being read.
	body         speaker
	bodyPara, pi int
	// interviewee is the person an interview's introduction names
	// ("We spoke to Nirosha Fernando"); answerer is they in an answer
	// ("A: …"), where "I" is the one interviewed, and nobody elsewhere.
	interviewee, answerer speaker
	// addressed is "you" in a question ("Q: You called the plan “…”"):
	// the one interviewed; nobody elsewhere.
	addressed speaker
	// labelled is the person a transcript's label opening the paragraph
	// names ("LOMBARDI: …"): in their own answer he and she are someone
	// else, as they say "I" of themselves.
	labelled speaker
	// carry is the speaker of a quote the next paragraph continues;
	// pending are whole-paragraph quotes waiting for the attribution of
	// the next paragraph's opening quote.
	carry   speaker
	pending []model.Quote
	// ended is the speaker of the quote that ended the paragraph before
	// ("… “…,” she said." closing it), or of the paragraph before a run
	// of whole-paragraph quotes: a run that no later attribution claims
	// goes on in that speaker's words.
	ended speaker
	// ante is the person or description last named in the paragraph
	// (outside quotes) or last speaking, at byte antePos: "the Labour
	// leader" after Keir Starmer, "the MP" after "One Conservative MP".
	ante    speaker
	antePos int
	// anteInPhrase: ante was named in a prepositional phrase ("asked by
	// the Queen"), not as a subject or object of its own.
	anteInPhrase bool
	// antes are the last antecedents of the paragraph in order, the one
	// carried from the paragraph before first (at -1): a description
	// stands for the one before it, not for a name inside its own
	// relative clause ("The QC, who had argued that Mr Johnson …"). A
	// few are kept, as the description is near them.
	antes  [8]event
	nAntes int
	// descAnte is a description of one person who was last the subject
	// or speaker in the paragraph, after any named person: "Her cousin,
	// speaking by phone, said …. “…,” she said."
	descAnte speaker
	// roles maps a title as the article gives it to a person ("prime
	// minister" from "Prime Minister Theresa May", "speaker" from "the
	// Speaker, John Bercow"); a title given to two people maps to nobody.
	roles map[string]speaker
	// titledAs is the title head that last stood for a person named
	// before it ("the Labour leader" for Jeremy Corbyn), and where.
	titledAs map[speaker]titledIn
}

// Word lists (lexicon/en): verb forms map to the particle that must follow
// them ("pointed" → "out"), "" for none.
var (
	speechVerbs      = verbForms("speech-verbs")
	stanceVerbs      = verbForms("stance-verbs")
	titles           = lexiconMap("en", "titles") // title → the gender it implies, if any
	demonyms         = lexiconMap("en", "demonyms")
	descriptionStart = wordSet(lexiconWords("en", "descriptions")...)
	publisherNouns   = wordSet(lexiconWords("en", "publishers")...)
	bodyNouns        = wordSet(lexiconWords("en", "body-nouns")...)
	placeTitles      = wordSet(lexiconWords("en", "place-titles")...)
	interviewVerbs   = lexiconWords("en", "interview-verbs")
	speakingBodies   = wordSet(lexiconWords("en", "speaking-bodies")...)
	bystanders       = wordSet(lexiconWords("en", "bystanders")...)
	notNames         = wordSet(lexiconWords("en", "not-names")...)
	titleAbbrevs     = lexiconMap("en", "title-abbreviations") // "gov" → "governor"
	questionOpeners  = wordSet(lexiconWords("en", "question-openers")...)
)

// verbForms reads a verb lexicon: a line without a value is a base form
// with its regular -s, -ed and -ing forms, a value lists the forms; words
// after the first of a line are a particle that follows every form.
func verbForms(name string) map[string]string {
	out := map[string]string{}
	for _, e := range readLexicon("en", name) {
		base := strings.Fields(strings.ToLower(e.Word))
		particle := strings.Join(base[1:], " ")
		var forms []string
		if e.Value == "" {
			forms = regularForms(base[0])
		} else {
			for _, f := range strings.Fields(strings.ToLower(e.Value)) {
				if !strings.Contains(" "+particle+" ", " "+f+" ") {
					forms = append(forms, f)
				}
			}
		}
		for _, f := range forms {
			if old, ok := out[f]; ok && old == "" {
				continue // a form that needs no particle stays so
			}
			out[f] = particle
		}
	}
	return out
}

// regularForms returns a verb's base form and its regular -s, -ed and
// -ing forms.
func regularForms(v string) []string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "ee"):
		return []string{v, v + "s", v + "d", v + "ing"}
	case strings.HasSuffix(v, "e"):
		return []string{v, v + "s", v + "d", v[:n-1] + "ing"}
	case n > 1 && v[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(v[n-2])):
		return []string{v, v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		return []string{v, v + "es", v + "ed", v + "ing"}
	}
	return []string{v, v + "s", v + "ed", v + "ing"}
}

// Words dropped from the end of a subject before its verb: "Biden had said".
var auxiliaries = wordSet("had", "has", "have", "also", "then", "later", "again", "previously", "earlier", "once",
	"would", "will", "reportedly", "repeatedly", "was", "is", "were", "are", "been", "afterwards", "himself", "herself", "itself", "themselves", "subsequently",
	"further", "simply", "only", "flatly", "publicly", "privately", "bluntly", "angrily", "quickly", "firmly",
	"never", "always", "recently", "separately", "immediately", "openly", "loudly", "quietly", "often",
	"even", "already", "cannot", "could", "can", "may", "might", "must", "should", "did", "does", "do", "not",
	"yesterday", "today", "tonight")

// Words before a stance verb that make it passive: "was described as".
var passiveAux = wordSet("was", "were", "is", "are", "be", "been", "being", "get", "got", "gets", "widely", "so")

var pronouns = wordSet("he", "she", "they", "i", "you")

// Forms of "be" that make the verb after them passive: "was told".
var beForms = wordSet("was", "were", "is", "are", "be", "been", "being")

// Lower-case words that put the name after them in a phrase of its own
// rather than make it the subject: "talks with Putin", "the head of WHO".
var prepositions = wordSet("with", "to", "by", "from", "after", "for", "against", "about", "between", "on", "at",
	"in", "into", "over", "under", "without", "and", "or", "than", "like", "including", "of", "met", "meeting",
	"called", "told", "urged", "asked", "via", "toward", "towards", "behind", "beside", "near", "among", "amid",
	"through", "across", "during", "before", "since", "until", "unlike", "per", "whom", "visit", "visited",
	"alongside", "opposite", "counterpart", "if", "as", "when", "while", "because", "outside", "inside", "beyond",
	"around", "within", "throughout", "along", "aboard")

// Capitalised words that open a sentence with an adverbial phrase: the
// names before its first comma are not its subject ("After talks with
// Putin, Scholz said").
var adverbialStarts = wordSet("after", "before", "following", "during", "speaking", "when", "while", "as",
	"despite", "in", "at", "on", "with", "since", "although", "though", "if", "unlike", "like", "asked", "meeting",
	"addressing", "writing", "until", "by", "for", "from", "under", "over", "once", "because", "amid", "without",
	"outside", "inside", "beyond", "around", "within", "throughout", "along", "aboard")

// Sentence adverbs that may open a clause before its subject ("Then the
// mayor turned …", "Later the senator said …").
var sentenceAdverbs = wordSet("then", "later", "earlier", "meanwhile", "still", "now", "finally", "afterwards", "again")

// Small words that title case leaves in lower case.
var titleSmallWords = wordSet("of", "the", "a", "an", "and", "or", "for", "in", "on", "at", "to", "by", "with")

// Words that open a clause inside a sentence: the subject of a verb
// follows the last of them.
var clauseWords = wordSet("what", "that", "which", "who", "whom", "when", "where", "while", "as", "because",
	"if", "after", "before", "since", "although", "though", "whereas", "so", "until", "once")

// Relative words that end a description: "a man who …" is no speaker.
var relatives = wordSet("who", "whom", "whose", "which", "that", "where", "when")

// Lower-case particles inside personal names.
var nameParticles = wordSet("al", "el", "bin", "ibn", "de", "da", "del", "der", "den", "van", "von", "di", "du",
	"la", "le")

func (q *quoteScanner) para(pi int, p string, out []model.Quote) []model.Quote {
	q.p, q.pi = p, pi
	q.spans = findQuoteSpans(p, q.spans[:0])
	q.ms = q.m.Find(p)
	q.sents = joinClockTimes(p, sentences(p, q.sents))
	if len(q.sents) > 0 {
		q.sents[0].start = datelineEnd(p, q.sents[0])
	}
	q.events = q.subjects(q.events[:0])
	q.answerer, q.addressed = speaker{}, speaker{}
	if strings.HasPrefix(p, "A: ") {
		q.answerer = q.interviewee
	} else if strings.HasPrefix(p, "Q: ") {
		q.addressed = q.interviewee
	}
	q.labelled = q.labelSpeaker(p)
	if q.answerer.ok() {
		q.labelled = q.answerer // "A: He said last week …" is not the one answering
	}
	carry, pending := q.carry, q.pending
	q.carry, q.pending = speaker{}, nil
	if len(pending) > 0 && (len(q.spans) == 0 || strings.TrimSpace(p[:q.spans[0].open]) != "") && q.ended.ok() {
		// "“…,” she said. ¶ “… ¶ “…”" and then a paragraph that opens
		// with no quote: the run was hers.
		out = q.flush(pending, q.ended, out)
		pending = nil
	}
	nOut := len(out)
	ev, mi := 0, 0
	var prev speaker
	prevClose := -1
	// The person last named in the paragraph before stays the antecedent
	// of a title until someone is named in this one: "… as Boris Johnson
	// ordered the nation indoors. ¶ In a sombre address, the Prime
	// Minister said".
	if !q.isPerson(q.ante) && !q.ante.desc {
		q.ante = speaker{}
	}
	q.antePos = -1
	q.antes[0], q.nAntes = event{-1, q.ante}, 1
	// A description that was the last subject of the paragraph before
	// stays the antecedent of a pronoun opening this one: "Her husband,
	// a retired trucker, was less sentimental. ¶ “…,” he said."
	if !carryDesc(p, q.spans) {
		q.descAnte = speaker{}
	}
	for si, s := range q.spans {
		// The subjects of the sentences before the quote and of its own
		// (“…,” the Commission president said), each after the names
		// before it: a title stands for the person named last.
		for ev < len(q.events) && q.events[ev].pos <= s.open {
			mi = q.learnMentions(mi, q.events[ev].pos)
			who := q.events[ev].who
			if who.desc {
				who = q.anaphor(who, q.events[ev].pos)
			}
			if q.noteBody(who) {
				ev++ // a body is no antecedent of he or she
				continue
			}
			q.note(who)
			q.seen(q.events[ev].pos, who)
			ev++
		}
		mi = q.learnMentions(mi, s.open)
		start, end := trimQuote(p, s.start, s.end)
		if start >= end {
			prevClose = s.close
			continue
		}
		text := p[start:end]
		sent := sentenceAt(q.sents, s.open, len(p))
		ctx := sent.start
		if prevClose > ctx && prevClose <= s.open {
			ctx = prevClose
		}
		if ctx > s.open {
			ctx = s.open
		}
		// A quote in parentheses stands as if the parenthesis were not
		// there: "(‘Yes,’ he said.)".
		before := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p[ctx:s.open]), "("))
		bVerb := q.hasSpeechVerb(ctx, s.open)
		standalone := before == "" || strings.HasSuffix(before, ":") ||
			(strings.HasSuffix(before, ",") && bVerb) || strings.HasSuffix(before, "—")
		nextOpen := len(p)
		if si+1 < len(q.spans) {
			nextOpen = q.spans[si+1].open
		}
		rEnd := attributionEnd(p, s.close, nextOpen)
		speechy := endsLikeSpeech(p, s.start, s.end)
		opensPara := si == 0 && strings.TrimSpace(p[:s.open]) == ""
		var who speaker
		if standalone {
			doc, isDoc := speaker{}, false
			if strings.HasSuffix(before, ":") {
				doc, isDoc = q.documentColon(ctx, ctx+strings.LastIndexByte(p[ctx:s.open], ':'))
			}
			if isDoc {
				who = doc // "The letter went on:" is its writer's
			} else if before != "" && bVerb {
				who = q.fromBefore(ctx, s.open)
			} else if strings.HasSuffix(before, ":") {
				who = q.colonSpeaker(ctx, ctx+strings.LastIndexByte(p[ctx:s.open], ':'))
			} else if strings.HasSuffix(before, "—") {
				who = q.colonSpeaker(ctx, ctx+strings.LastIndex(p[ctx:s.open], "—"))
			}
			if !who.ok() && s.close < len(p) && !startsNewSentence(p, s.start, s.end, s.close) {
				who = q.fromAfter(s.close, rEnd)
			}
			if !who.ok() && prev.ok() && (speechy || (before != "" && bVerb)) {
				who = prev
			}
			if opensPara {
				if !who.ok() && carry.ok() {
					who = carry
				}
				if who.ok() {
					if who.desc {
						who = q.anaphor(who, s.open) // the judge named before the open quote
					}
					out = q.flush(pending, who, out)
				} else if s.unclosed || strings.TrimSpace(p[s.close:]) == "" {
					// A paragraph that is only a quote: its speaker may
					// come with the next paragraph's.
					q.pending = append(pending, model.Quote{Text: text, Para: pi, Start: start, End: end})
					pending = nil
				}
				pending = nil
			}
		} else {
			if isTitleCase(text) {
				prevClose = s.close
				continue
			}
			// The verb may stand before an earlier scare quote of the
			// sentence: said there were “x y” but “a b c d”.
			q.partial = true
			who = q.fromBefore(sent.start, s.open)
			// “…”, Putin said: a partial quote takes an attribution after
			// it only across a comma.
			after := strings.TrimLeft(p[s.close:rEnd], " ")
			if strings.HasSuffix(strings.TrimRight(p[s.start:s.end], " "), ",") {
				after = "," + after // US style: “dead within a week,” according to …
			}
			if !who.ok() && strings.HasPrefix(after, ",") &&
				!hasPrefixWord(strings.TrimLeft(after[1:], " "), "and", "but", "while", "which", "who", "as", "when") {
				who = q.fromAfter(s.close, rEnd)
			}
			q.partial = false
			if who.desc && !q.speakerDescription(who.name) {
				who = speaker{}
			}
		}
		prevClose = s.close
		if who.desc {
			who = q.anaphor(who, s.open)
		}
		if s.unclosed && si == len(q.spans)-1 && who.ok() {
			q.carry = who
		}
		if !who.ok() {
			continue
		}
		q.seen(s.close, who)
		if who.slug != "" && !q.isPerson(who) {
			q.body, q.bodyPara = who, pi // "The Kremlin said: “…” … “…,” it added."
		}
		q.noteBody(who)
		out = append(out, model.Quote{Text: text, Speaker: who.slug, SpeakerName: who.name, Para: pi, Start: start, End: end})
		prev = who
		if q.isPerson(who) || who.desc {
			q.note(who)
		}
	}
	for ; ev < len(q.events); ev++ {
		if who := q.events[ev].who; !q.noteBody(who) {
			q.note(who)
		}
	}
	q.learnMentions(mi, len(p))
	// Whether the person named last, whom a title opening the next
	// paragraph may stand for, was named in a phrase.
	q.anteInPhrase = q.antePos >= 0 && q.inPhrase(q.antePos)
	if len(q.pending) == 0 || len(out) > nOut {
		// The speaker of a quote whose sentence ends the paragraph.
		q.ended = speaker{}
		if n := len(q.spans); n > 0 && len(out) > nOut && out[len(out)-1].Para == pi {
			if last := q.spans[n-1]; sentenceAt(q.sents, last.open, len(p)).end >= len(strings.TrimRight(p, " ")) {
				q.ended = prev
			}
		}
	}
	if !q.interviewee.ok() {
		q.interviewIntro()
	}
	// "Macron told reporters:" closing a paragraph introduces the quote
	// that opens the next.
	if t := strings.TrimRight(p, " "); strings.HasSuffix(t, ":") && (len(q.spans) == 0 || q.spans[len(q.spans)-1].close < len(t)) {
		s := sentenceAt(q.sents, len(t)-1, len(p))
		if q.hasSpeechVerb(s.start, len(t)) {
			q.carry = q.fromBefore(s.start, len(t)-1)
		} else {
			q.carry = q.colonSpeaker(s.start, len(t)-1)
		}
	}
	return out
}

// interviewObject returns the person a reporter's sentence says they
// spoke to ("I spoke to one of them, a businessman from Charlotte who
// …", "We talked with Ana Reyes"): the one whose words follow, so that
// "He told me: “…”" next is theirs.
func (q *quoteScanner) interviewObject(s span, first string) (speaker, bool) {
	if first != "I" && first != "We" {
		return speaker{}, false
	}
	for _, v := range interviewVerbs {
		rest := strings.TrimLeft(q.p[s.start+len(first):s.end], " ")
		if !strings.HasPrefix(rest, v+" ") {
			continue
		}
		at := s.end - len(rest) + len(v) + 1
		end := trimStop(q.p, at, s.end)
		// "one of them, a businessman …": the description after it.
		if c := strings.IndexByte(q.p[at:end], ','); c > 0 && hasPrefixWord(q.p[at:end], "one", "One") && strings.Contains(q.p[at:at+c], " of ") {
			at += c + 1
			for at < end && q.p[at] == ' ' {
				at++
			}
		}
		name := at + strings.IndexAny(q.p[at:end]+",", ",")
		if who, ok := q.nameAt(span{at, name}); ok && !who.desc && q.isPerson(who) {
			return who, true
		}
		// An indefinite description only: a definite one ("the
		// manager") would be read as a title for someone named before.
		d := q.p[at:end]
		if hasPrefixWord(d, "a", "an") && wordCount(d) <= 16 && singularPerson(q.p[at:q.descriptionHead(span{at, end}).end]) {
			return withTitleGender(speaker{name: d, desc: true}), true
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// labelSpeaker returns the person named before its speaker label by
// the family name a transcript's label gives in capitals ("LOMBARDI:
// No."), or no one.
func (q *quoteScanner) labelSpeaker(p string) speaker {
	c := strings.Index(p, ": ")
	if c <= 1 || c > 24 || q.family == nil {
		return speaker{}
	}
	label := p[:c]
	for i := 0; i < len(label); i++ {
		if b := label[i]; !(b >= 'A' && b <= 'Z' || b == ' ' || b == '-' || b == '\'') {
			return speaker{}
		}
	}
	last := label[strings.LastIndexByte(label, ' ')+1:]
	return q.family[strings.ToLower(last)]
}

// interviewIntro finds the person an interview's introduction names: the
// one after "We spoke to" ("… to Nirosha Fernando, a lawyer", "… to her"),
// or the subject before "spoke to us".
func (q *quoteScanner) interviewIntro() {
	for _, s := range q.sents {
		for _, v := range interviewVerbs {
			i := strings.Index(q.p[s.start:s.end], " "+v+" ")
			if i < 0 {
				continue
			}
			at := s.start + i + len(v) + 2
			if hasPrefixWord(q.p[at:s.end], "us") {
				q.interviewee = q.resolve(s.start, s.start+i, false)
			} else if w := q.p[at : at+wordEnd(q.p[at:s.end], 0)]; w == "her" {
				q.interviewee = q.pronoun("she")
			} else if w == "him" {
				q.interviewee = q.pronoun("he")
			} else {
				end := at + strings.IndexAny(q.p[at:s.end]+",", ",.")
				q.interviewee, _ = q.nameAt(span{at, end})
			}
			if q.interviewee.desc {
				q.interviewee = speaker{}
			}
			return
		}
	}
}

// datelineEnd returns where the words of sentence s begin after a
// dateline or a live blog's time stamp ("WASHINGTON — ", "11:02 GMT — "):
// a few words with no lower-case one before a dash; or after the label
// of a transcript line ("Q: ", "A: ", "STUPAK: "): capitals before a
// colon.
func datelineEnd(p string, s span) int {
	c := strings.Index(p[s.start:s.end], ": ")
	if c > 0 && c <= 24 {
		label := true
		for i := s.start; i < s.start+c && label; i++ {
			b := p[i]
			label = b >= 'A' && b <= 'Z' || b == ' ' || b == '.' || b == '-' || b == '\''
		}
		if label || timeStamp(p[s.start:s.start+c]) || inSet(blogLabels, p[s.start:s.start+c]) {
			return s.start + c + 2
		}
	}
	for i := s.start; i < s.end && i-s.start < 40; i++ {
		if c := p[i]; c >= 'a' && c <= 'z' {
			if n := meridiem(p[i:]); n > 0 {
				i += n - 1 // "9:42 a.m. ET — "
				continue
			}
			return s.start
		}
		for _, d := range []string{" — ", " – ", " -- "} {
			if hasAt(p, i, d) && i > s.start {
				return i + len(d)
			}
		}
	}
	return s.start
}

// blogLabels head a live blog's entry before a colon
// (lexicon/en/blog-labels.txt).
var blogLabels = lexiconWordSet("blog-labels")

// gluedMeridiem returns a clock time written with its am or pm glued on
// ("9.14am", "10:05PM") without it.
func gluedMeridiem(w string) (string, bool) {
	for _, m := range []string{"am", "pm", "a.m.", "p.m."} {
		if len(w) > len(m) && strings.EqualFold(w[len(w)-len(m):], m) && isDigit(w[len(w)-len(m)-1]) {
			return w[:len(w)-len(m)], true
		}
	}
	return w, false
}

// Time zones written after a clock time ("10 a.m. ET"), lower-cased.
var zoneWords = lexiconSet("en", "time-zones")

// endsInMeridiem reports whether sentence s ends in "a.m." or "p.m.".
func endsInMeridiem(p string, s span) bool {
	return s.end-s.start >= 5 && p[s.end-5] == ' ' && meridiem(p[s.end-4:s.end]) == 4
}

// joinClockTimes joins the sentences that the splitter ended at a clock
// time followed by its zone ("at about 10 a.m. Moscow time, called …",
// "at 9 p.m. ET on Monday"): the zone is no new sentence, and the quote
// reader needs the subject before it with the verb after it.
func joinClockTimes(p string, ss []span) []span {
	out := ss[:0]
	for i := 0; i < len(ss); i++ {
		s := ss[i]
		for i+1 < len(ss) && endsInMeridiem(p, s) {
			next := p[ss[i+1].start:ss[i+1].end]
			w1 := next[:wordEnd(next, 0)]
			rest := strings.TrimLeft(next[len(w1):], " ")
			w2 := rest[:wordEnd(rest, 0)]
			if !zoneWords[strings.ToLower(strings.TrimRight(w1, ",."))] && !(isCapitalized(w1) && strings.TrimRight(w2, ",.") == "time") {
				break
			}
			i++
			s.end = ss[i].end
		}
		out = append(out, s)
	}
	return out
}

// carryDesc reports whether paragraph p opens with a quote attributed to
// a pronoun ("“It is a business,” he said."), the one shape in which a
// description from the paragraph before is still the antecedent.
func carryDesc(p string, spans []quoteSpan) bool {
	if len(spans) == 0 || strings.TrimSpace(p[:spans[0].open]) != "" || spans[0].close >= len(p) {
		return false
	}
	rest := strings.TrimLeft(p[spans[0].close:], " ")
	w := rest[:wordEnd(rest, 0)]
	return w == "he" || w == "she"
}

// meridiem returns the length of the "a.m." or "p.m." that s opens
// (also without full stops), followed by a space, a comma or a colon, or 0.
func meridiem(s string) int {
	for _, m := range []string{"a.m.", "p.m.", "am", "pm"} {
		if strings.HasPrefix(s, m) && (len(s) == len(m) || strings.IndexByte(" ,:", s[len(m)]) >= 0) {
			return len(m)
		}
	}
	return 0
}

// timeStamp reports whether label, the words before a paragraph's first
// colon, is a live blog's stamp with a time of day: capitalised words,
// numbers and a.m./p.m. only, with a time among them ("Update, 4:10
// p.m.", "Updated 9 am"). It is no speaker, as a transcript label is.
func timeStamp(label string) bool {
	hasTime := false
	ws := strings.Fields(label)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		w = strings.TrimRight(w, ",")
		if t, ok := gluedMeridiem(w); ok {
			w, hasTime = t, true // "9.14am"
		}
		switch {
		case meridiem(w) == len(w):
			hasTime = true
		case w != "" && isDigit(w[0]):
			for i := 0; i < len(w); i++ {
				if !isDigit(w[i]) && w[i] != ':' && w[i] != '.' {
					return false
				}
			}
			hasTime = hasTime || strings.ContainsAny(w, ":.")
		case w != "" && w[0] >= 'A' && w[0] <= 'Z':
		default:
			return false
		}
	}
	return hasTime
}

// flush gives the waiting whole-paragraph quotes to who and appends them.
func (q *quoteScanner) flush(pending []model.Quote, who speaker, out []model.Quote) []model.Quote {
	for _, x := range pending {
		x.Speaker, x.SpeakerName = who.slug, who.name
		out = append(out, x)
	}
	return out
}

// note records a person named as speaker or subject, for pronouns and
// family names later.
func (q *quoteScanner) note(who speaker) {
	if who.desc {
		if singularPerson(who.name) {
			q.descAnte = who
		}
		return
	}
	if !who.ok() {
		return
	}
	q.descAnte = speaker{}
	i := 0
	for i < len(q.recent)-1 && q.recent[i] != who {
		i++
	}
	copy(q.recent[1:i+1], q.recent[:i])
	q.recent[0] = who
	if who.slug == "" {
		q.learnName(who)
	}
}

// nameSuffixes end a full name after the family name
// (lexicon/en/name-suffixes.txt).
var nameSuffixes = lexiconWordSet("name-suffixes")

// learnName keeps a full name as the one its family name stands for.
func (q *quoteScanner) learnName(who speaker) {
	sp := strings.LastIndexByte(who.name, ' ')
	if sp < 0 || who.desc || strings.HasPrefix(who.name, "The ") {
		return
	}
	if q.family == nil {
		q.family, q.given = map[string]speaker{}, map[string]speaker{}
	}
	last := strings.ToLower(who.name[sp+1:])
	if inSet(nameSuffixes, strings.TrimSuffix(last, ".")) {
		// "Chesley B. Sullenberger III": the family name is before the
		// suffix.
		rest := strings.TrimRight(who.name[:sp], " ,")
		if sp2 := strings.LastIndexByte(rest, ' '); sp2 >= 0 {
			last = strings.ToLower(rest[sp2+1:])
		}
	}
	q.family[last] = who
	if g := genderOf(who); g != "" {
		// Kept per gender too, so that "Mrs. Clinton" after Hillary and
		// then Bill Clinton is still Hillary.
		q.family[last+"\x00"+g] = who
	}
	if first := who.name[:strings.IndexByte(who.name, ' ')]; who.slug == "" {
		if _, title := lookup(titles, first); !title {
			q.given[strings.ToLower(first)] = who
		}
	}
}

// learnMentions records the people named in full in p[ms[mi].Start:upto],
// so that a family name alone later is the last of them; it returns the
// index of the first mention not yet seen.
func (q *quoteScanner) learnMentions(mi, upto int) int {
	for ; mi < len(q.ms) && q.ms[mi].Start < upto; mi++ {
		mm := q.ms[mi]
		if mm.Name.Kind != "" && mm.Name.Kind != model.Person {
			if mm.Name.Kind == model.Organization && !q.inQuote(mm.Start) {
				q.body, q.bodyPara = speaker{slug: mm.Name.Actor, name: mm.Name.Canonical}, q.pi
			}
			continue
		}
		who := speaker{slug: mm.Name.Actor, name: mm.Name.Canonical, gender: mm.Name.Gender}
		if strings.IndexByte(mm.Name.Text, ' ') > 0 {
			q.learnName(who)
		}
		if !q.inQuote(mm.Start) {
			q.seen(mm.Start, who)
			// "when President Trump visited": the title is his in the
			// article, wherever the name stands.
			// A title run is a few words: reading at most 64 bytes back
			// keeps a long sentence with many names linear.
			from := sentenceAt(q.sents, mm.Start, len(q.p)).start
			if mm.Start-from > 64 {
				from = mm.Start - 64
				if sp := strings.IndexByte(q.p[from:mm.Start], ' '); sp >= 0 {
					from += sp + 1
				}
			}
			q.bindRole(q.titleRun(from, mm.Start), who)
			if t := q.predicateTitle(mm.End); t != "" {
				q.bindRole(t, who)
			}
		}
	}
	return mi
}

// officeVerbs give the person before them the title after them
// (lexicon/en/office-verbs.txt).
var officeVerbs = lexiconWords("en", "office-verbs")

// predicateTitle returns the title that a verb of officeVerbs gives the
// name ending at end ("David Cameron became prime minister last night",
// "Nick Clegg, also 43, will be deputy prime minister"): the longest
// run of up to four words after the verb, an article dropped, that ends
// in a title, else "". A short aside between commas may stand between
// the name and the verb.
func (q *quoteScanner) predicateTitle(end int) string {
	rest := q.p[end:min(end+96, len(q.p))]
	if strings.HasPrefix(rest, ", ") {
		c := strings.IndexByte(rest[2:], ',')
		if c < 0 || c > 24 || strings.ContainsAny(rest[2:2+c], "“”\"‘’") {
			return ""
		}
		rest = rest[2+c+1:]
	}
	if !strings.HasPrefix(rest, " ") {
		return ""
	}
	rest = rest[1:]
	verb := false
	for _, v := range officeVerbs {
		if len(rest) > len(v) && strings.HasPrefix(rest, v) && rest[len(v)] == ' ' {
			rest, verb = rest[len(v)+1:], true
			break
		}
	}
	if !verb {
		return ""
	}
	for _, a := range []string{"the ", "a ", "an "} {
		rest = strings.TrimPrefix(rest, a)
	}
	title, n := "", 0
	for i := 0; i < len(rest) && n < 4; n++ {
		j := wordEnd(rest, i)
		if j <= i {
			break
		}
		w := rest[i:j]
		if _, ok := lookup(titles, strings.ToLower(w)); ok {
			title = rest[:j]
		}
		if j >= len(rest) || rest[j] != ' ' {
			break
		}
		i = j + 1
	}
	return title
}

// seen records who as named at pos, if no one was named later.
func (q *quoteScanner) seen(pos int, who speaker) {
	if pos >= q.antePos && who.ok() {
		q.ante, q.antePos = who, pos
		if q.nAntes == len(q.antes) {
			copy(q.antes[:], q.antes[1:])
			q.nAntes--
		}
		q.antes[q.nAntes] = event{pos, who}
		q.nAntes++
	}
}

// phrasePrepositions put a name in a phrase of the clause
// (lexicon/en/phrase-prepositions.txt).
var phrasePrepositions = lexiconWordSet("phrase-prepositions")

// inPhrase reports whether the name at pos follows one of
// phrasePrepositions, a "the" or a title between ("by the Queen", "with
// President Biden").
func (q *quoteScanner) inPhrase(pos int) bool {
	p := q.p
	for j, n := pos, 0; n < 3; n++ {
		for j > 0 && p[j-1] == ' ' {
			j--
		}
		i := j
		for i > 0 && p[i-1] != ' ' {
			i--
		}
		w := p[i:j]
		if w == "" {
			return false
		}
		if inSet(phrasePrepositions, w) && isLowerWord(w) {
			return true
		}
		if _, title := lookup(titles, strings.TrimSuffix(w, ".")); !strings.EqualFold(w, "the") && !title {
			return false
		}
		j = i
	}
	return false
}

// anteBefore returns the antecedent last named before pos.
func (q *quoteScanner) anteBefore(pos int) (speaker, int) {
	for i := q.nAntes - 1; i >= 0; i-- {
		if q.antes[i].pos < pos {
			return q.antes[i].who, q.antes[i].pos
		}
	}
	return q.ante, q.antePos
}

// anaphor returns who a definite description with a title at its end
// stands for ("the Commission president said"): the one person the
// article gave that title to, else the person or description last named
// in the paragraph, if the title's gender or head agrees and the title
// has not been used for someone else since (as in "Putin met the French
// president"). Otherwise the description itself.
func (q *quoteScanner) anaphor(who speaker, at int) speaker {
	d := who.name
	if k, ok := q.kinOf(d, at); ok {
		return k
	}
	if len(d) < 4 || !strings.EqualFold(d[:4], "the ") {
		return who
	}
	if strings.EqualFold(d, "the former") || strings.EqualFold(d, "the latter") {
		// "Tom Hale met Ana Ruiz and Ben Okafor. The latter said": the
		// last of the people just named, or for "the former" the one
		// before them.
		// Both named in this paragraph, in one sentence: else it is
		// not known whom the article paired, and nobody is.
		var last [2]event
		n := 0
		for i := q.nAntes - 1; i >= 0 && n < 2; i-- {
			if a := q.antes[i]; a.pos >= 0 && a.pos < at && a.who.ok() && !a.who.desc && q.isPerson(a.who) && (n == 0 || a.who != last[0].who) {
				last[n] = a
				n++
			}
		}
		if n < 2 || sentenceAt(q.sents, last[0].pos, len(q.p)) != sentenceAt(q.sents, last[1].pos, len(q.p)) {
			return speaker{}
		}
		if strings.EqualFold(d, "the latter") {
			return last[0].who
		}
		return last[1].who
	}
	if r, ok := q.role(d[4:]); ok {
		return r
	}
	ante, antePos := q.ante, q.antePos
	if i := strings.LastIndex(q.p[:at], d); i >= 0 {
		at = i // the description's own title is no other use of it
		ante, antePos = q.anteBefore(at)
	}
	if antePos < 0 && q.anteInPhrase && q.recent[0].ok() && q.recent[0] != ante && !q.recent[0].desc && q.isPerson(q.recent[0]) {
		// "Mr Cameron … having been asked by the Queen to form a
		// government. ¶ ‘…,’ the new prime minister said": the paragraph
		// before named its last person in a phrase; its subject is the
		// antecedent.
		ante = q.recent[0]
	}
	if !ante.ok() || antePos > at {
		return who
	}
	// The head is the last word before a prepositional phrase: "the
	// member for Moray", "the president of the committee".
	head := d[strings.LastIndexByte(d, ' ')+1:]
	for i, w := range strings.Fields(d) {
		if i > 1 && inSet(prepositions, w) && isLowerWord(w) {
			break
		}
		head = w
	}
	g, isTitle := personHead(head)
	if !isTitle {
		return who
	}
	from := max(antePos+len(ante.name), 0)
	if antePos < 0 {
		from = 0
	}
	if q.hasRole(ante, head) {
		return ante // "Tony Hayward, the chief executive of BP, … The 53-year-old executive"
	}
	ownPrefix := false // "the vice president" itself
	if ws := strings.Fields(strings.ToLower(d)); len(ws) > 0 {
		for i := 1; i < len(ws); i++ {
			if ws[i] == strings.ToLower(head) {
				ownPrefix = inSet(officePrefixes, ws[i-1])
				break
			}
		}
	}
	if !ownPrefix {
		if q.hasOtherOffice(ante, head) {
			// "Vice President Gore, introducing him, … ¶ The president
			// said": the one named last holds another office.
			if alt, ok := q.otherHolder(ante, head, g); ok && !q.hasOtherOffice(alt, head) {
				return alt
			}
			return who
		}
	}
	if ownedByBody(d) {
		// "His foreign minister, Hassoumi Massoudou, told …. Hours later
		// the army's chief of staff said": a title that a body's
		// possessive names is someone of that body, not the person last
		// named, unless the article gave them the title.
		return who
	}
	if from < at && strings.Contains(q.p[from:at], " "+strings.ToLower(head)) {
		return who
	}
	if antePos > 0 && strings.Contains(q.p[:antePos], " "+strings.ToLower(head)+" ") {
		// "an audience member, a nurse from Paisley, asked … Mr. Darling
		// said …. The nurse was not persuaded": the title was someone
		// else's before the person last named.
		return who
	}
	a := ante
	if a.desc {
		if ah := a.name[strings.LastIndexByte(a.name, ' ')+1:]; strings.EqualFold(ah, head) {
			return a
		}
		return who
	}
	if !q.isPerson(a) || g != "" && a.gender != "" && g != a.gender {
		return who
	}
	if v, ok := q.titledAs[a]; ok && (v.para == q.pi || a != q.recent[0]) && !strings.EqualFold(v.head, head) && isTitleWord(v.head) && isTitleWord(head) {
		// "The Labour leader began …. The Prime Minister answered": a
		// person this paragraph just called by another title is not
		// this one; the one named before who holds no other title is.
		// So for one an earlier paragraph called by another title and
		// this one names after its subject, in a phrase or as an object
		// ("Mr Blair looked back at Mr Duncan Smith. … ‘…,’ the prime
		// minister said" after "The Tory leader" was Duncan Smith).
		if alt, ok := q.otherHolder(a, head, g); ok {
			return alt
		}
		return who
	}
	if q.titledAs == nil {
		q.titledAs = map[speaker]titledIn{}
	}
	if isTitleWord(head) {
		q.titledAs[a] = titledIn{head, q.pi}
	}
	return a
}

// isTitleWord reports whether w is a title or office ("leader",
// "minister"), not an age or a nationality ("the 57-year-old", "the
// Italian"), which any holder of an office may also be called.
func isTitleWord(w string) bool {
	_, ok := lookup(titles, w)
	return ok
}

// titledIn is the head of a title that stood for a person, and the
// paragraph where it did.
type titledIn struct {
	head string
	para int
}

// otherHolder returns the person named last as speaker or subject, other
// than not, whom the title with the head and gender g may stand for: no
// title with another head was given to them or stood for them.
func (q *quoteScanner) otherHolder(not speaker, head, g string) (speaker, bool) {
	for _, s := range q.recent {
		if !s.ok() {
			break
		}
		if s == not || s.desc || !q.isPerson(s) || g != "" && s.gender != "" && g != s.gender {
			continue
		}
		if v, ok := q.titledAs[s]; ok && !strings.EqualFold(v.head, head) {
			continue
		}
		other := false
		for k, r := range q.roles {
			if r == s && !strings.EqualFold(k[strings.LastIndexByte(k, ' ')+1:], head) && !inSet(honorifics, k[strings.LastIndexByte(k, ' ')+1:]) {
				other = true
			}
		}
		if !other {
			return s, true
		}
	}
	return speaker{}, false
}

// ownedByBody reports whether a definite description names its title by
// a lower-case possessor, a body: "the army's chief of staff", "the
// ministry's spokesman" (not "the prime minister", "Britain's envoy").
func ownedByBody(d string) bool {
	// The words between the first and the last.
	first, last := strings.IndexByte(d, ' '), strings.LastIndexByte(d, ' ')
	for rest := d[first+1 : max(first+1, last)]; first >= 0 && rest != ""; {
		w := rest
		if sp := strings.IndexByte(rest, ' '); sp >= 0 {
			w, rest = rest[:sp], rest[sp+1:]
		} else {
			rest = ""
		}
		if base, ok := strings.CutSuffix(w, "'s"); ok && isLowerWord(base) {
			return true
		}
		if base, ok := strings.CutSuffix(w, "’s"); ok && isLowerWord(base) {
			return true
		}
	}
	return false
}

// kinTerms are family relations and the gender each implies
// (lexicon/en/kin.txt).
var kinTerms = lexiconMap("en", "kin")

// kinOf returns who a possessive description of a relative stands for
// ("His wife wrote", "her father said"): the other person of the family
// name of the one the possessive stands for that the article named last
// before at, in this paragraph or the five before it ("Mr Brown had
// spoken …, with Sarah Brown at his side. ¶ His wife wrote …"). It
// reports false when the possessive stands for no one named in full or
// no one else of that family name was named.
func (q *quoteScanner) kinOf(d string, at int) (speaker, bool) {
	pos, rel, ok := strings.Cut(d, " ")
	if !ok || strings.IndexByte(rel, ' ') >= 0 {
		return speaker{}, false
	}
	g, isKin := lookup(kinTerms, rel)
	if !isKin || !isLowerWord(rel) {
		return speaker{}, false
	}
	var owner speaker
	switch strings.ToLower(pos) {
	case "his":
		if who, ok := q.converseKin(rel, "male", g, at); ok {
			return who, true
		}
		owner = q.pronoun("he")
	case "her":
		if who, ok := q.converseKin(rel, "female", g, at); ok {
			return who, true
		}
		owner = q.pronoun("she")
	default:
		return speaker{}, false
	}
	sp := strings.LastIndexByte(owner.name, ' ')
	if owner.desc || sp < 0 {
		return speaker{}, false
	}
	family, given := owner.name[sp+1:], owner.name[:strings.IndexByte(owner.name, ' ')]
	for pj := q.pi; pj >= 0 && pj >= q.pi-5; pj-- {
		text := q.p[:min(at, len(q.p))]
		if pj != q.pi {
			if pj >= len(q.paras) {
				continue
			}
			text = q.paras[pj]
		}
		if name, ok := lastOfFamily(text, family, given); ok {
			who := speaker{name: name, gender: g}
			for _, mm := range q.m.Find(name) {
				if mm.Start == 0 && mm.End == len(name) && mm.Name.Kind == model.Person {
					if mm.Name.Gender != "" && g != "" && mm.Name.Gender != g {
						return speaker{}, false // "his wife" is no man of the family
					}
					who.slug, who.name = mm.Name.Actor, mm.Name.Canonical
				}
			}
			return who, true
		}
	}
	return speaker{}, false
}

// kinConverse maps a family relation to the relations the other person
// of the pair is called by (lexicon/en/kin-converse.txt).
var kinConverse = lexiconMap("en", "kin-converse")

// converseKin returns who a possessive description of a relative stands
// for when the article, earlier in this paragraph, introduced a relative
// of someone named by the converse relation, of the possessive's gender:
// "Ms. Ortiz's son, Leo, asked … His mother shrugged." is Ms. Ortiz, as
// "his" is the son. g is the gender of the relation rel. It reports
// false when no such "Name's relative" comes before at.
func (q *quoteScanner) converseKin(rel, posGender, g string, at int) (speaker, bool) {
	conv, ok := kinConverse[rel]
	if !ok {
		return speaker{}, false
	}
	text := q.p[:min(at, len(q.p))]
	best, bestRel := -1, ""
	for _, c := range strings.Fields(conv) {
		if cg, _ := lookup(kinTerms, c); cg != posGender {
			continue
		}
		for _, mark := range []string{"'s ", "’s "} {
			for end := len(text); ; {
				i := strings.LastIndex(text[:end], mark+c)
				if i < 0 {
					break
				}
				end = i
				if j := i + len(mark) + len(c); j < len(text) && (text[j] == '-' || wordEnd(text, j) > j) {
					continue // "son-in-law", "sons"
				}
				if i > best {
					best, bestRel = i, c
				}
				break
			}
		}
	}
	if best < 0 || bestRel == "" {
		return speaker{}, false
	}
	// The owner is the run of capitalized words before "'s", a title
	// of address included ("Ms. Ortiz", "Carmen Ruiz").
	k := best
	for k > 0 {
		sp := strings.LastIndexByte(text[:k], ' ')
		w := strings.Trim(text[sp+1:k], "(“\"‘'")
		if !isCapitalized(w) {
			break
		}
		if sp < 0 {
			k = 0
			break
		}
		k = sp
	}
	name := strings.Trim(strings.TrimSpace(text[k:best]), "(“\"‘'")
	if name == "" || !isCapitalized(name) {
		return speaker{}, false
	}
	who := speaker{name: name, gender: g}
	for _, mm := range q.m.Find(name) {
		if mm.End == len(name) && mm.Name.Kind == model.Person {
			if mm.Name.Gender != "" && g != "" && mm.Name.Gender != g {
				// "His mother" is no man: another of that
				// family name, so the name as written.
				return speaker{name: name, gender: g}, true
			}
			who.slug, who.name = mm.Name.Actor, mm.Name.Canonical
		}
	}
	return who, true
}

// lastOfFamily returns the last name in text of a given name and the
// family name family, other than given and not a title ("Sarah Brown",
// not "Gordon Brown" or "Mr Brown").
func lastOfFamily(text, family, given string) (string, bool) {
	for end := len(text); end > 0; {
		i := strings.LastIndex(text[:end], " "+family)
		if i < 0 {
			return "", false
		}
		end = i
		if j := i + 1 + len(family); j < len(text) && wordEnd(text, j) > j {
			continue // "Browne"
		}
		k := strings.LastIndexByte(text[:i], ' ') + 1
		first := strings.TrimLeft(text[k:i], "(“\"‘'")
		if !isCapitalized(first) || first == given || wordEnd(first, 0) != len(first) {
			continue
		}
		if _, title := lookup(titles, first); title {
			continue
		}
		return first + " " + family, true
	}
	return "", false
}

// bindRole records that the article calls a person by the title phrase
// (its words lower-cased, a determiner dropped): "Prime Minister" binds
// "prime minister" to Theresa May. The phrase must end in a title; one
// that two people share binds neither. Only the whole phrase is bound:
// "the Russian president" is not whoever was called "President".
func (q *quoteScanner) bindRole(phrase string, who speaker) {
	if who.desc || !who.ok() || !q.isPerson(who) {
		return
	}
	words := strings.Fields(strings.ToLower(phrase))
	for len(words) > 0 && inSet(descriptionStart, words[0]) {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 4 {
		return
	}
	// An abbreviated title is bound as the title it stands for: an
	// article names "Gov. Andrew Hale" and then quotes "the governor".
	for i, w := range words {
		if full, ok := titleAbbrevs[strings.TrimSuffix(w, ".")]; ok {
			words[i] = full
		}
	}
	if _, ok := lookup(titles, strings.Trim(words[len(words)-1], ".,")); !ok || inSet(honorifics, strings.Trim(words[len(words)-1], ".,")) {
		return
	}
	if q.roles == nil {
		q.roles = map[string]speaker{}
	}
	k := strings.Join(words, " ")
	if old, ok := q.roles[k]; ok && old != who {
		who = speaker{} // two people: the title names neither
	}
	q.roles[k] = who
}

// Titles of address that no one is called by alone ("the Mr").
var honorifics = wordSet("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady")

// hasRole reports whether the article gave who a title phrase ending in
// the title head.
func (q *quoteScanner) hasRole(who speaker, head string) bool {
	if !who.ok() || who.desc {
		return false
	}
	for k, r := range q.roles {
		if r == who && len(k) >= len(head) && strings.EqualFold(k[len(k)-len(head):], head) && (len(k) == len(head) || k[len(k)-len(head)-1] == ' ' && !officePrefixed(k[:len(k)-len(head)-1])) {
			return true
		}
	}
	return false
}

// officePrefixes make a title another office ("vice president"),
// lexicon/en/office-prefixes.txt.
var officePrefixes = lexiconWordSet("office-prefixes")

// officePrefixed reports whether the words before a title end in one of
// officePrefixes: "vice" of "vice president".
func officePrefixed(before string) bool {
	return inSet(officePrefixes, before[strings.LastIndexByte(before, ' ')+1:])
}

// hasOtherOffice reports whether the article gave who the title with the
// head only as another office: "Vice President Gore" is not "the
// president".
func (q *quoteScanner) hasOtherOffice(who speaker, head string) bool {
	if !who.ok() || who.desc {
		return false
	}
	for k, r := range q.roles {
		if r == who && len(k) > len(head) && strings.EqualFold(k[len(k)-len(head):], head) && k[len(k)-len(head)-1] == ' ' && officePrefixed(k[:len(k)-len(head)-1]) {
			return true
		}
	}
	return false
}

// role returns the one person the article gave a title phrase to.
func (q *quoteScanner) role(phrase string) (speaker, bool) {
	if q.roles == nil {
		return speaker{}, false
	}
	r, ok := q.roles[strings.Join(strings.Fields(strings.ToLower(phrase)), " ")]
	return r, ok && r.ok()
}

// pronoun returns the person "he", "she" or "they" stands for: the latest
// one named whose gender does not contradict it.
func (q *quoteScanner) pronoun(w string) speaker {
	w = strings.ToLower(w)
	if w == "i" {
		return q.answerer // "A: I told them plainly: “…”"; else no one known
	}
	if w == "you" {
		return q.addressed
	}
	if d := q.descAnte; d.ok() && w != "they" && !(w == "he" && d.gender == "female") && !(w == "she" && d.gender == "male") {
		return d
	}
	for _, s := range q.recent {
		if !s.ok() {
			break
		}
		if q.labelled.ok() && s == q.labelled {
			continue
		}
		if sg := genderOf(s); w == "he" && (sg == "female" || sg == "other") ||
			w == "she" && (sg == "male" || sg == "other") {
			continue
		}
		return s
	}
	// No speaker or subject fits: the person of that gender last named
	// in the paragraph, as an object too ("Macron thanked Angela Merkel.
	// “…,” she said.").
	g := ""
	switch w {
	case "he":
		g = "male"
	case "she":
		g = "female"
	}
	for i := q.nAntes - 1; g != "" && i >= 0; i-- {
		if a := q.antes[i].who; genderOf(a) == g && !a.desc {
			return a
		}
	}
	return speaker{}
}

// givenNames are given names that name a man or a woman almost always
// (lexicon/en/given-names.txt).
var givenNames = lexiconMap("en", "given-names")

// genderOf is who's gender: an actor's, a title's, else for someone who
// is no actor the one their given name implies ("Patrick J. Leahy").
func genderOf(who speaker) string {
	if who.gender != "" || who.slug != "" || who.desc {
		return who.gender
	}
	for rest := who.name; rest != ""; {
		w := rest
		if sp := strings.IndexByte(rest, ' '); sp >= 0 {
			w, rest = rest[:sp], rest[sp+1:]
		} else {
			rest = ""
		}
		w = strings.TrimSuffix(w, ".")
		if w == "" {
			continue
		}
		if _, title := lookup(titles, w); title {
			continue // "Senator Patrick Leahy", "Capt. Chesley Sullenberger"
		}
		if _, abbrev := lookup(titleAbbrevs, w); abbrev {
			continue
		}
		g, _ := lookup(givenNames, w)
		return g
	}
	return ""
}

// personHead reports whether w, the head of a description, names a
// person as a title does ("the senator"), by nationality ("the
// Irishman", lexicon/en/demonyms.txt) or by age ("the 62-year-old"), and
// the gender it implies.
func personHead(w string) (gender string, ok bool) {
	if g, ok := lookup(titles, w); ok {
		return g, true
	}
	if g, ok := lookup(demonyms, w); ok {
		return g, true
	}
	return "", isAge(w)
}

// isAge reports whether w is an age used as a noun: "62-year-old".
func isAge(w string) bool {
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	return n > 0 && n <= 3 && w[n:] == "-year-old"
}

// Indefinite determiners: the one word after them is no name.
var indefinites = wordSet("a", "an", "one", "another")

// Determiners of one: "the aide", "her cousin", "one official".
var singularDeterminers = wordSet("the", "a", "an", "his", "her", "its", "their", "our", "my", "this", "that", "one", "another")

// singularPerson reports whether a description names one person by a
// title: "Her cousin", "the nurse", "a senior aide to the governor" (not
// "officials", "the ministry").
func singularPerson(d string) bool {
	ws := strings.Fields(d)
	if len(ws) < 2 || !inSet(singularDeterminers, strings.ToLower(ws[0])) {
		return false
	}
	head := ""
	for _, w := range ws[1:] {
		if inSet(prepositions, w) || inSet(relatives, w) {
			break
		}
		head = w
		if strings.HasSuffix(w, ",") {
			head = w[:len(w)-1] // "Her husband, a retired trucker": the head before the apposition
			break
		}
	}
	_, ok := lookup(titles, head)
	ok = ok || inSet(bystanders, head) || personNoun(head)
	return ok && (!strings.HasSuffix(head, "s") || strings.HasSuffix(head, "ss"))
}

// personNoun reports whether a lower-case noun names a person by its
// ending alone: "-man", "-woman", "-person" ("fisherman",
// "chairperson"), "-ist" ("pianist"), "-ician" ("electrician"), so that
// the occupations no lexicon lists still head a description of someone.
func personNoun(w string) bool {
	if !isLowerWord(w) || len(w) < 6 {
		return false
	}
	for _, suf := range [...]string{"man", "woman", "person", "ist", "ician"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isTitleCase reports whether quoted words are a title or a name rather
// than speech: every word capitalised but small ones, no closing
// punctuation ("War and Peace", "Operation Z").
func isTitleCase(s string) bool {
	if endsLikeSpeech(s, 0, len(s)) {
		return false
	}
	words := 0
	for _, w := range strings.Fields(s) {
		if !isCapitalized(w) && !inSet(titleSmallWords, w) {
			return false
		}
		words++
	}
	return words > 0 && words <= 6
}

// speakerDescription reports whether a description names someone who can
// speak ("a senior official", "the newspaper"), not a thing ("the
// report", "a group").
func (q *quoteScanner) speakerDescription(d string) bool {
	if sp := strings.IndexByte(d, ' '); sp > 0 && (d[sp:] == " of them" || d[sp:] == " of us") {
		return true // "one of them": of the people just named
	}
	if strings.EqualFold(d, "the former") || strings.EqualFold(d, "the latter") {
		return true // one of the people just named
	}
	for _, w := range strings.Fields(d) {
		w = strings.Trim(w, ",.’'")
		if inSet(relatives, w) || w != "of" && inSet(prepositions, w) {
			break // "protesters who met the president", "a statement from its office": the head is before it
		}
		if _, ok := personHead(w); ok || inSet(publisherNouns, w) || inSet(speakingBodies, w) || inSet(bystanders, w) {
			return true // a title, a nationality or an age ("the 60-year-old") as for a name
		}
		if _, ok := lookup(titles, strings.TrimSuffix(w, "s")); ok && strings.HasSuffix(w, "s") {
			return true // "the defence chiefs"
		}
	}
	return false
}

// Quotation marks, as quoteMark reads them.
type qmark uint8

const (
	qNone        qmark = iota
	qStraight          // "
	qLeftDouble        // “
	qRightDouble       // ”
	qLowDouble         // „
	qLeftGuill         // «
	qRightGuill        // »
	qApostrophe        // '
	qLeftSingle        // ‘
	qRightSingle       // ’
)

// quoteMark returns the quotation mark at p[i] and its length in bytes.
func quoteMark(p string, i int) (qmark, int) {
	switch c := p[i]; {
	case c == '"':
		return qStraight, 1
	case c == '\'':
		return qApostrophe, 1
	case c == 0xC2 && i+1 < len(p) && p[i+1] == 0xAB:
		return qLeftGuill, 2
	case c == 0xC2 && i+1 < len(p) && p[i+1] == 0xBB:
		return qRightGuill, 2
	case c == 0xE2 && i+2 < len(p) && p[i+1] == 0x80:
		switch p[i+2] {
		case 0x98:
			return qLeftSingle, 3
		case 0x99:
			return qRightSingle, 3
		case 0x9C:
			return qLeftDouble, 3
		case 0x9D:
			return qRightDouble, 3
		case 0x9E:
			return qLowDouble, 3
		}
	}
	return qNone, 0
}

// closes reports whether mark c closes a quotation opened with o.
func closes(o, c qmark) bool {
	switch o {
	case qStraight, qApostrophe:
		return c == o
	case qLeftDouble:
		return c == qRightDouble
	case qLowDouble:
		return c == qLeftDouble || c == qRightDouble
	case qLeftGuill:
		return c == qRightGuill
	case qLeftSingle:
		return c == qRightSingle
	}
	return false
}

// findQuoteSpans pairs the quotation marks of p: “…”, "…", ‘…’, '…',
// «…» and „…“. Inside a quotation only its own closing mark counts, so
// marks of another kind in it are nested quotes or apostrophes. A single
// mark opens a quotation only where no word goes on before it, and closes
// one only where a word ends: "Labour’s" and "don’t" hold apostrophes. An
// s’ before a lower-case word ("the ministers’ plan") is a possessive if
// the quotation closes later, else its end.
func findQuoteSpans(p string, out []quoteSpan) []quoteSpan {
	open, width := -1, 0
	var opener qmark
	tentative := -1 // an s’ that ends the quotation unless a later mark does
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '"' && c != '\'' && c != 0xE2 && c != 0xC2 {
			continue
		}
		mark, n := quoteMark(p, i)
		if mark == qNone {
			continue
		}
		single := opener == qApostrophe || opener == qLeftSingle
		switch {
		case open >= 0 && closes(opener, mark) && (!single || endsWord(p, i, n)):
			if single && possessive(p, i, n) {
				tentative = i
				break
			}
			out = append(out, quoteSpan{open: open, start: open + width, end: i, close: i + n})
			open, tentative = -1, -1
		case open >= 0 && tentative >= 0 && (mark == qLeftSingle || mark == qApostrophe) && opensWord(p, i, n, mark):
			// A new quotation opens: the s’ before it closed this one.
			out = append(out, quoteSpan{open: open, start: open + width, end: tentative, close: tentative + len("’")})
			open, tentative = i, -1
			width, opener = n, mark
		case open >= 0:
		case mark == qStraight || mark == qLeftDouble || mark == qLowDouble || mark == qLeftGuill ||
			(mark == qLeftSingle || mark == qApostrophe) && opensWord(p, i, n, mark):
			open, width, opener = i, n, mark
		}
		i += n - 1
	}
	if open >= 0 && tentative >= 0 {
		out = append(out, quoteSpan{open: open, start: open + width, end: tentative, close: tentative + len("’")})
		open = -1
	}
	if open >= 0 {
		out = append(out, quoteSpan{open: open, start: open + width, end: len(p), close: len(p), unclosed: true})
	}
	return out
}

// opensWord reports whether the single mark at p[i:i+n] can open a
// quotation: no letter or digit before it, and a word after it (a
// straight one not before a digit: "the '90s"), other than the s of a
// possessive after an abbreviation ("Joseph R. Biden Jr.'s victory").
func opensWord(p string, i, n int, mark qmark) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(p[:i])
		if isWord(r) {
			return false
		}
		if r == '.' && i+n < len(p) && p[i+n] == 's' && (i+n+1 == len(p) || !isWord(rune(p[i+n+1]))) {
			return false
		}
	}
	if i+n >= len(p) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p[i+n:])
	if unicode.IsSpace(r) {
		return false
	}
	return mark != qApostrophe || !unicode.IsDigit(r)
}

// endsWord reports whether the single mark at p[i:i+n] can close a
// quotation: something other than a space before it, and no letter or
// digit after it.
func endsWord(p string, i, n int) bool {
	if i == 0 || p[i-1] == ' ' {
		return false
	}
	if i+n < len(p) {
		r, _ := utf8.DecodeRuneInString(p[i+n:])
		return !isWord(r)
	}
	return true
}

// possessive reports whether the mark at p[i:i+n] may be the apostrophe
// of a plural possessive: after an s and before a lower-case word.
func possessive(p string, i, n int) bool {
	j := i + n
	return p[i-1] == 's' && j+1 < len(p) && p[j] == ' ' && p[j+1] >= 'a' && p[j+1] <= 'z'
}

// trimQuote trims spaces and a trailing comma from the words of a quote.
func trimQuote(p string, start, end int) (int, int) {
	for start < end && (p[start] == ' ' || p[start] == '\t') {
		start++
	}
	for end > start && (p[end-1] == ' ' || p[end-1] == ',' || p[end-1] == '\t') {
		end--
	}
	return start, end
}

// endsLikeSpeech reports whether quoted words end as a statement does:
// with a comma, a stop, a question or exclamation mark, or an ellipsis.
func endsLikeSpeech(p string, start, end int) bool {
	s := strings.TrimRight(p[start:end], " ")
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

// startsNewSentence reports whether what follows a quote that ended with a
// full stop is a new sentence (“… .” Moscow denied it.), so not its
// attribution.
func startsNewSentence(p string, start, end, close int) bool {
	s := strings.TrimRight(p[start:end], " ")
	if !strings.HasSuffix(s, ".") {
		return false
	}
	k := close
	for k < len(p) && p[k] == ' ' {
		k++
	}
	return k < len(p) && k > close && startsSentence(p, k)
}

// attributionEnd returns where the attribution after a quote can end: the
// next quote or the end of the sentence.
func attributionEnd(p string, from, nextOpen int) int {
	for i := from; i < nextOpen; i++ {
		c := p[i]
		if (c == '.' || c == '!' || c == '?' || c == ';') && (i+1 >= len(p) || p[i+1] == ' ' || p[i+1] == ')') {
			if c == '.' && isAbbrevBefore(p, i) {
				continue
			}
			return i
		}
	}
	return nextOpen
}

func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// words tokenizes p[from:to] into q.toks, offsets relative to p.
func (q *quoteScanner) words(from, to int) []token {
	q.toks = tokenize(q.p[from:to], q.toks)
	for i := range q.toks {
		q.toks[i].start += from
		q.toks[i].end += from
	}
	return q.toks
}

func (q *quoteScanner) tokText(t token) string { return q.p[t.start:t.end] }

// verbAt reports whether toks[k] is a speech verb (in partial mode, or a
// stance verb) and where it ends, its particle included ("according to",
// "pointed out").
func (q *quoteScanner) verbAt(toks []token, k int) (int, bool) {
	t := toks[k]
	if t.kind != tWord {
		return 0, false
	}
	w := q.tokText(t)
	if !isLowerWord(w) && w != "According" {
		return 0, false
	}
	particle, ok := lookup(speechVerbs, w)
	stance := false
	if !ok && q.partial {
		particle, ok = lookup(stanceVerbs, w)
		stance = ok
	}
	if !ok || (q.partial && q.inQuote(t.start)) {
		return 0, false
	}
	if k > 0 && toks[k-1].end == t.start && isHyphen(q.tokText(toks[k-1])) {
		return 0, false // so-called, self-described
	}
	if k > 0 && (toks[k-1].kind == tNum || inSet(nounDeterminers, q.tokText(toks[k-1]))) && !q.ofNumberSubject(toks, k) {
		return 0, false // "nine states", "his remarks": a noun
	}
	if stance && k > 0 && inSet(passiveAux, q.tokText(toks[k-1])) {
		return 0, false // was described as
	}
	if k > 0 && inSet(beForms, q.tokText(toks[k-1])) && !strings.HasSuffix(w, "ing") {
		return 0, false // "the army had been told to": the subject is no speaker
	}
	end := t.end
	if particle != "" {
		if k+1 >= len(toks) || !strings.EqualFold(q.tokText(toks[k+1]), particle) {
			return 0, false
		}
		end = toks[k+1].end
	}
	return end, true
}

func (q *quoteScanner) hasSpeechVerb(from, to int) bool {
	toks := q.words(from, to)
	for k := range toks {
		if _, ok := q.verbAt(toks, k); ok {
			return true
		}
	}
	return false
}

// fromBefore finds the speaker in the words before a quote: the subject of
// the last speech verb that has one ("Putin told reporters:"), or the name
// after "according to". Some verbs pass the search on to an earlier one or
// to the clause's subject: a verb after a modal is said inside an earlier
// verb's words ("told Putin that the allies would respond “…”"), a
// coordinated one shares its subject ("called it “…” but said …", "summoned
// the envoy and expressed “…”"), and a participle belongs to its clause
// ("He rejected the idea, calling it “…”", "by telling them “…”").
func (q *quoteScanner) fromBefore(from, to int) speaker {
	if who, ok := q.namedAs(from, to); ok && strings.HasSuffix(strings.TrimRight(q.p[from:to], " :,—"), who.name) {
		return who // "A protester, who asked to be named only by his surname, Wong: “…”"
	}
	toks := q.words(from, to)
	// "One senator quoted him as saying that …": the one quoted speaks.
	for k := 1; k+1 < len(toks); k++ {
		if q.tokText(toks[k]) != "as" || toks[k+1].kind != tWord {
			continue
		}
		if _, ok := q.verbAt(toks, k+1); ok {
			if who, ok := q.quotedAs(from, toks[k].end); ok {
				return who
			}
			toks = q.words(from, to) // quotedAs read tokens into the buffer
		}
	}
	type verb struct {
		start, end int
		rel        bool // in a relative clause: "a team that advised …"
		modal      bool // after would, could …: "the allies would respond"
		participle bool // "…, calling it", "by telling", "congratulated Biden calling"
		aside      bool // a participle after a comma: "Yellen, testifying …, said"
		docRel     bool // a document's clause: "issued a statement that said", "a statement saying"
	}
	var verbs [8]verb
	n := 0
	for k := range toks {
		if end, ok := q.verbAt(toks, k); ok && n < len(verbs) {
			vb := verb{start: toks[k].start, end: end}
			if k > 0 {
				prev := q.tokText(toks[k-1])
				vb.rel = inSet(relatives, prev)
				vb.modal = inSet(modals, prev)
				ing := strings.HasSuffix(q.tokText(toks[k]), "ing")
				vb.docRel = ing && documentNouns[strings.ToLower(prev)] ||
					vb.rel && k > 1 && documentNouns[strings.ToLower(q.tokText(toks[k-2]))]
				vb.participle = ing && (prev == "," || inSet(participleLinks, prev) || q.afterObjectName(toks, k))
				vb.aside = ing && prev == ","
			}
			verbs[n] = vb
			n++
		}
	}
	var weak speaker // a description that names no one who speaks
	for v := n - 1; v >= 0; v-- {
		vb := verbs[v]
		if vb.rel && v < n-1 && !vb.docRel || vb.modal && v > 0 {
			continue
		}
		if isAccording(q.p[vb.start:vb.end]) {
			// "According to Peskov, “…”"
			stop := to
			if c := strings.IndexAny(q.p[vb.end:to], ",:"); c >= 0 {
				stop = vb.end + c
			}
			who := q.resolve(vb.end, stop, true)
			if src, ok := q.documentSource(vb.end, stop); ok && !strings.HasSuffix(strings.TrimRight(q.p[from:vb.start], " "), ",") {
				who = src // "According to a statement from Buckingham Palace, …"
			}
			set := strings.HasSuffix(strings.TrimRight(q.p[from:vb.start], " "), ",")
			if set && v > 0 {
				// "He told them, according to a person briefed on the
				// meeting, that …": the aside names who reported the
				// words, not who said them; the speaker is the earlier
				// verb's subject, even when the source could speak.
				continue
			}
			if who.desc && !q.speakerDescription(who.name) && set {
				// "The ministry, according to a statement from its press
				// office, called": the document is the subject's.
				who = q.resolve(from, vb.start, false)
			}
			if who.ok() {
				return who
			}
			continue
		}
		lo := from
		for u := v - 1; u >= 0; u-- {
			// "The ministry, according to a statement, called": the
			// phrase stands between the subject and its verb.
			aside := isAccording(q.p[verbs[u].start:verbs[u].end]) && strings.HasSuffix(strings.TrimRight(q.p[from:verbs[u].start], " "), ",")
			// "Yellen, testifying before the committee, said": a
			// participle's phrase set off by commas is an aside too.
			aside = aside || verbs[u].aside && strings.HasSuffix(strings.TrimRight(q.p[verbs[u].end:vb.start], " "), ",")
			if !verbs[u].rel && !aside {
				lo = verbs[u].end
				break
			}
		}
		var who speaker
		switch {
		case vb.participle || vb.docRel || endsWithConjunction(q.p[lo:vb.start]):
			// "The ministry issued a statement that said …": the
			// document speaks for the subject of the clause that issued it.
			if v > 0 && !hasClauseBreak(q.p[lo:vb.start]) {
				continue // the earlier verb's subject
			}
			who = q.clauseSubject(from, vb.start)
		default:
			who = q.resolve(lo, vb.start, false)
			if v := q.p[vb.start:vb.end]; !who.ok() && strings.HasSuffix(strings.TrimRight(q.p[lo:vb.start], " "), ",") && !tellsSomeone(v) {
				// "It was, said Ana Ruiz, “a disgrace”": the subject
				// after a verb set off by commas, up to the next comma.
				stop := to
				if c := strings.IndexAny(q.p[vb.end:to], ",;:"); c >= 0 {
					stop = vb.end + c
				}
				who = q.resolve(vb.end, stop, true)
			}
		}
		if who.desc && !q.speakerDescription(who.name) {
			if !weak.ok() {
				weak = who
			}
			continue
		}
		if who.ok() {
			return who
		}
	}
	return weak
}

// afterObjectName reports whether the -ing form toks[k] follows a name
// that a lower-case word (a verb) stands before in the clause: in
// "Netanyahu congratulated Biden calling the ceasefire “…”", Biden is the
// object and "calling" a participle of the clause's subject, though no
// comma sets it off. A name with no verb before it ("Obama calling it …
// drew praise") stays the subject.
func (q *quoteScanner) afterObjectName(toks []token, k int) bool {
	j := k - 1
	for j >= 0 && (toks[j].kind == tWord && isCapitalized(q.tokText(toks[j])) || q.tokText(toks[j]) == ".") {
		j--
	}
	if j == k-1 {
		return false
	}
	for ; j >= 0; j-- {
		w := q.tokText(toks[j])
		if w == "," || w == ";" || w == ":" {
			return false // another clause or an apposition: no verb of this one
		}
		if toks[j].kind == tWord && isLowerWord(w) && !inSet(prepositions, w) && !inSet(nounDeterminers, w) {
			return true
		}
	}
	return false
}

// Words before a verb form that make it a noun: "the states", "nine
// states", "his remarks".
var nounDeterminers = wordSet("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "both")

// ofNumberSubject reports whether the verb toks[k] follows a description
// ending in "of" and a number, which is its subject: "the mother of two
// said", "a father of 3 told". A plural-looking word there is still a
// noun ("a list of two names").
func (q *quoteScanner) ofNumberSubject(toks []token, k int) bool {
	if k < 2 || strings.HasSuffix(q.tokText(toks[k]), "s") || q.tokText(toks[k-2]) != "of" {
		return false
	}
	n := toks[k-1]
	return n.kind == tNum || isNumberWord(q.tokText(n))
}

// isNumberWord reports whether w is a number in words ("two").
func isNumberWord(w string) bool {
	_, ok := lookup(numberWords, w)
	return ok
}

// Words before a verb that make it part of what someone else says.
var modals = wordSet("would", "will", "could", "should", "might", "may", "must", "can", "shall")

// Words that tie a participle to the clause before it: "by telling".
var participleLinks = wordSet("by", "while", "when", "after", "before", "without", "in")

// endsWithConjunction reports whether s ends with "and", "but" or "or":
// the verb after it shares the subject of the one before.
func endsWithConjunction(s string) bool {
	s = strings.TrimRight(s, " ,")
	i := strings.LastIndexByte(s, ' ')
	w := s[i+1:]
	return w == "and" || w == "but" || w == "or"
}

// Separators that open a new clause with a subject of its own.
var clauseBreaks = []string{", and ", ", but ", "; "}

// hasClauseBreak reports whether s holds a clause break with words after
// it: in "compared it with Katrina, and called", "called" has no subject
// of its own.
func hasClauseBreak(s string) bool {
	for _, sep := range clauseBreaks {
		if i := strings.LastIndex(s, sep); i >= 0 && strings.TrimSpace(s[i+len(sep):]) != "" {
			return true
		}
	}
	return false
}

// clauseSubject returns the subject opening the last clause of p[from:to]
// (after ", and", ", but", ";" or a quotation), past an opening adverbial
// phrase: a pronoun or a name, not a description.
func (q *quoteScanner) clauseSubject(from, to int) speaker {
	p := q.p
	for _, s := range q.spans {
		if s.close <= to && s.close > from {
			from = s.close
		}
	}
	for _, sep := range clauseBreaks {
		if i := strings.LastIndex(p[from:to], sep); i >= 0 && strings.TrimSpace(p[from+i+len(sep):to]) != "" {
			from += i + len(sep)
		}
	}
	// After a quote that closed the adverbial ("Asked “Will you run?”,
	// Biden smiled and said"), its comma opens the clause.
	for from < to && (p[from] == ' ' || p[from] == ',') {
		from++
	}
	from = q.openingAdverbialEnd(from, to)
	first := p[from : from+wordEnd(p[from:to], 0)]
	if inSet(adverbialStarts, first) || isCapitalized(first) && strings.HasSuffix(first, "ing") {
		c := strings.IndexByte(p[from:to], ',')
		if c >= 0 && strings.TrimSpace(p[from+c+1:to]) == "" {
			c = -1 // the comma before the participle closes the clause
		}
		if c < 0 {
			// "At a press conference later he struck a softer tone,
			// praising …": no comma closes the adverbial; a pronoun
			// before a verb is the subject.
			if w, ok := q.pronounSubject(from, to); ok {
				return q.pronoun(w)
			}
			return speaker{}
		}
		from += c + 1
		for from < to && p[from] == ' ' {
			from++
		}
		first = p[from : from+wordEnd(p[from:to], 0)]
	}
	if inSet(pronouns, first) {
		return q.pronoun(first)
	}
	// The name runs up to the first lower-case word or comma.
	end := to
	for _, t := range q.words(from, to) {
		if w := q.tokText(t); t.kind == tWord && isLowerWord(w) && !inSet(nameParticles, w) || w == "," {
			end = t.start
			if _, title := lookup(titles, w); (title || inSet(speakingBodies, w)) && inSet(descriptionStart, strings.ToLower(q.p[from:from+wordEnd(q.p[from:end], 0)])) {
				// "The Labour leader began …, asking": the capitalised
				// words modify a title, and the description is the subject;
				// so is a body's ("The ministry issued a statement saying").
				if d, ok := q.description(span{from, t.end}); ok {
					return d
				}
			}
			break
		}
	}
	if who, ok := q.nameAt(span{from, trimEnd(p, from, end)}); ok && !who.desc {
		return who
	}
	if who, ok := q.openingName(from, to); ok {
		return who
	}
	return speaker{}
}

// maxAttributionWords is how many words may stand between a quote and
// its speech verb: a name with a long apposition ("“…,” Tharindu Perera,
// a student who had slept in the prime minister's office, said").
const maxAttributionWords = 20

// fromAfter finds the speaker in the words after a quote: “…,” Putin said /
// said Putin / he said / according to Peskov.
func (q *quoteScanner) fromAfter(from, to int) speaker {
	toks := q.words(from, to)
	wordsSeen := 0
	for k := 0; k < len(toks) && wordsSeen <= maxAttributionWords; k++ {
		if toks[k].kind != tWord {
			continue
		}
		vEnd, ok := q.verbAt(toks, k)
		if !ok {
			wordsSeen++
			continue
		}
		if wordsSeen == 0 {
			if tellsSomeone(q.tokText(toks[k])) {
				return speaker{}
			}
			// A party tag in parentheses ends the name: "said Rep.
			// Dana Whitfield (D-Minn.) on Thursday".
			stop := to
			if c := strings.IndexAny(q.p[vEnd:to], ",:;("); c >= 0 {
				stop = vEnd + c
			}
			who := q.resolve(vEnd, stop, true)
			if who.desc && stop < to && q.p[stop] == ',' {
				// "said one resident, Anna Ivanova, 54": the name after
				// the description.
				next := stop + 1
				if c := strings.IndexAny(q.p[next:to], ",;"); c >= 0 {
					to = next + c
				}
				for next < to && q.p[next] == ' ' {
					next++
				}
				if named, ok := q.nameIn(span{next, trimEnd(q.p, next, to)}); ok && !named.desc {
					return named
				}
				if named, ok := q.namedAs(next, to); ok {
					return named // "said a fisherman, who asked to be identified only as Karim"
				}
				if w := strings.ToLower(who.name); w == "one" || w == "another" {
					// "said one, a retired teacher": the description after it.
					if d, ok := q.description(span{next, trimEnd(q.p, next, to)}); ok && d.desc {
						return d
					}
				}
			}
			return who
		}
		return q.resolve(from, toks[k].start, false)
	}
	return speaker{}
}

// quotingVerbs pass on another's words (lexicon/en/quoting-verbs.txt).
var quotingVerbs = lexiconWordSet("quoting-verbs")

// quotedAs returns the one whose words a clause at p[from:to] that ends
// in "as" passes on: "one senator who was in the room quoted Mr. Lott
// as" is Lott, "the agency cited him as" whom he stands for. The object
// between the verb and "as" is the speaker.
func (q *quoteScanner) quotedAs(from, to int) (speaker, bool) {
	p := q.p
	end := trimEnd(p, from, to)
	if end-from < 4 || !strings.HasSuffix(p[from:end], " as") {
		return speaker{}, false
	}
	end -= 3
	toks := q.words(from, end)
	for k := len(toks) - 2; k >= 0; k-- {
		if toks[k].kind != tWord || !inSet(quotingVerbs, q.tokText(toks[k])) {
			continue
		}
		a := toks[k].end
		for a < end && p[a] == ' ' {
			a++
		}
		subj := ""
		switch p[a:end] {
		case "him":
			subj = "he"
		case "her":
			subj = "she"
		}
		if subj != "" {
			// "him" is not the subject of its own clause: "One senator
			// quoted him as saying" after Cruz is Cruz.
			not := q.resolve(from, toks[k].start, false)
			for _, r := range q.recent {
				if !r.ok() {
					break
				}
				if g := genderOf(r); r == not || !q.isPerson(r) && !r.desc || subj == "he" && (g == "female" || g == "other") || subj == "she" && (g == "male" || g == "other") {
					continue
				}
				return r, true
			}
			return speaker{}, false
		}
		who := q.resolve(a, end, true)
		return who, who.ok()
	}
	return speaker{}, false
}

// colonSpeaker finds who introduces a quote with a colon and no speech
// verb: the name opening the clause before it ("Jones sighed:", "Anna
// Diaz, Channel 4:").
func (q *quoteScanner) colonSpeaker(from, to int) speaker {
	p := q.p
	for from < to && p[from] == ' ' {
		from++
	}
	if from >= to {
		return speaker{}
	}
	if who, ok := q.namedAs(from, to); ok {
		return who // "A protester, who asked to be named only by his surname, Wong:"
	}
	from = q.openingAdverbialEnd(from, to) // "Minutes earlier the airline had sent …:"
	if who, ok := q.documentColon(from, to); ok {
		return who
	}
	// Of the segments between commas that are no place, time or
	// description ("in Kyiv", "at the count in Paris", "our correspondent
	// in Antakya"), the last that holds a lower-case word, a verb ("In
	// Kyiv, Zelensky was defiant:"), else the first ("Anna Diaz, Channel
	// 4, in Kyiv:").
	seg, firstSeg := span{-1, -1}, span{-1, -1}
	// A capitalised segment right after a place ("In Lewes, Delaware, a
	// reader sent us …:") is the rest of the place, when a later segment
	// holds the clause; alone ("In Berlin, Scholz:") it is the speaker.
	afterPlace, placeRest := false, span{-1, -1}
	for a := from; a < to; {
		b := a + strings.IndexByte(p[a:to], ',')
		if b < a {
			b = to
		}
		for a < b && p[a] == ' ' {
			a++
		}
		first := p[a : a+wordEnd(p[a:b], 0)]
		place := inSet(prepositions, first) || inSet(adverbialStarts, first)
		lower := a < b && q.hasLowerWord(span{a, b})
		if lower && firstSeg == placeRest && placeRest.start >= 0 {
			firstSeg = span{-1, -1}
		}
		// A title after the name ("Angela Merkel, German chancellor, in
		// a statement:") describes it and holds no verb.
		apposTitle := lower && firstSeg.start >= 0 && q.endsInTitle(q.descriptionHead(span{a, trimEnd(p, a, b)}))
		if a < b && !place && !apposTitle && !inSet(descriptionStart, first) {
			if firstSeg.start < 0 && seg.start < 0 {
				firstSeg = span{a, b}
				if afterPlace && !lower {
					placeRest = firstSeg
				}
			}
			if lower {
				seg = span{a, b}
			}
		}
		afterPlace = place
		a = b + 1
	}
	if seg.start < 0 {
		seg = firstSeg
	}
	var who speaker
	if seg.start >= 0 {
		who = q.colonName(seg)
	}
	if !who.ok() && seg != firstSeg {
		// The verb's segment names no one: a description after the name
		// ("Andrew Cuomo, governor of New York:") or a topic ("…, and on
		// whether that was realistic:").
		who = q.colonName(firstSeg)
	}
	if !who.ok() {
		// No name: a description of one person as the subject ("Asked
		// whether …, the Ryanair boss shrugged:").
		for a := from; a < to; {
			b := a + strings.IndexByte(p[a:to], ',')
			if b < a {
				b = to
			}
			for a < b && p[a] == ' ' {
				a++
			}
			// A sentence adverb before the subject ("Then the mayor
			// turned to the cameras:") is no part of it.
			if w := p[a : a+wordEnd(p[a:b], 0)]; inSet(sentenceAdverbs, strings.ToLower(w)) && a+len(w) < b && p[a+len(w)] == ' ' {
				a += len(w) + 1
			}
			if w, ok := q.possessor(a, b); ok {
				who = w
			} else if d, ok := q.openingDescription(a, b); ok {
				who = withTitleGender(d)
			} else if d := q.descriptionHead(span{a, b}); d.end < b && singularPerson(p[d.start:d.end]) && hasPrefixWord(p[d.end:b], " who") {
				// "One of them, a fund manager who had flown in, put it
				// simply:": the description with its relative clause.
				who = withTitleGender(speaker{name: p[a:b], desc: true})
			} else if w, ok := q.bodySubject(a, b); ok {
				who = w
			}
			a = b + 1
		}
	}
	if !who.ok() && hasPrefixWord(p[from:to], "For") {
		// "For Tom Hale, the lesson is simple:": the one it is for.
		if c := strings.IndexByte(p[from:to], ','); c > 4 {
			if w, ok := q.nameIn(span{from + 4, trimEnd(p, from+4, from+c)}); ok && !w.desc && q.isPerson(w) {
				who = w
			}
		}
	}
	return who
}

// bodySubject returns the organisation a clause opening with "the" and
// a noun of body-nouns.txt before its verb stands for: "the airline had
// sent relatives a text message …:" after Malaysia Airlines.
func (q *quoteScanner) bodySubject(from, to int) (speaker, bool) {
	p := q.p
	if !hasPrefixWord(p[from:to], "the", "The") {
		return speaker{}, false
	}
	a := from + 4
	b := a + wordEnd(p[a:to], 0)
	if b >= to || p[b] != ' ' || !inSet(bodyNouns, p[a:b]) || !isLowerWord(p[a:b]) {
		return speaker{}, false
	}
	if next := p[b+1 : b+1+wordEnd(p[b+1:to], 0)]; next == "" || !isLowerWord(next) {
		return speaker{}, false
	}
	if who, ok := q.description(span{from, b}); ok && !who.desc {
		return who, true
	}
	return speaker{}, false
}

// noteBody keeps a body that is no actor, named as the subject of a
// sentence or as a speaker ("the Australian Maritime Safety Authority
// said"), as the organisation "its" and "it" stand for later: its name
// ends in a capitalised noun of speaking-bodies.txt (a description
// keeping its article, "the Airport Authority", counts: it is a name).
//
// It reports whether who is such a body.
func (q *quoteScanner) noteBody(who speaker) bool {
	if !isBodyName(who) {
		return false
	}
	q.body, q.bodyPara = who, q.pi
	return true
}

// isBodyName reports whether who is a body that is no actor, named by a
// name ending in a capitalised noun of speaking-bodies.txt ("the Civil
// Aviation Authority"), not a description ("the authority").
func isBodyName(who speaker) bool {
	if who.slug != "" || who.name == "" {
		return false
	}
	last := who.name[strings.LastIndexByte(who.name, ' ')+1:]
	// "an official of the Japan Meteorological Agency" is a person of
	// the body, not the body.
	return last != strings.ToLower(last) && inSet(speakingBodies, strings.ToLower(last)) && !(who.desc && singularPerson(who.name))
}

// possessor returns the person a possessive pronoun opening p[from:to]
// stands for when what it owns can say nothing itself: "His message was
// simple:" is his, but "His son was blunt:", "His lawyers were blunt:"
// and "His office was blunt:" name someone else, who speaks.
func (q *quoteScanner) possessor(from, to int) (speaker, bool) {
	toks := q.words(from, to)
	if len(toks) < 2 || toks[1].kind != tWord || !isLowerWord(q.tokText(toks[1])) {
		return speaker{}, false
	}
	if _, person := personHead(q.tokText(toks[1])); person ||
		q.speakerDescription(q.p[from:to]) || inSet(bodyNouns, q.tokText(toks[1])) {
		return speaker{}, false
	}
	var who speaker
	switch q.tokText(toks[0]) {
	case "His", "his":
		who = q.pronoun("he")
	case "Her", "her":
		who = q.pronoun("she")
	case "Its", "its":
		// "Its statement was blunt:": the organisation named in this
		// paragraph, and only a document of it speaks for it.
		if q.bodyPara == q.pi && documentNouns[q.tokText(toks[1])] {
			who = q.body
		}
	}
	return who, who.ok()
}

// colonName returns the speaker a segment before a colon names: a
// pronoun, or a name up to its first lower-case word.
func (q *quoteScanner) colonName(seg span) speaker {
	p := q.p
	toks := q.words(seg.start, seg.end)
	if len(toks) == 0 {
		return speaker{}
	}
	if w := q.tokText(toks[0]); inSet(pronouns, w) {
		return q.pronoun(w)
	}
	if len(toks) > 1 && inSet(notNames, q.tokText(toks[0])) && inSet(pronouns, q.tokText(toks[1])) {
		return q.pronoun(q.tokText(toks[1])) // "Then he turned to the cameras:"
	}
	start := q.skipCompound(seg).start
	// The name runs up to the first lower-case word or a parenthesis
	// ("Rep. Dana Whitfield (D-Minn.) on X:").
	end := seg.end
	for k, t := range toks {
		if t.start < start {
			continue
		}
		if w := q.tokText(t); t.kind == tWord && isLowerWord(w) && !inSet(nameParticles, w) || w == "(" ||
			isApostrophe(w) && k+1 < len(toks) && q.tokText(toks[k+1]) == "s" {
			end = t.start // "Tom Hale's response was blunt:": the name, not its possessive
			break
		}
	}
	if end <= start {
		return speaker{}
	}
	who, ok := q.nameIn(span{start, trimEnd(p, start, end)})
	if !ok || who.desc {
		return speaker{}
	}
	return who
}

// namesSubject reports whether p[from:to] opens with a capitalised word
// or a pronoun, the subject of a relative clause: "which Putin called".
func (q *quoteScanner) namesSubject(from, to int) bool {
	toks := q.words(from, to)
	if len(toks) == 0 {
		return false
	}
	w := q.tokText(toks[0])
	return toks[0].kind == tWord && (isCapitalized(w) || inSet(pronouns, w))
}

// isListTail reports whether s ends a list of names: "Germany and
// Italy", capitalised words joined by "and" or "or".
func (q *quoteScanner) isListTail(s span) bool {
	conj := false
	for _, t := range q.words(s.start, s.end) {
		switch w := q.tokText(t); {
		case w == "and" || w == "or":
			conj = true
		case t.kind != tWord || !isCapitalized(w):
			return false
		}
	}
	return conj
}

func (q *quoteScanner) hasLowerWord(s span) bool {
	for _, t := range q.words(s.start, s.end) {
		if t.kind == tWord && isLowerWord(q.tokText(t)) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func trimEnd(p string, start, end int) int {
	for end > start && strings.ContainsRune(" ,—–-:;", rune(p[end-1])) {
		end--
	}
	return end
}

// resolve names the speaker written in p[from:to]. afterVerb says the
// phrase follows its verb ("said Putin, the …"), so its first segment
// counts; before a verb the segment next to it counts first.
func (q *quoteScanner) resolve(from, to int, afterVerb bool) speaker {
	p := q.p
	// A comma right before the verb closes an aside on the subject.
	closed := !afterVerb && strings.HasSuffix(strings.TrimRight(p[from:to], " "), ",")
	if !afterVerb {
		if who, ok := q.quotedAs(from, to); ok {
			return who // "one senator quoted Mr. Lott as saying"
		}
		// The subject is in the verb's own clause: after a semicolon or
		// a sentence closed in parentheses ("…; a public inquiry
		// concluded", "(… he wrote.) Thomas Bach said").
		for _, sep := range []string{"; ", ".) ", "?) ", "!) "} {
			if i := strings.LastIndex(p[from:to], sep); i >= 0 {
				if o := strings.LastIndexByte(p[from:from+i], '('); sep == ".) " && o >= 0 && isPartyTag(p[from+o+1:from+i+1]) {
					continue // "Ana Ruiz (D-Calif.) said": a party tag, no sentence
				}
				from += i + len(sep)
			}
		}
		from = q.openingAdverbialEnd(from, to) // "Minutes earlier the airline had sent"
	}
	// Trim spaces, punctuation and trailing auxiliaries.
	for from < to && strings.ContainsRune(" ,—–-:;", rune(p[from])) {
		from++
	}
	for {
		to = trimEnd(p, from, to)
		i := strings.LastIndexByte(p[from:to], ' ')
		last := p[from+i+1 : to]
		if i >= 0 && inSet(auxiliaries, last) && isLowerWord(last) {
			to = from + i
			continue
		}
		if i < 0 && inSet(auxiliaries, last) && isLowerWord(last) {
			return speaker{}
		}
		break
	}
	if !afterVerb && to > from && p[to-1] == ')' {
		// "House Speaker Ana Ruiz (D-Calif.) said": a party tag in
		// parentheses before the verb.
		if o := strings.LastIndexByte(p[from:to], '('); o > 0 && isPartyTag(p[from+o+1:to-1]) {
			to = trimEnd(p, from, from+o)
		}
	}
	if from >= to {
		return speaker{}
	}
	phrase := p[from:to]
	if who, ok := q.namedAs(from, to); ok {
		return who // "one woman, who gave her name only as Olga, told"
	}
	// A pronoun right before the verb: "that he said", "he told".
	lastSp := strings.LastIndexAny(phrase, " ,")
	if lastWord := phrase[lastSp+1:]; !afterVerb && inSet(pronouns, lastWord) {
		return q.pronoun(lastWord)
	} else if !afterVerb && strings.EqualFold(lastWord, "it") {
		return q.body // "“…,” it said": the organisation last named
	}
	if afterVerb {
		first := phrase
		if sp := strings.IndexAny(phrase, " ,"); sp > 0 {
			first = phrase[:sp]
		}
		if inSet(pronouns, first) && isLowerWord(first) {
			return q.pronoun(first)
		}
	}
	// Segments between commas (not those inside numbers, "1,700"), the
	// six nearest the verb, a conjunction opening one dropped ("…, and
	// Evergreen Marine, the …, said").
	var segs [6]span
	ns := 0
	s1 := to
	for i := to; i >= from && ns < len(segs); i-- {
		if i > from && (p[i-1] != ',' || i < to && i-1 > from && isDigit(p[i-2]) && isDigit(p[i])) {
			continue
		}
		a, b := i, s1
		for a < b && p[a] == ' ' {
			a++
		}
		for _, c := range []string{"and ", "but "} {
			if strings.HasPrefix(p[a:b], c) {
				a += len(c)
			}
		}
		for b > a && p[b-1] == ' ' {
			b--
		}
		if a < b {
			segs[ns] = span{a, b}
			ns++
		}
		s1 = i - 1
	}
	for i, j := 0, ns-1; i < j; i, j = i+1, j-1 {
		segs[i], segs[j] = segs[j], segs[i]
	}
	for !afterVerb && ns > 1 && isPartyTag(p[segs[ns-1].start:segs[ns-1].end]) {
		ns-- // "Sen. Tom Hale, R-Ohio, called": the tag is no name
	}
	if ns == 0 {
		return speaker{}
	}
	adjacent := ns - 1
	if afterVerb {
		adjacent = 0
	} else {
		adjacent, ns = q.skipPhrases(segs[:ns])
		if closed && ns > 1 && q.closedRelative(segs[adjacent]) {
			// "A spokesman for the campaign, which Mr. Darling leads,
			// said": a relative clause between commas is an aside on the
			// subject before it, even when it has a subject of its own
			// (unlike "The deal, which Putin called", whose verb is the
			// clause's).
			ns--
			adjacent--
		}
		// The subject stands after the last clause word: "on what the
		// Kremlin called", "and that Biden said".
		seg := &segs[adjacent]
		if first := p[seg.start : seg.start+wordEnd(p[seg.start:seg.end], 0)]; inSet(relatives, first) && ns > 1 && !q.namesSubject(seg.start+len(first), seg.end) {
			// "Erdogan, who visited Hatay, admitted": the clause is no
			// subject ("The deal, which Putin called" has one).
			if first == "who" && seg.end == seg.start+len(first) {
				// "a blow to Nicola Sturgeon, who said": the relative
				// stands for the name right before it, in a phrase or not.
				// "Jean Roux, the head of the union, who said": the
				// description is in apposition to the name before it.
				if adjacent > 1 && q.titledDescription(segs[adjacent-1]) {
					// "Start with Rick Perry, the former governor, who
					// wrote": the name ending the segment.
					if who, ok := q.lastName(segs[adjacent-2]); ok {
						return who
					}
					if who, ok := q.nameIn(segs[adjacent-2]); ok && !who.desc {
						return who
					}
				} else if who, ok := q.lastName(segs[adjacent-1]); ok {
					return who
				}
			}
			ns--
			adjacent--
			seg = &segs[adjacent]
		}
		for i := seg.end - 1; i >= seg.start; i-- {
			if (i == seg.start || p[i-1] == ' ') && isASCIILetter(p[i]) {
				j := i
				for j < seg.end && isASCIILetter(p[j]) {
					j++
				}
				if j < seg.end && inSet(clauseWords, p[i:j]) && isLowerWord(p[i:j]) && !q.relativeSubject(p[i:j], j, seg.end) {
					seg.start = j + 1
					break
				}
			}
		}
	}
	if !afterVerb && adjacent > 0 && q.isListTail(segs[adjacent]) {
		// "The leaders of France, Germany and Italy said": the commas
		// are a list's, the subject a description of them all.
		k := adjacent - 1
		for k > 0 && !q.hasLowerWord(segs[k]) {
			k--
		}
		if who, ok := q.description(span{segs[k].start, segs[adjacent].end}); ok && inSet(descriptionStart, p[segs[k].start:segs[k].start+wordEnd(p[segs[k].start:], 0)]) {
			return who
		}
	}
	if who, ok := q.possessedName(segs[adjacent]); ok {
		return who // "Labour's Ana Ruiz said", "Ohio's Tom Hale told"
	}
	if who, ok := q.nameIn(segs[adjacent]); ok {
		return who
	}
	// A name in apposition to a description, or a description between the
	// name and the verb: "Dmitry Peskov, the Kremlin spokesman, said",
	// "Bill Ortiz, part of a team that …, said".
	for i := 0; i < ns; i++ {
		if i != adjacent {
			seg := segs[i]
			if w := p[seg.start : seg.start+wordEnd(p[seg.start:seg.end], 0)]; !afterVerb && inSet(clauseWords, w) && q.namesSubject(seg.start+len(w), seg.end) {
				seg.start += len(w) // "when Colonel Ali Sow, flanked by …, said"
			}
			if who, ok := q.nameIn(seg); ok {
				return who
			}
		}
	}
	if adjacent > 0 && !afterVerb && hasPrefixWord(p[segs[adjacent].start:segs[adjacent].end], "a", "an") {
		// "The Treasury secretary, a former chief executive of Goldman
		// Sachs, said": the indefinite description is in apposition to
		// the definite one before it, the subject.
		prev := segs[adjacent-1]
		if hasPrefixWord(p[prev.start:prev.end], "The", "the") {
			if who, ok := q.description(prev); ok {
				return who
			}
		}
	}
	if who, ok := q.description(segs[adjacent]); ok {
		return who
	}
	return speaker{}
}

// usStates maps a state's abbreviation in a party tag to its name
// (lexicon/en/us-states.txt).
var usStates = lexiconMap("en", "us-states")

// partyTags binds "<State> Republican" or "<State> Democrat" to each
// lawmaker sentence s tags with a party and a state after the name ("Sen.
// Tom Hale, R-Ohio," "Ana Ruiz (D-Mass.)"), so that "the Ohio
// Republican" later is that person.
func (q *quoteScanner) partyTags(s span) {
	p := q.p
	for i := s.start; i < s.end; {
		j := strings.IndexAny(p[i:s.end], ",(")
		if j < 0 {
			return
		}
		at := i + j
		i = at + 1
		tagStart := at + 1
		if p[at] == ',' {
			tagStart = at + 2
			if tagStart >= s.end || p[at+1] != ' ' {
				continue
			}
		}
		if tagStart+2 >= s.end || !strings.ContainsRune("RDI", rune(p[tagStart])) {
			continue
		}
		e := strings.IndexAny(p[tagStart:s.end], ",)")
		if e < 0 {
			continue
		}
		tag := p[tagStart : tagStart+e]
		if !isPartyTag(tag) {
			continue
		}
		state, ok := lookup(usStates, strings.ReplaceAll(strings.ReplaceAll(tag[2:], ".", ""), " ", ""))
		if !ok {
			continue
		}
		party := map[byte]string{'R': "Republican", 'D': "Democrat"}[tag[0]]
		if party == "" {
			continue
		}
		nameEnd := trimEnd(p, s.start, at)
		who, ok := q.nameAt(span{s.start, nameEnd})
		if !ok || who.desc || !who.ok() {
			// A name that is no actor: the capitalised words before the
			// tag, after any title.
			nameStart, to := nameEnd, nameEnd
			for n := 0; n < 4 && to > s.start; n++ {
				sp := strings.LastIndexByte(p[s.start:to], ' ')
				w := p[s.start+sp+1 : to]
				if _, title := lookup(titles, strings.TrimSuffix(w, ".")); !isCapitalized(w) || title {
					break
				}
				if _, abbrev := lookup(titleAbbrevs, strings.TrimSuffix(w, ".")); abbrev {
					break
				}
				nameStart = s.start + sp + 1
				if sp < 0 {
					break
				}
				to = s.start + sp
			}
			if who, ok = q.unknownName(span{nameStart, nameEnd}); !ok {
				continue
			}
		}
		q.bindRole(state+" "+party, who)
	}
}

// possessedName returns the person a segment names after a capitalised
// possessor that modifies the name: "Labour's Ana Ruiz", "Ohio's Tom
// Hale", "Britain's Prime Minister Tom Hale" (not "Trump's lawyer", nor
// "Russia's Foreign Ministry", which is no person).
func (q *quoteScanner) possessedName(seg span) (speaker, bool) {
	p := q.p
	w := wordEnd(p, seg.start)
	if w == seg.start || !isCapitalized(p[seg.start:w]) {
		return speaker{}, false
	}
	rest := w
	switch {
	case strings.HasPrefix(p[w:seg.end], "'s "):
		rest += len("'s ")
	case strings.HasPrefix(p[w:seg.end], "’s "):
		rest += len("’s ")
	default:
		return speaker{}, false
	}
	if rest >= seg.end || !isCapitalized(p[rest:wordEnd(p, rest)]) {
		return speaker{}, false
	}
	who, ok := q.nameIn(span{rest, seg.end})
	if !ok || who.desc || !q.isPerson(who) || strings.IndexByte(who.name, ' ') < 0 && who.slug == "" {
		return speaker{}, false
	}
	return who, true
}

// isPartyTag reports whether s is the party and state tag US reporting
// puts after a lawmaker's name: "R-Ohio", "D-Mass.", "R-S.C.", "I-Vt.".
func isPartyTag(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 4 || len(s) > 12 || !strings.ContainsRune("RDI", rune(s[0])) || s[1] != '-' || s[2] < 'A' || s[2] > 'Z' {
		return false
	}
	for i := 3; i < len(s); i++ {
		if c := s[i]; !isASCIILetter(c) && c != '.' && c != ' ' {
			return false
		}
	}
	return true
}

// closedRelative reports whether seg is a relative clause with a subject
// of its own ("which Mr. Darling leads", "whose son was on the flight"),
// which can only be an aside when a comma closes it before the verb.
func (q *quoteScanner) closedRelative(seg span) bool {
	first := q.p[seg.start : seg.start+wordEnd(q.p[seg.start:seg.end], 0)]
	return (first == "which" || first == "whose" || first == "whom") && seg.end > seg.start+len(first)
}

// relativeSubject reports whether the relative word w before p[at:to] is
// itself the subject of its clause, a verb after it: "protesters who
// forced him out said" (but "what the Kremlin called", "that he said").
func (q *quoteScanner) relativeSubject(w string, at, to int) bool {
	if w != "who" && w != "which" && w != "that" {
		return false
	}
	for at < to && q.p[at] == ' ' {
		at++
	}
	next := q.p[at : at+wordEnd(q.p[at:to], 0)]
	// A present verb after who ("a senator who opposes the bill told")
	// is the relative's own, as a past one is.
	present := w == "who" && len(next) > 3 && strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss")
	return isLowerWord(next) && !inSet(descriptionStart, next) && !inSet(pronouns, next) && (q.verbLike(next) || present)
}

// skipPhrases returns which of the segments before a verb is next to its
// subject, and how many of them may hold it: a phrase between the subject
// and the verb, with the names in apposition after it, holds none ("Lord
// Pannick, for the claimant, Gina Miller, replied", "The defence chiefs
// of 12 countries, including Britain and Japan, said", "Her cousin,
// speaking by telephone, said", "the ministry, according to a statement,
// called").
func (q *quoteScanner) skipPhrases(segs []span) (adjacent, n int) {
	adjacent, n = len(segs)-1, len(segs)
	for k := adjacent; k > 0; k-- {
		if q.opensPhrase(segs[k]) {
			if _, ok := q.nameIn(segs[k-1]); ok {
				return k - 1, k
			}
			if d, ok := q.description(segs[k-1]); ok && q.speakerDescription(d.name) {
				return k - 1, k // not "the death toll at 198, including three children, and said"
			}
			return adjacent, n
		}
		if !q.nameLike(segs[k]) {
			return adjacent, n
		}
	}
	return adjacent, n
}

// opensPhrase reports whether a segment opens with a lower-case
// preposition or participle: "for the claimant", "speaking by phone".
func (q *quoteScanner) opensPhrase(seg span) bool {
	w := q.p[seg.start : seg.start+wordEnd(q.p[seg.start:seg.end], 0)]
	if !isLowerWord(w) || w == "and" || w == "or" || inSet(relatives, w) || inSet(clauseWords, w) {
		return false // "whom May described": a clause with its own subject
	}
	return inSet(prepositions, w) || w == "according" || len(w) > 4 && strings.HasSuffix(w, "ing")
}

// nameLike reports whether a segment holds only names: capitalised
// words, particles, "and" and "or" ("Britain and Japan", "Gina Miller").
func (q *quoteScanner) nameLike(seg span) bool {
	for _, t := range q.words(seg.start, seg.end) {
		w := q.tokText(t)
		if t.kind == tWord && !isCapitalized(w) && !inSet(nameParticles, w) && w != "and" && w != "or" {
			return false
		}
	}
	return true
}

// titledDescription reports whether a segment describes a person by a
// title before any preposition: "the chief executive of the operator".
func (q *quoteScanner) titledDescription(seg span) bool {
	for i, t := range q.words(seg.start, seg.end) {
		w := q.tokText(t)
		if i == 0 && !inSet(descriptionStart, strings.ToLower(w)) || t.kind == tWord && inSet(prepositions, w) {
			return false
		}
		if _, ok := lookup(titles, w); ok && i > 0 {
			return true
		}
	}
	return false
}

// lastName returns the name that ends a segment, after any preposition
// before it: "Nicola Sturgeon" of "a blow to Nicola Sturgeon".
func (q *quoteScanner) lastName(seg span) (speaker, bool) {
	var cuts [8]int
	n := 0
	for _, t := range q.words(seg.start, seg.end) {
		if w := q.tokText(t); t.kind == tWord && isLowerWord(w) && !inSet(nameParticles, w) && n < len(cuts) {
			cuts[n] = t.end
			n++
		}
	}
	for _, c := range cuts[:n] {
		for c < seg.end && q.p[c] == ' ' {
			c++
		}
		if c < seg.end {
			if who, ok := q.nameAt(span{c, seg.end}); ok && !who.desc {
				return who, true
			}
			// "hung on Senator Jeff Flake of Arizona, who said": the
			// name before its place or body, not the place.
			if of := strings.Index(q.p[c:seg.end], " of "); of > 0 {
				if who, ok := q.nameAt(span{c, c + of}); ok && !who.desc && strings.IndexByte(who.name, ' ') > 0 {
					return who, true
				}
			}
		}
	}
	return speaker{}, false
}

// skipCompound returns seg without a hyphenated compound with a
// lower-case part that opens it before a name: tabloids describe the
// person so ("Mum-of-three Kerry Dunn", "Father-of-two Tom Ash"), and the
// compound is no part of the name.
func (q *quoteScanner) skipCompound(seg span) span {
	toks := q.words(seg.start, seg.end)
	k := 0
	for k+2 < len(toks) && isHyphen(q.tokText(toks[k+1])) && toks[k+1].start == toks[k].end && toks[k+2].start == toks[k+1].end {
		k += 2
	}
	if k == 0 || k+1 >= len(toks) || !q.hasLowerWord(span{toks[1].start, toks[k].end}) || !isCapitalized(q.tokText(toks[k+1])) {
		return seg
	}
	return span{toks[k+1].start, seg.end}
}

// nameIn returns the person or organisation a segment names: a name at
// its end with only titles and modifiers before it ("US Secretary of State
// Antony Blinken", "Republican pollster Bill Ortiz"), or at its start with
// a prepositional phrase after it ("Edward Ruiz of the Council on Trade"),
// not a description that contains one ("a Kremlin spokesman", "the head of
// WHO", "Putin's spokesman").
func (q *quoteScanner) nameIn(seg span) (speaker, bool) {
	seg = q.skipCompound(seg)
	if who, ok := q.nameAt(seg); ok {
		return who, true
	}
	toks := q.words(seg.start, seg.end)
	var cuts [4]int
	n := 0
	for i, t := range toks {
		if w := q.tokText(t); i > 0 && t.kind == tWord && isLowerWord(w) && !inSet(nameParticles, w) {
			if w == "of" && i+1 < len(toks) && isCapitalized(q.tokText(toks[i+1])) && inSet(speakingBodies, strings.ToLower(q.tokText(toks[i-1]))) {
				continue // "the Ministry of Defence", "the Bank of England": one body's name
			}
			if n < len(cuts) && (inSet(prepositions, w) || inSet(relatives, w)) {
				cuts[n] = t.start
				n++
			}
			if !inSet(titleSmallWords, w) && !inSet(prepositions, w) {
				break
			}
		}
	}
	for _, c := range cuts[:n] {
		if who, ok := q.nameAt(span{seg.start, trimEnd(q.p, seg.start, c)}); ok {
			return who, true
		}
	}
	return speaker{}, false
}

// nameAt returns the name that ends seg, when the words before it are
// titles, capitalised modifiers or a determiner. The titles right before
// it are the person's role in the article: "Prime Minister Theresa May".
func (q *quoteScanner) nameAt(seg span) (speaker, bool) {
	who, nameStart, ok := q.nameEnding(seg)
	if ok && nameStart > seg.start {
		q.bindRole(q.titleRun(seg.start, nameStart), who)
	}
	if ok && who.slug != "" {
		// An alias with the title in it: "General Abdourahamane Tchiani".
		if t := leadingTitle(q.p[nameStart:seg.end]); t != "" && !strings.HasPrefix(who.name, t) {
			q.bindRole(t, who)
		}
	}
	return who, ok
}

// leadingTitle returns the words of a name up to its last title among
// the first three ("Senior General" of "Senior General Min Aung Hlaing"),
// or "" when none is followed by more of the name.
func leadingTitle(name string) string {
	end := 0
	for i, n := 0, 0; i < len(name) && n < 3; n++ {
		j := i + wordEnd(name[i:], 0)
		if j >= len(name) {
			break
		}
		if _, ok := lookup(titles, name[i:j]); ok {
			end = j
		}
		for i = j; i < len(name) && name[i] == ' '; i++ {
		}
	}
	return name[:end]
}

// titleRun returns the capitalised words and titles right before p[to]
// ("U.S. Ambassador", "Prime Minister", "the Speaker"), after any other
// word.
func (q *quoteScanner) titleRun(from, to int) string {
	toks := q.words(from, to)
	k := len(toks)
	for k > 0 {
		t := toks[k-1]
		w := q.tokText(t)
		_, title := lookup(titles, w)
		if t.kind == tWord && (isCapitalized(w) || title) || t.kind == tPunct && w == "." {
			k--
			continue
		}
		break
	}
	if k == len(toks) {
		return ""
	}
	return q.p[toks[k].start:to]
}

// nameEnding is nameAt, with where the name starts.
func (q *quoteScanner) nameEnding(seg span) (speaker, int, bool) {
	p := q.p
	var found *Match
	// The last mention inside seg: mentions come left to right without
	// overlaps, so those inside seg are the ones from the first starting
	// in it to the last ending in it.
	lo := sort.Search(len(q.ms), func(k int) bool { return q.ms[k].Start >= seg.start })
	if hi := q.mentionAfter(seg.end); hi > lo {
		found = &q.ms[hi-1]
	}
	nameStart := seg.end
	scanFrom := seg.start
	if found != nil && found.End != seg.end && q.titledNameAfter(found.End, seg.end) {
		// "U.S. Ambassador Nikki Haley": the known name is a modifier.
		scanFrom, found = found.End, nil
	}
	if found != nil && found.End != seg.end && q.nameGoesOn(found, seg.end) {
		// "Jean-Pierre Farandou" is not Karine Jean-Pierre: a family
		// name alone, with more of a name after it, is someone's first.
		found = nil
	}
	if found != nil {
		if found.End != seg.end {
			return speaker{}, 0, false // "Putin's spokesman", "a Kremlin spokesman"
		}
		nameStart = found.Start
	} else {
		// An unknown name: the capitalised words ending the segment.
		toks := q.words(scanFrom, seg.end)
		k, of := len(toks), -1
		for k > 0 {
			t := toks[k-1]
			w := q.tokText(t)
			if (t.kind == tWord && isCapitalized(w)) || (t.kind == tWord && inSet(nameParticles, w) && k > 1) ||
				(t.kind == tPunct && (isHyphen(w) || w == "." || isApostrophe(w)) && k > 1) {
				k--
				continue
			}
			if w == "of" && of < 0 && k > 1 && k < len(toks) {
				of = k
				k--
				continue
			}
			break
		}
		// "the Duke of Norfolk": a title of place holds its "of".
		peer := of >= 2 && k <= of-2 && inSet(placeTitles, q.tokText(toks[of-2]))
		if peer {
			k = of - 2
		} else if of >= 0 && (k != 0 || q.tokText(toks[0]) != "The") {
			k = of // only a name opened by "The" holds an "of": "The Army Corps of Engineers"
		}
		if k < len(toks) && k == 0 && q.tokText(toks[0]) == "The" && len(toks) > 1 && q.endsInTitle(span{seg.start, seg.end}) {
			return speaker{}, 0, false // "The Prime Minister", "The Missouri Republican": a description
		}
		if k < len(toks) && k == 0 && q.tokText(toks[0]) == "The" && len(toks) > 1 {
			// A sentence-initial "The Kremlin" is the actor "the Kremlin";
			// other such names are publications: "wrote The Post".
			if ms := q.m.Find("the" + p[toks[0].end:seg.end]); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == seg.end-seg.start {
				nm := ms[0].Name
				return speaker{slug: nm.Actor, name: nm.Canonical, gender: nm.Gender}, seg.start, true
			}
			who := speaker{name: p[seg.start:seg.end]}
			q.publisher = who
			return who, seg.start, true
		}
		if len(toks) == 0 {
			return speaker{}, 0, false
		}
		if _, title := personHead(q.tokText(toks[len(toks)-1])); title && k > 0 && inSet(descriptionStart, strings.ToLower(q.tokText(toks[k-1]))) {
			return speaker{}, 0, false // "the First Minister", "the Irishman" are descriptions
		}
		// Titles inside the run are no part of the name.
		for k < len(toks) && !peer {
			w := q.tokText(toks[k])
			if _, title := lookup(titles, w); !title && toks[k].kind != tPunct && !inSet(nameParticles, w) {
				break
			}
			k++
		}
		if k == len(toks) {
			return speaker{}, 0, false
		}
		if wordCount(p[toks[k].start:seg.end]) > 4 {
			k = q.afterLastTitle(toks, k) // "Coast Guard Rear Admiral Shannon Gilreath"
		}
		nameStart = toks[k].start
		if w := q.tokText(toks[k]); inSet(notNames, w) || wordCount(p[nameStart:seg.end]) > 4 {
			return speaker{}, 0, false
		}
		if k > 0 && k == len(toks)-1 && inSet(indefinites, q.tokText(toks[k-1])) {
			return speaker{}, 0, false // "one Conservative", "a Democrat": a description
		}
	}
	// What stands before the name: titles, capitalised words, modifiers,
	// a determiner; never a preposition ("talks with", "the head of").
	before := q.words(seg.start, nameStart)
	// Middle initials stand between a first name and a family name:
	// "Sergei V. Lavrov" is Sergei Lavrov.
	nb := len(before)
	for nb >= 2 && q.tokText(before[nb-1]) == "." && isInitial(q.tokText(before[nb-2])) && found != nil {
		nb -= 2
	}
	gapEnd := nameStart
	if nb < len(before) {
		gapEnd = before[nb].start
	}
	before = before[:nb]
	title := ""
	for i, t := range before {
		w := q.tokText(t)
		if t.kind == tNum {
			return speaker{}, 0, false
		}
		if t.kind != tWord {
			continue
		}
		title = w
		if (isLowerWord(w) || i == 0) && inSet(prepositions, w) && !(w == "of" && i+1 < len(before) && isCapitalized(q.tokText(before[i+1]))) {
			return speaker{}, 0, false
		}
		if _, ok := lookup(speechVerbs, w); ok {
			return speaker{}, 0, false
		}
	}
	if found == nil {
		who := speaker{name: p[nameStart:seg.end], gender: titles[strings.ToLower(title)]}
		return q.familyOf(who, title), nameStart, true
	}
	nm := found.Name
	who := speaker{slug: nm.Actor, name: nm.Canonical, gender: nm.Gender}
	if nm.Kind == "" || nm.Kind == model.Person {
		written := p[found.Start:found.End]
		// A family name alone, of one word or more: "Le Pen" of Marine
		// Le Pen, which "Mr. Le Pen" tells from her.
		family := strings.IndexByte(written, ' ') < 0 || written != nm.Canonical && strings.HasSuffix(nm.Canonical, " "+written)
		if family && title != "" && isCapitalized(title) {
			_, isTitle := lookup(titles, title)
			if !isTitle && !inSet(notNames, title) && !strings.HasPrefix(nm.Canonical, title+" ") && len(before) > 0 &&
				!q.questionOpener(before[len(before)-1]) &&
				before[len(before)-1].end+1 == gapEnd && !q.mentionAt(before[len(before)-1].start) {
				// "Melania Trump" is not Donald Trump.
				return q.familyOf(speaker{name: title + " " + written}, ""), nameStart, true
			}
		}
		if family {
			// The family name as written: "Ms. Gonzalez" beside the actor
			// Manuel González is not spelt as his.
			if g := titles[strings.ToLower(title)]; g != "" && who.gender != "" && g != who.gender {
				who.name = written
			}
			return q.familyOf(who, title), nameStart, true
		}
	}
	if nm.Kind == model.Organization && strings.HasPrefix(nm.Canonical, "The ") {
		q.publisher = who
	}
	return who, nameStart, true
}

// questionOpener reports whether t is an auxiliary opening a question
// ("Will Netanyahu fly …?", "Q: Can Schumer hold …?"): the first word of
// a sentence that ends in a question mark. Such a word is no first name
// of the family name after it, so the question names the actor, whom the
// answer's "he" then stands for.
func (q *quoteScanner) questionOpener(t token) bool {
	if !inSet(questionOpeners, q.tokText(t)) {
		return false
	}
	s := sentenceAt(q.sents, t.start, len(q.p))
	if s.start > t.start || strings.TrimSpace(q.p[s.start:t.start]) != "" {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(q.p[s.start:s.end], " ”’\"'"), "?")
}

// nameGoesOn reports whether a one-word mention is followed, up to to,
// by one or two capitalised words and nothing else.
func (q *quoteScanner) nameGoesOn(mm *Match, to int) bool {
	if strings.IndexByte(q.p[mm.Start:mm.End], ' ') >= 0 || q.p[mm.End] != ' ' || mm.Name.Kind != "" && mm.Name.Kind != model.Person {
		return false
	}
	toks := q.words(mm.End, to)
	if len(toks) == 0 || len(toks) > 2 || q.mentionAt(toks[0].start) {
		return false
	}
	for _, t := range toks {
		if w := q.tokText(t); t.kind != tWord || !isCapitalized(w) || inSet(notNames, w) {
			return false
		}
		if _, title := lookup(titles, q.tokText(t)); title {
			return false
		}
	}
	return true
}

// isInitial reports whether w is one capital letter, as a middle initial.
func isInitial(w string) bool { return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' }

// titledNameAfter reports whether p[from:to], after a known name, is a
// title and an unknown name: " Ambassador Nikki Haley" after "U.S.".
func (q *quoteScanner) titledNameAfter(from, to int) bool {
	if from >= to || q.p[from] != ' ' {
		return false // "Putin's spokesman"
	}
	toks := q.words(from, to)
	titled := false
	for _, t := range toks {
		w := q.tokText(t)
		_, title := lookup(titles, w)
		switch {
		case t.kind == tWord && title:
			titled = true
		case t.kind == tWord && isCapitalized(w) && titled:
		case t.kind == tPunct && (w == "." || isHyphen(w)):
		default:
			return false
		}
	}
	if len(toks) == 0 {
		return false
	}
	last := q.tokText(toks[len(toks)-1])
	_, title := lookup(titles, last)
	return titled && !title && isCapitalized(last)
}

// familyOf returns who a name stands for: a family name alone is the
// person last named in full with it, if the title before it does not
// contradict their gender; a title that contradicts the actor's gender
// makes it someone else ("Mrs. Trump").
func (q *quoteScanner) familyOf(who speaker, title string) speaker {
	g := titles[strings.ToLower(title)]
	if strings.IndexByte(who.name, ' ') < 0 || who.slug != "" {
		last := who.name
		if i := strings.LastIndexByte(last, ' '); i >= 0 {
			last = last[i+1:]
		}
		if f, ok := q.family[strings.ToLower(last)]; ok && (g == "" || genderOf(f) == "" || genderOf(f) == g) {
			return f
		}
		if g != "" {
			if f, ok := q.family[strings.ToLower(last)+"\x00"+g]; ok {
				return f
			}
		}
		if f, ok := q.given[strings.ToLower(last)]; ok && last == who.name && who.slug == "" && (g == "" || genderOf(f) == "" || genderOf(f) == g) {
			return f
		}
		if _, isTitle := lookup(titles, strings.ToLower(title)); isTitle && who.slug == "" && last == who.name && !inSet(honorifics, strings.ToLower(strings.TrimSuffix(title, "."))) {
			if n := q.m.titledPerson(last, title); n != nil && (g == "" || n.Gender == "" || n.Gender == g) {
				return speaker{slug: n.Actor, name: n.Canonical, gender: n.Gender} // "President Clinton"
			}
		}
	}
	if g != "" && who.gender != "" && who.gender != g {
		last := who.name[strings.LastIndexByte(who.name, ' ')+1:]
		if n := q.m.person(last, g); n != nil {
			return speaker{slug: n.Actor, name: n.Canonical, gender: n.Gender} // "Mrs. Biden" is Jill Biden
		}
		name := title
		if !strings.HasSuffix(title, ".") && strings.Contains(q.p, title+". ") {
			name += "."
		}
		return speaker{name: name + " " + last, gender: g}
	}
	if who.gender == "" {
		who.gender = g
	}
	return who
}

func (q *quoteScanner) mentionAt(pos int) bool {
	k := q.mentionAfter(pos)
	return k < len(q.ms) && q.ms[k].Start <= pos
}

// mentionAfter returns the index of the first mention that ends after
// byte pos: a search, not a scan, as a paragraph of thousands of
// sentences asks for each (a 1 MB one took minutes).
func (q *quoteScanner) mentionAfter(pos int) int {
	return sort.Search(len(q.ms), func(k int) bool { return q.ms[k].End > pos })
}

// description returns a segment that describes a speaker without naming
// them: "the president", "a Kremlin spokesman", "US officials"; "the
// newspaper" is the publication last named.
func (q *quoteScanner) description(seg span) (speaker, bool) {
	d := q.p[seg.start:seg.end]
	// "I stood at the gate and a nurse said": a new clause after "and"
	// or "but" holds the subject.
	for _, c := range [...]string{" and ", " but "} {
		if i := strings.LastIndex(d, c); i > 0 {
			if rest := d[i+len(c):]; inSet(singularDeterminers, rest[:wordEnd(rest, 0)]) && strings.IndexByte(d[:i], ' ') > 0 {
				seg.start += i + len(c)
				d = rest
			}
		}
	}
	if sp := strings.IndexByte(d, ' '); sp > 0 && isCapitalized(d) && inSet(notNames, d[:sp]) && !inSet(descriptionStart, d[:sp]) {
		// "Later the president called": the adverb opens the sentence.
		if next := d[sp+1:]; inSet(descriptionStart, next[:wordEnd(next, 0)]) {
			seg.start += sp + 1
			d = next
		}
	}
	first, last := d, d
	if sp := strings.IndexByte(d, ' '); sp > 0 {
		first = d[:sp]
	}
	if sp := strings.LastIndexByte(d, ' '); sp > 0 {
		last = d[sp+1:]
	}
	wc := wordCount(d)
	if wc < 1 || wc > maxDescriptionWords(d) {
		return speaker{}, false
	}
	// lowerTail: one capitalised word before lower-case ones ("Western
	// estimates", "Ukrainian officials").
	lowerTail := wc >= 2 && wc <= 3
	for i, w := range strings.Fields(d) {
		if inSet(relatives, w) {
			// "protesters who forced him out": the words before the
			// relative clause must describe someone by themselves.
			rel := strings.Index(d, " "+w+" ")
			if i == 0 || rel <= 0 || strings.ContainsRune(d[:rel], ' ') && !inSet(descriptionStart, strings.ToLower(first)) {
				return speaker{}, false
			}
			if _, ok := q.description(span{seg.start, seg.start + rel}); !ok {
				return speaker{}, false
			}
			return speaker{name: d, desc: true}, true
		}
		lowerTail = lowerTail && (i == 0 || isLowerWord(w))
	}
	_, roleLast := lookup(titles, last)
	roleLast = roleLast || inSet(speakingBodies, last)
	det := inSet(descriptionStart, first)
	if !det && !roleLast {
		// "Analysts at Evercore ISI", "Residents of Lahaina": the words
		// before a prepositional phrase describe someone by themselves.
		for i, t := range q.words(seg.start, seg.end) {
			if w := q.tokText(t); i > 0 && t.kind == tWord && isLowerWord(w) && inSet(prepositions, w) {
				if _, ok := q.description(span{seg.start, trimEnd(q.p, seg.start, t.start)}); ok {
					return speaker{name: d, desc: true}, true
				}
				break
			}
		}
	}
	if !det && !roleLast && !lowerTail && (!isLowerWord(d) || wc > 3) {
		return speaker{}, false
	}
	if !det && inSet(prepositions, first) {
		return speaker{}, false // "and said …": no description
	}
	if isLowerWord(first) && wc > 1 && (strings.HasSuffix(first, "ed") || strings.HasSuffix(first, "ing")) {
		return speaker{}, false // "signed by 40 ministers": a participle, no speaker
	}
	if inSet(publisherNouns, last) && q.publisher.ok() && strings.EqualFold(first, "the") {
		return q.publisher, true
	}
	// "the agency"; "the central bank" only in the paragraph that named
	// the organisation, as a modifier may tell it from another ("the grid
	// operator" after a party).
	if (wc == 2 || wc == 3 && isLowerWord(d[len(first)+1:]) && q.bodyPara == q.pi) && inSet(bodyNouns, last) && q.body.ok() && strings.EqualFold(first, "the") {
		return q.body, true
	}
	if wc == 2 && strings.EqualFold(first, "the") && isLowerWord(last) && inSet(bodyNouns, last) {
		if name, ok := q.namedBody(last, seg.start); ok {
			return speaker{name: name}, true // "… the Bureau of Meteorology. In a statement, the bureau said"
		}
	}
	return speaker{name: d, desc: true}, true
}

// invertedSubject appends the person named right after a speech verb
// that follows a comma ("The boys will stay in hospital, said Jesada
// Chokedamrongsuk, a health official."), so that "he" later is that
// person; it reports whether it did.
func (q *quoteScanner) invertedSubject(s span, limit, vEnd int, out *[]event) bool {
	p := q.p
	if !strings.HasSuffix(strings.TrimRight(p[s.start:limit], " "), ",") {
		return false
	}
	// A participle or a stance verb takes an object, not an inverted
	// subject: "…, praising Biden as …", "…, calling Putin …".
	v := p[limit : limit+wordEnd(p[limit:vEnd], 0)]
	_, speech := lookup(speechVerbs, v)
	if strings.HasSuffix(v, "ing") || !speech || tellsSomeone(v) {
		return false // "Colonel Ortiz, the duty officer, tells Mark Reyes": the one told
	}
	a := vEnd
	for a < s.end && p[a] == ' ' {
		a++
	}
	if a >= s.end || !isCapitalized(p[a:a+wordEnd(p[a:s.end], 0)]) {
		return false // "…, said the talks were over": no name
	}
	stop := s.end
	if c := strings.IndexAny(p[a:s.end], ",;"); c >= 0 {
		stop = a + c
	}
	for stop > a && strings.IndexByte(" .!?", p[stop-1]) >= 0 {
		stop-- // the sentence's full stop is no part of the name
	}
	who := q.resolve(a, stop, true)
	if !who.ok() || who.desc || !q.isPerson(who) {
		return false
	}
	*out = append(*out, event{limit, who})
	return true
}

// tellsSomeone reports whether a speech verb takes the person spoken to
// as its object ("told Mark Reyes"), so that the name after it is never
// its inverted subject.
func tellsSomeone(v string) bool {
	return v == "told" || v == "tells" || v == "tell" || v == "telling"
}

// subjects lists, for each sentence of the paragraph, its subject when it
// is a person: the subject of the sentence's first speech verb ("Russia's
// ambassador, Vassily Nebenzia, told …"), the name after "according to",
// else the first person mention outside quotes near its start that is not
// in a prepositional phrase or an opening adverbial clause, or an unknown
// name opening the clause ("Ms. Hrytsenko pointed …").
func (q *quoteScanner) subjects(out []event) []event {
	p := q.p
	mi := 0
	// Titles before names that are no actors, bound after the scan
	// (titledNames): binding reads tokens into the buffer toks shares.
	var titled [8][2]span
	nTitled := 0
	for _, s := range q.sents {
		for mi < len(q.ms) && q.ms[mi].Start < s.start {
			mi++
		}
		q.appositions(s)
		q.partyTags(s)
		limit, vEnd := s.end, -1
		toks := q.words(s.start, s.end)
		nTitled = q.titledNames(toks, &titled, nTitled)
		for k := range toks {
			if end, ok := q.verbAt(toks, k); ok && !q.inQuote(toks[k].start) {
				limit, vEnd = toks[k].start, end
				break
			}
		}
		first := ""
		if len(toks) > 0 {
			first = q.tokText(toks[0])
		}
		if vEnd >= 0 && !isAccording(p[limit:vEnd]) && q.invertedSubject(s, limit, vEnd, &out) {
			continue
		}
		if vEnd >= 0 && isAccording(p[limit:vEnd]) {
			stop := s.end
			if c := strings.IndexAny(p[vEnd:s.end], ",;"); c >= 0 {
				stop = vEnd + c
			}
			if who := q.resolve(vEnd, stop, true); who.ok() && !who.desc && q.isPerson(who) {
				out = append(out, event{limit, who})
				continue
			}
		} else if vEnd >= 0 && !q.pronounBefore(s.start, limit) {
			// A pronoun keeps the person it stands for. The subject
			// follows a quote that opens the sentence: "“… Pearl
			// Harbor,” the senator said."
			subj := s.start
			if i := sort.Search(len(q.spans), func(i int) bool { return q.spans[i].close > limit }); i > 0 && q.spans[i-1].close > subj {
				subj = q.spans[i-1].close
			}
			if who := q.resolve(subj, limit, false); who.ok() && !who.desc && q.isPerson(who) {
				out = append(out, event{s.start, who})
				continue
			} else if who.desc && singularPerson(who.name) {
				out = append(out, event{s.start, withTitleGender(who)})
				continue
			} else if isBodyName(who) {
				// "The Maritime Safety Authority said …": the body "it"
				// stands for later.
				out = append(out, event{s.start, who})
				continue
			}
		}
		if who, ok := q.interviewObject(s, first); ok {
			out = append(out, event{s.start, who})
			continue
		}
		if who, ok := q.invertedBe(s); ok {
			out = append(out, event{s.start, who})
			continue
		}
		if inSet(pronouns, first) {
			continue // "He blamed Mr. Trump": the pronoun keeps its person
		}
		if vEnd >= 0 && q.topicBeforePronoun(s.start, limit) {
			continue // "Mr Ross, he suggested, …": the pronoun is the subject, the name a topic
		}
		if _, ok := q.pronounSubject(s.start, limit); ok && inSet(adverbialStarts, first) {
			continue // "At a rally later he struck a softer tone, praising Biden"
		}
		if vEnd < 0 && limit-s.start > 80 {
			limit = s.start + 80
		}
		from := q.openingAdverbialEnd(s.start, limit) // "Minutes earlier the airline …"
		if from == s.start && (inSet(adverbialStarts, first) || isCapitalized(first) && strings.HasSuffix(first, "ing")) {
			// "Standing at a lectern, the Prime Minister …"
			if c := strings.IndexByte(p[s.start:limit], ','); c >= 0 {
				from = s.start + c + 1
			}
		}
		found := false
		for k := mi; k < len(q.ms) && q.ms[k].Start < limit; k++ {
			mm := q.ms[k]
			if mm.Start < from || q.inQuote(mm.Start) || q.afterPreposition(mm.Start, s.start) {
				continue
			}
			if mm.Name.Kind == "" || mm.Name.Kind == model.Person {
				who, ok := q.nameAt(span{s.start, mm.End})
				if !ok || who.slug == "" && who.name == "" {
					who = speaker{slug: mm.Name.Actor, name: mm.Name.Canonical, gender: mm.Name.Gender}
				}
				if other, ok := q.coordinated(k, limit); ok {
					// "Mr. Satyarthi and Ms. Yousafzai spoke …, she said":
					// both are subjects; the first named is the latest.
					out = append(out, event{mm.Start, other})
				}
				out = append(out, event{mm.Start, who})
				found = true
				break
			}
		}
		if found {
			continue
		}
		// An unknown name opening the sentence or one of its first
		// segments: "Back at the station, Ms. Orlova …", "In Iwaki, a
		// port south of the plant, Kenji Sato, who …".
		n0 := len(out)
		for seg, n := s.start, 0; n < 4 && seg < s.end && seg-s.start < 120; n++ {
			if seg >= from {
				if who, ok := q.conjoinedDescription(seg, s.end); ok && n > 0 {
					out = append(out, event{seg, withTitleGender(who)})
					break
				}
				if who, ok := q.openingName(seg, s.end); ok {
					out = append(out, event{seg, who})
					break
				}
			}
			c := strings.IndexByte(p[seg:s.end], ',')
			if c < 0 {
				break
			}
			seg += c + 1
		}
		// A description of one person opening the sentence or one of
		// its first segments: "Further along, a father of two had kept
		// a place".
		for seg, n := labelEnd(p, from, s.end), 0; len(out) == n0 && n < 3 && seg < s.end && seg-s.start < 120; n++ {
			if who, ok := q.openingDescription(seg, s.end); ok {
				out = append(out, event{seg, withTitleGender(who)})
				break
			}
			c := strings.IndexByte(p[seg:s.end], ',')
			if c < 0 {
				break
			}
			seg += c + 1
		}
	}
	for _, f := range titled[:nTitled] {
		if strings.IndexByte(p[f[1].start:f[1].end], ' ') < 0 {
			title := p[f[0].start:f[0].end]
			title = title[strings.LastIndexByte(title, ' ')+1:]
			if n := q.m.titledPerson(p[f[1].start:f[1].end], title); n != nil {
				q.bindRole(p[f[0].start:f[0].end], speaker{slug: n.Actor, name: n.Canonical, gender: n.Gender})
			}
			continue
		}
		if who, ok := q.unknownName(f[1]); ok {
			q.bindRole(p[f[0].start:f[0].end], who)
		}
	}
	return out
}

// conjoinedDescription returns a description of one person opening the
// second clause of a compound sentence at p[from:to], with its verb
// right after it: "The tide was still rising, and an official of the
// port authority warned that …". A name in the description's phrase
// ("the Japan Meteorological Agency") is not the clause's subject.
func (q *quoteScanner) conjoinedDescription(from, to int) (speaker, bool) {
	p := q.p
	a := strings.TrimLeft(p[from:to], " ")
	if !hasPrefixWord(a, "and", "but") {
		return speaker{}, false
	}
	a0 := to - len(a) + strings.IndexByte(a, ' ') + 1
	who, ok := q.openingDescription(a0, to)
	if !ok || strings.Contains(who.name, ",") || !strings.HasPrefix(p[a0:], who.name) {
		return speaker{}, false
	}
	rest := strings.TrimLeft(p[a0+len(who.name):to], " ")
	if rest == "" || !q.verbLike(rest[:wordEnd(rest, 0)]) {
		return speaker{}, false
	}
	return who, true
}

// coordinated returns the person named after q.ms[k] when the two are
// joined by "and" as one subject ("Mr. Satyarthi and Ms. Yousafzai
// spoke"), before limit: a mention or a title and a family name.
func (q *quoteScanner) coordinated(k, limit int) (speaker, bool) {
	p := q.p
	from := q.ms[k].End
	if limit = min(limit, len(p)); from >= limit || !strings.HasPrefix(p[from:limit], " and ") {
		return speaker{}, false
	}
	from += len(" and ")
	// The capitalised words of the name, a title's full stop included.
	end := from
	for end < limit {
		w := wordEnd(p, end)
		if w == end || !isCapitalized(p[end:w]) {
			break
		}
		if w < limit && p[w] == '.' {
			w++
		}
		end = w
		if end >= limit || p[end] != ' ' {
			break
		}
		end++
	}
	end = trimEnd(p, from, end)
	if end <= from {
		return speaker{}, false
	}
	who, ok := q.nameAt(span{from, end})
	if !ok || who.desc || !who.ok() || !q.isPerson(who) {
		return speaker{}, false
	}
	return who, true
}

// inversionOpeners open a sentence whose subject follows "was" or
// "were" (lexicon/en/inversion-openers.txt).
var inversionOpeners = lexiconWordSet("inversion-openers")

// invertedBe returns the person an inverted sentence names after "was"
// or "were" ("Among them was Ana Ruiz, a teacher.", "Also on board was
// Tom Hale"): the words before it are a phrase in lower case after its
// first word, with no subject of their own.
func (q *quoteScanner) invertedBe(s span) (speaker, bool) {
	p := q.p
	first := p[s.start : s.start+wordEnd(p[s.start:s.end], 0)]
	if !inSet(adverbialStarts, first) && !inSet(inversionOpeners, first) {
		return speaker{}, false
	}
	lim := min(s.end, s.start+80)
	at, n := -1, 0
	for _, be := range [...]string{" was ", " were "} {
		if i := strings.Index(p[s.start:lim], be); i > 0 && (at < 0 || s.start+i < at) {
			at, n = s.start+i, len(be)
		}
	}
	if at < 0 || at < s.start+len(first) {
		return speaker{}, false
	}
	for i := s.start + len(first); i < at; i++ {
		if c := p[i]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ',' {
			return speaker{}, false // "Among them, Tom Hale was …" has its subject
		}
	}
	from := at + n
	if k := q.mentionAfter(from); k < len(q.ms) && q.ms[k].Start == from && (q.ms[k].Name.Kind == "" || q.ms[k].Name.Kind == model.Person) {
		mm := q.ms[k]
		return speaker{slug: mm.Name.Actor, name: mm.Name.Canonical, gender: mm.Name.Gender}, true
	}
	if who, ok := q.openingName(from, s.end); ok {
		return who, true
	}
	// The name ends the sentence: "Beside him was Ana Ruiz."
	end := trimStop(p, from, s.end)
	if who, ok := q.unknownName(span{from, end}); ok && strings.IndexByte(who.name, ' ') > 0 {
		return who, true
	}
	return speaker{}, false
}

// labelEnd returns where the words after a place label opening
// p[from:to] start ("New York: One man, …" in a round-up), or from: the
// label is a few capitalised words and a colon, and no quotation follows
// it (“Maria Lopez: “…”” names a speaker).
func labelEnd(p string, from, to int) int {
	c := strings.Index(p[from:to], ": ")
	if c <= 0 || c > 24 {
		return from
	}
	for _, w := range strings.Fields(p[from : from+c]) {
		if !isCapitalized(w) {
			return from
		}
	}
	rest := from + c + 2
	if rest >= to || !isCapitalized(p[rest:to]) {
		return from
	}
	return rest
}

// maxDescriptionWords is how many words a description d may have: eight,
// or sixteen with a relative clause, whose head before it must then be a
// description of eight at most by itself ("A fund manager who had flown
// in from New York").
func maxDescriptionWords(d string) int {
	for i := 0; i <= 8 && d != ""; i++ {
		w, rest, _ := strings.Cut(d, " ")
		if i > 0 && inSet(relatives, w) {
			return 16
		}
		d = strings.TrimLeft(rest, " ")
	}
	return 8
}

// openingDescription returns a description of one person that opens the
// clause at p[from:to] before its verb, any verb: "Her husband was less
// sure." The person it stands for is then "he" or "she".
func (q *quoteScanner) openingDescription(from, to int) (speaker, bool) {
	toks := q.words(from, to)
	if len(toks) < 3 || !inSet(singularDeterminers, q.tokText(toks[0])) {
		return speaker{}, false
	}
	for k, t := range toks {
		w := q.tokText(t)
		if w == "," && k >= 2 {
			// "Her husband, Ron, was less sentimental": the name in
			// apposition, with the gender of the description's title.
			if d := q.p[toks[0].start:toks[k-1].end]; singularPerson(d) {
				if c := strings.IndexByte(q.p[t.end:to], ','); c > 0 {
					name := span{t.end, t.end + c}
					for name.start < name.end && q.p[name.start] == ' ' {
						name.start++
					}
					if who, ok := q.unknownName(name); ok && wordCount(who.name) <= 3 {
						g := withTitleGender(speaker{name: d}).gender
						return speaker{name: who.name, gender: g}, true
					}
					// "Her husband, a retired trucker, was less
					// sentimental": a description in apposition, and
					// the verb after it.
					// "The Prime Minister, unusually, did not argue":
					// an aside in lower case, and the verb after it.
					// A description in apposition is kept with it, as
					// a reader names the person ("One man, a
					// firefighter who lost colleagues there").
					rest := strings.TrimLeft(q.p[name.end+1:to], " ")
					aside := q.p[name.start:name.end]
					if q.verbLike(rest[:wordEnd(rest, 0)]) {
						if hasPrefixWord(aside, "a", "an") && wordCount(d)+wordCount(aside) <= 16 {
							return speaker{name: d + ", " + aside, desc: true}, true
						}
						if isLowerWord(aside[:wordEnd(aside, 0)]) {
							return speaker{name: d, desc: true}, true
						}
					}
				}
			}
		}
		if (w == "who" || w == "whose") && k >= 2 && toks[k-1].kind == tWord {
			// "A retired nurse from Toledo who had voted for him stood
			// at the back": a description of a person with a relative
			// clause opens the sentence as its subject, whatever the
			// verb after the clause.
			if d := q.p[toks[0].start:toks[k-1].end]; singularPerson(d) {
				// A clause closed by a comma before the verb is kept
				// with it, as a reader names the person ("a fund
				// manager who had flown in from New York, put it").
				// The caller may have cut the clause at that comma.
				if c := strings.IndexByte(q.p[t.start:to], ','); c > 0 {
					rest := strings.TrimLeft(q.p[t.start+c+1:to], " ")
					if whole := q.p[toks[0].start : t.start+c]; rest != "" && q.verbLike(rest[:wordEnd(rest, 0)]) && wordCount(whole) <= 16 {
						d = whole
					}
				} else if to < len(q.p) && q.p[to] == ',' {
					if whole := q.p[toks[0].start:toks[len(toks)-1].end]; wordCount(whole) <= 16 {
						d = whole
					}
				}
				return speaker{name: d, desc: true}, true
			}
		}
		if k > 10 || t.kind == tPunct && !isHyphen(w) || inSet(relatives, w) {
			break // "a fund manager who had flown in": no verb of the clause
		}
		if k >= 2 && t.kind == tWord && q.verbLike(w) && !inSet(singularDeterminers, q.tokText(toks[k-1])) {
			// (A word after a determiner is no verb: "A woman in a red
			// coat pushed …".)
			d := q.p[toks[0].start:toks[k-1].end]
			if singularPerson(d) {
				return speaker{name: d, desc: true}, true
			}
			break
		}
	}
	return speaker{}, false
}

// appositions binds the title of a description in apposition to a name
// among the first segments of sentence s: "The Speaker, John Bercow,
// rose" and "Carmen Rivera, a nurse who drove up, …" make "the Speaker"
// and "the nurse" that person later in the article.
func (q *quoteScanner) appositions(s span) {
	p := q.p
	var segs [6]span
	n := 0
	for a := s.start; a < s.end && n < len(segs) && a-s.start < 200; {
		b := a + strings.IndexByte(p[a:s.end], ',')
		if b < a {
			b = s.end
		}
		for a < b && p[a] == ' ' {
			a++
		}
		segs[n] = span{a, b}
		n++
		a = b + 1
	}
	for i := 0; i+1 < n; i++ {
		for _, pair := range [2][2]span{{segs[i], segs[i+1]}, {segs[i+1], segs[i]}} {
			desc, name := pair[0], pair[1]
			if name == segs[i+1] && i+2 >= n {
				continue // the name must be closed by a comma: "the Speaker, John Bercow, rose"
			}
			// "a nurse who drove up", "the chief executive of BP": the
			// description ends at its relative clause or preposition.
			// Before the name it may close a longer segment: "had sharp
			// words for the mayor of Atlantic City, Lorenzo Langford,".
			var starts [4]int
			ns := 0
			if name == segs[i+1] {
				for k, t := range q.words(desc.start, desc.end) {
					if w := q.tokText(t); k > 0 && ns < len(starts) && inSet(singularDeterminers, w) && isLowerWord(w) {
						starts[ns] = t.start
						ns++
					}
				}
			}
			for k := ns - 1; k >= 0; k-- {
				if d := q.descriptionHead(span{starts[k], desc.end}); q.endsInTitle(d) {
					desc.start = starts[k]
					break
				}
			}
			desc = q.descriptionHead(desc)
			// "Representative Henry Waxman of California": the place is
			// no part of the name.
			if of := strings.Index(p[name.start:name.end], " of "); of > 0 {
				if r, ok := skipOfPhrase(p[name.start+of+1 : name.end]); ok && r == "" {
					name.end = name.start + of
				}
			}
			first := p[desc.start : desc.start+wordEnd(p[desc.start:desc.end], 0)]
			if !inSet(descriptionStart, strings.ToLower(first)) || wordCount(p[desc.start:desc.end]) > 4 || !q.endsInTitle(desc) {
				continue
			}
			if who, ok := q.unknownName(name); ok && strings.IndexByte(who.name, ' ') > 0 {
				q.bindRole(p[desc.start:desc.end], who)
				q.learnName(who) // "her lawyer, David Chen, …. Chen was less sure."
			} else if who, ok := q.nameAt(name); ok && !who.desc {
				q.bindRole(p[desc.start:desc.end], who)
			}
		}
	}
}

// titledNames finds, among the tokens of a sentence, each capitalised
// title run before two to four capitalised words of a name ("… Judge
// Thokozile Masipa, who will decide the case, …") and adds the title and
// the name to found from n on, for subjects to bind once the sentence
// scan is over, so that "the judge" later is that person wherever the
// name stood, as learnMentions does for actors. It returns the new count.
func (q *quoteScanner) titledNames(toks []token, found *[8][2]span, n int) int {
	capital := func(k int) bool {
		return k < len(toks) && toks[k].kind == tWord && isCapitalized(q.tokText(toks[k]))
	}
	for k := 0; k < len(toks) && n < len(found); k++ {
		t := toks[k]
		if !capital(k) || !capital(k+1) || k > 0 && capital(k-1) {
			continue // no run begins here; or inside one: "Prime Minister", "Supreme Court Judge"
		}
		w := q.tokText(t)
		if _, ok := lookup(titles, w); !ok || inSet(honorifics, w) || q.inQuote(t.start) {
			continue
		}
		// The title run, then the name.
		j := k + 1
		for capital(j) {
			if _, ok := lookup(titles, q.tokText(toks[j])); !ok {
				break
			}
			j++
		}
		e := j
		for capital(e) {
			if _, ok := lookup(titles, q.tokText(toks[e])); ok {
				break
			}
			e++
		}
		if e-j >= 2 && e-j <= 3 || e-j == 1 && !q.mentionAt(toks[j].start) && (e >= len(toks) || q.tokText(toks[e]) != ".") {
			// One word is a family name: "President Clinton", read by
			// the title the actor's own spellings give him.
			found[n] = [2]span{{t.start, toks[j-1].end}, {toks[j].start, toks[e-1].end}}
			n++
		}
		k = e - 1
	}
	return n
}

// descriptionHead returns a description up to its relative clause or
// preposition: "the chief executive" of "the chief executive of BP".
func (q *quoteScanner) descriptionHead(d span) span {
	for _, t := range q.words(d.start, d.end) {
		w := q.tokText(t)
		if t.start > d.start && (inSet(relatives, w) || inSet(prepositions, w) && isLowerWord(w)) {
			d.end = trimEnd(q.p, d.start, t.start)
			break
		}
	}
	return d
}

// endsInTitle reports whether the last word of p[d.start:d.end] is a title.
func (q *quoteScanner) endsInTitle(d span) bool {
	_, ok := lookup(titles, q.p[d.start+strings.LastIndexByte(q.p[d.start:d.end], ' ')+1:d.end])
	return ok
}

// withTitleGender gives a description the gender its title implies:
// "the spokeswoman" is she.
func withTitleGender(who speaker) speaker {
	for _, w := range strings.Fields(who.name) {
		if g, ok := lookup(titles, w); ok && g != "" {
			who.gender = g
		}
	}
	return who
}

// afterLastTitle returns the index of the word after the last title in
// toks[k:] that still leaves a name after it, or k when there is none: in
// a run too long to be a name, an organisation and a rank before the name
// ("Coast Guard Rear Admiral Shannon Gilreath") are no part of it.
func (q *quoteScanner) afterLastTitle(toks []token, k int) int {
	for j := len(toks) - 2; j >= k; j-- {
		if _, title := lookup(titles, q.tokText(toks[j])); title && toks[j+1].kind == tWord {
			return j + 1
		}
	}
	return k
}

// openingName returns an unknown person's name that opens the clause at
// p[from:to] as its subject: two or more capitalised words or a titled
// name before a lower-case word ("Peter Berdowski, the …", "Ms. Le Pen
// was calmer"), or one word before an appositive or a relative clause
// ("Duda, whose country …", "Kirby, the spokesman").
func (q *quoteScanner) openingName(from, to int) (speaker, bool) {
	p := q.p
	for from < to && p[from] == ' ' {
		from++
	}
	// "But Mr. Turner said", "Or Representative Alexandria Ocasio-Cortez
	// of New York, who …": a conjunction opening the clause is no name.
	for _, c := range [...]string{"And ", "But ", "Or ", "Yet "} {
		if strings.HasPrefix(p[from:to], c) {
			from += len(c)
		}
	}
	if to-from > 80 {
		to = from + 80 // a name and the word after it; the rest is not read
	}
	toks := q.words(from, to)
	end, titled := from, false
	for i, t := range toks {
		w := q.tokText(t)
		if t.kind == tWord && isCapitalized(w) || t.kind == tWord && inSet(nameParticles, w) && i > 0 ||
			t.kind == tPunct && (isHyphen(w) || w == "." || isApostrophe(w)) && i > 0 && toks[i-1].end == t.start {
			if _, ok := lookup(titles, w); ok && i == 0 {
				titled = true
			}
			end = t.end
			continue
		}
		break
	}
	if end == from || end-from > 40 {
		return speaker{}, false
	}
	if end > from && p[end-1] == '.' && !inSet(nameSuffixes, p[from+strings.LastIndexByte(p[from:end-1], ' ')+1:end-1]) {
		end-- // the full stop of "Del." or of a sentence, not of the name ("Jr." keeps its own)
	}
	rest := strings.TrimLeft(p[end:to], " ")
	if r, ok := skipOfPhrase(rest); ok && (titled || strings.IndexByte(p[from:end], ' ') > 0) {
		rest = r // "Senator Josh Hawley of Missouri, who …", "Joe Barton of Texas said"
	}
	next := rest
	if sp := strings.IndexByte(rest, ' '); sp >= 0 {
		next = rest[:sp]
	}
	next = strings.TrimRight(next, ".,;:!?") // "Mr. Magness paused."
	appositive := strings.HasPrefix(rest, ",") && hasPrefixWord(strings.TrimLeft(rest[1:], " "), "who", "whose", "the", "a", "an") ||
		hasPrefixWord(rest, "and") && strings.IndexByte(p[from:end], ' ') > 0 // "Sarah Okafor and her husband, Peter, lost …"
	// After a title and a name any lower-case word but a preposition is
	// the verb: "Mr. Barton withdrew his apology".
	verb := q.verbLike(next) || titled && isLowerWord(next) && !inSet(prepositions, next) && !inSet(relatives, next)
	if !appositive && !strings.HasPrefix(rest, ",") && !verb {
		return speaker{}, false // "European Union leaders", "Back on Vokzalna Street"
	}
	if titled {
		// "Mr Brown had spoken" after Gordon Brown, whose family name is
		// no alias: the actor the family name stands for.
		who, ok := q.nameAt(span{from, end})
		return who, ok && who.ok()
	}
	who, ok := q.unknownName(span{from, end})
	if ok && !appositive && strings.IndexByte(who.name, ' ') < 0 {
		// One word opens a sentence for many reasons; it is a subject
		// when it is the first or family name of someone named in full
		// before: "Kawika pointed at the truck."
		if f := q.familyOf(who, ""); f.name != who.name {
			return f, true
		}
		return speaker{}, false
	}
	return who, ok && (strings.IndexByte(who.name, ' ') > 0 || appositive)
}

// skipOfPhrase returns what follows an "of" phrase of capitalised words
// at the start of s (the place or body of "Henry Waxman of California,"),
// and whether there was one.
func skipOfPhrase(s string) (string, bool) {
	if !strings.HasPrefix(s, "of ") {
		return s, false
	}
	r := strings.TrimPrefix(s[3:], "the ")
	n := 0
	for r != "" {
		w := r[:wordEnd(r, 0)]
		if w == "" || !isCapitalized(w) {
			break
		}
		r = strings.TrimLeft(r[len(w):], " ")
		n++
	}
	return r, n > 0
}

// verbLike reports whether a lower-case word after a name reads as its
// verb: an auxiliary, a past form, a speech or stance verb.
func (q *quoteScanner) verbLike(w string) bool {
	if !isLowerWord(w) {
		return false
	}
	if strings.HasSuffix(w, "ed") || inSet(auxiliaries, w) || inSet(pastCues, w) {
		return true
	}
	_, speech := lookup(speechVerbs, w)
	_, stance := lookup(stanceVerbs, w)
	return speech || stance
}

// hasPrefixWord reports whether s opens with one of the words.
func hasPrefixWord(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w+" ") {
			return true
		}
	}
	return false
}

// Documents that speak for their source (lexicon/en/documents.txt).
var documentNouns = lexiconSet("en", "documents")

// documentSource finds the source of a document named in [from, to): "a
// statement from Synergy Marine Group", "the latest report by the
// agency". The document must come within the first words, after a
// determiner or a possessive, with its source right after from, by or of.
func (q *quoteScanner) documentSource(from, to int) (speaker, bool) {
	toks := q.words(from, to)
	for k := 1; k+1 < len(toks) && k < 6; k++ {
		w := strings.ToLower(q.tokText(toks[k]))
		if w != "from" && w != "by" && w != "of" {
			continue
		}
		doc := strings.ToLower(q.p[toks[k-1].start:toks[k-1].end])
		two := ""
		if k >= 2 {
			two = strings.ToLower(q.p[toks[k-2].start:toks[k-1].end])
		}
		first := strings.ToLower(q.tokText(toks[0]))
		if !documentNouns[doc] && !documentNouns[two] || !inSet(descriptionStart, first) && !strings.HasSuffix(first, "'s") {
			return speaker{}, false
		}
		who := q.resolve(toks[k+1].start, to, true)
		return who, who.ok()
	}
	return speaker{}, false
}

// Articles: a document after one names no speaker of its own.
var articles = wordSet("the", "a", "an")

// documentColon finds who speaks through a document that introduces a
// quote with a colon: its source when named ("A statement from the
// families' association went further:"), else, for a definite one ("The
// letter went on:"), the person or body last named as speaker or
// subject, who issued it. A document with neither gives no one, and a
// clause that does not open with a document is not one (ok false).
func (q *quoteScanner) documentColon(from, to int) (speaker, bool) {
	// The clause before the colon: "…, and a statement from the
	// committee went further:".
	for _, c := range [...]string{", and ", ", but ", "; "} {
		if i := strings.LastIndex(q.p[from:to], c); i >= 0 {
			from += i + len(c)
		}
	}
	toks := q.words(from, to)
	// A possessive names its speaker itself ("His message was simple:",
	// "Its statement was blunt:"): possessor reads those.
	if len(toks) < 2 || !inSet(articles, q.tokText(toks[0])) {
		return speaker{}, false
	}
	doc := strings.ToLower(q.tokText(toks[1]))
	if len(toks) > 2 && documentNouns[doc+" "+strings.ToLower(q.tokText(toks[2]))] {
		toks = toks[1:] // "The press release"
	} else if !documentNouns[doc] {
		return speaker{}, false
	}
	if len(toks) > 3 {
		if w := q.tokText(toks[2]); w == "from" || w == "by" || w == "of" {
			// The source runs to its verb: "from the committee went
			// further".
			end := to
			for _, t := range toks[3:] {
				if t.kind == tWord && q.verbLike(q.tokText(t)) {
					end = t.start
					break
				}
			}
			who := q.resolve(toks[3].start, end, true)
			return who, true
		}
	}
	if !strings.EqualFold(q.tokText(toks[0]), "the") {
		return speaker{}, true
	}
	if r := q.recent[0]; r.ok() {
		return r, true
	}
	return speaker{}, true
}

// namedBody finds, in the paragraph before pos, the capitalised name of a
// body whose head is noun: "the bureau" after "the Bureau of
// Meteorology", "the ministry" after "the Ministry of Defence". The last
// such name counts; none gives false.
func (q *quoteScanner) namedBody(noun string, pos int) (string, bool) {
	p := q.p[:pos]
	head := strings.ToUpper(noun[:1]) + noun[1:]
	for i := strings.LastIndex(p, head); i >= 0; i = strings.LastIndex(p[:i], head) {
		end := i + len(head)
		if i > 0 && isASCIILetter(p[i-1]) || end < len(p) && isASCIILetter(p[end]) {
			continue
		}
		start := i
		// Capitalised words before the head ("Federal Reserve Board"),
		// and after it an of-phrase of capitalised words ("of Defence").
		for start > 0 && p[start-1] == ' ' {
			j := strings.LastIndexByte(p[:start-1], ' ') + 1
			w := p[j : start-1]
			if !isCapitalized(w) || strings.ContainsAny(w, ".,;:") || strings.EqualFold(w, "the") {
				break
			}
			start = j
		}
		for _, part := range []string{" of ", " for ", " on "} {
			if strings.HasPrefix(p[end:], part) {
				k := end + len(part)
				n := 0
				for k < len(p) && isCapitalized(p[k:]) {
					w := wordEnd(p, k)
					if w == k {
						break
					}
					k, n = w, n+1
					if k+1 < len(p) && p[k] == ' ' && isCapitalized(p[k+1:]) {
						k++
					}
				}
				if n > 0 {
					end = k
				}
			}
		}
		return strings.TrimRight(p[start:end], " "), true
	}
	return "", false
}

// namedAsPhrases are the phrases after which a speaker's name is given
// (lexicon/en/named-as.txt), with the gender each implies.
var namedAsPhrases = readLexicon("en", "named-as")

// namedAs finds in [from, to) a name given after a phrase such as "gave
// her name only as" or "asked to be identified only as": one to three
// capitalised words.
func (q *quoteScanner) namedAs(from, to int) (speaker, bool) {
	seg := q.p[from:to]
	if !strings.Contains(seg, " name") && !strings.Contains(seg, "identified") && !strings.Contains(seg, "called") {
		return speaker{}, false // the common case, without a search per phrase
	}
	for _, e := range namedAsPhrases {
		i := strings.Index(seg, e.Word)
		if i < 0 || i > 0 && seg[i-1] != ' ' {
			continue
		}
		a := i + len(e.Word)
		for a < len(seg) && seg[a] == ' ' {
			a++
		}
		b, n := a, 0
		for n < 3 && b < len(seg) && isCapitalized(seg[b:]) {
			e2 := wordEnd(seg, b)
			if e2 == b {
				break
			}
			b, n = e2, n+1
			if b+1 < len(seg) && seg[b] == ' ' && isCapitalized(seg[b+1:]) {
				b++
			}
		}
		if n == 0 {
			continue
		}
		return speaker{name: strings.TrimRight(seg[a:b], " "), gender: e.Value}, true
	}
	return speaker{}, false
}

// topicBeforePronoun reports whether the words before the verb at limit
// are a name alone, a comma and a pronoun: "Mr Ross, he suggested, ‘…’"
// puts the name first as the topic, and the pronoun is the one who
// speaks.
func (q *quoteScanner) topicBeforePronoun(from, limit int) bool {
	if !q.pronounBefore(from, limit) {
		return false
	}
	t := strings.TrimRight(q.p[from:limit], " ")
	for {
		i := strings.LastIndexAny(t, " ,")
		if i < 0 {
			return false
		}
		w := t[i+1:]
		t = strings.TrimRight(t[:i], " ")
		if inSet(pronouns, w) {
			break
		}
	}
	return strings.HasSuffix(t, ",") && len(t) > 1 && !q.hasLowerWord(span{from, from + len(t) - 1})
}

// pronounSubject finds a pronoun that is the subject of the words in
// [from, to) after an adverbial that no comma closes: "At a press
// conference later he struck a softer tone": a lower-case he, she or
// they right before a verb.
func (q *quoteScanner) pronounSubject(from, to int) (string, bool) {
	toks := q.words(from, to)
	for k := 1; k+1 < len(toks) && k < 12; k++ {
		if w := q.tokText(toks[k]); inSet(pronouns, w) && isLowerWord(w) && q.verbLike(q.tokText(toks[k+1])) {
			return w, true
		}
	}
	return "", false
}

// isAccording reports whether a verb found by verbAt is "according to".
func isAccording(v string) bool {
	return strings.HasPrefix(v, "according") || strings.HasPrefix(v, "According")
}

// pronounBefore reports whether p[from:to] ends with a pronoun, the
// auxiliaries after it aside ("he had").
func (q *quoteScanner) pronounBefore(from, to int) bool {
	t := strings.TrimRight(q.p[from:to], " ")
	for {
		i := strings.LastIndexAny(t, " ,")
		if w := t[i+1:]; i < 0 || !inSet(auxiliaries, w) {
			return inSet(pronouns, w) // "he said", "he had said"
		}
		t = strings.TrimRight(t[:i], " ")
	}
}

// afterPreposition reports whether the word before pos (within the
// sentence from sentStart) is a preposition: "talks with Putin".
func (q *quoteScanner) afterPreposition(pos, sentStart int) bool {
	for j := pos; ; {
		for j > sentStart && q.p[j-1] == ' ' {
			j--
		}
		if j > sentStart && q.p[j-1] == '.' {
			j-- // "with Mr. Trump"
		}
		i := j
		for i > sentStart && isASCIILetter(q.p[i-1]) {
			i--
		}
		if i == j {
			return false
		}
		if _, title := lookup(titles, q.p[i:j]); !title || isLowerWord(q.p[i:j]) {
			return inSet(prepositions, q.p[i:j]) && isLowerWord(q.p[i:j])
		}
		j = i // a title between the preposition and the name
	}
}

// unknownName returns a segment that is a personal name the matcher does
// not know: one to four capitalised words (with particles such as "al"
// or "von").
func (q *quoteScanner) unknownName(seg span) (speaker, bool) {
	if k := q.mentionAfter(seg.start); k < len(q.ms) && q.ms[k].Start < seg.end {
		return speaker{}, false
	}
	toks := q.words(seg.start, seg.end)
	n := 0
	for i, t := range toks {
		w := q.tokText(t)
		switch {
		case t.kind == tWord && isCapitalized(w):
			if i == 0 && inSet(notNames, w) {
				return speaker{}, false
			}
			n++
		case t.kind == tWord && inSet(nameParticles, w) && i > 0:
		case t.kind == tPunct && (isHyphen(w) || w == "." || isApostrophe(w)) && i > 0:
		default:
			return speaker{}, false
		}
	}
	if n == 0 || n > 4 {
		return speaker{}, false
	}
	return speaker{name: q.p[seg.start:seg.end]}, true
}

// inQuote reports whether byte pos of the paragraph is inside a quotation.
// The spans follow each other without overlapping, so a binary search
// finds the one that may hold pos: a scan of them for every word was
// quadratic, 10 s for a paragraph of 100,000 quotations.
func (q *quoteScanner) inQuote(pos int) bool {
	i := sort.Search(len(q.spans), func(i int) bool { return q.spans[i].close > pos })
	return i < len(q.spans) && q.spans[i].open <= pos
}

// isPerson reports whether a speaker can be "he" or "she" later.
func (q *quoteScanner) isPerson(s speaker) bool {
	if s.slug == "" {
		// "Interior Ministry", "Justice Department": a name ending in a
		// body's noun is the body's.
		last := strings.ToLower(s.name[strings.LastIndexByte(s.name, ' ')+1:])
		return s.name != "" && !s.desc && isCapitalized(s.name) && !strings.HasPrefix(s.name, "The ") && !inSet(speakingBodies, last)
	}
	for k := range q.ms {
		if q.ms[k].Name.Actor == s.slug {
			return q.ms[k].Name.Kind == "" || q.ms[k].Name.Kind == model.Person
		}
	}
	return true
}

// Opening adverbials (lexicon/en/opening-adverbials.txt, counted-from.txt):
// phrases of time before a clause's subject that no comma closes.
var (
	openingAdverbials = adverbialPhrases(lexiconWords("en", "opening-adverbials"))
	countedFrom       = lexiconWordSet("counted-from")
)

// countWords count units of time without a number: "A few hours later",
// "Several days on".
var countWords = wordSet("a", "an", "several", "some")

// openingFirst are the first words of openingAdverbials: a clause that
// opens with none of them, a count or a unit of time, or a sentence
// adverb has no phrase of time to skip.
var openingFirst = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, ph := range openingAdverbials {
		m[ph[0]] = struct{}{}
	}
	for _, set := range []map[string]struct{}{timeUnitWords, sentenceAdverbs, countWords} {
		for w := range set {
			m[w] = struct{}{}
		}
	}
	for w := range numberWords {
		m[w] = struct{}{}
	}
	return m
}()

func adverbialPhrases(lines []string) [][]string {
	out := make([][]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Fields(l)
	}
	return out
}

// openingAdverbialEnd returns where the subject of the clause p[from:to]
// begins after an opening phrase of time with no comma after it: "At one
// point the captain says", "Minutes earlier the airline had sent", "Two
// days later the mayor said"; a phrase ending in "before" or "after"
// runs to its comma ("Hours before the vote, Sen. Lindsey Graham …").
// With no such phrase it returns from.
func (q *quoteScanner) openingAdverbialEnd(from, to int) int {
	p := q.p
	start := from
	for start < to && p[start] == ' ' {
		start++
	}
	if w := p[start : start+wordEnd(p[start:to], 0)]; w == "" || !isDigit(w[0]) && !inSet(openingFirst, w) {
		return from // the common case, read once
	}
	// The first words of the clause, and where each ends.
	var ws [5]string
	var ends [5]int
	n := 0
	for i := start; n < len(ws) && i < to; {
		j := i + wordEnd(p[i:to], 0)
		if j == i {
			break
		}
		ws[n], ends[n] = p[i:j], j
		n++
		if j >= to || p[j] != ' ' {
			break
		}
		i = j + 1
	}
	k := 0 // words of the phrase
	for _, ph := range openingAdverbials {
		if len(ph) > k && len(ph) <= n && slices.EqualFunc(ph, ws[:len(ph)], strings.EqualFold) {
			k = len(ph)
		}
	}
	if k == 0 {
		// A count of units of time and a word placing it: "Minutes
		// earlier", "Two days later", "A week on".
		u := 0
		if u < n && (isNumberWord(ws[u]) || isDigit(ws[u][0]) || inSet(countWords, ws[u])) {
			u++
		}
		if u < n && ws[u] == "few" {
			u++
		}
		if u+1 < n && inSet(timeUnitWords, ws[u]) && inSet(countedFrom, ws[u+1]) {
			k = u + 2
		}
	}
	if k == 0 && n >= 2 && inSet(sentenceAdverbs, ws[0]) && isCapitalized(p[ends[0]+1:ends[1]]) && isCapitalized(p[start:ends[0]]) {
		// A sentence adverb before a name: "Later King said", "Then
		// Mr. Hale told them".
		k = 1
	}
	if k == 0 || k >= n && ends[k-1] >= to {
		return from
	}
	end := ends[k-1]
	if last := ws[k-1]; strings.EqualFold(last, "before") || strings.EqualFold(last, "after") {
		c := strings.IndexByte(p[end:to], ',')
		if c < 0 {
			return from // where the phrase ends is not written
		}
		end += c
	}
	if end < to && p[end] == ',' {
		end++
	}
	for end < to && p[end] == ' ' {
		end++
	}
	if end >= to {
		return from
	}
	return end
}
