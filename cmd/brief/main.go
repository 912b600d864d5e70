// Command brief builds briefing sites from folders of news articles.
//
// It only turns flags into calls of the builder package; see "brief help".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/serve"
	"github.com/briefhq/brief/builder/write"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the site has errors
	exitUsage   = 2 // the command line is wrong
)

const usage = `brief builds a static briefing site from a folder of news articles.

Usage:
  brief build [-s SOURCE] [-d DEST] [--drafts] [--base-url URL] [--archive] [--minify] [--force]
  brief verify DIR
  brief serve [-s SOURCE] [--port 1313] [--bind 127.0.0.1] [--allow-host NAME] [--drafts] [--base-url URL] [--poll DURATION] [--open]
  brief check [-s SOURCE] [--drafts] [--format text|json] [--strict]
  brief import [-s SOURCE] [-o DIR] FILE...
  brief new article|event|actor "Title" [-s SOURCE]
  brief init [DIR] [--force]
  brief version

Every command takes --quiet (-q) and --verbose (-v), and every flag can
be set by an environment variable: BRIEF_BASE_URL for --base-url,
BRIEF_DRAFTS=true for --drafts; a flag given wins.
Run "brief COMMAND --help" for a command's flags.
Exit status: 0 on success, 1 on content errors, 2 on usage errors.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// "brief -v build" is "brief build -v": -v is verbose, not version.
	for len(args) > 1 && isVerbosityFlag(args[0]) {
		args = append(append([]string{args[1]}, args[0]), args[2:]...)
	}
	switch args[0] {
	case "build":
		return cmdBuild(ctx, args[1:], stdout, stderr)
	case "serve", "server":
		return cmdServe(ctx, args[1:], stdout, stderr)
	case "check":
		return cmdCheck(ctx, args[1:], stdout, stderr)
	case "import":
		return cmdImport(ctx, args[1:], stdout, stderr)
	case "verify":
		return cmdVerify(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "init":
		return cmdInit(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "brief", version())
		return exitOK
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "brief: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// isVerbosityFlag reports whether arg is --quiet or --verbose, in any of
// their spellings.
func isVerbosityFlag(arg string) bool {
	switch strings.TrimLeft(arg, "-") {
	case "q", "quiet", "v", "verbose":
		return strings.HasPrefix(arg, "-")
	}
	return false
}

// version reports the module version, and for a build from source the
// VCS revision it was built from, if Go recorded it.
func version() string {
	v := moduleVersion()
	if v != "(devel)" {
		return v
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = " " + s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = " (modified)"
		}
	}
	if rev == "" {
		return v
	}
	return v + rev + dirty
}

// moduleVersion is the version "go install" recorded (v1.2.3, or a
// pseudo-version for a commit), or "(devel)" for a build from source
// without one.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

// newFlags makes a flag set whose --help prints the command's usage to
// stdout and whose errors exit with the usage status; parse prints the
// usage.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: brief %s\n\nFlags (each also set by BRIEF_NAME, e.g. BRIEF_BASE_URL for --base-url):\n", synopsis)
		fs.PrintDefaults()
	}
	addVerbosity(fs)
	return fs
}

// parse parses args, allowing flags after positional arguments
// ("brief new event "Title" -s site"). It returns the positional
// arguments and an exit code, or -1 to go on.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, int) {
	// The flag package prints the usage itself on --help and on every
	// error, to the flag set's output; it is silenced here and printed
	// once below, to stdout for --help and to stderr for an error.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	if err := fromEnv(fs); err != nil {
		fmt.Fprintf(fs.Output(), "brief %s: %v\n", fs.Name(), err)
		return nil, exitUsage
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(stdout)
				usage()
				return nil, exitOK
			}
			usage()
			return nil, exitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, -1
		}
		// After "--" every argument is positional, even one that starts
		// with "-" (brief new article -- "- a title").
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), -1
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func sourceFlag(fs *flag.FlagSet) *string {
	s := fs.String("s", ".", "site `folder` to read (holds content/, site.yaml)")
	fs.StringVar(s, "source", ".", "same as -s")
	return s
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [-s SOURCE] [-d DEST] [--drafts] [--base-url URL] [--archive] [--minify] [--force]", stderr)
	src := sourceFlag(fs)
	dest := fs.String("d", "", "output `folder` (default SOURCE/public)")
	fs.StringVar(dest, "dest", "", "same as -d")
	drafts := fs.Bool("drafts", false, "include articles marked draft: true")
	base := fs.String("base-url", "", "address the site is published at, e.g. https://user.github.io/briefings/ (overrides site.yaml)")
	arc := fs.Bool("archive", false, "write an archive that opens from the file system (page-relative links, SHA256SUMS)")
	force := fs.Bool("force", false, "replace DEST even if it is not empty and brief did not write it (it has no "+write.StampFile+" file)")
	minify := fs.Bool("minify", false, "write HTML, CSS, JavaScript, SVG, XML and JSON minified")
	pos, code := parse(fs, args, stdout)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "brief build: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	opts := builder.Options{Source: *src, Dest: *dest, Drafts: *drafts, BaseURL: *base, Archive: *arc, Force: *force, Minify: *minify}
	var progress *progressLine
	if !quiet(fs) {
		if progress = newProgress(stderr); progress != nil {
			opts.Progress = progress.update
		}
	}
	res, err := builder.Build(ctx, opts)
	progress.done()
	var refused *write.RefusedError
	if errors.As(err, &refused) {
		// The -d given, not the site, is wrong: a usage error.
		fmt.Fprintln(stderr, "brief build:", err)
		return exitUsage
	}
	if err != nil {
		return report(err, stderr)
	}
	if quiet(fs) {
		return exitOK
	}
	printBuildWarnings(stderr, res, verbose(fs))
	kinds := make([]string, 0, len(res.Stats.Pages))
	total := 0
	for k, n := range res.Stats.Pages {
		kinds = append(kinds, fmt.Sprintf("%d %s", n, k))
		total += n
	}
	sort.Strings(kinds)
	fmt.Fprintf(stdout, "Built %d pages (%s) and %d other files into %s in %s.\n",
		total, strings.Join(kinds, ", "), res.Stats.Files-total+res.StaticFiles, res.Dest, res.Duration.Round(time.Millisecond))
	printPublishSummary(stdout, res)
	return exitOK
}

// report prints a build error and returns its exit status: content
// errors one per line with a count, anything else as is.
func report(err error, stderr io.Writer) int {
	var ds diag.Errors
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintf(stderr, "%d error%s; nothing was written.\n", len(ds), map[bool]string{true: "", false: "s"}[len(ds) == 1])
		return exitContent
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "brief: interrupted; the previous output is untouched")
		return exitContent
	}
	fmt.Fprintln(stderr, "brief:", diag.Escape(err.Error()))
	return exitContent
}

// hostList is the value of --allow-host: host names, from repeated flags
// or separated by commas.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

// Set adds the names in v, refusing what is not a host name, such as a
// URL, so that the mistake shows when the server starts, not as a 403.
func (h *hostList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		name = strings.TrimSpace(name)
		if name == "" || strings.ContainsAny(name, "/@?# \t") {
			return fmt.Errorf("%q is not a host name; give a name such as preview.example.org", name)
		}
		*h = append(*h, name)
	}
	return nil
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [-s SOURCE] [--port 1313] [--bind 127.0.0.1] [--allow-host NAME] [--drafts] [--base-url URL] [--poll DURATION] [--open]", stderr)
	src := sourceFlag(fs)
	port := fs.Int("port", 1313, "TCP `port` to listen on")
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on; the default serves this machine only")
	var hosts hostList
	fs.Var(&hosts, "allow-host", "also answer requests addressed to host `NAME` (repeat the flag or separate names by commas); "+
		"by default only the --bind address, localhost and loopback addresses are answered (all IP addresses with --bind 0.0.0.0), "+
		"so that no other web site can read the preview")
	drafts := fs.Bool("drafts", false, "include articles marked draft: true")
	base := fs.String("base-url", "", "address the site is published at; its path is where the preview serves it")
	poll := fs.Duration("poll", 0, "watch by polling every `DURATION` (e.g. 500ms) instead of file system events")
	open := fs.Bool("open", false, "open the preview in the browser once it is served")
	pos, code := parse(fs, args, stdout)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "brief serve: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "brief serve: --port %d is not a port number\n", *port)
		return exitUsage
	}
	var log io.Writer = stderr
	if quiet(fs) {
		log = quietLog{stderr}
	}
	srv, err := serve.New(serve.Options{
		Build: builder.Options{Source: *src, Drafts: *drafts, BaseURL: *base},
		Bind:  *bind, Port: *port, Poll: *poll, Log: log, AllowHosts: hosts,
	})
	if err != nil {
		fmt.Fprintln(stderr, "brief:", diag.Escape(err.Error()))
		return exitContent
	}
	if err := srv.Start(); err != nil {
		fmt.Fprintln(stderr, "brief:", diag.Escape(err.Error()))
		return exitUsage
	}
	fmt.Fprintf(stdout, "Serving %s at %s (Ctrl-C to stop)\n", diag.Escape(*src), diag.Escape(srv.URL()))
	if *open {
		if err := openBrowser(srv.URL()); err != nil {
			fmt.Fprintf(stderr, "brief serve: cannot open a browser (%s); open %s yourself\n", diag.Escape(err.Error()), diag.Escape(srv.URL()))
		}
	}
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintln(stderr, "brief:", diag.Escape(err.Error()))
		return exitContent
	}
	return exitOK
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", `new article|event|actor "Title" [-s SOURCE]`, stderr)
	src := sourceFlag(fs)
	pos, code := parse(fs, args, stdout)
	if code >= 0 {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, `brief new: want a kind (article, event or actor) and a title, e.g. brief new event "Macron meets Putin"`)
		return exitUsage
	}
	kind := pos[0]
	title, err := oneLine(pos[1])
	if err != nil {
		fmt.Fprintln(stderr, "brief new:", err)
		return exitUsage
	}
	// Slugify keeps the file name within load.MaxSlug, cut at a word.
	slug := load.Slugify(title)
	if slug == "" {
		fmt.Fprintf(stderr, "brief new: cannot make a file name from %q; use letters or digits\n", title)
		return exitUsage
	}
	today := yamlDate(time.Now().Format("2006-01-02"))
	var dir, text string
	var keys []yamlPair
	switch kind {
	case "article":
		dir, text = "content/articles", "Write the article here.\n"
		keys = []yamlPair{{"title", yamlText(title)}, {"date", today}, {"source", yamlText("")}, {"url", yamlText("")},
			{"author", yamlText("")}, {"events", yamlEmpty()}, {"actors", yamlEmpty()}, {"tags", yamlEmpty()}}
	case "event":
		dir, text = "content/events", "The editor's briefing: what happened, and why it matters.\n"
		keys = []yamlPair{{"title", yamlText(title)}, {"date", today}, {"place", yamlText("")}, {"actors", yamlEmpty()},
			{"related", yamlEmpty()}, {"summary", yamlText("")}}
	case "actor":
		dir, text = "content/actors", "Who they are.\n"
		keys = []yamlPair{{"name", yamlText(title)}, {"kind", yamlWord("person")}, {"aliases", yamlEmpty()},
			{"misspellings", yamlEmpty()}, {"role", yamlText("")}, {"summary", yamlText("")}}
	default:
		fmt.Fprintf(stderr, "brief new: unknown kind %q; use article, event or actor\n", kind)
		return exitUsage
	}
	fm, err := frontMatter(keys, nil)
	if err != nil {
		fmt.Fprintln(stderr, "brief new:", err)
		return exitContent
	}
	body := fm + "\n" + text
	p := filepath.Join(*src, dir, slug+".md")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		fmt.Fprintln(stderr, "brief new:", err)
		return exitContent
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(stderr, "brief new: %s already exists; not overwritten\n", p)
		} else {
			fmt.Fprintln(stderr, "brief new:", err)
		}
		return exitContent
	}
	_, err = f.WriteString(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "brief new:", err)
		return exitContent
	}
	fmt.Fprintln(unlessQuiet(fs, stdout), "Created", p)
	return exitOK
}
