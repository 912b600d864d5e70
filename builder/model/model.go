// Package model holds the plain types that the build stages pass along: the
// site's configuration, its articles, events and actors, and what was
// extracted from them. It does no I/O; stages fill its fields in order
// (load, extract, resolve) and render reads them.
package model

// Config is the site configuration read from site.yaml.
type Config struct {
	Title       string
	Description string
	// BaseURL is the address the site is published at, e.g.
	// "https://user.github.io/briefings/". Empty means the site lives at
	// the root of whatever host serves it.
	BaseURL string
	// BasePath is the path part of BaseURL, always starting and ending
	// with "/" ("/" or "/briefings/").
	BasePath    string
	Language    string
	UnsafeHTML  bool     // pass raw HTML in Markdown through
	CNAME       string   // custom domain for GitHub Pages
	Boilerplate []string // extra boilerplate patterns (regular expressions) for .txt articles
	AutoEvents  bool     // link untagged articles to events automatically
	Paginate    Paginate // items per page of each list that grows with the site
	FullFeeds   bool     // feed entries carry the article's text, not only its summary
	Params      map[string]any
}

// Paginate is how many items a page of each growing list shows; site.yaml
// sets them with the paginate key.
type Paginate struct {
	Events     int // the events index
	Articles   int // a month of the articles archive
	Coverage   int // the articles naming an actor, on its profile
	Tags       int // the articles of a tag
	Publishers int // the articles of a publisher
	Chronology int // entries of a year (or month) of the chronology
	// ChronologyYear is the most entries a year of the chronology has on
	// pages of its own; a bigger year is split into months.
	ChronologyYear int
}

// DefaultPaginate is the page sizes of a site.yaml that sets none.
var DefaultPaginate = Paginate{Events: 50, Articles: 50, Coverage: 50, Tags: 50, Publishers: 50, Chronology: 100, ChronologyYear: 500}

// OrDefault returns p with each size it leaves at 0 set to its default:
// a Config made in code, not read from site.yaml, pages like an empty
// site.yaml.
func (p Paginate) OrDefault() Paginate {
	d := DefaultPaginate
	for _, f := range []struct{ v, def *int }{{&p.Events, &d.Events}, {&p.Articles, &d.Articles}, {&p.Coverage, &d.Coverage},
		{&p.Tags, &d.Tags}, {&p.Publishers, &d.Publishers}, {&p.Chronology, &d.Chronology}, {&p.ChronologyYear, &d.ChronologyYear}} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	return p
}

// Ref is a reference to another item by slug, with the line of the file it
// was written on, so that a dangling reference can be reported there.
type Ref struct {
	Slug string
	Line int
}

// Source is what every content file has: where it came from and its body.
type Source struct {
	File     string         // path relative to the site root, slash-separated
	Slug     string         // [a-z0-9-]+
	SlugLine int            // line of the slug: key, 0 if the slug came from the file name
	Params   map[string]any // every front matter key, known or not
	Hash     uint64         // hash of the file's path and bytes: what a page built from it depends on
	Body     string         // text after the front matter or header
	BodyLine int            // line in File where Body starts
	// Links are the body's links and images that lead into the site,
	// filled by extract; resolve and the build's link check read them.
	Links []Link

	body body   // rendered body (see HTML), filled by extract
	base string // base path HTML gives site-absolute links (see SetBase)
}

// Article is a news article.
type Article struct {
	Source
	Format    string // "md", "txt" or "html"
	Title     string
	Date      Date
	Updated   Date
	Publisher string // "source" key: the publisher's name
	SourceURL string // "url" key: original address
	Authors   []string
	EventRefs []Ref
	ActorRefs []Ref
	Tags      []string
	Summary   string
	Draft     bool
	// Language is the BCP 47 tag of the language the article is written
	// in ("uk", "ar", "pt-BR"); empty means the site's language.
	Language string
	// Blocks is the main text of a saved web page (Format "html"), read
	// by load; other formats leave it empty.
	Blocks []Block
	// Image is the article's picture for og:image and list cards, as the
	// image: key gives it or a bundle's first image: site-absolute
	// ("/articles/x/photo.jpg") or a full address.
	Image string
	// Resources are the files published next to the article's page: the
	// other files of a page bundle, or the images of a saved page.
	Resources []Resource

	// Filled by extract.
	MetaHash  uint64    // hash of what lists show: slug, title, dates, publisher, authors, tags, summary
	DatesHash uint64    // hash of Dates: what the chronology shows of the article
	FactsHash uint64    // hash of Quotes, Dates and Figures
	TextLines []int     // line in File where each paragraph of Text starts, 0 when unknown
	Mentions  []Mention // actors found in title and text, by first occurrence
	Quotes    []Quote
	Dates     []DateMention
	Figures   []Figure
	WordCount int

	// Filled by resolve.
	Events     []*Event // covered events, by date
	AutoEvents []*Event // those of Events found automatically (the article lists none)
	Actors     []*Actor // explicit and mentioned actors, most mentioned first
}

// IsAuto reports whether the article was linked to e automatically.
func (a *Article) IsAuto(e *Event) bool {
	for _, x := range a.AutoEvents {
		if x == e {
			return true
		}
	}
	return false
}

// Link is a link or image of a body that leads to a page or file of the
// site. A link to an article, event or actor has Kind; resolve checks
// that its target exists, so that a rename of the target is an error at
// the link and not a broken page.
type Link struct {
	Kind  string // "articles", "events" or "actors"; "" for any other address
	Slug  string // the target's slug as the link names it
	File  string // the target file, when the link was written as a path ("content/events/x.md")
	Href  string // the address written into the HTML, site-absolute
	Line  int    // line in the body's file, 0 when unknown
	Image bool   // an image rather than a link
}

// Resource is a file published next to an article's page, at
// articles/SLUG/Name.
type Resource struct {
	Name string // path below the page's folder ("photo.jpg", "img/map.png")
	Path string // the file it is copied from, relative to the site root
	// Width and Height are the pixel size of an image, 0 when unknown.
	Width, Height int
}

// Block is one paragraph or heading of an article's plain text, with the
// line of the file it starts on (0 when unknown).
type Block struct {
	Text    string
	Heading bool
	Line    int
	// Image is, for an image of a saved page, its file relative to the
	// page's folder ("page_files/photo.jpg"); Text is then its alt text.
	Image string
}

// Mention counts how often an actor is named in an article.
type Mention struct {
	Actor string // actor slug
	Count int
}

// Quote is a direct quotation found in an article.
type Quote struct {
	Text        string // the quoted words, without the marks
	Speaker     string // actor slug, "" when the speaker is no known actor
	SpeakerName string // the name (or description) as written
	By          *Actor // the speaker's actor, filled by resolve
	Para        int    // index of the paragraph in Article.Text
	Start, End  int    // bytes of Text in that paragraph
}

// DateMention is a temporal expression found in an article, normalised
// against its publication date.
type DateMention struct {
	Text string // the expression as written
	// Type is the TimeML TIMEX3 type: TypeDate, TypeTime, TypeDuration
	// or TypeSet ("" is read as TypeDate).
	Type string
	// Value is the TIMEX3 value: 2022-02-07, 2022-W06, 2022-W06-WE,
	// 2022-02, 2022, 2022-02-24T05:00, 2022-02-24TNI, P5H, PRESENT_REF,
	// XXXX-WXX-1. "" means the same as Date.String().
	Value string
	// Date is the calendar point or span the expression names, at its
	// precision; zero for durations, sets and references such as
	// PRESENT_REF. Only mentions with a Date feed the chronology.
	Date     Date
	Sentence string // the sentence it stands in
	// Clause is the part of Sentence the expression dates: the sentence
	// cut at clause boundaries (semicolons, ", and" or ", but" before a
	// new clause, ", while", ", after", a relative "which" or "who"
	// clause around the expression), so that a sentence about two things
	// is not filed whole under the date of one.
	Clause string
	// Mod is the TIMEX3 mod of the expression: ModStart ("early
	// February"), ModMid ("mid-February"), ModEnd ("late February") or ""
	// when it says none.
	Mod        string
	Para       int // index of the paragraph in Article.Text
	Start, End int // bytes of Text in that paragraph
}

// TIMEX3 mods of a DateMention.
const (
	ModStart = "START"
	ModMid   = "MID"
	ModEnd   = "END"
)

// TIMEX3 types of a DateMention.
const (
	TypeDate     = "date"
	TypeTime     = "time"
	TypeDuration = "duration"
	TypeSet      = "set"
)

// Figure is a number with what it counts.
type Figure struct {
	Value float64
	Unit  string // counted noun in lower case ("troops"), "USD", "EUR", "GBP" or "percent"
	Text  string // the phrase as written, qualifier included ("about 150,000 troops")
	// Counts is what the figure counts, as written around it without
	// the number ("Russian troops near the border"); "" when only Unit is known.
	Counts string
	// Holder is the actor slug of who gives the figure, "" when no
	// known actor does; HolderName is the source as written ("US
	// officials"), "" when the article states the figure itself.
	Holder, HolderName string
	// RefersTo is the TIMEX3 value of the time the figure refers to
	// ("2022-02" for "by mid-February"), "" when the sentence gives none.
	RefersTo   string
	Sentence   string
	Para       int // index of the paragraph in Article.Text
	Start, End int // bytes of Text in that paragraph
}

// Event is an editor's briefing on something that happened.
type Event struct {
	Source
	Title      string
	Date       Date
	End        Date
	Place      string // free text, or the name of PlaceActor
	PlaceRef   Ref    // set when place names an actor slug
	ActorRefs  []Ref
	RelatedRef []Ref
	Summary    string
	Tags       []string
	// Coordinates are the latitude and longitude of the place, in
	// degrees; nil when the front matter gives none.
	Coordinates *[2]float64

	// Filled by resolve.
	PlaceActor *Actor
	Actors     []*Actor   // participants
	Articles   []*Article // coverage, by date
	Related    []*Event   // declared first, then by shared participants
	Prev, Next *Event     // neighbours in the chronology
}

// Statement is a dated statement with the article it comes from.
type Statement struct {
	DateMention
	Article *Article
}

// ArticleFigure is a figure with the article it comes from.
type ArticleFigure struct {
	Figure
	Article *Article
}

// Actor kinds.
const (
	Person       = "person"
	Organization = "organization"
	Country      = "country"
	Place        = "place"
)

// Actor is a person, organisation, country or place.
type Actor struct {
	Source
	Name         string
	Kind         string
	Aliases      []string
	Misspellings []string
	Role         string
	Gender       string // "male", "female", "other" or "" (unknown): decides who "he" and "she" can be
	CountryRef   Ref
	Wikidata     string
	Summary      string
	AliasLines   map[string]int // line of each alias and misspelling, for conflicts
	// Coordinates are the latitude and longitude of a place, in
	// degrees; nil when the front matter gives none.
	Coordinates *[2]float64

	// Filled by resolve.
	Country    *Actor
	Events     []*Event         // events taken part in, by date
	Articles   []ArticleMention // articles naming the actor, by date
	Mentions   int              // total mentions across articles
	Companions []Companion      // actors most often named in the same articles
	Quotes     []ActorQuote
}

// ArticleMention is an article that names an actor, with how often.
type ArticleMention struct {
	Article *Article
	Count   int
}

// Companion is an actor appearing in the same articles as another.
type Companion struct {
	Actor *Actor
	Count int // articles in common
}

// ActorQuote is a quote of an actor with the article it is from.
type ActorQuote struct {
	Quote
	Article *Article
	Actor   *Actor // the speaker
}

// ChronoEntry is one line of the chronology: an editor's event or a
// development reported in articles. A big site has tens of thousands of
// reports, so an entry points at its statements instead of copying them.
type ChronoEntry struct {
	Date    Date
	Kind    string // "event" or "report"
	Event   *Event
	Article *Article // for reports, the first article reporting it
	N       int      // for reports, the index of the statement in Article.Dates
	// Sources are, for a report, every article reporting the development
	// (the first is Article, N), by date; for an event, the statements
	// of the coverage that refer to it ("also reported"), by date.
	Sources []ChronoSource
	// Expected marks a report that every source gave before its date: a
	// planned or expected development, not one that happened.
	Expected bool
}

// ChronoSource is a statement in an article: the DateMention at index N
// of Article.Dates.
type ChronoSource struct {
	Article *Article
	N       int
}

// Mention is the statement.
func (c ChronoSource) Mention() DateMention { return c.Article.Dates[c.N] }

// mention is the report's first statement, ok false for events.
func (c ChronoEntry) mention() (DateMention, bool) {
	if c.Article == nil || c.N >= len(c.Article.Dates) {
		return DateMention{}, false
	}
	return c.Article.Dates[c.N], true
}

// Text is the sentence a report was read from; "" for events.
func (c ChronoEntry) Text() string {
	m, _ := c.mention()
	return m.Sentence
}

// Clause is the clause of the sentence the report's date attaches to
// (the sentence when none was found); "" for events.
func (c ChronoEntry) Clause() string {
	m, _ := c.mention()
	if m.Clause == "" {
		return m.Sentence
	}
	return m.Clause
}

// Expr is the expression a report's date was read from; "" for events.
func (c ChronoEntry) Expr() string {
	m, _ := c.mention()
	return m.Text
}

// When is the entry's date for readers, as precise as it is known: "7
// February 2022", "7–13 February 2022", "weekend of 12–13 February 2022",
// "mid-February 2022"; an event with an end date is its span.
func (c ChronoEntry) When() string {
	if m, ok := c.mention(); ok {
		return m.Human()
	}
	if c.Event != nil && !c.Event.End.IsZero() {
		return Span(c.Event.Date, c.Event.End)
	}
	return c.Date.Human()
}

// Site is the whole resolved site.
type Site struct {
	Config     Config
	Articles   []*Article // by date, then slug
	Events     []*Event   // by date, then slug
	Actors     []*Actor   // by slug
	Chronology []ChronoEntry

	// Tags and Publishers group the articles by tag and by publisher,
	// by slug (see Terms).
	Tags       []*Term
	Publishers []*Term

	ArticleBySlug map[string]*Article
	EventBySlug   map[string]*Event
	ActorBySlug   map[string]*Actor
}
