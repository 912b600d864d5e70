// Command compare builds the same generated corpus with brief and with
// Hugo, in the same run, several times each, and measures both preview
// servers (time from saving one article to the reload message) and how
// soon brief's search page is ready from file:// (bench/search). It
// prints one Markdown table for docs/performance.md.
//
//	go run ./bench/compare -n 1000,10000 -runs 5
//	go run ./bench/compare -shape default,wire -n 10000,50000,100000 -hugo-max 50000 -runs 3 -work /tmp/brief-compare
//
// Hugo needs about 2 GB per 10,000 articles, so above -hugo-max it is not
// run: the table extends the trend of the two largest sizes it was run
// at, marked as such. -json saves the results, and -report merges saved
// results (say, Hugo's and brief's runs made separately) into one table
// without measuring anything.
//
// Everything runs on 127.0.0.1; every child process is started in its
// own process group, bounded by a timeout and killed at the end (also on
// Ctrl-C).
package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	// golang.org/x/net is already a requirement of the module, so the
	// benchmark adds no dependency (go.mod and go.sum stay as they are);
	// its websocket client is enough for LiveReload's text frames.
	"golang.org/x/net/websocket"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/bench/hugo"
)

// HugoModule is the Hugo release the comparison installs when no hugo is
// on the PATH (or in GOPATH/bin).
const HugoModule = "github.com/gohugoio/hugo@v0.165.0"

type options struct {
	sizes        []int
	shapes       []corpus.Shape
	brief, hugo  bool // the tools to build
	hugoMax      int
	searchMax    int
	runs, warm   int
	work         string
	keep         bool
	edits        int
	reloadMax    int
	settle       time.Duration
	buildTimeout time.Duration
	editTimeout  time.Duration
	seed         uint64
	hugoBin      string
	briefBin     string
	jsonOut      string
	noReload     bool
}

// row is the result for one corpus shape and size.
type row struct {
	Shape                    corpus.Shape
	N                        int
	BriefRuns, HugoRuns      []time.Duration
	BriefCPU, HugoCPU        []time.Duration // user + system time of each timed build
	BriefRSS, HugoRSS        int64           // peak over the runs, bytes
	BriefFiles, HugoFiles    int             // files in the output
	BriefPages, HugoPages    int             // .html files in the output
	BriefReload, HugoReload  []time.Duration
	BriefServeRSS, HugoServe int64
	ReloadErr                []string
	Search                   *searchResult
}

// searchResult is what bench/search reports of brief's search page at
// this size, from file:// in headless Chromium (milliseconds).
type searchResult struct {
	ReadyMedian, ReadyMax float64 // page loaded to ready to search
	FirstMedian, FirstMax float64 // query typed to first results
	Index                 string  // index size, as bench/search prints it
	Err                   string
}

func main() {
	var o options
	sizes := flag.String("n", "1000,10000", "comma-separated corpus `sizes` (articles)")
	shapes := flag.String("shape", "default", "comma-separated corpus `shapes` (bench/gen -shape): default, wire")
	tools := flag.String("tools", "brief,hugo", "comma-separated `tools` to build: brief, hugo")
	flag.IntVar(&o.hugoMax, "hugo-max", 50000, "run Hugo only for sizes up to this many articles (0: all); larger sizes show its trend")
	flag.IntVar(&o.searchMax, "search-max", 10000, "measure brief's search page (go run ./bench/search, headless Chromium) for sizes up to this many articles (0: none)")
	report := flag.String("report", "", "comma-separated -json `files` of earlier runs: print their merged table and measure nothing")
	flag.IntVar(&o.runs, "runs", 5, "timed builds per tool and size")
	flag.IntVar(&o.warm, "warmup", 1, "untimed builds per tool and size before the timed ones")
	flag.StringVar(&o.work, "work", "", "work `folder`: corpora, Hugo sites and outputs are cached here between runs (default: a temporary folder, removed at the end)")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary work folder")
	flag.IntVar(&o.edits, "edits", 50, "timed edits per server")
	flag.IntVar(&o.reloadMax, "reload-max", 0, "measure the servers only for sizes up to this many articles (0: all)")
	flag.BoolVar(&o.noReload, "no-reload", false, "do not measure the servers")
	flag.DurationVar(&o.settle, "settle", 300*time.Millisecond, "pause after each reload before the next edit")
	flag.DurationVar(&o.buildTimeout, "timeout", 30*time.Minute, "limit for one build or one server start")
	flag.DurationVar(&o.editTimeout, "edit-timeout", 60*time.Second, "limit for one edit's reload")
	flag.Uint64Var(&o.seed, "seed", 1, "corpus seed")
	flag.StringVar(&o.hugoBin, "hugo", "", "hugo `binary` to use (default: hugo on the PATH, then GOPATH/bin/hugo, else install "+HugoModule+")")
	flag.StringVar(&o.briefBin, "brief", "", "brief `binary` to measure (default: go build ./cmd/brief of this tree); say which commit it is when you publish the numbers")
	flag.StringVar(&o.jsonOut, "json", "", "also write the raw results to this `file`")
	flag.Parse()
	if *report != "" {
		if err := printReport(strings.Split(*report, ",")); err != nil {
			fmt.Fprintln(os.Stderr, "compare:", err)
			os.Exit(1)
		}
		return
	}
	for _, s := range strings.Split(*shapes, ",") {
		sh, err := corpus.ParseShape(strings.TrimSpace(s))
		if err != nil {
			fmt.Fprintln(os.Stderr, "compare:", err)
			os.Exit(2)
		}
		o.shapes = append(o.shapes, sh)
	}
	for _, t := range strings.Split(*tools, ",") {
		switch strings.TrimSpace(t) {
		case "brief":
			o.brief = true
		case "hugo":
			o.hugo = true
		default:
			fmt.Fprintf(os.Stderr, "compare: unknown tool %q (want brief or hugo)\n", t)
			os.Exit(2)
		}
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(s, "_", "")))
		if err != nil || n < 20 {
			fmt.Fprintf(os.Stderr, "compare: bad size %q (want numbers ≥ 20)\n", s)
			os.Exit(2)
		}
		o.sizes = append(o.sizes, n)
	}
	if o.runs < 1 || o.edits < 1 {
		fmt.Fprintln(os.Stderr, "compare: -runs and -edits must be at least 1")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, o)
	stop()
	killAll()
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if o.work == "" {
		o.work, err = os.MkdirTemp("", "brief-compare-")
		if err != nil {
			return err
		}
		if !o.keep {
			defer os.RemoveAll(o.work)
		}
	}
	o.work, _ = filepath.Abs(o.work)
	for _, d := range []string{"bin", "out", "logs", "tmp"} {
		if err := os.MkdirAll(filepath.Join(o.work, d), 0o755); err != nil {
			return err
		}
	}
	logf("work folder: %s", o.work)

	brief := o.briefBin
	if brief == "" {
		brief = filepath.Join(o.work, "bin", "brief")
		logf("building brief (go build ./cmd/brief)...")
		if err := runQuiet(ctx, root, 10*time.Minute, "go", "build", "-o", brief, "./cmd/brief"); err != nil {
			return fmt.Errorf("go build ./cmd/brief: %w", err)
		}
	}
	hugoBin := ""
	if o.hugo && slices.ContainsFunc(o.sizes, o.runsHugo) {
		if hugoBin, err = ensureHugo(ctx, o.hugoBin); err != nil {
			return err
		}
	}
	search := ""
	if o.brief && o.searchMax > 0 && slices.Min(o.sizes) <= o.searchMax {
		search = filepath.Join(o.work, "bin", "search")
		logf("building bench/search (go build ./bench/search)...")
		if err := runQuiet(ctx, root, 10*time.Minute, "go", "build", "-o", search, "./bench/search"); err != nil {
			logf("no search measurement: go build ./bench/search: %v", err)
			search = ""
		}
	}
	info := machine(ctx, root, brief, o.briefBin != "", hugoBin)
	fmt.Print(info)

	var rows []*row
	for _, shape := range o.shapes {
		for _, n := range o.sizes {
			r, err := measure(ctx, o, shape, n, brief, hugoBin, search)
			if err != nil {
				return fmt.Errorf("%s shape, %d articles: %w", shape, n, err)
			}
			rows = append(rows, r)
			fmt.Println(detail(r))
			// Saved after every size, so that a run cut short keeps
			// what it measured.
			if err := save(o.jsonOut, info, rows); err != nil {
				return err
			}
		}
	}
	fmt.Printf("\nLoad average at the end: %s\n\n", loadavg())
	fmt.Print(table(rows))
	return nil
}

// save writes the results to file, if one was given with -json.
func save(file, info string, rows []*row) error {
	if file == "" {
		return nil
	}
	b, _ := json.MarshalIndent(saved{Machine: info, Rows: rows}, "", "  ")
	return os.WriteFile(file, b, 0o644)
}

// runsHugo reports whether Hugo is built at n articles.
func (o options) runsHugo(n int) bool { return o.hugo && (o.hugoMax == 0 || n <= o.hugoMax) }

// measure prepares the corpus of n articles and its Hugo twin, builds
// both alternately and measures both servers and brief's search page.
func measure(ctx context.Context, o options, shape corpus.Shape, n int, brief, hugoBin, search string) (*row, error) {
	r := &row{Shape: shape, N: n}
	withHugo := o.runsHugo(n)
	name := fmt.Sprintf("%s-%d-seed%d", shape, n, o.seed)
	site := filepath.Join(o.work, "brief-"+name)
	hsite := filepath.Join(o.work, "hugo-"+name)
	if err := cached(site, func() error {
		logf("generating %d articles of the %s shape...", n, shape)
		return corpus.GenerateShape(site, n, o.seed, shape)
	}); err != nil {
		return nil, err
	}
	if withHugo {
		if err := cached(hsite, func() error {
			logf("converting to a Hugo site...")
			st, err := hugo.Convert(site, hsite)
			if err == nil {
				logf("Hugo site: %d articles, %d events, %d actors, %d article→actor links", st.Articles, st.Events, st.Actors, st.Mentions)
			}
			return err
		}); err != nil {
			return nil, err
		}
		// The layouts and configuration may have changed since the site
		// was cached: always install the current ones.
		if err := hugo.InstallTheme(hsite); err != nil {
			return nil, err
		}
	}

	bout := filepath.Join(o.work, "out", "brief-"+name)
	hout := filepath.Join(o.work, "out", "hugo-"+name)
	type build struct {
		name string
		args []string
		out  string
		runs *[]time.Duration
		cpu  *[]time.Duration
		rss  *int64
	}
	var builds []build
	if o.brief {
		builds = append(builds, build{"brief", []string{brief, "build", "-s", site, "-d", bout}, bout, &r.BriefRuns, &r.BriefCPU, &r.BriefRSS})
	}
	if withHugo {
		builds = append(builds, build{"hugo", []string{hugoBin, "--quiet", "-s", hsite, "-d", hout}, hout, &r.HugoRuns, &r.HugoCPU, &r.HugoRSS})
	}
	total := o.warm + o.runs
	for i := 0; i < total; i++ {
		// Alternate which tool goes first, so that neither always runs
		// on a cache the other warmed.
		order := slices.Clone(builds)
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, b := range order {
			if err := os.RemoveAll(b.out); err != nil {
				return nil, err
			}
			d, cpu, rss, err := timed(ctx, o.buildTimeout, filepath.Join(o.work, "logs", fmt.Sprintf("%s-build-%s.log", b.name, name)), b.args...)
			if err != nil {
				return nil, fmt.Errorf("%s build: %w", b.name, err)
			}
			tag := "warm-up"
			if i >= o.warm {
				tag = fmt.Sprintf("run %d", i-o.warm+1)
				*b.runs = append(*b.runs, d)
				*b.cpu = append(*b.cpu, cpu)
				*b.rss = max(*b.rss, rss)
			}
			logf("%6d articles %-7s %-5s %-7s %8s  CPU %8s  peak RSS %s", n, shape, b.name, tag, secs(d), secs(cpu), mbs(rss))
		}
	}
	if o.brief {
		r.BriefFiles, r.BriefPages = countFiles(bout)
	}
	if withHugo {
		r.HugoFiles, r.HugoPages = countFiles(hout)
	}
	if search != "" && n <= o.searchMax {
		r.Search = searchReady(ctx, o, search, n, name, site)
	}

	if !o.noReload && (o.reloadMax == 0 || n <= o.reloadMax) {
		art, err := firstMarkdown(filepath.Join(site, "content", "articles"))
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(site, art)
		hart := filepath.Join(hsite, rel) // .md articles keep their path
		if o.brief {
			lat, rss, err := briefReload(ctx, o, name, brief, site, art)
			r.BriefReload, r.BriefServeRSS = lat, rss
			if err != nil {
				r.ReloadErr = append(r.ReloadErr, "brief: "+err.Error())
				logf("brief serve: %v", err)
			}
		}
		if withHugo {
			lat, rss, err := hugoReload(ctx, o, name, hugoBin, hsite, hart)
			r.HugoReload, r.HugoServe = lat, rss
			if err != nil {
				r.ReloadErr = append(r.ReloadErr, "hugo: "+err.Error())
				logf("hugo server: %v", err)
			}
		}
	}
	return r, ctx.Err()
}

// cached runs make to fill dir unless an earlier run completed it.
func cached(dir string, make func() error) error {
	marker := filepath.Join(dir, ".compare-complete")
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := make(); err != nil {
		return err
	}
	return os.WriteFile(marker, nil, 0o644)
}

// --- child processes ---

var (
	childMu  sync.Mutex
	children = map[*exec.Cmd]bool{}
)

// command prepares a child in its own process group, so that killing it
// kills everything it started.
func command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

func track(cmd *exec.Cmd, on bool) {
	childMu.Lock()
	defer childMu.Unlock()
	if on {
		children[cmd] = true
	} else {
		delete(children, cmd)
	}
}

// killAll kills the process groups of children still running.
func killAll() {
	childMu.Lock()
	defer childMu.Unlock()
	for cmd := range children {
		if cmd.Process != nil {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
	}
}

// timed runs a command to completion and returns its wall time, CPU
// time (user + system) and peak resident set size (the child's rusage
// ru_maxrss).
func timed(ctx context.Context, limit time.Duration, logFile string, args ...string) (wall, cpu time.Duration, rss int64, err error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	lf, err := os.Create(logFile)
	if err != nil {
		return 0, 0, 0, err
	}
	defer lf.Close()
	cmd := command(ctx, args...)
	cmd.Stdout, cmd.Stderr = lf, lf
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, 0, err
	}
	track(cmd, true)
	err = cmd.Wait()
	d := time.Since(start)
	track(cmd, false)
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (limit %s)", ctx.Err(), limit)
		}
		return 0, 0, 0, fmt.Errorf("%s: %w; see %s", strings.Join(args, " "), err, logFile)
	}
	ps := cmd.ProcessState
	return d, ps.UserTime() + ps.SystemTime(), maxRSS(ps), nil
}

func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // kilobytes on Linux
	}
	return 0
}

func runQuiet(ctx context.Context, dir string, limit time.Duration, args ...string) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := command(ctx, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w\n%s", err, out)
	}
	return nil
}

// server is a running preview server.
type server struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func startServer(ctx context.Context, logFile string, args ...string) (*server, error) {
	lf, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	cmd := command(ctx, args...)
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, err
	}
	track(cmd, true)
	s := &server{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); lf.Close(); close(s.done) }()
	return s, nil
}

// stop ends the server (SIGTERM, then SIGKILL after 5 s) and returns
// its peak RSS.
func (s *server) stop() int64 {
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-s.done
	}
	track(s.cmd, false)
	if s.cmd.ProcessState == nil {
		return 0
	}
	return maxRSS(s.cmd.ProcessState)
}

func (s *server) exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// --- the servers ---

// editor saves an article again and again, each time with a different
// last line, with an atomic rename from a folder outside the site.
type editor struct {
	path, tmp string
	orig      []byte
}

func newEditor(o options, path, name string) (*editor, error) {
	orig, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &editor{path: path, tmp: filepath.Join(o.work, "tmp", name+".tmp"), orig: orig}, nil
}

func (e *editor) save(i int) error {
	data := append(slices.Clip(e.orig), fmt.Sprintf("\nEdit number %d.\n", i)...)
	if err := os.WriteFile(e.tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(e.tmp, e.path)
}

func (e *editor) restore() error {
	if err := os.WriteFile(e.tmp, e.orig, 0o644); err != nil {
		return err
	}
	return os.Rename(e.tmp, e.path)
}

// editLoop saves the article o.edits times and waits after each save for
// next to deliver the reload, returning the latencies.
func editLoop(ctx context.Context, o options, ed *editor, next func(time.Duration) error, drain func()) ([]time.Duration, error) {
	var lat []time.Duration
	defer ed.restore()
	for i := 0; i < o.edits; i++ {
		if ctx.Err() != nil {
			return lat, ctx.Err()
		}
		drain()
		start := time.Now()
		if err := ed.save(i); err != nil {
			return lat, err
		}
		if err := next(o.editTimeout); err != nil {
			return lat, fmt.Errorf("edit %d: %w", i+1, err)
		}
		lat = append(lat, time.Since(start))
		time.Sleep(o.settle)
	}
	return lat, nil
}

// briefReload runs brief serve and times save → the next "state" event
// on /__brief/events.
func briefReload(ctx context.Context, o options, name, brief, site, article string) ([]time.Duration, int64, error) {
	ed, err := newEditor(o, article, "brief")
	if err != nil {
		return nil, 0, err
	}
	port, err := freePort()
	if err != nil {
		return nil, 0, err
	}
	logf("%s: brief serve on 127.0.0.1:%d, %d edits of %s", name, port, o.edits, filepath.Base(article))
	srv, err := startServer(ctx, filepath.Join(o.work, "logs", "brief-serve-"+name+".log"),
		brief, "serve", "-s", site, "--bind", "127.0.0.1", "--port", strconv.Itoa(port))
	if err != nil {
		return nil, 0, err
	}
	stopped := false
	defer func() {
		if !stopped {
			srv.stop()
		}
	}()

	url := fmt.Sprintf("http://127.0.0.1:%d/__brief/events", port)
	var resp *http.Response
	deadline := time.Now().Add(o.buildTimeout)
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		resp, err = http.DefaultClient.Do(req)
		if err == nil && resp.StatusCode == 200 {
			break
		}
		if resp != nil {
			resp.Body.Close()
		}
		if srv.exited() || time.Now().After(deadline) || ctx.Err() != nil {
			return nil, 0, fmt.Errorf("server not ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	defer resp.Body.Close()
	states := make(chan string, 256)
	go func() {
		defer close(states)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "state":
				states <- strings.TrimPrefix(line, "data: ")
			case line == "":
				event = ""
			}
		}
	}()
	select {
	case <-states: // the state on connect
	case <-time.After(o.buildTimeout):
		return nil, 0, errors.New("no state on connect")
	}
	next := func(limit time.Duration) error {
		select {
		case s, ok := <-states:
			if !ok {
				return errors.New("event stream closed")
			}
			var st struct{ Errors int }
			if json.Unmarshal([]byte(s), &st) == nil && st.Errors > 0 {
				return fmt.Errorf("the rebuild reported %d errors", st.Errors)
			}
			return nil
		case <-time.After(limit):
			return fmt.Errorf("no state event within %s", limit)
		}
	}
	drain := func() {
		for {
			select {
			case <-states:
			default:
				return
			}
		}
	}
	lat, err := editLoop(ctx, o, ed, next, drain)
	stopped = true
	return lat, srv.stop(), err
}

// hugoReload runs hugo server and times save → the next LiveReload
// "reload" command on its websocket.
func hugoReload(ctx context.Context, o options, name, hugoBin, site, article string) ([]time.Duration, int64, error) {
	ed, err := newEditor(o, article, "hugo")
	if err != nil {
		return nil, 0, err
	}
	port, err := freePort()
	if err != nil {
		return nil, 0, err
	}
	logf("%s: hugo server on 127.0.0.1:%d, %d edits of %s", name, port, o.edits, filepath.Base(article))
	srv, err := startServer(ctx, filepath.Join(o.work, "logs", "hugo-server-"+name+".log"),
		hugoBin, "server", "-s", site, "--bind", "127.0.0.1", "--port", strconv.Itoa(port),
		"--baseURL", "http://127.0.0.1/", "--disableFastRender=false", "--disableBrowserError")
	if err != nil {
		return nil, 0, err
	}
	stopped := false
	defer func() {
		if !stopped {
			srv.stop()
		}
	}()

	origin := fmt.Sprintf("http://127.0.0.1:%d/", port)
	cfg, err := websocket.NewConfig(fmt.Sprintf("ws://127.0.0.1:%d/livereload", port), origin)
	if err != nil {
		return nil, 0, err
	}
	cfg.Dialer = &net.Dialer{Timeout: 2 * time.Second}
	var ws *websocket.Conn
	deadline := time.Now().Add(o.buildTimeout)
	for {
		ws, err = cfg.DialContext(ctx)
		if err == nil {
			break
		}
		if srv.exited() || time.Now().After(deadline) || ctx.Err() != nil {
			return nil, 0, fmt.Errorf("server not ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	defer ws.Close()
	hello := map[string]any{"command": "hello", "protocols": []string{
		"http://livereload.com/protocols/official-7",
		"http://livereload.com/protocols/official-8",
		"http://livereload.com/protocols/official-9",
		"http://livereload.com/protocols/2.x-origin-version-negotiation",
	}}
	if err := websocket.JSON.Send(ws, hello); err != nil {
		return nil, 0, err
	}
	cmds := make(chan string, 256)
	go func() {
		defer close(cmds)
		for {
			var msg struct {
				Command string `json:"command"`
			}
			if err := websocket.JSON.Receive(ws, &msg); err != nil {
				return
			}
			cmds <- msg.Command
		}
	}()
	select {
	case c := <-cmds:
		if c != "hello" {
			return nil, 0, fmt.Errorf("LiveReload answered %q to hello", c)
		}
	case <-time.After(30 * time.Second):
		return nil, 0, errors.New("no LiveReload hello")
	}
	next := func(limit time.Duration) error {
		timer := time.NewTimer(limit)
		defer timer.Stop()
		for {
			select {
			case c, ok := <-cmds:
				if !ok {
					return errors.New("websocket closed")
				}
				if c == "reload" {
					return nil
				}
			case <-timer.C:
				return fmt.Errorf("no reload within %s", limit)
			}
		}
	}
	drain := func() {
		for {
			select {
			case <-cmds:
			default:
				return
			}
		}
	}
	lat, err := editLoop(ctx, o, ed, next, drain)
	stopped = true
	return lat, srv.stop(), err
}

// --- brief's search page ---

var (
	readyRe = regexp.MustCompile(`(?m)^ready: median ([0-9.]+) ms, max ([0-9.]+) ms`)
	firstRe = regexp.MustCompile(`(?m)^first results: median ([0-9.]+) ms, max ([0-9.]+) ms`)
	indexRe = regexp.MustCompile(`(?m)^index: (.+?) in [0-9]+ files`)
)

// searchReady runs bench/search on a copy of the site (hard links: the
// reload measurement replaces articles by rename, never in place), so
// that it builds this corpus with --archive and measures the search page
// from file://, and reads its report.
func searchReady(ctx context.Context, o options, bin string, n int, name, site string) *searchResult {
	res := &searchResult{}
	dir := filepath.Join(o.work, "search-"+name)
	if err := cached(filepath.Join(dir, "corpus"), func() error { return linkTree(site, filepath.Join(dir, "corpus")) }); err != nil {
		res.Err = err.Error()
		return res
	}
	// bench/search measures a site it finds in its folder as it is: build
	// it anew with the brief of this run.
	if err := os.RemoveAll(filepath.Join(dir, "site")); err != nil {
		res.Err = err.Error()
		return res
	}
	logf("%s: bench/search (archive build, headless Chromium)...", name)
	logFile := filepath.Join(o.work, "logs", "search-"+name+".log")
	if _, _, _, err := timed(ctx, o.buildTimeout, logFile, bin, "-n", strconv.Itoa(n), "-work", dir); err != nil {
		res.Err = err.Error()
		logf("bench/search: %v", err)
		return res
	}
	out, err := os.ReadFile(logFile)
	if err != nil {
		res.Err = err.Error()
		return res
	}
	m := readyRe.FindSubmatch(out)
	if m == nil {
		res.Err = "bench/search printed no \"ready:\" line; see " + logFile
		return res
	}
	res.ReadyMedian, _ = strconv.ParseFloat(string(m[1]), 64)
	res.ReadyMax, _ = strconv.ParseFloat(string(m[2]), 64)
	if m := firstRe.FindSubmatch(out); m != nil {
		res.FirstMedian, _ = strconv.ParseFloat(string(m[1]), 64)
		res.FirstMax, _ = strconv.ParseFloat(string(m[2]), 64)
	}
	if m := indexRe.FindSubmatch(out); m != nil {
		res.Index = string(m[1])
	}
	logf("%s: search ready %.0f ms median, first results %.1f ms median", name, res.ReadyMedian, res.FirstMedian)
	return res
}

// linkTree makes dst a copy of the tree src of hard links (copies where
// the file system refuses links).
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if os.Link(p, to) == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}

// --- saved results ---

// saved is what -json writes.
type saved struct {
	Machine string
	Rows    []*row
}

// printReport merges the rows of saved runs, the earlier file first for
// each tool of a shape and size, and prints their table.
func printReport(files []string) error {
	var rows []*row
	find := func(shape corpus.Shape, n int) *row {
		for _, r := range rows {
			if r.Shape == shape && r.N == n {
				return r
			}
		}
		r := &row{Shape: shape, N: n}
		rows = append(rows, r)
		return r
	}
	for _, f := range files {
		data, err := os.ReadFile(strings.TrimSpace(f))
		if err != nil {
			return err
		}
		var s saved
		if err := json.Unmarshal(data, &s); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		fmt.Printf("From %s:%s\n", f, s.Machine)
		for _, r := range s.Rows {
			if r.Shape == "" { // saved before there were shapes
				r.Shape = corpus.Briefing
			}
			mergeRow(find(r.Shape, r.N), r)
		}
	}
	slices.SortStableFunc(rows, func(a, b *row) int {
		return cmp.Or(slices.Index(corpus.Shapes, a.Shape)-slices.Index(corpus.Shapes, b.Shape), a.N-b.N)
	})
	fmt.Print(table(rows))
	return nil
}

// mergeRow fills what dst lacks of each tool's results from src.
func mergeRow(dst, src *row) {
	if len(dst.BriefRuns) == 0 && len(src.BriefRuns) > 0 {
		dst.BriefRuns, dst.BriefCPU, dst.BriefRSS, dst.BriefFiles, dst.BriefPages = src.BriefRuns, src.BriefCPU, src.BriefRSS, src.BriefFiles, src.BriefPages
	}
	if len(dst.HugoRuns) == 0 && len(src.HugoRuns) > 0 {
		dst.HugoRuns, dst.HugoCPU, dst.HugoRSS, dst.HugoFiles, dst.HugoPages = src.HugoRuns, src.HugoCPU, src.HugoRSS, src.HugoFiles, src.HugoPages
	}
	if len(dst.BriefReload) == 0 && len(src.BriefReload) > 0 {
		dst.BriefReload, dst.BriefServeRSS = src.BriefReload, src.BriefServeRSS
	}
	if len(dst.HugoReload) == 0 && len(src.HugoReload) > 0 {
		dst.HugoReload, dst.HugoServe = src.HugoReload, src.HugoServe
	}
	if dst.Search == nil {
		dst.Search = src.Search
	}
	dst.ReloadErr = append(dst.ReloadErr, src.ReloadErr...)
}

// --- Hugo ---

// ensureHugo finds hugo, or installs it: first with go install (the
// reference version), then with Debian's package (older).
func ensureHugo(ctx context.Context, given string) (string, error) {
	if given != "" {
		return given, nil
	}
	gobin := ""
	if out, err := exec.Command("go", "env", "GOBIN", "GOPATH").Output(); err == nil {
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) >= 1 && strings.TrimSpace(lines[0]) != "" {
			gobin = strings.TrimSpace(lines[0])
		} else if len(lines) >= 2 {
			gobin = filepath.Join(strings.Split(strings.TrimSpace(lines[1]), string(os.PathListSeparator))[0], "bin")
		}
	}
	find := func() string {
		if p, err := exec.LookPath("hugo"); err == nil {
			return p
		}
		if gobin != "" {
			p := filepath.Join(gobin, "hugo")
			if fi, err := os.Stat(p); err == nil && fi.Mode()&0o111 != 0 {
				return p
			}
		}
		return ""
	}
	if p := find(); p != "" {
		return p, nil
	}
	logf("hugo not found: go install %s (takes a few minutes)...", HugoModule)
	ictx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()
	cmd := command(ictx, "go", "install", HugoModule)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	err := cmd.Run()
	if p := find(); err == nil && p != "" {
		return p, nil
	}
	logf("go install failed (%v); trying Debian's hugo package (an older release)", err)
	apt := [][]string{{"apt-get", "install", "-y", "hugo"}}
	if os.Geteuid() != 0 {
		apt = [][]string{{"sudo", "-n", "apt-get", "install", "-y", "hugo"}}
	}
	for _, args := range apt {
		cmd := command(ictx, args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			logf("%s: %v", strings.Join(args, " "), err)
		}
	}
	if p := find(); p != "" {
		return p, nil
	}
	return "", errors.New("no hugo: install it (go install " + HugoModule + ") or pass -hugo PATH")
}

// --- reporting ---

func machine(ctx context.Context, root, brief string, given bool, hugoBin string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Machine\n\n")
	fmt.Fprintf(&b, "- CPUs: %d (GOMAXPROCS %d), %s/%s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
	if mem := memTotal(); mem != "" {
		fmt.Fprintf(&b, "- Memory: %s\n", mem)
	}
	fmt.Fprintf(&b, "- Load average at the start: %s\n", loadavg())
	fmt.Fprintf(&b, "- %s\n", outputOf(ctx, "", "go", "version"))
	if hugoBin != "" {
		fmt.Fprintf(&b, "- %s\n", outputOf(ctx, "", hugoBin, "version"))
	}
	if given {
		fmt.Fprintf(&b, "- brief: %s (%s, given with -brief)\n", outputOf(ctx, "", brief, "version"), brief)
	} else {
		fmt.Fprintf(&b, "- brief: %s (git %s)\n", outputOf(ctx, "", brief, "version"), outputOf(ctx, root, "git", "describe", "--always", "--dirty"))
	}
	return b.String()
}

func outputOf(ctx context.Context, dir string, args ...string) string {
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "(" + strings.Join(args, " ") + ": " + err.Error() + ")"
	}
	return strings.TrimSpace(string(out))
}

func memTotal() string {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return fmt.Sprintf("%.1f GB", kb/1024/1024)
		}
	}
	return ""
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// trend is Hugo's build time, CPU time and peak RSS as a straight line
// through the two largest sizes it was run at (through the origin when it
// was run at one size only), for the sizes it was not run at.
type trend struct {
	from                     []int // the sizes it is drawn through
	wall0, wall1, cpu0, cpu1 float64
	rss0, rss1               float64 // value = x0 + x1·N
}

func hugoTrend(rows []*row, shape corpus.Shape) *trend {
	var pts []*row
	for _, r := range rows {
		if r.Shape == shape && len(r.HugoRuns) > 0 {
			pts = append(pts, r)
		}
	}
	slices.SortFunc(pts, func(a, b *row) int { return a.N - b.N })
	if len(pts) == 0 {
		return nil
	}
	line := func(v func(*row) float64) (float64, float64) {
		b := pts[len(pts)-1]
		if len(pts) == 1 {
			return 0, v(b) / float64(b.N)
		}
		a := pts[len(pts)-2]
		slope := (v(b) - v(a)) / float64(b.N-a.N)
		return v(b) - slope*float64(b.N), slope
	}
	t := &trend{}
	for _, p := range pts[max(0, len(pts)-2):] {
		t.from = append(t.from, p.N)
	}
	t.wall0, t.wall1 = line(func(r *row) float64 { return median(r.HugoRuns).Seconds() })
	t.cpu0, t.cpu1 = line(func(r *row) float64 { return median(r.HugoCPU).Seconds() })
	t.rss0, t.rss1 = line(func(r *row) float64 { return float64(r.HugoRSS) })
	return t
}

func (t *trend) at(n int) (wall, cpu time.Duration, rss int64) {
	x := float64(n)
	sec := func(v float64) time.Duration { return time.Duration(v * float64(time.Second)) }
	return sec(t.wall0 + t.wall1*x), sec(t.cpu0 + t.cpu1*x), int64(t.rss0 + t.rss1*x)
}

func table(rows []*row) string {
	var b strings.Builder
	b.WriteString("| shape | articles | pages brief / Hugo | brief build | brief CPU | Hugo build | Hugo CPU | brief / Hugo | brief peak RSS | Hugo peak RSS | search ready (median / max) | brief reload (median / p95) | Hugo reload (median / p95) |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	trends := map[corpus.Shape]*trend{}
	var notes []string
	for _, r := range rows {
		if _, ok := trends[r.Shape]; !ok {
			trends[r.Shape] = hugoTrend(rows, r.Shape)
		}
		cell := func(ds []time.Duration) string {
			if len(ds) == 0 {
				return "—"
			}
			return secs(median(ds))
		}
		bm := median(r.BriefRuns)
		hbuild, hcpu, ratio, hrss := cell(r.HugoRuns), cell(r.HugoCPU), "—", "—"
		if len(r.HugoRuns) > 0 {
			hrss = mbs(r.HugoRSS)
			if len(r.BriefRuns) > 0 {
				ratio = fmt.Sprintf("%.2f×", float64(bm)/float64(median(r.HugoRuns)))
			}
		} else if t := trends[r.Shape]; t != nil {
			w, c, m := t.at(r.N)
			hbuild, hcpu, hrss = "≈ "+secs(w)+" (trend)", "≈ "+secs(c)+" (trend)", "≈ "+mbs(m)+" (trend)"
			if len(r.BriefRuns) > 0 {
				ratio = fmt.Sprintf("≈ %.2f× (trend)", float64(bm)/float64(w))
			}
			notes = append(notes, fmt.Sprintf("Hugo was not run at %s articles (%s shape): its cells are a straight line through its results at %s articles, not measurements.", thousands(r.N), r.Shape, joinSizes(t.from)))
		}
		brss := "—"
		if len(r.BriefRuns) > 0 {
			brss = mbs(r.BriefRSS)
		}
		fmt.Fprintf(&b, "| %s | %s | %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			r.Shape, thousands(r.N), count(r.BriefPages, len(r.BriefRuns)), count(r.HugoPages, len(r.HugoRuns)),
			cell(r.BriefRuns), cell(r.BriefCPU), hbuild, hcpu, ratio, brss, hrss,
			searchCell(r.Search), reloadCell(r.BriefReload), reloadCell(r.HugoReload))
	}
	b.WriteString("\n")
	for _, n := range notes {
		b.WriteString("- " + n + "\n")
	}
	for _, l := range scaling(rows) {
		b.WriteString("- " + l + "\n")
	}
	return b.String()
}

// scaling compares brief at each shape's largest size with its smallest.
func scaling(rows []*row) []string {
	var out []string
	for _, shape := range corpus.Shapes {
		var rs []*row
		for _, r := range rows {
			if r.Shape == shape && len(r.BriefRuns) > 0 {
				rs = append(rs, r)
			}
		}
		if len(rs) < 2 {
			continue
		}
		slices.SortFunc(rs, func(a, b *row) int { return a.N - b.N })
		a, z := rs[0], rs[len(rs)-1]
		out = append(out, fmt.Sprintf("brief, %s shape, %s against %s articles (%.0f× the articles): build %.1f×, CPU %.1f×, peak RSS %.1f× (%s).",
			shape, thousands(z.N), thousands(a.N), float64(z.N)/float64(a.N),
			float64(median(z.BriefRuns))/float64(median(a.BriefRuns)), float64(median(z.BriefCPU))/float64(median(a.BriefCPU)),
			float64(z.BriefRSS)/float64(a.BriefRSS), mbs(z.BriefRSS)))
	}
	return out
}

func joinSizes(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = thousands(n)
	}
	return strings.Join(s, " and ")
}

// count is a page count, or a dash for a tool that was not run.
func count(pages, runs int) string {
	if runs == 0 {
		return "—"
	}
	return thousands(pages)
}

func searchCell(s *searchResult) string {
	switch {
	case s == nil:
		return "—"
	case s.Err != "":
		return "failed"
	}
	return fmt.Sprintf("%.0f / %.0f ms", s.ReadyMedian, s.ReadyMax)
}

func detail(r *row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s articles, %s shape:\n", thousands(r.N), r.Shape)
	if len(r.BriefRuns) > 0 {
		fmt.Fprintf(&b, "  brief builds: %s (min %s), CPU %s; output %d files, %d HTML pages\n", list(r.BriefRuns), secs(slices.Min(r.BriefRuns)), list(r.BriefCPU), r.BriefFiles, r.BriefPages)
	}
	if len(r.HugoRuns) > 0 {
		fmt.Fprintf(&b, "  Hugo builds:  %s (min %s), CPU %s; output %d files, %d HTML pages\n", list(r.HugoRuns), secs(slices.Min(r.HugoRuns)), list(r.HugoCPU), r.HugoFiles, r.HugoPages)
	}
	if len(r.BriefReload) > 0 {
		fmt.Fprintf(&b, "  reload after one edit: brief %s over %d edits (server peak RSS %s)\n", reloadCell(r.BriefReload), len(r.BriefReload), mbs(r.BriefServeRSS))
	}
	if len(r.HugoReload) > 0 {
		fmt.Fprintf(&b, "  reload after one edit: Hugo %s over %d edits (server peak RSS %s)\n", reloadCell(r.HugoReload), len(r.HugoReload), mbs(r.HugoServe))
	}
	for _, e := range r.ReloadErr {
		fmt.Fprintf(&b, "  reload problem: %s\n", e)
	}
	if s := r.Search; s != nil {
		if s.Err != "" {
			fmt.Fprintf(&b, "  search: %s\n", s.Err)
		} else {
			fmt.Fprintf(&b, "  search (bench/search, file://): index %s, ready %.0f ms median, %.0f ms max; first results %.1f ms median, %.1f ms max\n", s.Index, s.ReadyMedian, s.ReadyMax, s.FirstMedian, s.FirstMax)
		}
	}
	return b.String()
}

func reloadCell(d []time.Duration) string {
	if len(d) == 0 {
		return "—"
	}
	return ms(median(d)) + " / " + ms(percentile(d, 95))
}

func list(ds []time.Duration) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = secs(d)
	}
	return strings.Join(s, " ")
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(ds))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// percentile is the nearest-rank percentile.
func percentile(ds []time.Duration, p float64) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	k := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(k, len(s)-1))]
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func ms(d time.Duration) string {
	if d >= time.Second {
		return secs(d)
	}
	return fmt.Sprintf("%.0f ms", float64(d.Microseconds())/1000)
}
func mbs(b int64) string { return thousands(int(math.Round(float64(b)/1e6))) + " MB" }

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05 ")+format+"\n", args...)
}

// --- files ---

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run compare inside the brief repository")
	}
	return filepath.Dir(mod), nil
}

func countFiles(dir string) (files, pages int) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
			if strings.HasSuffix(p, ".html") {
				pages++
			}
		}
		return nil
	})
	return
}

func firstMarkdown(dir string) (string, error) {
	var found string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if found == "" && !d.IsDir() && strings.HasSuffix(p, ".md") {
			found = p
			return fs.SkipAll
		}
		return nil
	})
	if found == "" && err == nil {
		err = fmt.Errorf("no .md article in %s", dir)
	}
	return found, err
}
