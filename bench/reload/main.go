// Command reload measures the preview server on a generated site: the time
// from saving one article to the reload event that open pages receive,
// the cost of a template change against a full build, memory after many
// edits, and whether a burst of saves ends in the right site.
//
//	go run ./bench/reload -n 10000
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/serve"
	"github.com/briefhq/brief/templates"
)

func main() {
	n := flag.Int("n", 10000, "articles in the generated site")
	edits := flag.Int("edits", 50, "timed edits")
	soak := flag.Int("soak", 1000, "edits for the memory check")
	dir := flag.String("dir", "", "use this generated site instead of generating one")
	override := flag.Bool("override", false, "override the article template (a copy of the built-in one in the site's templates/) while measuring")
	kinds := flag.String("kinds", "text,links,title,date", "the kinds of edit to time, comma-separated")
	rest := flag.Bool("rest", true, "after the timed edits, also time a template change, measure memory after edits and check a burst of saves")
	gap := flag.Duration("gap", 20*time.Millisecond, "the pause after each timed edit's reload event")
	flag.Parse()
	if err := run(*n, *edits, *soak, *dir, *override, strings.Split(*kinds, ","), *rest, *gap); err != nil {
		fmt.Fprintln(os.Stderr, "reload:", err)
		os.Exit(1)
	}
}

func run(n, edits, soak int, dir string, override bool, kinds []string, rest bool, gap time.Duration) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "brief-reload-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
		fmt.Printf("generating %d articles...\n", n)
		if err := corpus.Generate(dir, n, 1); err != nil {
			return err
		}
	} else {
		// A given site has as many articles as it has: count them, so
		// that the report does not print -n's default.
		n = 0
		err := filepath.WalkDir(filepath.Join(dir, "content", "articles"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".txt")) {
				n++
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	if override {
		tdir := filepath.Join(dir, "templates")
		if err := os.MkdirAll(tdir, 0o755); err != nil {
			return err
		}
		page, err := templates.FS.ReadFile("article.html")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tdir, "article.html"), page, 0o644); err != nil {
			return err
		}
		defer os.Remove(filepath.Join(tdir, "article.html"))
	}
	t0 := time.Now()
	srv, err := serve.New(serve.Options{Build: builder.Options{Source: dir}, Log: os.Stderr})
	if err != nil {
		return err
	}
	fmt.Printf("initial build: %s\n", time.Since(t0).Round(time.Millisecond))
	if err := srv.Start(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Run(ctx)

	events, err := subscribe(srv.URL())
	if err != nil {
		return err
	}
	<-events // the state on connect

	article := firstArticle(dir)
	orig, err := os.ReadFile(article)
	if err != nil {
		return err
	}
	// A run that fails leaves the site as it found it.
	defer os.WriteFile(article, orig, 0o644)
	save := func(i int) error {
		tmp := article + ".tmp"
		if err := os.WriteFile(tmp, append(append([]byte{}, orig...), fmt.Sprintf("\nEdit number %d.\n", i)...), 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, article)
	}

	// Reload latency: save, then wait for the event. The CPU time is the
	// whole process's (the server's rebuild, almost all of it), which on
	// a shared machine says more than the wall time. BRIEF_CPUPROFILE=P
	// writes a CPU profile of each kind's edits to P.KIND, and
	// BRIEF_MEMPROFILE=P the allocation profiles before and after them to
	// P.KIND.before and P.KIND (go tool pprof -sample_index=alloc_space
	// -base P.KIND.before P.KIND). The bytes allocated per
	// edit are printed too: the collector's share of an edit follows
	// them.
	memProfile := os.Getenv("BRIEF_MEMPROFILE")
	if memProfile != "" {
		runtime.MemProfileRate = 64 << 10
	}
	for _, kind := range kinds {
		if p := os.Getenv("BRIEF_CPUPROFILE"); p != "" {
			f, err := os.Create(p + "." + kind)
			if err != nil {
				return err
			}
			defer f.Close()
			pprof.StartCPUProfile(f)
		}
		var lat, cpu []time.Duration
		all, alloc := cpuTime(), allocated()
		if memProfile != "" {
			if err := writeAllocs(memProfile + "." + kind + ".before"); err != nil {
				return err
			}
		}
		for i := 0; i < edits; i++ {
			text, err := edited(orig, kind, i)
			if err != nil {
				return err
			}
			start, c0 := time.Now(), cpuTime()
			if err := saveBytes(article, text); err != nil {
				return err
			}
			select {
			case <-events:
				lat = append(lat, time.Since(start))
				cpu = append(cpu, cpuTime()-c0)
			case <-time.After(time.Minute):
				return fmt.Errorf("no reload event after %s edit %d", kind, i)
			}
			time.Sleep(gap)
		}
		all, alloc = cpuTime()-all, allocated()-alloc
		if memProfile != "" {
			if err := writeAllocs(memProfile + "." + kind); err != nil {
				return err
			}
		}
		slices.Sort(lat)
		slices.Sort(cpu)
		// The CPU of the whole loop, per edit, also counts what the
		// server does after the event (the collector, for one).
		fmt.Printf("save → reload event, %d %s edits at %d articles: median %s, p95 %s, max %s; CPU median %s, p95 %s; all CPU per edit %s; allocated per edit %.1f MB\n",
			len(lat), kind, n, ms(lat[len(lat)/2]), ms(lat[len(lat)*95/100]), ms(lat[len(lat)-1]), ms(cpu[len(cpu)/2]), ms(cpu[len(cpu)*95/100]), ms(all/time.Duration(len(lat))), mb(alloc/uint64(len(lat))))
		pprof.StopCPUProfile()
	}
	if err := saveBytes(article, orig); err != nil {
		return err
	}
	<-events
	if !rest {
		return nil
	}
	// Template change: everything is rebuilt.
	tdir := filepath.Join(dir, "templates")
	os.MkdirAll(tdir, 0o755)
	start := time.Now()
	if err := os.WriteFile(filepath.Join(tdir, "404.html"), []byte(`{{define "main"}}<h1>Gone</h1>{{end}}`), 0o644); err != nil {
		return err
	}
	<-events
	tmpl := time.Since(start)
	os.Remove(filepath.Join(tdir, "404.html"))
	<-events
	start = time.Now()
	if _, err := builder.Build(context.Background(), builder.Options{Source: dir, Dest: filepath.Join(os.TempDir(), "brief-reload-full")}); err != nil {
		return err
	}
	full := time.Since(start)
	os.RemoveAll(filepath.Join(os.TempDir(), "brief-reload-full"))
	fmt.Printf("template change → reload: %s; full brief build: %s\n", ms(tmpl), ms(full))

	// Memory after 10 and after soak edits.
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	for i := 0; i < 10; i++ {
		srv.Rebuild(ctx, []string{rel(dir, article)})
		save(i)
	}
	h10 := heap()
	for i := 0; i < soak; i++ {
		save(i)
		srv.Rebuild(ctx, []string{rel(dir, article)})
	}
	h1000 := heap()
	fmt.Printf("heap in use after 10 edits: %.1f MB; after %d more: %.1f MB (%+.1f%%)\n",
		mb(h10), soak, mb(h1000), 100*(float64(h1000)-float64(h10))/float64(h10))
	drain(events)

	// 100 saves in one second end in the right site.
	start = time.Now()
	var lastSave time.Time
	for i := 0; i < 100; i++ {
		save(10000 + i)
		lastSave = time.Now()
		time.Sleep(10 * time.Millisecond)
	}
	burst := lastSave.Sub(start)
	want := fmt.Sprintf("Edit number %d.", 10099)
	deadline := time.Now().Add(10 * time.Second)
	for {
		served, _ := srv.Snapshot().File("articles/" + strings.TrimSuffix(filepath.Base(article), filepath.Ext(article)) + "/index.html")
		page := string(served)
		if strings.Contains(page, want) {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("after 100 saves the page does not show the last one")
		}
		time.Sleep(2 * time.Millisecond)
	}
	fmt.Printf("100 saves in %s: the served page showed the last save %s after it was written\n", ms(burst), ms(time.Since(lastSave)))
	return os.WriteFile(article, orig, 0o644)
}

// saveBytes writes a file as editors do: a temporary file, renamed over
// the old one.
func saveBytes(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// edited is edit i of a kind: "text" adds a sentence; "links" names an
// actor once more each time, so mention counts change and the site is
// linked again; "title" and "date" move the article in every list it is
// in (and its search document among the ids).
func edited(orig []byte, kind string, i int) ([]byte, error) {
	switch kind {
	case "text":
		return append(append([]byte{}, orig...), fmt.Sprintf("\nEdit number %d.\n", i)...), nil
	case "links":
		return append(append([]byte{}, orig...), strings.Repeat("\nAnna Adler spoke again.\n", i+1)...), nil
	case "title", "date":
		return retitle(orig, kind, i), nil
	}
	return nil, fmt.Errorf("unknown kind of edit %q (text, links, title, date)", kind)
}

// retitle changes the article's title (a word put before it) or its date
// (a day later each time, in the same month) in its front matter.
func retitle(src []byte, what string, i int) []byte {
	lines := strings.Split(string(src), "\n")
	for k, l := range lines {
		switch {
		case what == "title" && strings.HasPrefix(l, "title: \""):
			lines[k] = fmt.Sprintf("title: \"Edit %d: %s", i, l[len("title: \""):])
		case what == "title" && strings.HasPrefix(l, "title: "):
			lines[k] = fmt.Sprintf("title: Edit %d: %s", i, l[len("title: "):])
		case what == "date" && strings.HasPrefix(l, "date: ") && len(l) >= len("date: 2022-01-04"):
			lines[k] = fmt.Sprintf("%s%02d", l[:len("date: 2022-01-")], 1+i%28)
		default:
			continue
		}
		break
	}
	return []byte(strings.Join(lines, "\n"))
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// allocated is the bytes the process has allocated so far.
func allocated() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// writeAllocs writes the allocation profile so far to path.
func writeAllocs(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return pprof.Lookup("allocs").WriteTo(f, 0)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
func mb(b uint64) float64       { return float64(b) / (1 << 20) }

func rel(dir, p string) string {
	r, _ := filepath.Rel(dir, p)
	return filepath.ToSlash(r)
}

func firstArticle(dir string) string {
	var found string
	filepath.WalkDir(filepath.Join(dir, "content/articles"), func(p string, d fs.DirEntry, err error) error {
		if found == "" && err == nil && strings.HasSuffix(p, ".md") {
			found = p
		}
		return nil
	})
	return found
}

// subscribe opens the server's event stream and delivers each state.
func subscribe(url string) (<-chan string, error) {
	u := strings.TrimSuffix(url, "/")
	if i := strings.Index(u[len("http://"):], "/"); i >= 0 {
		u = u[:len("http://")+i]
	}
	resp, err := http.Get(u + "/__brief/events")
	if err != nil {
		return nil, err
	}
	ch := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				ch <- sc.Text()
			}
		}
	}()
	return ch, nil
}

func drain(ch <-chan string) {
	for {
		select {
		case <-ch:
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}
