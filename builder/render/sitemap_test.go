package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// sitemapSite is a site of n articles, one a day, with a base URL.
func sitemapSite(n int) *model.Site {
	s := &model.Site{Config: model.Config{Title: "T", BaseURL: "https://example.org/briefings/", BasePath: "/briefings/"}}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		a := &model.Article{Title: fmt.Sprint("Article ", i), Date: model.Date{Start: start.AddDate(0, 0, i%2000), Precision: model.Day}}
		a.Slug = fmt.Sprintf("article-%06d", i)
		s.Articles = append(s.Articles, a)
	}
	return s
}

// writeSitemap runs the sitemap's jobs into dir and returns the files.
func writeSitemap(t *testing.T, s *model.Site, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, j := range sitemapJobs(s) {
		var b bytes.Buffer
		if err := j.Make(&b); err != nil {
			t.Fatal(err)
		}
		files[j.File] = b.Bytes()
		if err := os.WriteFile(filepath.Join(dir, j.File), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// xmllint validates file against the schema with xmllint (Debian's
// libxml2-utils), required in CI.
func xmllint(t *testing.T, schema, file string) {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is required in CI: apt-get install libxml2-utils")
		}
		t.Skip("no xmllint on this machine (apt-get install libxml2-utils)")
	}
	out, err := exec.Command(path, "--noout", "--schema", filepath.Join("testdata", schema), file).CombinedOutput()
	if err != nil {
		t.Errorf("%s does not validate against %s: %v\n%s", filepath.Base(file), schema, err, head(string(out), 2000))
	}
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// TestSitemapIndex checks that a site of 60,000 pages gets a sitemap
// index that lists files of at most 50,000 addresses each, which hold
// every page once, and that every file validates against the
// sitemaps.org schemas kept in testdata.
func TestSitemapIndex(t *testing.T) {
	s := sitemapSite(60000)
	dir := t.TempDir()
	files := writeSitemap(t, s, dir)

	var index struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &index); err != nil {
		t.Fatalf("sitemap.xml is not a sitemap index: %v", err)
	}
	if len(index.Sitemaps) != 2 || len(files) != 3 {
		t.Fatalf("the index lists %d sitemaps; files written: %d", len(index.Sitemaps), len(files))
	}
	seen := map[string]bool{}
	for k, sm := range index.Sitemaps {
		name := fmt.Sprintf("sitemap-%d.xml", k+1)
		if sm.Loc != "https://example.org/briefings/"+name {
			t.Errorf("index entry %d: loc %q", k, sm.Loc)
		}
		if _, err := time.Parse("2006-01-02", sm.Lastmod); err != nil {
			t.Errorf("index entry %d: lastmod %q", k, sm.Lastmod)
		}
		var set struct {
			XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
			URLs    []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		data := files[name]
		if err := xml.Unmarshal(data, &set); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(set.URLs) > sitemapMaxURLs || len(data) > sitemapMaxBytes {
			t.Errorf("%s: %d addresses, %d bytes", name, len(set.URLs), len(data))
		}
		for _, u := range set.URLs {
			if seen[u.Loc] {
				t.Errorf("%s listed twice", u.Loc)
			}
			seen[u.Loc] = true
		}
		xmllint(t, "sitemap.xsd", filepath.Join(dir, name))
	}
	if want := sitemapLen(s); len(seen) != want {
		t.Errorf("the sitemaps list %d addresses, want %d", len(seen), want)
	}
	for _, a := range s.Articles[:3] {
		if !seen["https://example.org/briefings/articles/"+a.Slug+"/"] {
			t.Errorf("%s is not listed", a.Slug)
		}
	}
	xmllint(t, "siteindex.xsd", filepath.Join(dir, "sitemap.xml"))
	if !strings.Contains(string(robots(s.Config)), "Sitemap: https://example.org/briefings/sitemap.xml\n") {
		t.Errorf("robots.txt: %s", robots(s.Config))
	}
}

// TestSitemapSmall checks that a site within the limits keeps one
// sitemap.xml, a urlset that validates.
func TestSitemapSmall(t *testing.T) {
	dir := t.TempDir()
	files := writeSitemap(t, sitemapSite(100), dir)
	if len(files) != 1 || !bytes.Contains(files["sitemap.xml"], []byte("<urlset ")) {
		t.Fatalf("files %d, sitemap.xml starts %q", len(files), head(string(files["sitemap.xml"]), 120))
	}
	xmllint(t, "sitemap.xsd", filepath.Join(dir, "sitemap.xml"))
}

// TestSitemapCutsBytes checks the other limit: 27,005 addresses of
// about 2,000 bytes make 54 MB, fewer than 50,000 addresses but more
// than 50 MB, so the sitemap is cut in two by size.
func TestSitemapCutsBytes(t *testing.T) {
	s := sitemapSite(27000)
	long := strings.Repeat("x", 1950)
	for _, a := range s.Articles {
		a.Slug += long
	}
	cuts := sitemapCuts(s)
	if len(cuts) != 3 {
		t.Fatalf("cuts %v, want two files", cuts)
	}
	total := 0
	for k := 0; k+1 < len(cuts); k++ {
		var b bytes.Buffer
		sitemapFile(&b, s, cuts[k], cuts[k+1])
		total += b.Len()
		if b.Len() > sitemapMaxBytes {
			t.Errorf("file %d: %d bytes", k, b.Len())
		}
	}
	if total <= sitemapMaxBytes {
		t.Errorf("the test's sitemap is %d bytes: not over the limit", total)
	}
}
