package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the folders of a site whose changes cause a rebuild.
var watchedDirs = []string{"content", "templates", "static", "i18n"}

// relevant reports whether a path relative to the site is part of the
// site's input: site.yaml or anything below a watched folder.
func relevant(rel string) bool {
	rel = filepath.ToSlash(rel)
	if rel == "site.yaml" {
		return true
	}
	for _, d := range watchedDirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

// watcher reports changed paths, relative to the site folder.
type watcher interface {
	// Events delivers batches of changed paths.
	Events() <-chan []string
	Errors() <-chan error
	Close() error
}

// notifyWatcher watches with fsnotify, recursively, adding folders that
// appear after the start.
type notifyWatcher struct {
	root   string
	w      *fsnotify.Watcher
	events chan []string
	errs   chan error
	done   chan struct{}
}

func newNotifyWatcher(root string) (*notifyWatcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	nw := &notifyWatcher{root: root, w: fw, events: make(chan []string, 64), errs: make(chan error, 8), done: make(chan struct{})}
	// The site folder itself, for site.yaml and for watched folders that
	// are created later.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		nw.addTree(filepath.Join(root, d))
	}
	go nw.loop()
	return nw, nil
}

// addTree watches dir and every folder below it.
func (nw *notifyWatcher) addTree(dir string) []string {
	var found []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if err := nw.w.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				nw.sendErr(err)
			}
		} else if p != dir {
			found = append(found, p)
		}
		return nil
	})
	return found
}

func (nw *notifyWatcher) sendErr(err error) {
	select {
	case nw.errs <- err:
	default:
	}
}

func (nw *notifyWatcher) loop() {
	defer close(nw.events)
	for {
		select {
		case <-nw.done:
			return
		case err, ok := <-nw.w.Errors:
			if !ok {
				return
			}
			nw.sendErr(err)
		case ev, ok := <-nw.w.Events:
			if !ok {
				return
			}
			rel, err := filepath.Rel(nw.root, ev.Name)
			if err != nil || !relevant(rel) {
				continue
			}
			batch := []string{filepath.ToSlash(rel)}
			if ev.Has(fsnotify.Create) {
				// A new folder: watch it, and report what is already in
				// it (files written before the watch was added).
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					for _, f := range nw.addTree(ev.Name) {
						if r, err := filepath.Rel(nw.root, f); err == nil {
							batch = append(batch, filepath.ToSlash(r))
						}
					}
				}
			}
			select {
			case nw.events <- batch:
			case <-nw.done:
				return
			}
		}
	}
}

func (nw *notifyWatcher) Events() <-chan []string { return nw.events }
func (nw *notifyWatcher) Errors() <-chan error    { return nw.errs }
func (nw *notifyWatcher) Close() error {
	close(nw.done)
	return nw.w.Close()
}

// pollWatcher finds changes by listing the site every interval and
// comparing sizes and modification times: for network drives and
// containers where file system events do not arrive.
type pollWatcher struct {
	root   string
	every  time.Duration
	events chan []string
	errs   chan error
	cancel context.CancelFunc
}

type stamp struct {
	size  int64
	mtime time.Time
	dir   bool
}

func newPollWatcher(root string, every time.Duration) *pollWatcher {
	ctx, cancel := context.WithCancel(context.Background())
	pw := &pollWatcher{root: root, every: every, events: make(chan []string, 64), errs: make(chan error, 8), cancel: cancel}
	prev := pw.scan()
	go func() {
		defer close(pw.events)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			cur := pw.scan()
			var changed []string
			for p, s := range cur {
				if o, ok := prev[p]; !ok || (!s.dir && (o.size != s.size || !o.mtime.Equal(s.mtime))) {
					changed = append(changed, p)
				}
			}
			for p := range prev {
				if _, ok := cur[p]; !ok {
					changed = append(changed, p)
				}
			}
			prev = cur
			if len(changed) > 0 {
				select {
				case pw.events <- changed:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return pw
}

func (pw *pollWatcher) scan() map[string]stamp {
	out := map[string]stamp{}
	add := func(p string) {
		_ = filepath.WalkDir(p, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(pw.root, p)
			out[filepath.ToSlash(rel)] = stamp{size: fi.Size(), mtime: fi.ModTime(), dir: d.IsDir()}
			return nil
		})
	}
	add(filepath.Join(pw.root, "site.yaml"))
	for _, d := range watchedDirs {
		add(filepath.Join(pw.root, d))
	}
	return out
}

func (pw *pollWatcher) Events() <-chan []string { return pw.events }
func (pw *pollWatcher) Errors() <-chan error    { return pw.errs }
func (pw *pollWatcher) Close() error            { pw.cancel(); return nil }
