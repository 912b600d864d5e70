package render

import (
	"encoding/json"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// TestExportSpeakerName checks that the data export gives each quote the
// speaker's name as well as the slug, so that quotes of speakers who are
// no actor keep who said them.
func TestExportSpeakerName(t *testing.T) {
	a := &model.Article{Quotes: []model.Quote{
		{Text: "We will win", Speaker: "vladimir-putin", SpeakerName: "Vladimir Putin"},
		{Text: "No comment", SpeakerName: "a Kremlin spokesman"},
	}}
	b, err := json.Marshal(articleJSON(a, func(any) string { return "/" }).Quotes)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"text":"We will win","speaker":"vladimir-putin","speaker_name":"Vladimir Putin"},` +
		`{"text":"No comment","speaker":null,"speaker_name":"a Kremlin spokesman"}]`
	if got := string(b); got != want {
		t.Errorf("quotes exported as\n%s\nwant\n%s", got, want)
	}
}
