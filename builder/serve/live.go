package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// internalPrefix is where the server's own endpoints live; no site page
// can have this path because it is outside every base path's content.
const internalPrefix = "/__brief/"

// liveJS reloads the page when a newer site is served, and shows or
// updates the error overlay. It reconnects by itself after a restart.
const liveJS = `(function () {
  var me = document.currentScript;
  var version = me.getAttribute("data-version");
  var instance = me.getAttribute("data-instance");
  function overlay(html) {
    var old = document.getElementById("brief-overlay");
    if (old) old.remove();
    if (!html) return;
    var d = document.createElement("div");
    d.innerHTML = html;
    document.body.appendChild(d.firstChild);
  }
  function connect() {
    var es = new EventSource("/__brief/events");
    es.addEventListener("state", function (e) {
      var s = JSON.parse(e.data);
      // Tells tests (and the curious) that the page is listening.
      document.documentElement.setAttribute("data-brief-live", s.version);
      if (s.instance !== instance || String(s.version) !== version) {
        es.close();
        location.reload();
        return;
      }
      overlay(s.overlay);
    });
    es.onerror = function () {
      es.close();
      setTimeout(connect, 300);
    };
  }
  connect();
})();
`

type liveState struct {
	Instance string `json:"instance"`
	Version  uint64 `json:"version"`
	Errors   int    `json:"errors"`
	Overlay  string `json:"overlay"`
}

func (s *Server) serveInternal(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case internalPrefix + "live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, liveJS)
	case internalPrefix + "events":
		s.serveEvents(w, r)
	default:
		http.NotFound(w, r)
	}
}

// serveEvents streams the site's state as Server-Sent Events: once on
// connect, then after every rebuild.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("Connection", "keep-alive")
	wake := make(chan struct{}, 1)
	s.mu.Lock()
	s.clients[wake] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, wake)
		s.mu.Unlock()
	}()
	send := func() bool {
		snap := s.snap.Load()
		st := liveState{Instance: s.instance, Version: snap.Version, Errors: len(snap.Errors)}
		if len(snap.Errors) > 0 {
			st.Overlay = overlayHTML(snap.Errors)
		}
		b, _ := json.Marshal(st)
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", b); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	if !send() {
		return
	}
	keep := time.NewTicker(15 * time.Second)
	defer keep.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case _, ok := <-wake:
			if !ok || !send() {
				return
			}
		case <-keep.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}
