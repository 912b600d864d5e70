package render

import (
	"html/template"

	"github.com/briefhq/brief/builder/model"
)

// Templates see the model through views: one type per model type that
// leads to an article, event or actor, with an accessor named like each
// of its fields and methods, so that a theme written against the model
// (.Title, .Articles, .Article.WordCount, ...) works unchanged. Every
// accessor records, in the page's recorder, which item and which part of
// it the page read; this file is the one place that says which part a
// field belongs to, and state.go hashes each part. A page is rendered
// again only when a part it read changed (see State).
//
// The accessors of what lists show are fields, filled when the view is
// made, which records their part then: a field costs text/template no
// reflective method call, and lists read them on every line. Accessors
// that lead to other items, or to an article's text, facts or links,
// are methods that record when called.
//
// Values that lead to no item (model.Date, Figure, DateMention, Mention,
// Ref, Block, Config) are handed out as they are, after recording the
// part of the item they belong to. TestViewsComplete checks that every
// field and method of a viewed type has its accessor, and that nothing
// else leads to an item.

// Parts of an article.
const (
	artMeta  = iota // front matter: what lists show (MetaHash) and the references
	artText         // the file itself (Hash): body, text, word count, params
	artFacts        // what extract read from the text (FactsHash)
	artLinks        // what resolve linked the article to
	artNames        // the actors it names, with counts (Mentions)
	artDate         // its date alone: all the graphics draw of an article
)

// Parts of an event.
const (
	evOwn      = iota // its file (Hash)
	evPlace           // PlaceActor
	evActors          // Actors
	evArticles        // Articles
	evRelated         // Related
	evPrevNext        // Prev and Next
	evCount           // how many articles cover it: the graphics rank events by it
)

// Parts of an actor.
const (
	acOwn        = iota // its file (Hash)
	acCountry           // Country
	acEvents            // Events
	acArticles          // Articles, with counts
	acMentions          // Mentions
	acCompanions        // Companions, with counts
	acQuotes            // Quotes
	acCount             // how many articles name it and events it is in, which says whether it has a feed
)

// ArticleView is an article as templates see it. What lists show of an
// article is in fields, copied when the view is made, which records the
// article's meta part then: text/template reads a field without the
// reflective method call an accessor costs, and a page that has the
// view reads its title, date or publisher in every page that has one
// (see TestViewsRecord). The rest are methods that record their part.
type ArticleView struct {
	Slug      string     // the article's slug
	Title     string     // the article's title
	Date      model.Date // the publication date
	Updated   model.Date // the date of the last update
	Publisher string     // the publisher's name
	SourceURL string     // the original address
	Summary   string     // the article's summary
	Language  string     // the language tag of the article; "" when it is the site's
	// Image is the article's picture: site-absolute or a full address
	// (see the url and absURL functions).
	Image string

	a  *model.Article
	r  *rec
	id uint32
}

// EventView is an event as templates see it; its fields, like an
// ArticleView's, are its own file's and recorded when the view is made.
type EventView struct {
	Slug    string     // the event's slug
	Title   string     // the event's title
	Date    model.Date // when the event began
	End     model.Date // when it ended
	Place   string     // the place as written
	Summary string     // the event's summary

	e  *model.Event
	r  *rec
	id uint32
}

// ActorView is an actor as templates see it; its fields, like an
// ArticleView's, are its own file's and recorded when the view is made.
type ActorView struct {
	Slug    string // the actor's slug
	Name    string // the actor's name
	Kind    string // person, organization, country or place
	Role    string // the actor's role
	Summary string // the actor's summary

	x  *model.Actor
	r  *rec
	id uint32
}

// article is the view of a templates get, its meta part recorded.
func (r *rec) article(a *model.Article) ArticleView {
	v := r.articleRef(a)
	v.Slug, v.Title, v.Date, v.Updated = a.Slug, a.Title, a.Date, a.Updated
	v.Publisher, v.SourceURL, v.Summary, v.Language, v.Image = a.Publisher, a.SourceURL, a.Summary, a.Language, a.Image
	v.r.mark(v.id, artMeta)
	return v
}

// articleRef is a view of a with its fields unset and nothing recorded,
// for accessors that record another part of a (its facts, its links)
// and hand no view of it to templates.
func (r *rec) articleRef(a *model.Article) ArticleView {
	v := ArticleView{a: a, r: r}
	if r != nil {
		v.id = r.t.artID[a]
	}
	return v
}

// event is the view of e templates get, its own part recorded.
func (r *rec) event(e *model.Event) EventView {
	v := r.eventRef(e)
	v.Slug, v.Title, v.Date, v.End, v.Place, v.Summary = e.Slug, e.Title, e.Date, e.End, e.Place, e.Summary
	v.r.mark(v.id, evOwn)
	return v
}

// eventRef is to event what articleRef is to article.
func (r *rec) eventRef(e *model.Event) EventView {
	v := EventView{e: e, r: r}
	if r != nil {
		v.id = r.t.evID[e]
	}
	return v
}

// actor is the view of x templates get, its own part recorded.
func (r *rec) actor(x *model.Actor) ActorView {
	v := r.actorRef(x)
	v.Slug, v.Name, v.Kind, v.Role, v.Summary = x.Slug, x.Name, x.Kind, x.Role, x.Summary
	v.r.mark(v.id, acOwn)
	return v
}

// actorRef is to actor what articleRef is to article.
func (r *rec) actorRef(x *model.Actor) ActorView {
	v := ActorView{x: x, r: r}
	if r != nil {
		v.id = r.t.acID[x]
	}
	return v
}

// The single items a field may lack come as pointers, nil when absent,
// so that {{with .Country}} and {{if .Prev}} read as they did.

func (r *rec) articlePtr(a *model.Article) *ArticleView {
	if a == nil {
		return nil
	}
	v := r.article(a)
	return &v
}

func (r *rec) eventPtr(e *model.Event) *EventView {
	if e == nil {
		return nil
	}
	v := r.event(e)
	return &v
}

func (r *rec) actorPtr(x *model.Actor) *ActorView {
	if x == nil {
		return nil
	}
	v := r.actor(x)
	return &v
}

func (r *rec) articles(as []*model.Article) []ArticleView {
	if as == nil {
		return nil
	}
	out := make([]ArticleView, len(as))
	for i, a := range as {
		out[i] = r.article(a)
	}
	return out
}

func (r *rec) events(es []*model.Event) []EventView {
	if es == nil {
		return nil
	}
	out := make([]EventView, len(es))
	for i, e := range es {
		out[i] = r.event(e)
	}
	return out
}

func (r *rec) actors(xs []*model.Actor) []ActorView {
	if xs == nil {
		return nil
	}
	out := make([]ActorView, len(xs))
	for i, x := range xs {
		out[i] = r.actor(x)
	}
	return out
}

func (v ArticleView) meta() *model.Article  { v.r.mark(v.id, artMeta); return v.a }
func (v ArticleView) text() *model.Article  { v.r.mark(v.id, artText); return v.a }
func (v ArticleView) facts() *model.Article { v.r.mark(v.id, artFacts); return v.a }
func (v ArticleView) links() *model.Article { v.r.mark(v.id, artLinks); return v.a }
func (v ArticleView) names() *model.Article { v.r.mark(v.id, artNames); return v.a }

// Source is the article's file.
func (v ArticleView) Source() model.Source { return v.text().Source }

// File is the article's path in the site.
func (v ArticleView) File() string { return v.meta().File }

// SlugLine is the line of the slug key.
func (v ArticleView) SlugLine() int { return v.text().SlugLine }

// Params are the front matter keys.
func (v ArticleView) Params() map[string]any { return v.text().Params }

// Hash is the hash of the article's file.
func (v ArticleView) Hash() uint64 { return v.text().Hash }

// Body is the text after the front matter.
func (v ArticleView) Body() string { return v.text().Body }

// BodyLine is the line the body starts on.
func (v ArticleView) BodyLine() int { return v.text().BodyLine }

// HTML is the rendered body.
func (v ArticleView) HTML() template.HTML { return v.text().HTML() }

// Text is the plain-text paragraphs.
func (v ArticleView) Text() []string { return v.text().Text() }

// Format is "md", "txt" or "html".
func (v ArticleView) Format() string { return v.meta().Format }

// Authors are the authors' names.
func (v ArticleView) Authors() []string { return v.meta().Authors }

// EventRefs are the events the front matter names.
func (v ArticleView) EventRefs() []model.Ref { return v.meta().EventRefs }

// ActorRefs are the actors the front matter names.
func (v ArticleView) ActorRefs() []model.Ref { return v.meta().ActorRefs }

// Tags are the article's tags.
func (v ArticleView) Tags() []string { return v.meta().Tags }

// Draft reports a draft.
func (v ArticleView) Draft() bool { return v.meta().Draft }

// Blocks is the main text of a saved web page.
func (v ArticleView) Blocks() []model.Block { return v.text().Blocks }

// Links are the body's links into the site.
func (v ArticleView) Links() []model.Link { return v.text().Links }

// Resources are the files published next to the article's page.
func (v ArticleView) Resources() []model.Resource { return v.text().Resources }

// MetaHash is the hash of what lists show.
func (v ArticleView) MetaHash() uint64 { return v.meta().MetaHash }

// DatesHash is the hash of the dated statements.
func (v ArticleView) DatesHash() uint64 { return v.facts().DatesHash }

// FactsHash is the hash of quotes, dates and figures.
func (v ArticleView) FactsHash() uint64 { return v.facts().FactsHash }

// TextLines are the lines the paragraphs start on.
func (v ArticleView) TextLines() []int { return v.text().TextLines }

// Mentions are the actors named in the article.
func (v ArticleView) Mentions() []model.Mention { return v.names().Mentions }

// Quotes are the quotations found in the article.
func (v ArticleView) Quotes() []QuoteView {
	a := v.facts()
	if a.Quotes == nil {
		return nil
	}
	out := make([]QuoteView, len(a.Quotes))
	for i := range a.Quotes {
		out[i] = quoteView(&a.Quotes[i], v)
	}
	return out
}

// Dates are the temporal expressions found in the article.
func (v ArticleView) Dates() []model.DateMention { return v.facts().Dates }

// Figures are the numbers found in the article.
func (v ArticleView) Figures() []model.Figure { return v.facts().Figures }

// WordCount is the length of the text in words.
func (v ArticleView) WordCount() int { return v.text().WordCount }

// Events are the events the article covers.
func (v ArticleView) Events() []EventView { return v.r.events(v.links().Events) }

// AutoEvents are those of Events found automatically.
func (v ArticleView) AutoEvents() []EventView { return v.r.events(v.links().AutoEvents) }

// Actors are the actors the article names.
func (v ArticleView) Actors() []ActorView { return v.r.actors(v.links().Actors) }

// IsAuto reports whether the article was linked to e automatically.
func (v ArticleView) IsAuto(e EventView) bool { return v.links().IsAuto(e.e) }

func (v EventView) own() *model.Event { v.r.mark(v.id, evOwn); return v.e }

// Source is the event's file.
func (v EventView) Source() model.Source { return v.own().Source }

// File is the event's path in the site.
func (v EventView) File() string { return v.own().File }

// SlugLine is the line of the slug key.
func (v EventView) SlugLine() int { return v.own().SlugLine }

// Params are the front matter keys.
func (v EventView) Params() map[string]any { return v.own().Params }

// Hash is the hash of the event's file.
func (v EventView) Hash() uint64 { return v.own().Hash }

// Body is the text after the front matter.
func (v EventView) Body() string { return v.own().Body }

// BodyLine is the line the body starts on.
func (v EventView) BodyLine() int { return v.own().BodyLine }

// HTML is the rendered body.
func (v EventView) HTML() template.HTML { return v.own().HTML() }

// Links are the body's links into the site.
func (v EventView) Links() []model.Link { return v.own().Links }

// PlaceRef is the place's actor reference.
func (v EventView) PlaceRef() model.Ref { return v.own().PlaceRef }

// ActorRefs are the participants as written.
func (v EventView) ActorRefs() []model.Ref { return v.own().ActorRefs }

// RelatedRef are the related events as written.
func (v EventView) RelatedRef() []model.Ref { return v.own().RelatedRef }

// Tags are the event's tags.
func (v EventView) Tags() []string { return v.own().Tags }

// Coordinates are the latitude and longitude of the place, nil when none.
func (v EventView) Coordinates() *[2]float64 { return v.own().Coordinates }

// PlaceActor is the actor the place names, nil when none.
func (v EventView) PlaceActor() *ActorView {
	v.r.mark(v.id, evPlace)
	return v.r.actorPtr(v.e.PlaceActor)
}

// Actors are the participants.
func (v EventView) Actors() []ActorView {
	v.r.mark(v.id, evActors)
	return v.r.actors(v.e.Actors)
}

// Articles are the coverage.
func (v EventView) Articles() []ArticleView {
	v.r.mark(v.id, evArticles)
	return v.r.articles(v.e.Articles)
}

// Related are the related events.
func (v EventView) Related() []EventView {
	v.r.mark(v.id, evRelated)
	return v.r.events(v.e.Related)
}

// Prev is the event before in the chronology, nil when none.
func (v EventView) Prev() *EventView {
	v.r.mark(v.id, evPrevNext)
	return v.r.eventPtr(v.e.Prev)
}

// Next is the event after in the chronology, nil when none.
func (v EventView) Next() *EventView {
	v.r.mark(v.id, evPrevNext)
	return v.r.eventPtr(v.e.Next)
}

// coverage records what the digests of the coverage read: the coverage,
// the participants, and what was read from each article and linked.
func (v EventView) coverage() *model.Event {
	v.r.mark(v.id, evArticles)
	v.r.mark(v.id, evActors)
	for _, a := range v.e.Articles {
		av := v.r.articleRef(a)
		av.facts()
		av.links()
	}
	return v.e
}

// KeyQuotes are the key quotes of the coverage.
func (v EventView) KeyQuotes() []ActorQuoteView {
	qs := v.coverage().KeyQuotes()
	out := make([]ActorQuoteView, len(qs))
	for i := range qs {
		out[i] = ActorQuoteView{q: qs[i], r: v.r}
	}
	return out
}

// Statements are the dated statements of the coverage.
func (v EventView) Statements() []StatementView {
	st := v.coverage().Statements()
	out := make([]StatementView, len(st))
	for i := range st {
		out[i] = StatementView{s: st[i], r: v.r}
	}
	return out
}

// KeyFigures are the key figures of the coverage.
func (v EventView) KeyFigures() []ArticleFigureView {
	fs := v.coverage().KeyFigures()
	out := make([]ArticleFigureView, len(fs))
	for i := range fs {
		out[i] = ArticleFigureView{f: fs[i], r: v.r}
	}
	return out
}

func (v ActorView) own() *model.Actor { v.r.mark(v.id, acOwn); return v.x }

// Source is the actor's file.
func (v ActorView) Source() model.Source { return v.own().Source }

// File is the actor's path in the site.
func (v ActorView) File() string { return v.own().File }

// SlugLine is the line of the slug key.
func (v ActorView) SlugLine() int { return v.own().SlugLine }

// Params are the front matter keys.
func (v ActorView) Params() map[string]any { return v.own().Params }

// Hash is the hash of the actor's file.
func (v ActorView) Hash() uint64 { return v.own().Hash }

// Body is the text after the front matter.
func (v ActorView) Body() string { return v.own().Body }

// BodyLine is the line the body starts on.
func (v ActorView) BodyLine() int { return v.own().BodyLine }

// HTML is the rendered body.
func (v ActorView) HTML() template.HTML { return v.own().HTML() }

// Links are the body's links into the site.
func (v ActorView) Links() []model.Link { return v.own().Links }

// Aliases are other names of the actor.
func (v ActorView) Aliases() []string { return v.own().Aliases }

// Misspellings are misspellings seen in sources.
func (v ActorView) Misspellings() []string { return v.own().Misspellings }

// Gender is the actor's gender, "" when unknown.
func (v ActorView) Gender() string { return v.own().Gender }

// CountryRef is the country as written.
func (v ActorView) CountryRef() model.Ref { return v.own().CountryRef }

// Wikidata is the Wikidata item.
func (v ActorView) Wikidata() string { return v.own().Wikidata }

// Coordinates are the latitude and longitude of a place, nil when none.
func (v ActorView) Coordinates() *[2]float64 { return v.own().Coordinates }

// AliasLines are the lines of the aliases and misspellings.
func (v ActorView) AliasLines() map[string]int { return v.own().AliasLines }

// Country is the actor's country, nil when none.
func (v ActorView) Country() *ActorView {
	v.r.mark(v.id, acCountry)
	return v.r.actorPtr(v.x.Country)
}

// Events are the events the actor takes part in.
func (v ActorView) Events() []EventView {
	v.r.mark(v.id, acEvents)
	return v.r.events(v.x.Events)
}

// Articles are the articles naming the actor.
func (v ActorView) Articles() []ArticleMentionView {
	v.r.mark(v.id, acArticles)
	if v.x.Articles == nil {
		return nil
	}
	out := make([]ArticleMentionView, len(v.x.Articles))
	for i, m := range v.x.Articles {
		out[i] = v.r.mention(m)
	}
	return out
}

// newest are the views of the n newest articles naming the actor, newest
// first: a feed's entries, made without a view of every article.
func (v ActorView) newest(n int) []ArticleView {
	v.r.mark(v.id, acArticles)
	ms := v.x.Articles
	out := make([]ArticleView, 0, min(n, len(ms)))
	for i := len(ms) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, v.r.article(ms[i].Article))
	}
	return out
}

// Mentions is the number of mentions across articles.
func (v ActorView) Mentions() int {
	v.r.mark(v.id, acMentions)
	return v.x.Mentions
}

// Companions are the actors most often named with this one.
func (v ActorView) Companions() []CompanionView {
	v.r.mark(v.id, acCompanions)
	if v.x.Companions == nil {
		return nil
	}
	out := make([]CompanionView, len(v.x.Companions))
	for i, c := range v.x.Companions {
		out[i] = CompanionView{Count: c.Count, c: c, r: v.r}
	}
	return out
}

// Quotes are the actor's quotes.
func (v ActorView) Quotes() []ActorQuoteView {
	v.r.mark(v.id, acQuotes)
	if v.x.Quotes == nil {
		return nil
	}
	out := make([]ActorQuoteView, len(v.x.Quotes))
	for i, q := range v.x.Quotes {
		out[i] = ActorQuoteView{q: q, r: v.r}
	}
	return out
}

// QuoteView is a quote as templates see it: its words, in fields, are
// part of what was read from its article, recorded when the view is
// made; its speaker is part of the article's links.
type QuoteView struct {
	Text        string // the quoted words
	Speaker     string // the speaker's slug
	SpeakerName string // the speaker as written
	Para        int    // the paragraph of the quote
	Start       int    // where the quote starts in its paragraph
	End         int    // where the quote ends in its paragraph

	q  *model.Quote
	of ArticleView
}

// quoteView is the view of q, a quote of the article of, recording the
// article's facts.
func quoteView(q *model.Quote, of ArticleView) QuoteView {
	of.facts()
	return QuoteView{Text: q.Text, Speaker: q.Speaker, SpeakerName: q.SpeakerName, Para: q.Para, Start: q.Start, End: q.End, q: q, of: of}
}

// By is the speaker's actor, nil when none.
func (v QuoteView) By() *ActorView {
	v.of.links()
	return v.of.r.actorPtr(v.q.By)
}

// ActorQuoteView is an actor's quote with its article.
type ActorQuoteView struct {
	q model.ActorQuote
	r *rec
}

func (v ActorQuoteView) quote() QuoteView {
	return quoteView(&v.q.Quote, v.r.articleRef(v.q.Article))
}

// Quote is the quote itself.
func (v ActorQuoteView) Quote() QuoteView { return v.quote() }

// Text is the quoted words.
func (v ActorQuoteView) Text() string { return v.quote().Text }

// Speaker is the speaker's slug.
func (v ActorQuoteView) Speaker() string { return v.quote().Speaker }

// SpeakerName is the speaker as written.
func (v ActorQuoteView) SpeakerName() string { return v.quote().SpeakerName }

// By is the speaker's actor, nil when none.
func (v ActorQuoteView) By() *ActorView { return v.quote().By() }

// Para is the paragraph of the quote.
func (v ActorQuoteView) Para() int { return v.quote().Para }

// Start is where the quote starts in its paragraph.
func (v ActorQuoteView) Start() int { return v.quote().Start }

// End is where the quote ends in its paragraph.
func (v ActorQuoteView) End() int { return v.quote().End }

// Article is the article quoted.
func (v ActorQuoteView) Article() *ArticleView { return v.r.articlePtr(v.q.Article) }

// Actor is the speaker.
func (v ActorQuoteView) Actor() *ActorView { return v.r.actorPtr(v.q.Actor) }

// ArticleMentionView is an article naming an actor, with how often; the
// list it is in records both. The lists of them are the pages of an
// actor's coverage, each showing its article: the article's view is
// made with it.
type ArticleMentionView struct {
	Article *ArticleView // the article
	Count   int          // how often it names the actor
}

func (r *rec) mention(m model.ArticleMention) ArticleMentionView {
	return ArticleMentionView{Article: r.articlePtr(m.Article), Count: m.Count}
}

// CompanionView is an actor named with another, with how often; the list
// it is in records both.
type CompanionView struct {
	Count int // the number of articles in common

	c model.Companion
	r *rec
}

// Actor is the companion.
func (v CompanionView) Actor() *ActorView { return v.r.actorPtr(v.c.Actor) }

// StatementView is a dated statement with its article.
type StatementView struct {
	s model.Statement
	r *rec
}

func (v StatementView) facts() *model.Statement { v.r.articleRef(v.s.Article).facts(); return &v.s }

// DateMention is the statement's date.
func (v StatementView) DateMention() model.DateMention { return v.facts().DateMention }

// Text is the expression as written.
func (v StatementView) Text() string { return v.facts().Text }

// Type is the TIMEX3 type.
func (v StatementView) Type() string { return v.facts().Type }

// Value is the TIMEX3 value.
func (v StatementView) Value() string { return v.facts().Value }

// Date is the date the statement names.
func (v StatementView) Date() model.Date { return v.facts().Date }

// Sentence is the sentence it stands in.
func (v StatementView) Sentence() string { return v.facts().Sentence }

// Clause is the clause of the sentence the date attaches to.
func (v StatementView) Clause() string { return v.facts().Clause }

// Mod is the TIMEX3 mod of the expression.
func (v StatementView) Mod() string { return v.facts().Mod }

// Human is the date for readers.
func (v StatementView) Human() string { return v.facts().Human() }

// Para is the paragraph of the statement.
func (v StatementView) Para() int { return v.facts().Para }

// Start is where the expression starts in its paragraph.
func (v StatementView) Start() int { return v.facts().Start }

// End is where the expression ends in its paragraph.
func (v StatementView) End() int { return v.facts().End }

// Article is the article it comes from.
func (v StatementView) Article() *ArticleView { return v.r.articlePtr(v.s.Article) }

// ArticleFigureView is a figure with its article.
type ArticleFigureView struct {
	f model.ArticleFigure
	r *rec
}

func (v ArticleFigureView) facts() *model.ArticleFigure {
	v.r.articleRef(v.f.Article).facts()
	return &v.f
}

// Figure is the figure itself.
func (v ArticleFigureView) Figure() model.Figure { return v.facts().Figure }

// Value is the number.
func (v ArticleFigureView) Value() float64 { return v.facts().Value }

// Unit is what it counts, in short.
func (v ArticleFigureView) Unit() string { return v.facts().Unit }

// Text is the phrase as written.
func (v ArticleFigureView) Text() string { return v.facts().Text }

// Counts is what the figure counts.
func (v ArticleFigureView) Counts() string { return v.facts().Counts }

// Holder is the slug of who gives the figure.
func (v ArticleFigureView) Holder() string { return v.facts().Holder }

// HolderName is who gives the figure, as written.
func (v ArticleFigureView) HolderName() string { return v.facts().HolderName }

// RefersTo is the time the figure refers to.
func (v ArticleFigureView) RefersTo() string { return v.facts().RefersTo }

// Sentence is the sentence it stands in.
func (v ArticleFigureView) Sentence() string { return v.facts().Sentence }

// Para is the paragraph of the figure.
func (v ArticleFigureView) Para() int { return v.facts().Para }

// Start is where the figure starts in its paragraph.
func (v ArticleFigureView) Start() int { return v.facts().Start }

// End is where the figure ends in its paragraph.
func (v ArticleFigureView) End() int { return v.facts().End }

// Article is the article it comes from.
func (v ArticleFigureView) Article() *ArticleView { return v.r.articlePtr(v.f.Article) }

// ChronoEntryView is a line of the chronology. The list it is in records
// which entries there are; what an entry says belongs to its item.
type ChronoEntryView struct {
	c model.ChronoEntry
	r *rec
}

func (v ChronoEntryView) said() model.ChronoEntry {
	if v.c.Article != nil {
		v.r.articleRef(v.c.Article).facts()
	} else if v.c.Event != nil {
		v.r.eventRef(v.c.Event).own()
	}
	return v.c
}

// Date is the entry's date.
func (v ChronoEntryView) Date() model.Date { return v.said().Date }

// Kind is "event" or "report".
func (v ChronoEntryView) Kind() string { return v.c.Kind }

// Event is the entry's event, nil for reports.
func (v ChronoEntryView) Event() *EventView { return v.r.eventPtr(v.c.Event) }

// Article is the report's article, nil for events.
func (v ChronoEntryView) Article() *ArticleView { return v.r.articlePtr(v.c.Article) }

// N is the index of the report's statement in its article's dates.
func (v ChronoEntryView) N() int { return v.c.N }

// Text is the sentence a report was read from.
func (v ChronoEntryView) Text() string { return v.said().Text() }

// Expr is the expression a report's date was read from.
func (v ChronoEntryView) Expr() string { return v.said().Expr() }

// Clause is the clause of the sentence a report's date attaches to.
func (v ChronoEntryView) Clause() string { return v.said().Clause() }

// When is the entry's date for readers.
func (v ChronoEntryView) When() string { return v.said().When() }

// Expected marks a report of something planned or expected.
func (v ChronoEntryView) Expected() bool { return v.said().Expected }

// Sources are a report's articles, or an event's statements in the
// coverage that refer to it.
func (v ChronoEntryView) Sources() []ChronoSourceView {
	out := make([]ChronoSourceView, len(v.c.Sources))
	for i, s := range v.c.Sources {
		out[i] = ChronoSourceView{s: s, r: v.r}
	}
	return out
}

// ChronoSourceView is a statement of an article in the chronology.
type ChronoSourceView struct {
	s model.ChronoSource
	r *rec
}

// Article is the statement's article.
func (v ChronoSourceView) Article() *ArticleView { return v.r.articlePtr(v.s.Article) }

// N is the index of the statement in its article's dates.
func (v ChronoSourceView) N() int { return v.s.N }

// Mention is the statement.
func (v ChronoSourceView) Mention() model.DateMention {
	v.r.articleRef(v.s.Article).facts()
	return v.s.Mention()
}

// ChronoDayView is the entries of the chronology that share a date.
type ChronoDayView struct {
	d model.ChronoDay
	r *rec
}

// When is the day's date for readers.
func (v ChronoDayView) When() string { return v.d.When }

// when is the day's date as cat writes it: its first entry's, which
// every entry of the day shares (see model.ChronoDays). A report's date
// is what its article's text says.
func (v ChronoDayView) when(cat *catalog) string {
	es := v.d.Entries
	if len(es) == 0 {
		es = v.d.More
	}
	if len(es) == 0 {
		return cat.date(v.d.Date)
	}
	if es[0].Article != nil {
		v.r.article(es[0].Article).facts()
	}
	return cat.entry(es[0])
}

// Date is the day's date.
func (v ChronoDayView) Date() model.Date { return v.d.Date }

// Entries are the day's events and first reports.
func (v ChronoDayView) Entries() []ChronoEntryView { return v.r.entries(v.d.Entries) }

// More are the day's other reports.
func (v ChronoDayView) More() []ChronoEntryView { return v.r.entries(v.d.More) }

// SiteView is the site as templates see it: its configuration (part of
// the site-wide signature) and its lists, each a dependency of its own.
type SiteView struct {
	Config model.Config // the site configuration, read on every page

	s *model.Site
	r *rec
}

// Articles are every article, by date.
func (v SiteView) Articles() []ArticleView {
	v.r.list(listArticles)
	return v.r.articles(v.s.Articles)
}

// Events are every event, by date.
func (v SiteView) Events() []EventView {
	v.r.list(listEvents)
	return v.r.events(v.s.Events)
}

// Actors are every actor, by slug.
func (v SiteView) Actors() []ActorView {
	v.r.list(listActors)
	return v.r.actors(v.s.Actors)
}

// Chronology is every line of the chronology.
func (v SiteView) Chronology() []ChronoEntryView {
	v.r.list(listChronology)
	return v.r.entries(v.s.Chronology)
}

// ArticleBySlug maps slugs to articles.
func (v SiteView) ArticleBySlug() map[string]ArticleView {
	v.r.list(listArticles)
	m := make(map[string]ArticleView, len(v.s.ArticleBySlug))
	for k, a := range v.s.ArticleBySlug {
		m[k] = v.r.article(a)
	}
	return m
}

// EventBySlug maps slugs to events.
func (v SiteView) EventBySlug() map[string]EventView {
	v.r.list(listEvents)
	m := make(map[string]EventView, len(v.s.EventBySlug))
	for k, e := range v.s.EventBySlug {
		m[k] = v.r.event(e)
	}
	return m
}

// ActorBySlug maps slugs to actors.
func (v SiteView) ActorBySlug() map[string]ActorView {
	v.r.list(listActors)
	m := make(map[string]ActorView, len(v.s.ActorBySlug))
	for k, x := range v.s.ActorBySlug {
		m[k] = v.r.actor(x)
	}
	return m
}

func (r *rec) entries(cs []model.ChronoEntry) []ChronoEntryView {
	if cs == nil {
		return nil
	}
	out := make([]ChronoEntryView, len(cs))
	for i, c := range cs {
		out[i] = ChronoEntryView{c: c, r: r}
	}
	return out
}

// ListsView is the site-wide lists as templates see them; each list is a
// dependency of its own (its members and their order).
type ListsView struct {
	l *Lists
	r *rec
}

// LatestEvents are the newest events.
func (v ListsView) LatestEvents() []EventView {
	v.r.list(listLatestEvents)
	return v.r.events(v.l.LatestEvents)
}

// LatestArticles are the newest articles.
func (v ListsView) LatestArticles() []ArticleView {
	v.r.list(listLatestArticles)
	return v.r.articles(v.l.LatestArticles)
}

// TopActors are the most mentioned actors.
func (v ListsView) TopActors() []ActorView {
	v.r.list(listTopActors)
	return v.r.actors(v.l.TopActors)
}

// Years are the chronology by year and month.
func (v ListsView) Years() []YearView {
	v.r.list(listYears)
	out := make([]YearView, len(v.l.Years))
	for i := range v.l.Years {
		out[i] = YearView{y: &v.l.Years[i], r: v.r}
	}
	return out
}

// Reports reports whether the chronology holds reports from articles.
func (v ListsView) Reports() bool {
	v.r.list(listReports)
	return v.l.Reports
}

// ActorGroups are the actors by kind.
func (v ListsView) ActorGroups() []ActorGroupView {
	v.r.list(listActorGroups)
	out := make([]ActorGroupView, len(v.l.ActorGroups))
	for i := range v.l.ActorGroups {
		out[i] = ActorGroupView{g: &v.l.ActorGroups[i], r: v.r}
	}
	return out
}

// YearView is a year of the chronology; the Years list records its
// months and entries.
type YearView struct {
	y *Year
	r *rec
}

// Year is the year.
func (v YearView) Year() int { return v.y.Year }

// Months are the year's months.
func (v YearView) Months() []MonthView {
	out := make([]MonthView, len(v.y.Months))
	for i := range v.y.Months {
		out[i] = MonthView{m: &v.y.Months[i], r: v.r}
	}
	return out
}

// MonthView is a month of the chronology.
type MonthView struct {
	m *Month
	r *rec
}

// Name is the month's name, "" for entries known only to the year.
func (v MonthView) Name() string { return v.m.Name }

// Entries are the month's entries.
func (v MonthView) Entries() []ChronoEntryView { return v.r.entries(v.m.Entries) }

// Hidden is how many reports the page leaves out.
func (v MonthView) Hidden() int { return v.m.Hidden }

// Days are the month's entries by date, each day's reports beyond
// MaxReportsPerDay in its More.
func (v MonthView) Days() []ChronoDayView {
	ds := model.ChronoDays(v.m.Entries, MaxReportsPerDay)
	out := make([]ChronoDayView, len(ds))
	for i, d := range ds {
		out[i] = ChronoDayView{d: d, r: v.r}
	}
	return out
}

// ActorGroupView is the actors of one kind; the ActorGroups list records
// its members.
type ActorGroupView struct {
	g *ActorGroup
	r *rec
}

// Kind is the actors' kind.
func (v ActorGroupView) Kind() string { return v.g.Kind }

// Actors are the actors of the kind.
func (v ActorGroupView) Actors() []ActorView { return v.r.actors(v.g.Actors) }
