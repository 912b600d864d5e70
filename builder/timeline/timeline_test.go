package timeline

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/model"
)

func date(y int, m time.Month, d int) model.Date { return model.NewDay(y, m, d) }

// crowded is n events over the given days from 1 January 2016, with
// long titles, and daily coverage over the same days.
func crowded(n, days int) Options {
	r := rand.New(rand.NewSource(1))
	o := Options{Label: "Test"}
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := model.NewDay(start.AddDate(0, 0, r.Intn(days)).Date())
		o.Events = append(o.Events, Event{Date: d, Title: fmt.Sprintf("Event number %d with a long title", i), URL: fmt.Sprintf("/events/e%d/", i), Weight: r.Intn(50)})
	}
	for i := range days {
		o.Coverage = append(o.Coverage, Count{Day: start.AddDate(0, 0, i), N: 1 + r.Intn(30)})
	}
	return o
}

// element is an SVG element as parsed back.
type element struct {
	name  string
	attrs map[string]string
	text  string
}

// parse reads the SVG with encoding/xml, failing the test on any error.
func parse(t *testing.T, s string) []element {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	var out []element
	var stack []int
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, s)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			e := element{name: x.Name.Local, attrs: map[string]string{}}
			for _, a := range x.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				out[stack[len(stack)-1]].text += string(x)
			}
		}
	}
	if len(out) == 0 || out[0].name != "svg" {
		t.Fatalf("not an svg: %.80s", s)
	}
	return out
}

func float(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad number %q", s)
	}
	return v
}

// TestLabelsDoNotOverlap lays out a crowded axis and checks that labels
// in a lane keep their gap, stay inside the drawing, and that every
// mark lies on the axis.
func TestLabelsDoNotOverlap(t *testing.T) {
	for _, n := range []int{3, 40, 400} {
		o := crowded(n, 90)
		s := string(SVG(o))
		els := parse(t, s)
		type iv struct{ x0, x1 float64 }
		byLane := map[string][]iv{}
		labels, marks := 0, 0
		for _, e := range els {
			switch e.name {
			case "text":
				if e.attrs["class"] != "" { // ticks and notes, not event labels
					continue
				}
				labels++
				x := float(t, e.attrs["x"])
				w := float64(len([]rune(e.text))) * charW
				v := iv{x, x + w}
				if e.attrs["text-anchor"] == "end" {
					v = iv{x - w, x}
				}
				if v.x0 < margin || v.x1 > width-margin {
					t.Errorf("n=%d: label %q at %v runs outside the drawing", n, e.text, v)
				}
				for _, u := range byLane[e.attrs["y"]] {
					if v.x0 < u.x1+labelGap && u.x0 < v.x1+labelGap {
						t.Errorf("n=%d: label %q at %v overlaps %v", n, e.text, v, u)
					}
				}
				byLane[e.attrs["y"]] = append(byLane[e.attrs["y"]], v)
			case "circle", "rect":
				marks++
				x := e.attrs["cx"]
				if x == "" {
					x = e.attrs["x"]
				}
				if x := float(t, x); x < margin || x > width-margin {
					t.Errorf("n=%d: mark at x=%v off the axis", n, x)
				}
			}
		}
		if labels == 0 || labels > MaxLabels {
			t.Errorf("n=%d: %d labels, want 1..%d", n, labels, MaxLabels)
		}
		if len(byLane) > lanes {
			t.Errorf("n=%d: %d lanes, want at most %d", n, len(byLane), lanes)
		}
		if want := min(n, MaxMarks); marks != want {
			t.Errorf("n=%d: %d marks, want %d", n, marks, want)
		}
	}
}

// TestDeterministic: the same events in any order give the same bytes.
func TestDeterministic(t *testing.T) {
	o := crowded(200, 700)
	a := SVG(o)
	r := rand.New(rand.NewSource(2))
	r.Shuffle(len(o.Events), func(i, j int) { o.Events[i], o.Events[j] = o.Events[j], o.Events[i] })
	r.Shuffle(len(o.Coverage), func(i, j int) { o.Coverage[i], o.Coverage[j] = o.Coverage[j], o.Coverage[i] })
	if b := SVG(o); a != b {
		t.Fatal("output depends on the order of the input")
	}
	if !bytes.Contains([]byte(a), []byte(`viewBox="0 0 800 `)) || strings.Contains(string(a), `width="`+"800") {
		t.Errorf("want a viewBox and no fixed width: %.120s", a)
	}
}

// TestBoundedSize: 5,000 events and ten years of daily coverage stay a
// small graphic with at most MaxMarks links.
func TestBoundedSize(t *testing.T) {
	o := crowded(5000, 3653)
	s := string(SVG(o))
	els := parse(t, s)
	links, bars := 0, 0
	for _, e := range els {
		if e.name == "a" {
			links++
		}
		if e.attrs["class"] == "tl-cov" {
			bars = strings.Count(e.attrs["d"], "M")
		}
	}
	if links != MaxMarks {
		t.Errorf("%d links, want %d", links, MaxMarks)
	}
	if bars < 100 || bars > 130 {
		t.Errorf("%d coverage bars over ten years, want one a month", bars)
	}
	if len(s) > 40<<10 {
		t.Errorf("SVG is %d bytes at 5,000 events, want under 40 KB", len(s))
	}
	if !strings.Contains(s, "5000 events") || !strings.Contains(s, "100 most covered") {
		t.Errorf("description does not say what is left out: %s", s[:400])
	}
}

// TestBins: the coverage strip counts per day, week or month by span.
func TestBins(t *testing.T) {
	for _, tt := range []struct {
		days int
		unit string
	}{{20, "day"}, {100, "day"}, {400, "week"}, {1000, "week"}, {1500, "month"}, {3653, "month"}} {
		o := crowded(1, tt.days)
		o.Events = nil
		ax := newAxis(nil, o.Coverage)
		b := ax.bin(o.Coverage)
		if b.unit != tt.unit {
			t.Errorf("%d days: unit %s, want %s", tt.days, b.unit, tt.unit)
		}
		total, want := 0, 0
		for _, n := range b.n {
			total += n
		}
		for _, c := range o.Coverage {
			want += c.N
		}
		if total != want || len(b.start) != len(b.n)+1 || len(b.n) > 170 {
			t.Errorf("%d days: %d bins counting %d, want %d articles in at most 170", tt.days, len(b.n), total, want)
		}
	}
}

// TestTicks: months on a short span, years on a long one, never more
// than a dozen, all inside the axis.
func TestTicks(t *testing.T) {
	for _, tt := range []struct {
		days   int
		format string
	}{{60, "Jan"}, {700, "Jan"}, {3653, "2006"}, {20000, "2006"}} {
		o := crowded(1, tt.days)
		ax := newAxis(o.Events, o.Coverage)
		ts := ax.ticks(english.Month)
		if len(ts) < 2 || len(ts) > 12 {
			t.Errorf("%d days: %d ticks", tt.days, len(ts))
		}
		for _, k := range ts {
			if x := ax.x(k.at); x < margin || x > width-margin {
				t.Errorf("%d days: tick %s at %v", tt.days, k.label, x)
			}
			if _, err := time.Parse(tt.format, strings.Fields(k.label)[0]); err != nil {
				t.Errorf("%d days: tick label %q, want %s", tt.days, k.label, tt.format)
			}
		}
	}
}

// TestEventPage draws an event page's timeline from the model: the
// event is marked current, neighbours are links, titles are escaped.
func TestEventPage(t *testing.T) {
	prev := &model.Event{Title: "Before <b>", Date: date(2022, 1, 21)}
	prev.Slug = "before"
	e := &model.Event{Title: "Talks", Date: date(2022, 2, 7), End: date(2022, 2, 8), Prev: prev, Related: []*model.Event{prev}}
	e.Slug = "talks"
	a := &model.Article{Date: date(2022, 2, 7)}
	e.Articles = []*model.Article{a, a, {Date: date(2022, 2, 9)}}
	url := func(v any) string { return "/events/" + v.(*model.Event).Slug + "/" }
	h, err := For(e, url, Words{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(h)
	els := parse(t, s)
	var hrefs []string
	for _, x := range els {
		if x.name == "a" {
			hrefs = append(hrefs, x.attrs["href"]+" "+x.attrs["class"])
		}
	}
	if strings.Join(hrefs, ",") != "/events/before/ tl-mark,/events/talks/ tl-mark tl-current" {
		t.Errorf("links = %q", hrefs)
	}
	if !strings.Contains(s, "Before &lt;b&gt;") || strings.Contains(s, "<b>") {
		t.Error("title not escaped")
	}
	if !strings.Contains(s, "3 articles of coverage, most on 7 February 2022 (2)") {
		t.Errorf("description: %s", s)
	}
	if _, err := For(42, url, Words{}); err == nil {
		t.Error("For(int) gave no error")
	}
	if h, _ := For(&model.Actor{Name: "Nobody"}, url, Words{}); h != "" {
		t.Errorf("empty actor drew %q", h)
	}
}

// TestWordsSaidInLanguage checks that every text of the graphic comes
// from the Words given: its name, description, axis labels and the names
// of its marks.
func TestWordsSaidInLanguage(t *testing.T) {
	e := &model.Event{Title: "Gespräche", Date: date(2022, 2, 7), End: date(2022, 2, 8)}
	e.Slug = "talks"
	e.Articles = []*model.Article{{Date: date(2022, 2, 7)}, {Date: date(2022, 3, 9)}}
	w := Words{
		Name:     func(what, name string) string { return "Zeitleiste " + what + " " + name },
		Events:   func(n int, from, to model.Date) string { return fmt.Sprintf("%d Ereignis", n) },
		Drawn:    func(n int) string { return "gezeichnet" },
		Coverage: func(articles int, peak time.Time, n int) string { return fmt.Sprintf("%d Artikel", articles) },
		Month:    func(t time.Time, year bool) string { return "M" + strconv.Itoa(int(t.Month())) },
		Span:     func(d, end model.Date) string { return "vom 7. bis 8." },
	}
	h, err := For(e, func(any) string { return "/e/" }, w)
	if err != nil {
		t.Fatal(err)
	}
	s := string(h)
	for _, want := range []string{"Zeitleiste event Gespräche", "1 Ereignis; 2 Artikel.", ">M3<", `aria-label="Gespräche, vom 7. bis 8."`} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in %s", want, s)
		}
	}
	for _, english := range []string{"Timeline", "event from", "coverage", "Feb", "Mar"} {
		if strings.Contains(s, english) {
			t.Errorf("English %q left in %s", english, s)
		}
	}
}
