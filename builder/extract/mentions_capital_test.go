package extract

import (
	"reflect"
	"testing"
)

// A name written in lower case ("the Kremlin") is a mention where a
// sentence opens with it capitalised, and only there.
func TestCapitalisedNameOpensSentence(t *testing.T) {
	m, ds := NewMatcher(langActors())
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The Kremlin said the talks were over.", []string{"The Kremlin"}},
		{"Talks ended. The Kremlin blamed Kyiv.", []string{"The Kremlin"}},
		{"“The Kremlin has not called,” he said.", []string{"The Kremlin"}},
		{"He read: The Kremlin Papers", []string{"The Kremlin"}},
		{"Officials in the Kremlin said so.", []string{"the Kremlin"}},
		{"He wrote a book, The Kremlin Years, in 2001.", nil},
		{"THE KREMLIN", nil},
	} {
		var got []string
		for _, f := range m.Find(c.text) {
			if f.Name.Actor != "kremlin" {
				t.Errorf("%q: %q is %s, want kremlin", c.text, c.text[f.Start:f.End], f.Name.Actor)
			}
			got = append(got, c.text[f.Start:f.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: mentions %q, want %q", c.text, got, c.want)
		}
	}
}
