package grammar

// blockAlloc hands out values of T from blocks of 64: a report's cells,
// labels and paragraphs live as long as the report, and one allocation
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
