package grammar

// blockAlloc hands out values of T from blocks: a report's labels,
// paragraphs and headings live as long as the report, and one allocation
// for many costs less than one each (and less work for the collector).
// The blocks grow from 16 to 64 values: a report has a dozen headings and
// paragraphs or so, and blocks of 64 were mostly zeroed for nothing.
type blockAlloc[T any] struct {
	free []T
	size int // the last block's
}

// next returns a zero T.
func (b *blockAlloc[T]) next() *T {
	if len(b.free) == 0 {
		b.size = min(max(2*b.size, 16), 64)
		b.free = make([]T, b.size)
	}
	v := &b.free[0]
	b.free = b.free[1:]
	return v
}

// reserve makes room for n more values in one block: when fewer are free,
// a new block holds n and extra more.
func (b *blockAlloc[T]) reserve(n, extra int) {
	if len(b.free) < n {
		b.free = make([]T, n+extra)
	}
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
