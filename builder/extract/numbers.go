package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// figures reads the figures of paragraphs in the lexicon's language: a
// number in the local format (110 000, 110.000, 2,3) or a number word
// (п'ять, drei, cinq), a scale word multiplied out (100 тисяч, 2,3
// Millionen), and its unit: per cent, a currency, or the counted noun as
// written (військових, Soldaten, soldats). The day numbers and years of
// dates are not figures; durations are, as in English.
func (lx *langLexicon) figures(paras []string, dates []model.DateMention) []model.Figure {
	var out []model.Figure
	var toks []ltok
	var sents, inDate []span
	di, dk := 0, 0
	for pi, p := range paras {
		toks = langTokens(p, lx.dotThousands, toks)
		sents = sentences(p, sents)
		inDate, dk = inDate[:0], 0
		for ; di < len(dates) && dates[di].Para <= pi; di++ {
			if d := dates[di]; d.Para == pi && d.Type != model.TypeDuration {
				inDate = append(inDate, span{d.Start, d.End})
			}
		}
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			v, ok := t.num, t.isNum
			if !ok {
				v, ok = lx.numberWords[t.low]
			}
			// The word for one counts only what the lexicon knows is
			// counted: ein and un are articles too (eine Zeitenwende).
			article := !t.isNum && v == 1
			for dk < len(inDate) && inDate[dk].end <= t.start {
				dk++
			}
			if !ok || dk < len(inDate) && t.start >= inDate[dk].start || t.isNum && t.end < len(p) && p[t.end] == ':' {
				continue
			}
			j := i + 1
			if j < len(toks) && lx.scales[toks[j].low] > 0 {
				v *= lx.scales[toks[j].low]
				j++
			}
			unit, uk := lx.unitAt(p, toks, j)
			if unit == "" || article && !lx.countedNouns[unit] {
				continue
			}
			start := i
			for start > 0 && lx.qualifiers[toks[start-1].low] && onlySpaceBetween(p, toks[start-1].end, toks[start].start) {
				start--
			}
			f := model.Figure{Value: v, Unit: unit, Para: pi, Start: toks[start].start, End: toks[uk].end}
			f.Text = p[f.Start:f.End]
			f.Counts = p[toks[j].start:toks[uk].end]
			s := sentenceAt(sents, f.Start, len(p))
			if f.End > s.end {
				continue
			}
			f.Sentence = p[s.start:s.end]
			out = append(out, f)
			i = uk
		}
	}
	return out
}

// unitAt reads the unit of a figure from token j on: %, a currency, or
// the first counted noun among the next three words (російських
// військових), else the next word when it is a lower-case noun the
// lexicon does not rule out. It returns the unit and its token.
func (lx *langLexicon) unitAt(p string, toks []ltok, j int) (string, int) {
	if j >= len(toks) {
		return "", 0
	}
	t := toks[j]
	if t.low == "%" || lx.percent[t.low] {
		return "percent", j
	}
	if c, ok := lx.currencies[t.low]; ok {
		return c, j
	}
	if j > 0 && !onlySpaceBetween(p, toks[j-1].end, t.start) {
		return "", 0
	}
	for k := j; k < len(toks) && k < j+3; k++ {
		if k > j && !onlySpaceBetween(p, toks[k-1].end, toks[k].start) {
			break
		}
		if lx.countedNouns[toks[k].low] {
			return toks[k].low, k
		}
	}
	r, _ := utf8.DecodeRuneInString(p[t.start:])
	if t.isNum || !unicode.IsLetter(r) || lx.notUnits[t.low] || lx.months[t.low] > 0 || lx.lang != "de" && unicode.IsUpper(r) {
		return "", 0
	}
	return t.low, j
}
