package render

import "github.com/briefhq/brief/builder/model"

// Views of the briefing digests (builder/model/briefing.go). A digest of
// an event's coverage reads, through coverage(), the coverage, the
// participants and what was read from each article, so a page showing it
// is rendered again when any of those change.

// Numbers are the figures of the coverage grouped by what they count.
func (v EventView) Numbers() []FigureGroupView {
	gs := v.coverage().Numbers()
	for _, a := range v.e.Articles {
		v.r.articleRef(a).meta() // publishers and dates name the sources
	}
	out := make([]FigureGroupView, len(gs))
	for i := range gs {
		g := &gs[i]
		out[i] = FigureGroupView{Label: g.Label, Unit: g.Unit, Min: g.Min, Max: g.Max, g: g, r: v.r}
	}
	return out
}

// WhoSaid are the quotes of the coverage, ranked.
func (v EventView) WhoSaid() []RankedQuoteView {
	return v.r.rankedQuotes(v.coverage().WhoSaid())
}

// CoverageDays are the coverage by day.
func (v EventView) CoverageDays() []CoverageDayView {
	v.r.mark(v.id, evArticles)
	for _, a := range v.e.Articles {
		v.r.articleRef(a).meta()
	}
	ds := v.e.CoverageDays()
	out := make([]CoverageDayView, len(ds))
	for i := range ds {
		out[i] = CoverageDayView{d: ds[i], r: v.r}
	}
	return out
}

// Newest are the newest articles of the coverage.
func (v EventView) Newest() []ArticleView {
	v.r.mark(v.id, evArticles)
	return v.r.articles(v.e.Newest())
}

// OwnWords are the actor's quotes, newest first, each once.
func (v ActorView) OwnWords() []RankedQuoteView {
	v.r.mark(v.id, acQuotes)
	for _, q := range v.x.Quotes {
		v.r.articleRef(q.Article).facts()
	}
	return v.r.rankedQuotes(v.x.OwnWords())
}

// FirstSeen is the date of the first article naming the actor.
func (v ActorView) FirstSeen() model.Date {
	v.seen()
	return v.x.FirstSeen()
}

// LastSeen is the date of the last article naming the actor.
func (v ActorView) LastSeen() model.Date {
	v.seen()
	return v.x.LastSeen()
}

func (v ActorView) seen() {
	v.r.mark(v.id, acArticles)
	if n := len(v.x.Articles); n > 0 {
		v.r.articleRef(v.x.Articles[0].Article).meta()
		v.r.articleRef(v.x.Articles[n-1].Article).meta()
	}
}

// LastUpdate is when the site's content last changed.
func (v SiteView) LastUpdate() model.Date {
	// Every article's date, recorded without making a view of each.
	v.r.list(listArticles)
	for _, a := range v.s.Articles {
		v.r.articleRef(a).meta()
	}
	return v.s.LastUpdate()
}

func (r *rec) rankedQuotes(qs []model.RankedQuote) []RankedQuoteView {
	out := make([]RankedQuoteView, len(qs))
	for i := range qs {
		q := &qs[i]
		out[i] = RankedQuoteView{Article: r.articlePtr(q.Article), Text: q.Quote.Text, SpeakerName: q.Quote.SpeakerName, Participant: q.Participant, q: q, r: r}
	}
	return out
}

// FigureGroupView is a group of figures counting the same thing; the
// digest it comes from records what it read, so what leads to no item
// is in fields.
type FigureGroupView struct {
	Label string  // what the figures count
	Unit  string  // the unit they share
	Min   float64 // the smallest figure for the present
	Max   float64 // the largest figure for the present

	g *model.FigureGroup
	r *rec
}

// Now are the figures for the time of writing.
func (v FigureGroupView) Now() []FigureSourceView { return v.r.sources(v.g.Now) }

// Projected are the figures for a later time.
func (v FigureGroupView) Projected() []FigureSourceView { return v.r.sources(v.g.Projected) }

func (r *rec) sources(ss []model.FigureSource) []FigureSourceView {
	out := make([]FigureSourceView, len(ss))
	for i := range ss {
		s := &ss[i]
		out[i] = FigureSourceView{Article: r.articlePtr(s.Article), Figure: s.Figure, Who: s.Who, When: s.When, Projected: s.Projected, Also: s.Also, s: s, r: r}
	}
	return out
}

// FigureSourceView is a figure with who gives it and when; like its
// group's, its fields were read by the digest. Every page showing a
// figure links its article, whose view is made with it.
type FigureSourceView struct {
	Article   *ArticleView // the article it comes from
	Figure    model.Figure // the figure
	Who       string       // who gives it
	When      model.Date   // the time it refers to
	Projected bool         // a figure for a later time
	Also      int          // how many other articles give it from the same source

	s *model.FigureSource
	r *rec
}

// By is the actor who gives it, nil when none.
func (v FigureSourceView) By() *ActorView { return v.r.actorPtr(v.s.By) }

// RankedQuoteView is a quote with the other articles carrying it. The
// digest that ranks the quotes read the facts of every article it
// ranks, the words of this one's included: they are in fields, with the
// view of the article every page showing the quote cites.
type RankedQuoteView struct {
	Article     *ArticleView // the first article carrying it
	Text        string       // the quoted words
	SpeakerName string       // the speaker as written
	Participant bool         // the speaker takes part in the event

	q *model.RankedQuote
	r *rec
}

// Quote is the quote.
func (v RankedQuoteView) Quote() QuoteView { return quoteView(&v.q.Quote, v.r.articleRef(v.q.Article)) }

// By is the speaker's actor, nil when none.
func (v RankedQuoteView) By() *ActorView { return v.Quote().By() }

// Also are the other articles carrying it.
func (v RankedQuoteView) Also() []ArticleView { return v.r.articles(v.q.Also) }

// CoverageDayView is a day of an event's coverage.
type CoverageDayView struct {
	d model.CoverageDay
	r *rec
}

// Date is the day.
func (v CoverageDayView) Date() model.Date { return v.d.Date }

// Articles are the day's articles.
func (v CoverageDayView) Articles() []ArticleView { return v.r.articles(v.d.Articles) }

// Publishers are the day's publishers.
func (v CoverageDayView) Publishers() []string { return v.d.Publishers }
