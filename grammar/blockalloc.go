package grammar

// blockAlloc hands out values of T from blocks of 64: a report's labels,
// paragraphs and headings live as long as the report, and one allocation
// for many costs less than one each (and less work for the collector).
type blockAlloc[T any] struct{ free []T }

// next returns a zero T.
func (b *blockAlloc[T]) next() *T {
	if len(b.free) == 0 {
		b.free = make([]T, 64)
	}
	v := &b.free[0]
	b.free = b.free[1:]
	return v
}

// sliceAlloc hands out slices of T cut from shared blocks: the tables of a
// report, their rows and their cell and label slots in one allocation each
// rather than one per table.
type sliceAlloc[T any] struct{ free []T }

// take returns n zero Ts, capped (an append copies them); a new block holds
// at least block of them.
func (b *sliceAlloc[T]) take(n, block int) []T {
	if n > len(b.free) {
		b.free = make([]T, max(n, block))
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}
