package grammar

import (
	"iter"
	"slices"
	"sort"
)

// View is the text the parser reads, with a map back to the source. For plain
// text and Markdown the view is the source itself; containers (HTML, .docx)
// build a view of paragraphs and tab-separated table rows whose every piece
// remembers where it came from, so spans always point into Source.Text.
type View struct {
	Text   string
	pieces []piece // sorted by L; nil means identity
}

// piece maps view bytes [L, L+LLen) to source bytes [S, S+SLen). When the two
// lengths differ (an entity, a synthesised separator) offsets inside the
// piece map to its start and its end maps to the source end.
type piece struct{ L, S, LLen, SLen int }

// IdentityView is the view of a plain-text source.
func IdentityView(text string) *View { return &View{Text: text} }

// Pieces yields the runs of the view in order, each with the source bytes
// it stands for (nothing for the identity view of plain text). Equal
// lengths mean a copy, unless an entity happened to be as long as its
// character.
func (v *View) Pieces() iter.Seq2[Span, Span] {
	return func(yield func(view, source Span) bool) {
		for _, p := range v.pieces {
			if !yield(Span{p.L, p.L + p.LLen}, Span{p.S, p.S + p.SLen}) {
				return
			}
		}
	}
}

// ToSource maps a view span to a source span.
func (v *View) ToSource(sp Span) Span {
	if v.pieces == nil {
		return sp // the source itself: inlined, the parser asks for each span
	}
	return v.mappedToSource(sp)
}

// mappedToSource is ToSource through the pieces.
func (v *View) mappedToSource(sp Span) Span {
	start := v.mapOffset(sp.Start, false)
	if sp.End == sp.Start {
		return Span{start, start}
	}
	end := v.mapOffset(sp.End, true)
	if end < start {
		end = start
	}
	return Span{start, end}
}

func (v *View) mapOffset(off int, isEnd bool) int {
	ps := v.pieces
	if len(ps) == 0 {
		return 0
	}
	// the piece containing off (for an end offset, the one containing off-1)
	probe := off
	if isEnd && probe > 0 {
		probe--
	}
	i := sort.Search(len(ps), func(i int) bool { return ps[i].L > probe }) - 1
	if i < 0 {
		return ps[0].S
	}
	p := ps[i]
	rel := off - p.L
	if rel > p.LLen {
		return p.S + p.SLen
	}
	if p.LLen == p.SLen {
		return p.S + rel
	}
	if isEnd && rel > 0 {
		return p.S + p.SLen
	}
	return p.S
}

// ViewBuilder assembles a view piece by piece.
type ViewBuilder struct {
	buf    []byte
	pieces []piece
	last   int // source offset after the last piece, for synthesised text
}

// Grow reserves room for viewBytes more bytes of view text in pieces more
// pieces, so that a front-end that can estimate its view's size saves the
// copies of growing.
func (b *ViewBuilder) Grow(viewBytes, pieces int) {
	b.buf = slices.Grow(b.buf, viewBytes)
	b.pieces = slices.Grow(b.pieces, pieces)
}

// Copy appends text taken verbatim from source offset src.
func (b *ViewBuilder) Copy(text string, src int) {
	if text == "" {
		return
	}
	b.pieces = append(b.pieces, piece{L: len(b.buf), S: src, LLen: len(text), SLen: len(text)})
	b.buf = append(b.buf, text...)
	b.last = src + len(text)
}

// Decoded appends text that stands for srcLen source bytes at src (an entity).
func (b *ViewBuilder) Decoded(text string, src, srcLen int) {
	if text == "" {
		return
	}
	b.pieces = append(b.pieces, piece{L: len(b.buf), S: src, LLen: len(text), SLen: srcLen})
	b.buf = append(b.buf, text...)
	b.last = src + srcLen
}

// Synth appends text with no source of its own (a tab between cells, a line
// break between paragraphs); it maps to the end of the previous piece.
func (b *ViewBuilder) Synth(text string) {
	if text == "" {
		return
	}
	b.pieces = append(b.pieces, piece{L: len(b.buf), S: b.last, LLen: len(text), SLen: 0})
	b.buf = append(b.buf, text...)
}

// Len is the view length so far.
func (b *ViewBuilder) Len() int { return len(b.buf) }

// View returns the built view.
func (b *ViewBuilder) View() *View {
	ps := b.pieces
	if ps == nil {
		ps = []piece{}
	}
	return &View{Text: string(b.buf), pieces: ps}
}
