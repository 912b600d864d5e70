package builder

import (
	"slices"

	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
)

// termsCache keeps the tags and publishers of the last build. Grouping
// ten thousand articles by their names on every rebuild costs more than
// the rest of resolving one edit; a rebuild after edits that kept every
// article's place, tags and publisher takes the terms over, with the new
// articles in the old ones' places.
type termsCache struct {
	arts       []*model.Article
	tags, pubs []*model.Term
}

// maxTermsPatch is the most replaced articles a rebuild patches into the
// terms; beyond it grouping them again is as cheap.
const maxTermsPatch = 64

// of returns the tags and publishers of as (in site order).
func (c *termsCache) of(as []*model.Article) (tags, pubs []*model.Term) {
	var moved map[*model.Article]*model.Article
	ok := len(as) == len(c.arts) && c.arts != nil
	for i := 0; ok && i < len(as); i++ {
		o, a := c.arts[i], as[i]
		if o == a {
			continue
		}
		if o.Slug != a.Slug || o.Publisher != a.Publisher || !slices.Equal(o.Tags, a.Tags) || len(moved) == maxTermsPatch {
			ok = false
			break
		}
		if moved == nil {
			moved = map[*model.Article]*model.Article{}
		}
		moved[o] = a
	}
	if ok {
		c.tags, c.pubs = patchTerms(c.tags, moved), patchTerms(c.pubs, moved)
	} else {
		c.tags = model.Terms(as, model.ArticleTags, load.Slugify, "tag")
		c.pubs = model.Terms(as, model.ArticlePublisher, load.Slugify, "publisher")
	}
	c.arts = slices.Clone(as)
	return c.tags, c.pubs
}

// patchTerms returns terms with the articles of moved replaced by their
// new versions. Terms that hold none of them are kept; the others are
// copied, so that the last build's site stays as it was.
func patchTerms(terms []*model.Term, moved map[*model.Article]*model.Article) []*model.Term {
	if len(moved) == 0 {
		return terms
	}
	out := make([]*model.Term, len(terms))
	for i, t := range terms {
		out[i] = t
		for j, a := range t.Articles {
			if n, ok := moved[a]; ok {
				if out[i] == t {
					c := *t
					c.Articles = slices.Clone(t.Articles)
					out[i] = &c
				}
				out[i].Articles[j] = n
			}
		}
	}
	return out
}
