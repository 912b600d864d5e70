// Command search measures the search of a big archive in headless
// Chromium, from file://:
//
//	go run ./bench/search -n 100000
//
// It generates a site (bench/corpus), builds it with --archive into a
// temporary folder, opens search/index.html and prints the index's size,
// the manifest's, the time until the page is ready to search, and per
// query the time to the first results and the bytes of index loaded:
// median and max over a fixed list of queries: title words, common and
// rare words, names, misspelt names and inflected Ukrainian words.
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
)

// queries are title words, names, a name and a word, misspelt names,
// words of the text (common, and rare: in the few articles addExtra
// writes) and inflected Ukrainian forms of the generated corpus
// (bench/corpus and addExtra).
var queries = []string{
	"talks", "presses", "resume", "arland", "borovia", "lunaria",
	"Anna Adler", "Dvorak", "Nikolai", "Security Council", "alliance", "Felsburg",
	"Zofia talks", "Kowalski Estravia", "Petra",
	"Adlr", "Kowalsky", "Nikolaj", "Lindquist", "Borisow",
	"border", "ceasefire", "hydrofoil", "переговорах", "санкцій",
}

func main() {
	n := flag.Int("n", 10000, "number of articles")
	work := flag.String("work", "", "`folder` for the corpus and the site (default: a temporary folder, removed at the end)")
	prof := flag.Bool("profile", false, "print where the page's JavaScript spends its time over all queries (a CPU profile of the page)")
	flag.Parse()
	if err := run(*n, *work, *prof); err != nil {
		fmt.Fprintln(os.Stderr, "search:", err)
		os.Exit(1)
	}
}

func run(n int, work string, prof bool) error {
	if work == "" {
		dir, err := os.MkdirTemp("", "brief-search-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	src, dest := filepath.Join(work, "corpus"), filepath.Join(work, "site")
	if _, err := os.Stat(src); err != nil {
		t := time.Now()
		if err := corpus.Generate(src, n, 1); err != nil {
			return err
		}
		if err := addExtra(src, n); err != nil {
			return err
		}
		fmt.Printf("corpus: %d articles in %v\n", n, time.Since(t).Round(time.Millisecond))
	}
	// A site left in -work by an earlier run is measured again as it is.
	if _, err := os.Stat(filepath.Join(dest, "search", "index.js")); err != nil {
		t := time.Now()
		if _, err := builder.Build(context.Background(), builder.Options{Source: src, Dest: dest, Archive: true, Force: true}); err != nil {
			return err
		}
		fmt.Printf("build: %v\n", time.Since(t).Round(time.Millisecond))
	}

	var total, manifest int64
	files := 0
	sizes := map[string]int64{}
	err := filepath.WalkDir(filepath.Join(dest, "search"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		sizes[filepath.ToSlash(rel)] = info.Size()
		total += info.Size()
		files++
		if filepath.ToSlash(rel) == "search/index.js" {
			manifest = info.Size()
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Printf("index: %s in %d files; manifest %s\n", kb(total), files, kb(manifest))

	ctx, stop, err := browser()
	if err != nil {
		return err
	}
	defer stop()
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dest) + "/"}).String()

	// Ready: from the start of navigation to the moment search.js marks
	// the page ready, by the page's own clock (an observer installed
	// before any script of the page runs).
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		new MutationObserver((_, o) => {
			if (document.documentElement && document.documentElement.dataset.searchReady) { window.briefReady = performance.now(); o.disconnect(); }
		}).observe(document, {attributes: true, childList: true, subtree: true});`}); err != nil {
		return err
	}
	var readies []float64
	for i := 0; i < 5; i++ {
		if _, err := chromedp.Run(ctx, chromedp.Navigate(root+"search/index.html")); err != nil {
			return err
		}
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		ready, err := chromedp.Run(rctx, chromedp.Evaluate[float64](`new Promise(res => {
			const check = () => window.briefReady ? res(window.briefReady) : setTimeout(check, 5);
			check();
		})`, chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			return fmt.Errorf("ready: %v", err)
		}
		readies = append(readies, ready)
	}
	fmt.Printf("ready: median %.0f ms, max %.0f ms (5 loads)\n", median(readies), maxOf(readies))

	// Each query in a fresh page, so that nothing is loaded before it.
	// Besides the time, the main thread's CPU time: on a shared machine
	// it varies less than the time.
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return err
	}
	if prof {
		if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
			return err
		}
	}
	self := map[string]float64{}
	fmt.Printf("\n%-20s %8s %8s %8s %10s %8s\n", "query", "results", "ms", "cpu ms", "loaded", "scripts")
	var times, cpus, loaded []float64
	for _, q := range queries {
		if _, err := chromedp.Run(ctx, chromedp.Navigate(root+"search/index.html")); err != nil {
			return err
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(res => {
			const check = () => window.briefReady ? res(true) : setTimeout(check, 5);
			check();
		})`, chromedp.EvalAwaitPromise)); err != nil {
			return err
		}
		cpu0, err := threadTime(ctx)
		if err != nil {
			return err
		}
		if prof {
			if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
				return err
			}
		}
		type result struct {
			Ms      float64  `json:"ms"`
			Results int      `json:"results"`
			Scripts []string `json:"scripts"`
		}
		qctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		r, err := chromedp.Run(qctx, chromedp.Evaluate[result](`(async (q) => {
			while (!window.briefReady) await new Promise(r => setTimeout(r, 5));
			const before = new Set([...document.scripts].map(s => s.src));
			const input = document.getElementById("search-q"), form = document.getElementById("search-form");
			const shown = new Promise(res => document.addEventListener("brief-search", e => res(e.detail), {once: true}));
			const t0 = performance.now();
			input.value = q;
			form.requestSubmit();
			const d = await shown;
			const ms = performance.now() - t0;
			return {ms, results: d.results, scripts: [...document.scripts].map(s => s.src).filter(s => s && !before.has(s))};
		})(`+quote(q)+`)`, chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			return fmt.Errorf("query %q: %v", q, err)
		}
		cpu1, err := threadTime(ctx)
		if err != nil {
			return err
		}
		if prof {
			p, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
			if err != nil {
				return err
			}
			addSelfTimes(self, p.Profile)
		}
		var bytes int64
		for _, s := range r.Scripts {
			u, err := url.Parse(s)
			if err != nil {
				continue
			}
			rel, err := filepath.Rel(dest, filepath.FromSlash(u.Path))
			if err == nil {
				bytes += sizes[filepath.ToSlash(rel)]
			}
		}
		cpu := (cpu1 - cpu0) * 1000
		fmt.Printf("%-20s %8d %8.1f %8.1f %10s %8d\n", q, r.Results, r.Ms, cpu, kb(bytes), len(r.Scripts))
		times = append(times, r.Ms)
		cpus = append(cpus, cpu)
		loaded = append(loaded, float64(bytes))
	}
	fmt.Printf("\nfirst results: median %.1f ms, max %.1f ms; main thread CPU: median %.1f ms, max %.1f ms; index loaded: median %s, max %s (%d queries)\n",
		median(times), maxOf(times), median(cpus), maxOf(cpus), kb(int64(median(loaded))), kb(int64(maxOf(loaded))), len(queries))
	if prof {
		type fn struct {
			name string
			ms   float64
		}
		var fns []fn
		total := 0.0
		for k, v := range self {
			fns = append(fns, fn{k, v})
			total += v
		}
		sort.Slice(fns, func(i, j int) bool {
			return fns[i].ms > fns[j].ms || fns[i].ms == fns[j].ms && fns[i].name < fns[j].name
		})
		fmt.Printf("\nself time of the page's JavaScript over all queries (%.0f ms sampled, idle included):\n", total)
		for _, f := range fns[:min(25, len(fns))] {
			fmt.Printf("%8.1f ms %5.1f%%  %s\n", f.ms, 100*f.ms/total, f.name)
		}
	}
	return nil
}

// threadTime is the CPU time of the page's main thread, in seconds.
func threadTime(ctx context.Context) (float64, error) {
	m, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, err
	}
	for _, x := range m.Metrics {
		if x.Name == "ThreadTime" {
			return x.Value, nil
		}
	}
	return 0, fmt.Errorf("no ThreadTime in the page's metrics")
}

// addSelfTimes adds to self the time of each function of a CPU profile
// at the top of the stack, by name and place.
func addSelfTimes(self map[string]float64, p *profiler.Profile) {
	name := map[int64]string{}
	for _, n := range p.Nodes {
		f := n.CallFrame
		where := f.URL
		if i := strings.LastIndex(where, "/search/t/"); i >= 0 {
			where = "search/t/*.js" // all term shards together
		} else if i := strings.LastIndex(where, "/search/d/"); i >= 0 {
			where = "search/d/*.js"
		} else if i := strings.LastIndex(where, "/"); i >= 0 {
			where = where[i+1:]
		}
		fname := f.FunctionName
		if fname == "" {
			fname = "(anonymous)"
		}
		if where != "" {
			fname += fmt.Sprintf(" %s:%d", where, f.LineNumber+1)
		}
		name[n.ID] = fname
	}
	// A function of the browser's (appendChild) is named with its
	// caller's, which tells what it did.
	parent := map[int64]int64{}
	native := map[int64]bool{}
	for _, n := range p.Nodes {
		native[n.ID] = n.CallFrame.URL == ""
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	for i, id := range p.Samples {
		if i < len(p.TimeDeltas) {
			k := name[id]
			if up, ok := parent[id]; ok && native[id] && !native[up] {
				k += " < " + name[up]
			}
			self[k] += float64(p.TimeDeltas[i]) / 1000
		}
	}
}

// addExtra adds to the generated corpus what it lacks for the queries:
// Ukrainian articles (one in a thousand), whose words come in several
// cases, and a rare word (in one article in ten thousand, at least two).
func addExtra(src string, n int) error {
	dir := filepath.Join(src, "content", "articles", "extra")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	places := []string{"Борограді", "Арлені", "Корвісі", "Естріні"}
	for i := range max(5, n/1000) {
		day := fmt.Sprintf("2022-%02d-%02d", 1+i%12, 1+i%28)
		body := fmt.Sprintf("Переговори у %s тривали до пізнього вечора (%d). Учасники переговорів обговорили санкції та гарантії безпеки.\n\n"+
			"Після переговорів дипломати заявили, що питання санкцій залишається відкритим, а на переговорах наступного тижня мають говорити про моніторинг.\n",
			places[i%len(places)], i)
		data := fmt.Sprintf("---\ntitle: \"Переговори у %s: санкції і гарантії (%d)\"\ndate: %s\nlanguage: uk\nsource: Synthetic Wire\n---\n\n%s", places[i%len(places)], i, day, body)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("uk-%05d.md", i)), []byte(data), 0o644); err != nil {
			return err
		}
	}
	for i := range max(2, n/10000) {
		data := fmt.Sprintf("---\ntitle: \"Coastal plan (%d)\"\ndate: 2022-03-%02d\nsource: Synthetic Wire\n---\n\nA hydrofoil ferry service between the two ports was proposed as part of the plan (%d).\n", i, 1+i%28, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("rare-%05d.md", i)), []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func browser() (context.Context, func(), error) {
	path := ""
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if full, err := exec.LookPath(p); err == nil {
			path = full
			break
		}
	}
	if path == "" {
		return nil, nil, fmt.Errorf("no Chromium on this machine (apt-get install chromium)")
	}
	profile, err := os.MkdirTemp("", "brief-search-chromium-")
	if err != nil {
		return nil, nil, err
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-background-networking", true))
	ctx, cancelC := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancelC()
		cancelA()
		return nil, nil, err
	}
	return ctx, func() { cancelC(); cancelA(); os.RemoveAll(profile) }, nil
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

func kb(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.2f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1024)
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func maxOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	return m
}
