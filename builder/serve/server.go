package serve

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"maps"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/render"
)

// Options configure the preview server.
type Options struct {
	Build builder.Options
	Bind  string        // address to listen on; default 127.0.0.1
	Port  int           // default 1313; 0 picks a free port
	Poll  time.Duration // watch by polling at this interval instead of file system events
	// Quiet is how long the watcher waits for more changes before it
	// rebuilds, so that a burst of saves makes one rebuild (default 5ms:
	// an editor's save — write a temporary file, rename it — arrives well
	// within it; a longer burst is cut at 50ms).
	Quiet time.Duration
	Log   io.Writer // progress and errors; nil discards
	// AllowHosts are more host names requests may be addressed to (a
	// name that resolves to this machine on the network, a tunnel's).
	// Without them only the bound address, localhost and loopback
	// addresses are answered; see hostAllowed.
	AllowHosts []string
}

// Server is a running preview server.
type Server struct {
	opts     Options
	session  *builder.Session
	snap     atomic.Pointer[Snapshot]
	instance string

	statics map[string]bool // output paths that are static files
	bundled map[string]bool // site paths of the files of page bundles among them

	hosts map[string]bool // host names answered, normalised by hostName
	anyIP bool            // bound to every interface: any IP literal is answered

	mu      sync.Mutex
	clients map[chan struct{}]bool

	// buildMu serialises rebuilds: the watcher's and those callers ask for.
	buildMu sync.Mutex
	// builds counts the builds begun, under buildMu (see export).
	builds uint64

	// streamBufs are the streamed files' buffers, reused by every render.
	streamBufs streamBufs

	ln    net.Listener
	srv   *http.Server
	watch watcher
}

// RebuildInfo describes one rebuild.
type RebuildInfo struct {
	Version  uint64
	Pages    int // pages and files written
	Skipped  int // pages whose inputs had not changed
	Errors   int
	Duration time.Duration
	Changed  []string
	// Relinked counts the articles put back into the linked site: the
	// edited ones after an edit of articles, every one after a change to
	// an event, an actor or the configuration (see builder.Model).
	Relinked int
}

// New builds the site once and prepares the server; Start listens.
// A site with errors still starts: its pages show the errors.
func New(opts Options) (*Server, error) {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Quiet <= 0 {
		opts.Quiet = 5 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	sess, err := builder.NewSession(opts.Build)
	if err != nil {
		return nil, err
	}
	// Article text waits for its page in a scratch file, as in a
	// one-shot build; without a place for it, it stays in memory.
	if err := sess.StashText(os.TempDir()); err != nil {
		fmt.Fprintf(opts.Log, "keeping article text in memory: %s\n", diag.Escape(err.Error()))
	}
	// The data export is made when asked for (see export).
	sess.DeferExport()
	var id [6]byte
	_, _ = rand.Read(id[:])
	s := &Server{opts: opts, session: sess, instance: hex.EncodeToString(id[:]),
		clients: map[chan struct{}]bool{}, hosts: map[string]bool{hostName(opts.Bind): true}}
	for _, h := range opts.AllowHosts {
		s.hosts[hostName(h)] = true
	}
	if ip := net.ParseIP(hostName(opts.Bind)); ip != nil && ip.IsUnspecified() {
		s.anyIP = true
	}
	s.snap.Store(&Snapshot{Base: "/"})
	s.rebuild(context.Background(), nil, true)
	// The first build's garbage grew the heap to about twice what the
	// server keeps, and the runtime gives such memory back only slowly.
	debug.FreeOSMemory()
	tuneGC()
	limitMemory()
	return s, nil
}

// serveGC is the collector's target for a big site's preview, in percent
// of the live heap, and bigSite the live heap from which it is set (about
// 2,000 articles).
const (
	serveGC = 25
	bigSite = 96 << 20
)

// tuneGC lowers the collector's target once the first build is served,
// when the site is big. What the server keeps (the model, the compressed
// pages, the caches) lives until the next edit replaces a small part of
// it, and an edit's garbage does not grow with the site: at the default
// target the heap grows back to twice the live heap after a few edits
// (about 890 MB at 10,000 articles after 20 edits, 710 MB at 25%), for no
// rebuild that needs the room. A GOGC set by the user is left alone.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 && live[0].Value.Uint64() >= bigSite {
		debug.SetGCPercent(serveGC)
	}
}

// Snapshot returns the snapshot being served.
func (s *Server) Snapshot() *Snapshot { return s.snap.Load() }

// Start listens on the configured address and starts watching.
func (s *Server) Start() error {
	addr := net.JoinHostPort(s.opts.Bind, fmt.Sprint(s.opts.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("port %d is in use on %s; choose another with --port", s.opts.Port, s.opts.Bind)
		}
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	s.ln = ln
	if s.opts.Poll > 0 {
		s.watch = newPollWatcher(s.session.Source(), s.opts.Poll)
	} else {
		w, err := newNotifyWatcher(s.session.Source())
		if err != nil {
			ln.Close()
			return fmt.Errorf("cannot watch the site: %w (try --poll 500ms)", err)
		}
		s.watch = w
	}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return nil
}

// URL is the address of the site's home page.
func (s *Server) URL() string {
	host := s.opts.Bind
	if s.ln != nil {
		host = s.ln.Addr().String()
	}
	return "http://" + host + s.snap.Load().Base
}

// Run rebuilds on every change until ctx is done, then shuts down.
func (s *Server) Run(ctx context.Context) error {
	var pending []string
	var timer <-chan time.Time
	var first time.Time
	for {
		select {
		case <-ctx.Done():
			return s.Close()
		case err := <-s.watch.Errors():
			// Events may have been lost (an overflowing queue): read
			// everything again rather than serve a stale page.
			fmt.Fprintf(s.opts.Log, "watch: %s; rescanning the site\n", diag.Escape(err.Error()))
			s.buildMu.Lock()
			s.session.Rescan()
			s.buildMu.Unlock()
			pending = append(pending, "content")
			if timer == nil {
				timer = time.After(s.opts.Quiet)
			}
		case batch, ok := <-s.watch.Events():
			if !ok {
				return s.Close()
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending = append(pending, batch...)
			// Wait for a quiet moment, but never more than 50ms after the
			// first change of a burst.
			wait := s.opts.Quiet
			if left := 50*time.Millisecond - time.Since(first); left < wait {
				wait = max(left, 0)
			}
			timer = time.After(wait)
		case <-timer:
			timer = nil
			changed := pending
			pending = nil
			s.rebuild(ctx, changed, false)
		}
	}
}

// Close stops the server and the watcher, and removes the session's
// scratch file.
func (s *Server) Close() error {
	if s.watch != nil {
		s.watch.Close()
	}
	defer func() {
		s.buildMu.Lock()
		defer s.buildMu.Unlock()
		_ = s.session.Close()
	}()
	s.mu.Lock()
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
	s.mu.Unlock()
	if s.srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		return s.srv.Close()
	}
	return nil
}

// Rebuild applies changed paths (relative to the site) right away, for
// callers that drive the server without a watcher.
func (s *Server) Rebuild(ctx context.Context, changed []string) RebuildInfo {
	return s.rebuild(ctx, changed, false)
}

// kinds names what a set of changed paths touched, for the log.
func kinds(changed []string) string {
	set := map[string]bool{}
	for _, p := range changed {
		switch {
		case strings.HasPrefix(p, "content"):
			set["content"] = true
		case strings.HasPrefix(p, "templates"):
			set["templates"] = true
		case strings.HasPrefix(p, "static"):
			set["static"] = true
		case p == "site.yaml":
			set["config"] = true
		}
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

func (s *Server) rebuild(ctx context.Context, changed []string, initial bool) RebuildInfo {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	info := s.rebuildLocked(ctx, changed, initial)
	if !initial {
		limitMemory()
	}
	return info
}

// bundleFile reports whether a changed path may be a file of a page
// bundle (content/articles/x/photo.jpg) or make or unmake one
// (content/articles/x/index.md, or a folder): such files are copied
// beside their article's page like static files, so the static files
// are listed again.
func bundleFile(p string) bool {
	if !strings.HasPrefix(p, "content/articles/") {
		return false
	}
	ext := strings.ToLower(path.Ext(p))
	return path.Base(p) == "index.md" || (ext != ".md" && ext != ".markdown" && ext != ".txt" && ext != ".html" && ext != ".htm")
}

// mayBeBundled reports whether a changed path that bundleFile lets
// through may be or hold a file of a page bundle: one that is there, an
// article's index.md, or a bundle's file or folder that the last listing
// had. An editor that saves through a temporary file beside the article
// (x.md.tmp, renamed over x.md) reports a path that is gone by the
// rebuild, and listing every static file again for it was a tenth of
// the rebuild of a text edit.
func (s *Server) mayBeBundled(p string) bool {
	if s.bundled == nil || path.Base(p) == "index.md" {
		return true
	}
	if _, err := os.Lstat(filepath.Join(s.session.Source(), filepath.FromSlash(p))); err == nil {
		return true
	}
	for b := range s.bundled {
		if b == p || strings.HasPrefix(b, p+"/") {
			return true
		}
	}
	return false
}

func (s *Server) rebuildLocked(ctx context.Context, changed []string, initial bool) RebuildInfo {
	start := time.Now()
	staticChanged := initial
	var staticPaths []string // changed paths under static/
	for _, p := range changed {
		s.session.Changed(p)
		if p == "static" || strings.HasPrefix(p, "static/") || bundleFile(p) && s.mayBeBundled(p) {
			staticChanged = true
			staticPaths = append(staticPaths, p)
		}
	}
	old := s.snap.Load()
	info := RebuildInfo{Version: old.Version, Changed: changed}
	// From here the session's linked site changes: the data export of
	// the snapshots before can no longer be made (see export).
	s.builds++

	fail := func(err error) RebuildInfo {
		var ds diag.Errors
		if !errors.As(err, &ds) {
			ds = diag.Errors{{Msg: err.Error()}}
		}
		next := &Snapshot{files: old.files, Errors: ds, Version: old.Version, Base: old.Base}
		s.snap.Store(next)
		fmt.Fprintf(s.opts.Log, "%d error%s:\n", len(ds), plural(len(ds)))
		for _, d := range ds {
			fmt.Fprintf(s.opts.Log, "  %s\n", d)
		}
		info.Errors = len(ds)
		info.Duration = time.Since(start)
		s.notify()
		return info
	}

	m, err := s.session.Model(ctx)
	if err != nil {
		return fail(err)
	}
	info.Relinked = m.Relinked
	out := &memOutput{files: map[string]file{}, prev: old.files, bufs: &s.streamBufs}
	res, err := s.session.Render(ctx, m, out, !initial)
	if err != nil {
		return fail(err)
	}
	if !initial && !staticChanged && s.statics != nil && res.Added == 0 && len(res.Gone) == 0 && len(old.Errors) == 0 {
		// The site has the files it had: the new snapshot is the old one
		// with the rendered files replaced, which is much cheaper than
		// assembling eleven thousand entries one by one.
		maps.Copy(out.files, s.exports(m))
		return s.publish(m, res, old.files.with(out.files), len(out.files) > 0, changed, initial, start, info)
	}
	files := make(map[string]file, len(res.Files)+len(s.statics))
	for name := range res.Files {
		if f, ok := out.files[name]; ok {
			files[name] = f
		} else if f, ok := old.files.get(name); ok {
			files[name] = f
		}
	}
	if staticChanged || s.statics == nil {
		// List the static files again (some may have come or gone) but
		// read only those under a changed path: a site's static folder
		// can hold large files that did not change.
		statics, err := s.session.StaticFiles()
		if err != nil {
			return fail(err)
		}
		reread := func(f builder.StaticFile) bool {
			if initial || s.statics == nil || !s.statics[f.Name] {
				return true
			}
			for _, p := range staticPaths {
				if p == "static" || "static/"+f.Name == p || strings.HasPrefix("static/"+f.Name, p+"/") ||
					f.Path == p || strings.HasPrefix(f.Path, p+"/") {
					return true
				}
			}
			return false
		}
		next, bundled := map[string]bool{}, map[string]bool{}
		read := 0
		for _, f := range statics {
			if _, page := res.Files[f.Name]; page {
				continue
			}
			if strings.HasPrefix(f.Path, "content/") {
				bundled[f.Path] = true
			}
			kept, ok := old.files.get(f.Name)
			if reread(f) || !ok {
				b, err := f.Read()
				if err != nil {
					return fail(fmt.Errorf("static/%s: %w", f.Name, err))
				}
				kept = raw(b)
				read++
			}
			files[f.Name] = kept
			next[f.Name] = true
		}
		s.statics, s.bundled = next, bundled
		info.Pages += read
	} else {
		for name := range s.statics {
			if _, page := res.Files[name]; !page {
				files[name], _ = old.files.get(name)
			}
		}
	}
	// Every file the plan lists must be there: one missing (a page whose
	// earlier render was skipped but never stored) means the signatures
	// cannot be trusted, so render everything again.
	for name := range res.Files {
		if _, ok := files[name]; !ok {
			s.session.Forget()
			if initial {
				return fail(fmt.Errorf("internal error: %s was not rendered", name))
			}
			return s.rebuildLocked(ctx, nil, true)
		}
	}
	maps.Copy(files, s.exports(m))
	changedFiles := len(out.files) > 0 || staticChanged || len(old.Errors) > 0 || len(files) != old.files.count() || initial
	return s.publish(m, res, fileSet{base: files}, changedFiles, changed, initial, start, info)
}

// publish commits a successful render to the session and serves files
// as the new snapshot.
func (s *Server) publish(m *builder.Model, res *render.Result, files fileSet, changedFiles bool, changed []string, initial bool, start time.Time, info RebuildInfo) RebuildInfo {
	old := s.snap.Load()
	s.session.Commit(m, res)
	version := old.Version
	if changedFiles {
		version++
	}
	s.snap.Store(&Snapshot{files: files, Version: version, Base: m.Site.Config.BasePath})
	info.Version = version
	info.Pages += res.Stats.Files
	info.Skipped = res.Stats.Skipped
	info.Duration = time.Since(start)
	if initial {
		fmt.Fprintf(s.opts.Log, "Built %d files in %s.\n", files.count(), info.Duration.Round(time.Millisecond))
	} else {
		fmt.Fprintf(s.opts.Log, "Rebuilt %d files (%s changed, %d pages unchanged) in %s.\n", info.Pages, kinds(changed), info.Skipped, info.Duration.Round(time.Millisecond))
	}
	s.notify()
	return info
}

// exports are the data export's files of the snapshot that publishes
// the build of m, each made on its first request (see export).
func (s *Server) exports(m *builder.Model) map[string]file {
	builds := s.builds
	out := map[string]file{}
	for _, name := range render.ExportNames() {
		out[name] = file{lazy: &lazyFile{build: func() (file, bool) { return s.export(m, name, builds) }}}
	}
	return out
}

// export makes the data export's file name from the site of m, the
// model of build number builds, unless a later build has begun since:
// Session.Model changes the linked site in place, so only the latest
// model can be read, and only between builds. A file of the export that
// was never asked for is not made at all.
func (s *Server) export(m *builder.Model, name string, builds uint64) (file, bool) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	if builds != s.builds {
		return file{}, false
	}
	out := &memOutput{files: map[string]file{}}
	w, _ := out.Create(name) // memory: cannot fail
	err := render.Export(w.(*memFile), m.Site, name)
	_ = w.Close()
	if err != nil {
		// Only ExportNames are asked for: a failure is a bug.
		return file{}, false
	}
	return out.files[name], true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// notify wakes every open page.
func (s *Server) notify() {
	s.mu.Lock()
	for c := range s.clients {
		select {
		case c <- struct{}{}:
		default: // a wake-up is already pending; it will read the latest state
		}
	}
	s.mu.Unlock()
}

// ServeHTTP answers from the current snapshot, to requests addressed to
// this server only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		s.refuseHost(w, r.Host)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if strings.HasPrefix(p, internalPrefix) {
		s.serveInternal(w, r)
		return
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || strings.ContainsAny(seg, "\\\x00") {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
	}
	snap := s.snap.Load()
	base := snap.Base
	if !strings.HasPrefix(p, base) {
		if p == "/" || p+"/" == base {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	rel := strings.TrimPrefix(p, base)
	key := rel
	if rel == "" || strings.HasSuffix(rel, "/") {
		key = rel + "index.html"
	}
	key = strings.TrimPrefix(path.Clean("/"+key), "/")
	data, ok := snap.File(key)
	if !ok && snap.stale(key) {
		// The data export of a site that has changed since: serve the
		// latest build's, or say why there is none.
		if cur := s.snap.Load(); cur != snap {
			snap = cur
			data, ok = snap.File(key)
		}
		if !ok && snap.stale(key) {
			http.Error(w, "The data export is made again once the site builds without errors.", http.StatusServiceUnavailable)
			return
		}
	}
	if !ok {
		if _, dir := snap.files.get(key + "/index.html"); dir && !strings.HasSuffix(p, "/") {
			target := p + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	s.write(w, r, key, data, snap, http.StatusOK)
}

// hostAllowed reports whether a request's Host header names this server.
// A web page on another site can point its own name at 127.0.0.1 (DNS
// rebinding) and then read the preview, drafts included, as a page of its
// own origin; its requests carry its name, so they are refused. Accepted,
// as Vite and webpack-dev-server do: the bound address, localhost and
// *.localhost (browsers resolve them to loopback themselves), loopback
// IP literals, and the names in Options.AllowHosts. Bound to every
// interface (--bind 0.0.0.0 or ::), any IP literal is accepted too: a
// page reached by IP address has that address as its origin, so no other
// site can rebind to it. The port is not compared: a rebinding page uses
// the server's port anyway.
func (s *Server) hostAllowed(host string) bool {
	name := hostName(host)
	switch {
	case name == "":
		return false
	case name == "localhost" || strings.HasSuffix(name, ".localhost") || s.hosts[name]:
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && (ip.IsLoopback() || s.anyIP)
}

// hostName is the host of a Host header or address, without port or
// brackets, lower-cased and without a final dot, so that
// "LOCALHOST.:1313" and "localhost" compare equal.
func hostName(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	} else {
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	}
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// refuseHost answers a request for another host with 403 and the flag
// that would allow it, for the user who did mean to use that name.
func (s *Server) refuseHost(w http.ResponseWriter, host string) {
	name := hostName(host)
	if name == "" {
		http.Error(w, "brief serve answers only requests that name their host (a Host header).", http.StatusForbidden)
		return
	}
	accepted := hostName(s.opts.Bind) + ", localhost and loopback addresses"
	if s.anyIP {
		accepted = "IP addresses and localhost"
	}
	http.Error(w, fmt.Sprintf("brief serve answers only requests for %s; this one was for %q, "+
		"which another web site may have pointed at this machine.\n"+
		"If you opened the preview by that name on purpose, restart it with: brief serve --allow-host %s",
		accepted, name, name), http.StatusForbidden)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *Snapshot) {
	if data, ok := snap.File("404.html"); ok {
		s.write(w, r, "404.html", data, snap, http.StatusNotFound)
		return
	}
	s.write(w, r, "404.html", []byte("<!doctype html><title>Not found</title><body><h1>Not found</h1></body>"), snap, http.StatusNotFound)
}

// write sends a file with headers that make a reload always fetch the
// current bytes, injecting the live-reload script into HTML.
func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, data []byte, snap *Snapshot, status int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, snap, s.instance)
	}
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// inject adds the live-reload script, and the error overlay when the last
// build failed, before </body>.
func inject(page []byte, snap *Snapshot, instance string) []byte {
	var b bytes.Buffer
	if len(snap.Errors) > 0 {
		b.WriteString(overlayHTML(snap.Errors))
	}
	fmt.Fprintf(&b, `<script src="%slive.js" data-version="%d" data-instance="%s"></script>`, internalPrefix, snap.Version, instance)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+b.Len())
	out = append(out, page[:i]...)
	out = append(out, b.Bytes()...)
	return append(out, page[i:]...)
}

// overlayHTML renders the build errors as a panel over the page. The
// panel is opaque: the page's text showing through made the errors hard
// to read.
func overlayHTML(ds []diag.Diagnostic) string {
	var b strings.Builder
	b.WriteString(`<div id="brief-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#141418;color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem">`)
	fmt.Fprintf(&b, `<h2 style="color:#ff8a80;margin:0 0 1rem;font-size:18px">Build failed: %d error%s. Until they are fixed, the preview keeps the last good version of the site.</h2><ol style="padding-left:1.5rem">`, len(ds), plural(len(ds)))
	for _, d := range ds {
		b.WriteString(`<li style="margin:.5rem 0"><span class="brief-file" style="color:#80d8ff">`)
		loc := d.File
		if d.Line > 0 {
			loc += fmt.Sprintf(":%d", d.Line)
		}
		b.WriteString(html.EscapeString(diag.Escape(loc)))
		b.WriteString(`</span> <span class="brief-msg">`)
		b.WriteString(html.EscapeString(diag.Escape(d.Msg)))
		if d.Hint != "" {
			b.WriteString(` <span style="color:#b0bec5">(` + html.EscapeString(diag.Escape(d.Hint)) + `)</span>`)
		}
		b.WriteString(`</span></li>`)
	}
	b.WriteString(`</ol><p style="color:#b0bec5">Fix the file and save: the page reloads by itself.</p></div>`)
	return b.String()
}
