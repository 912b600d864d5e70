package builder

import (
	"errors"
	"weak"

	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/spill"
)

// spills are the scratch files a preview's session stashes article text
// in (StashText). Text is only ever appended: a saved article adds its
// new version (a few kilobytes), and a change that extracts every
// article again (an actor's names, the boilerplate, unsafe_html) adds
// the whole site's text, about 100 MB at 10,000 articles. So that a long
// preview does not fill the disk, a build starts a new file once the
// current one holds more than twice the site's text (and spillSlack
// more); the old file is freed by the collector once no article reads
// from it, which after the next full extraction is none.
type spills struct {
	spill    *spill.File // where new text goes
	spillDir string
	// spillBase is what the first build stashed: the site's text.
	spillBase int64
	// spillSlack is how much more than twice spillBase a file may hold.
	spillSlack int64
	// retired are the earlier files, still read by the articles stashed
	// in them; an unlinked file no article reads is closed by the
	// collector (os.File's cleanup), which frees its disk space.
	retired []weak.Pointer[spill.File]
	// closed is set by Close: the stashed text is gone, so no page can
	// be rendered any more.
	closed bool
}

// StashText keeps each article's rendered HTML and paragraphs, from its
// extraction on, in a scratch file in dir instead of in memory (see
// model.Store), and reads them back for the pages that show them: a
// preview of ten thousand articles holds about a hundred megabytes less.
// Call it before the first build; Close removes the file (on Linux it
// is unlinked at once, so a killed preview leaves nothing behind).
func (s *Session) StashText(dir string) error {
	sp, err := spill.Create(dir)
	if err != nil {
		return err
	}
	s.stash, s.spill, s.spillDir, s.spillSlack = sp, sp, dir, 64<<20
	return nil
}

// rotateSpill starts a new scratch file for the text the coming build
// extracts when the current one has grown past twice the site's text
// (see spills). A file that could not be unlinked is kept: only Close
// would remove it.
func (s *Session) rotateSpill() {
	if s.spill == nil {
		return
	}
	size := s.spill.Size()
	if s.spillBase == 0 {
		s.spillBase = size // 0 before the first build, its text after
		return
	}
	if size <= 2*s.spillBase+s.spillSlack || !s.spill.Unlinked() {
		return
	}
	sp, err := spill.Create(s.spillDir)
	if err != nil {
		return // the old file keeps growing
	}
	live := s.retired[:0]
	for _, w := range s.retired {
		if w.Value() != nil {
			live = append(live, w)
		}
	}
	s.retired = append(live, weak.Make(s.spill))
	s.stash, s.spill = sp, sp
}

// spillErr is the first error reading text back from a scratch file.
func (s *Session) spillErr() error {
	if s.spill == nil {
		return nil
	}
	err := s.spill.Err()
	for _, w := range s.retired {
		if f := w.Value(); f != nil && err == nil {
			err = f.Err()
		}
	}
	return err
}

// Close removes the scratch files of StashText, if any. The session's
// articles cannot be rendered after it.
func (s *Session) Close() error {
	s.closed = true
	if s.spill == nil {
		return nil
	}
	err := s.spill.Close()
	for _, w := range s.retired {
		if f := w.Value(); f != nil {
			err = errors.Join(err, f.Close())
		}
	}
	return err
}

// stashedSource is where a preview keeps an article's file once it is
// extracted: its bytes in the scratch file, and what the session added to
// the loaded article beyond them (the page bundle's or saved page's
// resources, their image, the hash they were mixed into). The loaded
// article is only needed to extract the article again, which happens
// when the actors' names or the options change, not on an edit (an edit
// reads the file afresh); kept loaded, the sources of ten thousand
// articles hold about 55 MB.
type stashedSource struct {
	path      string
	file      *spill.File // strong: the file is kept while an entry reads it
	off       int64
	n         int
	hash      uint64
	image     string
	resources []model.Resource
}

// stashSource puts data, the file at p that a was loaded from, in the
// current scratch file. It returns nil when there is none (a one-shot
// build or no StashText) or on a write error: the loaded article then
// stays in memory.
func (s *Session) stashSource(p string, data []byte, a *model.Article) *stashedSource {
	if s.spill == nil || s.dropSource || a == nil {
		return nil
	}
	off, err := s.spill.Put(data)
	if err != nil {
		return nil
	}
	return &stashedSource{path: p, file: s.spill, off: off, n: len(data),
		hash: a.Hash, image: a.Image, resources: a.Resources}
}

// load reads the source back and loads it again: the same article read
// made of the same bytes (load is deterministic), with what read added.
// It returns nil when the bytes cannot be read back; the scratch file
// then reports the error (spillErr) and the render fails.
func (src *stashedSource) load() (*model.Article, []byte) {
	data := src.file.Get(src.off, src.n)
	if data == nil && src.n > 0 {
		return nil, nil
	}
	a, _ := load.Article(src.path, data) // its diagnostics are the entry's loadDs
	if a == nil {
		return nil, nil
	}
	a.Hash, a.Image, a.Resources = src.hash, src.image, src.resources
	return a, data
}

// loadedItem is the entry's item as loaded, read back from the scratch
// file when the entry keeps only its source there.
func (e *entry) loadedItem() item {
	if e.loaded.none() && e.src != nil {
		a, _ := e.src.load()
		return item{art: a}
	}
	return e.loaded
}
