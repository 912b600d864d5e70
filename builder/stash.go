package builder

import (
	"errors"
	"weak"

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
