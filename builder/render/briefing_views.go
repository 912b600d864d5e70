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
		v.r.article(a).meta() // publishers and dates name the sources
	}
	out := make([]FigureGroupView, len(gs))
	for i := range gs {
		out[i] = FigureGroupView{g: gs[i], r: v.r}
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
		v.r.article(a).meta()
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
		v.r.article(q.Article).facts()
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
		v.r.article(v.x.Articles[0].Article).meta()
		v.r.article(v.x.Articles[n-1].Article).meta()
	}
}

// LastUpdate is when the site's content last changed.
func (v SiteView) LastUpdate() model.Date {
	for _, a := range v.Articles() {
		a.Date()
	}
	return v.s.LastUpdate()
}

func (r *rec) rankedQuotes(qs []model.RankedQuote) []RankedQuoteView {
	out := make([]RankedQuoteView, len(qs))
	for i := range qs {
		out[i] = RankedQuoteView{q: qs[i], r: r}
	}
	return out
}

// FigureGroupView is a group of figures counting the same thing; the
// digest it comes from records what it read.
type FigureGroupView struct {
	g model.FigureGroup
	r *rec
}

// Label is what the figures count.
func (v FigureGroupView) Label() string { return v.g.Label }

// Unit is the unit they share.
func (v FigureGroupView) Unit() string { return v.g.Unit }

// Min is the smallest figure for the present.
func (v FigureGroupView) Min() float64 { return v.g.Min }

// Max is the largest figure for the present.
func (v FigureGroupView) Max() float64 { return v.g.Max }

// Now are the figures for the time of writing.
func (v FigureGroupView) Now() []FigureSourceView { return v.r.sources(v.g.Now) }

// Projected are the figures for a later time.
func (v FigureGroupView) Projected() []FigureSourceView { return v.r.sources(v.g.Projected) }

func (r *rec) sources(ss []model.FigureSource) []FigureSourceView {
	out := make([]FigureSourceView, len(ss))
	for i := range ss {
		out[i] = FigureSourceView{s: ss[i], r: r}
	}
	return out
}

// FigureSourceView is a figure with who gives it and when.
type FigureSourceView struct {
	s model.FigureSource
	r *rec
}

// Figure is the figure.
func (v FigureSourceView) Figure() model.Figure { return v.s.Figure }

// Article is the article it comes from.
func (v FigureSourceView) Article() *ArticleView { return v.r.articlePtr(v.s.Article) }

// By is the actor who gives it, nil when none.
func (v FigureSourceView) By() *ActorView { return v.r.actorPtr(v.s.By) }

// Who is who gives it.
func (v FigureSourceView) Who() string { return v.s.Who }

// When is the time it refers to.
func (v FigureSourceView) When() model.Date { return v.s.When }

// Projected reports a figure for a later time.
func (v FigureSourceView) Projected() bool { return v.s.Projected }

// Also is how many other articles give it from the same source.
func (v FigureSourceView) Also() int { return v.s.Also }

// RankedQuoteView is a quote with the other articles carrying it.
type RankedQuoteView struct {
	q model.RankedQuote
	r *rec
}

// Quote is the quote.
func (v RankedQuoteView) Quote() QuoteView {
	return QuoteView{q: &v.q.Quote, of: v.r.article(v.q.Article)}
}

// Text is the quoted words.
func (v RankedQuoteView) Text() string { return v.Quote().Text() }

// SpeakerName is the speaker as written.
func (v RankedQuoteView) SpeakerName() string { return v.Quote().SpeakerName() }

// By is the speaker's actor, nil when none.
func (v RankedQuoteView) By() *ActorView { return v.Quote().By() }

// Article is the first article carrying it.
func (v RankedQuoteView) Article() *ArticleView { return v.r.articlePtr(v.q.Article) }

// Also are the other articles carrying it.
func (v RankedQuoteView) Also() []ArticleView { return v.r.articles(v.q.Also) }

// Participant reports that the speaker takes part in the event.
func (v RankedQuoteView) Participant() bool { return v.q.Participant }

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
