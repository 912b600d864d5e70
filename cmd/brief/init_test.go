package main

import (
	"bytes"
	"fmt"
	"go/build"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/briefhq/brief/builder/skeleton"
)

// repoWorkflow is this repository's own Pages workflow.
const repoWorkflow = "../../.github/workflows/pages.yml"

// initSite runs brief init into a new folder and returns it.
func initSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mysite")
	code, out, errOut := brief(t, "init", dir)
	if code != 0 {
		t.Fatalf("brief init: exit %d\n%s%s", code, out, errOut)
	}
	return dir
}

// TestInitBuildsUnderSubPath is the path README gives a new user: init
// an empty folder, then build it for a GitHub Pages project site. Every
// internal link and image of every page must name a file of the output
// under /repo/, and the example article, event and actor must link to
// each other.
func TestInitBuildsUnderSubPath(t *testing.T) {
	dir := initSite(t)
	for _, want := range []string{"site.yaml", ".gitignore", skeleton.WorkflowPath,
		"content/articles/2015-12-12-paris-climate-deal.md", "content/events/cop21-paris.md", "content/actors/laurent-fabius.md"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("init did not write %s: %v", want, err)
		}
	}
	const base = "https://user.github.io/repo/"
	code, out, errOut := brief(t, "build", "-s", dir, "--base-url", base)
	if code != 0 {
		t.Fatalf("build of the new site: exit %d\n%s%s", code, out, errOut)
	}
	dest := filepath.Join(dir, "public")
	links := checkLinks(t, dest, base)
	if len(links) < 100 {
		t.Errorf("only %d internal links checked", len(links))
	}
	article := "articles/2015-12-12-paris-climate-deal/index.html"
	for _, l := range [][2]string{
		{article, "/repo/events/cop21-paris/"},
		{article, "/repo/actors/laurent-fabius/"},
		{"events/cop21-paris/index.html", "/repo/articles/2015-12-12-paris-climate-deal/"},
		{"events/cop21-paris/index.html", "/repo/actors/laurent-fabius/"},
		{"actors/laurent-fabius/index.html", "/repo/articles/2015-12-12-paris-climate-deal/"},
	} {
		if !links[l[0]+" -> "+l[1]] {
			t.Errorf("%s does not link to %s", l[0], l[1])
		}
	}
	if ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err != nil || !strings.Contains(string(ignore), "/public/\n") {
		t.Errorf(".gitignore does not ignore public/: %q, %v", ignore, err)
	}
}

// checkLinks parses every page under dest and fails the test for an
// internal href or src (site-absolute, or a full address under base's
// host) that is outside base's path or names no file. It returns the
// links seen, as "PAGE -> PATH".
func checkLinks(t *testing.T, dest, base string) map[string]bool {
	t.Helper()
	b, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	err = filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		page := filepath.ToSlash(rel)
		z := html.NewTokenizer(bytes.NewReader(data))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil {
					t.Errorf("%s: <%s %s=%q>: %v", page, tok.Data, a.Key, a.Val, err)
					continue
				}
				switch {
				case u.Scheme == "" && u.Host == "" && u.Path == "":
					continue // a fragment or query on the same page
				case u.Scheme == "" && u.Host == "" && !strings.HasPrefix(u.Path, "/"):
					t.Errorf("%s: <%s %s=%q> is page-relative; a published site links from its base path", page, tok.Data, a.Key, a.Val)
					continue
				case u.Host != "" && u.Host != b.Host:
					if a.Key == "src" {
						t.Errorf("%s: <%s src=%q> loads from another host", page, tok.Data, a.Val)
					}
					continue
				}
				rest, ok := strings.CutPrefix(u.Path, b.Path)
				if !ok {
					t.Errorf("%s: <%s %s=%q> is outside the base path %s", page, tok.Data, a.Key, a.Val, b.Path)
					continue
				}
				seen[page+" -> "+u.Path] = true
				target := path.Clean("/" + rest)
				if rest == "" || strings.HasSuffix(rest, "/") {
					target = path.Join(target, "index.html")
				}
				if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(target))); err != nil {
					t.Errorf("%s: <%s %s=%q> names no file of the output (%s)", page, tok.Data, a.Key, a.Val, target)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return seen
}

// TestInitRefusesFolderWithFiles runs init twice: the second refuses
// and changes nothing; with --force it adds only what is missing.
func TestInitRefusesFolderWithFiles(t *testing.T) {
	dir := initSite(t)
	yamlPath := filepath.Join(dir, "site.yaml")
	if err := os.WriteFile(yamlPath, []byte("title: Mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, "content", "articles", "2015-12-12-paris-climate-deal.md")
	if err := os.Remove(article); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)

	code, out, errOut := brief(t, "init", dir)
	if code != exitUsage {
		t.Errorf("init into a folder with files: exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errOut, "not empty") || !strings.Contains(errOut, "--force") || out != "" {
		t.Errorf("refusal does not say why and how to go on:\nstdout: %s\nstderr: %s", out, errOut)
	}
	if d := diffKeys(before, snapshot(t, dir)); d != "" || !reflect.DeepEqual(before, snapshot(t, dir)) {
		t.Errorf("a refused init changed the folder: %s", d)
	}

	code, out, errOut = brief(t, "init", "--force", dir)
	if code != 0 {
		t.Fatalf("init --force: exit %d\n%s", code, errOut)
	}
	if got, _ := os.ReadFile(yamlPath); string(got) != "title: Mine\n" {
		t.Errorf("init --force overwrote site.yaml: %q", got)
	}
	if _, err := os.Stat(article); err != nil {
		t.Errorf("init --force did not restore the missing article: %v", err)
	}
	if !strings.Contains(out, "Kept "+yamlPath+" (exists; not overwritten)") || !strings.Contains(out, "Created "+article) {
		t.Errorf("init --force does not list what it kept and wrote:\n%s", out)
	}
}

// TestInitIntoClonedRepository accepts a folder that holds only .git,
// as a freshly cloned empty GitHub repository does, and the current
// folder by default.
func TestInitIntoClonedRepository(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, errOut := brief(t, "init")
	if code != 0 {
		t.Fatalf("init in a clone: exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err != nil {
		t.Errorf("init with no DIR did not write into the current folder: %v", err)
	}
	if strings.Contains(out, "  cd ") {
		t.Errorf("next steps say to cd into the folder the user is in:\n%s", out)
	}
}

func TestInitUsage(t *testing.T) {
	if code, _, errOut := brief(t, "init", "a", "b"); code != exitUsage || !strings.Contains(errOut, `unexpected argument "b"`) {
		t.Errorf("init with two folders: exit %d, %s", code, errOut)
	}
	if code, out, _ := brief(t, "init", "--help"); code != 0 || !strings.Contains(out, "--force") {
		t.Errorf("init --help: exit %d, %s", code, out)
	}
}

// workflow is the part of a GitHub Actions workflow the tests read.
type workflow struct {
	Name        string
	On          map[string]any
	Permissions map[string]string
	Concurrency map[string]any
	Jobs        map[string]struct {
		Needs       any
		RunsOn      string `yaml:"runs-on"`
		Environment map[string]string
		Steps       []struct {
			ID   string
			Name string
			Uses string
			With map[string]string
			Env  map[string]string
			Run  string
		}
	}
}

func readWorkflow(t *testing.T, data []byte) workflow {
	t.Helper()
	var w workflow
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&w); err != nil {
		t.Fatalf("workflow does not parse: %v\n%s", err, data)
	}
	return w
}

func initWorkflow(t *testing.T, version string) []byte {
	t.Helper()
	files, err := skeleton.Files(version)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == skeleton.WorkflowPath {
			return f.Data
		}
	}
	t.Fatalf("the skeleton has no %s", skeleton.WorkflowPath)
	return nil
}

// TestInitWorkflowInstallsByVersion reads the workflow init writes, as
// YAML: it installs brief with go install at the version that wrote it
// (latest for a build from source), then builds with the address
// configure-pages reports.
func TestInitWorkflowInstallsByVersion(t *testing.T) {
	for version, want := range map[string]string{
		"v1.4.2":  "go install " + skeleton.Module + "@v1.4.2",
		"(devel)": "go install " + skeleton.Module + "@latest",
		"v0.0.0-20261202023443-b53d07ab7532+dirty": "go install " + skeleton.Module + "@latest",
	} {
		data := initWorkflow(t, version)
		w := readWorkflow(t, data)
		steps := w.Jobs["build"].Steps
		var install, build int = -1, -1
		for i, s := range steps {
			switch s.Name {
			case "Install brief":
				install = i
			case "Build":
				build = i
			}
		}
		if install < 0 || build < install || steps[install].Run != want {
			t.Fatalf("%s: no step runs %q before the build:\n%s", version, want, data)
		}
		if !bytes.Contains(data, []byte(version)) || !bytes.Contains(data, []byte("upgrade")) {
			t.Errorf("%s: the workflow does not say which brief wrote it and how to upgrade:\n%s", version, data)
		}
		if bytes.Contains(data, []byte("brief:pin")) {
			t.Errorf("%s: a marker is left in the workflow:\n%s", version, data)
		}
		b := steps[build]
		if b.Env["BASE_URL"] != "${{ steps.pages.outputs.base_url }}" || !strings.Contains(b.Run, `brief build --base-url "$BASE_URL/"`) {
			t.Errorf("%s: the build does not take the address Pages gives: %+v", version, b)
		}
	}
}

// TestRepoWorkflowMatchesInit keeps this repository's workflow the same
// as the one init writes, but for how brief is installed: the same
// actions at the same majors, the same build and deployment.
func TestRepoWorkflowMatchesInit(t *testing.T) {
	repoData, err := os.ReadFile(repoWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	repo, mine := readWorkflow(t, repoData), readWorkflow(t, initWorkflow(t, "v1.4.2"))
	for _, w := range []*workflow{&repo, &mine} {
		for i, s := range w.Jobs["build"].Steps {
			switch {
			case strings.HasPrefix(s.Uses, "actions/setup-go@"):
				w.Jobs["build"].Steps[i].With = nil
			case s.Name == "Install brief":
				w.Jobs["build"].Steps[i].Run = ""
			}
		}
	}
	if !reflect.DeepEqual(repo, mine) {
		t.Errorf("%s and the workflow init writes differ beyond installing brief:\nrepo: %+v\ninit: %+v", repoWorkflow, repo, mine)
	}
	for _, s := range repo.Jobs["build"].Steps {
		if s.Name == "Install brief" {
			return
		}
	}
	t.Errorf("%s has no Install brief step", repoWorkflow)
}

// inCI reports whether CI is set to a true value, as CI services do.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "0" && v != "false"
}

// notice prints a line where the person running go test sees it. go
// test shows a passing package's output only with -v, so the line goes
// to the terminal itself when there is one, and to stderr otherwise
// (for -v and -json runs). builder/browsertest does the same for
// missing Chromium.
func notice(line string) {
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		fmt.Fprintln(tty, line)
		tty.Close()
		return
	}
	fmt.Fprintln(os.Stderr, line)
}

// actionlint finds the actionlint binary on PATH or where go install
// puts it.
func actionlint() string {
	if p, err := exec.LookPath("actionlint"); err == nil {
		return p
	}
	for _, dir := range filepath.SplitList(build.Default.GOPATH) {
		p := filepath.Join(dir, "bin", "actionlint")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// TestWorkflowsPassActionlint lints this repository's workflow and the
// one init writes. Without actionlint it fails in CI and says so loudly
// elsewhere, since go test hides a skip's reason without -v.
func TestWorkflowsPassActionlint(t *testing.T) {
	bin := actionlint()
	if bin == "" {
		const msg = "actionlint not found on PATH or in GOPATH/bin: install it with go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"
		if inCI() {
			t.Fatal(msg)
		}
		notice("SKIP TestWorkflowsPassActionlint: " + msg)
		t.Skip(msg)
	}
	dir := initSite(t)
	for _, f := range []string{repoWorkflow, filepath.Join(dir, filepath.FromSlash(skeleton.WorkflowPath))} {
		out, err := exec.Command(bin, "-no-color", f).CombinedOutput()
		if err != nil {
			t.Errorf("actionlint %s: %v\n%s", f, err, out)
		}
	}
}

// TestInitSiteBodyLinks adds to a new site what authors write in bodies —
// a page bundle with a photo, links by path and by @/kind/slug, a file
// of static/ — and builds it under /repo/ and as an archive: every link
// resolves, and the bundle's photo is published beside its page.
func TestInitSiteBodyLinks(t *testing.T) {
	dir := initSite(t)
	files := map[string]string{
		"content/articles/2015-12-13-reactions/index.md": "---\ntitle: Reactions\ndate: 2015-12-13\nevents: [cop21-paris]\n---\n" +
			"![Delegates applaud](delegates.svg)\n\nSee [the deal](../2015-12-12-paris-climate-deal.md), [COP21](@/events/cop21-paris#coverage), " +
			"[Fabius](@/actors/laurent-fabius) and [the text](/paris-agreement.txt).\n",
		"content/articles/2015-12-13-reactions/delegates.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80"/></svg>`,
		"static/paris-agreement.txt":                          "The Parties to this Agreement…\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const base = "https://user.github.io/repo/"
	if code, out, errOut := brief(t, "build", "-s", dir, "--base-url", base); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	links := checkLinks(t, filepath.Join(dir, "public"), base)
	page := "articles/2015-12-13-reactions/index.html"
	for _, l := range []string{"/repo/articles/2015-12-13-reactions/delegates.svg", "/repo/articles/2015-12-12-paris-climate-deal/",
		"/repo/events/cop21-paris/", "/repo/actors/laurent-fabius/", "/repo/paris-agreement.txt"} {
		if !links[page+" -> "+l] {
			t.Errorf("%s does not link to %s", page, l)
		}
	}
	html, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(page)))
	if err != nil || !bytes.Contains(html, []byte(`alt="Delegates applaud" width="120" height="80"`)) {
		t.Errorf("the bundle's image has no size: %v", err)
	}

	// The archive: every page-relative link names a file of the output.
	arc := filepath.Join(t.TempDir(), "archive")
	if code, out, errOut := brief(t, "build", "-s", dir, "-d", arc, "--base-url", base, "--archive"); code != 0 {
		t.Fatalf("archive build: exit %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(arc, filepath.FromSlash(page)))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{`src="../../articles/2015-12-13-reactions/delegates.svg"`, `href="../../events/cop21-paris/index.html#coverage"`, `href="../../paris-agreement.txt"`} {
		if !bytes.Contains(data, []byte(l)) {
			t.Errorf("archive page lacks %s", l)
		}
	}
	for _, f := range []string{"articles/2015-12-13-reactions/delegates.svg", "events/cop21-paris/index.html", "paris-agreement.txt"} {
		if _, err := os.Stat(filepath.Join(arc, filepath.FromSlash(f))); err != nil {
			t.Errorf("archive lacks %s", f)
		}
	}
}
