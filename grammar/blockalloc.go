package grammar

import "sync"

// blockAlloc hands out values of T from blocks: a report's labels,
// paragraphs and headings live as long as the report, and one allocation
// for many costs less than one each (and less work for the collector).
// The blocks grow from 16 to 64 values: a report has a dozen headings and
// paragraphs or so, and blocks of 64 were mostly zeroed for nothing. The
// blocks are kept: a released report's are handed out again (reset).
type blockAlloc[T any] struct {
	free   []T
	size   int // the last new block's
	blocks [][]T
	used   int // blocks handed out from
}

// next returns a zero T.
func (b *blockAlloc[T]) next() *T {
	if len(b.free) == 0 {
		b.size = min(max(2*b.size, 16), 64)
		b.free = nextBlock(&b.blocks, &b.used, 1, b.size)
	}
	v := &b.free[0]
	b.free = b.free[1:]
	return v
}

// reserve makes room for n more values in one block: when fewer are free,
// a new block holds n and extra more.
func (b *blockAlloc[T]) reserve(n, extra int) {
	if len(b.free) < n {
		b.free = nextBlock(&b.blocks, &b.used, n, n+extra)
	}
}

// take returns n zero values in a row, as n calls of next would return
// them when reserve made room for them.
func (b *blockAlloc[T]) take(n int) []T {
	b.reserve(n, 0)
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}

// reset zeroes every value handed out, to hand it out again.
func (b *blockAlloc[T]) reset() {
	clearBlocks(b.blocks[:b.used])
	b.free, b.used = nil, 0
}

// sliceAlloc hands out slices of T cut from shared blocks: the tables of a
// report, their rows and their cell and label slots in one allocation each
// rather than one per table. Its blocks are kept for reuse, as blockAlloc's.
type sliceAlloc[T any] struct {
	free   []T
	blocks [][]T
	used   int
}

// take returns n zero Ts, capped (an append copies them); a new block holds
// at least block of them.
func (b *sliceAlloc[T]) take(n, block int) []T {
	if n > len(b.free) {
		b.free = nextBlock(&b.blocks, &b.used, n, max(n, block))
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}

// giveBack returns the last k Ts of the last take, unwritten, to the next
// take: they are the Ts before free in the block last taken from.
func (b *sliceAlloc[T]) giveBack(k int) {
	if k > 0 {
		blk := b.blocks[b.used-1]
		b.free = blk[len(blk)-len(b.free)-k:]
	}
}

func (b *sliceAlloc[T]) reset() {
	clearBlocks(b.blocks[:b.used])
	b.free, b.used = nil, 0
}

// kept is the number of values in the blocks.
func (b *sliceAlloc[T]) kept() (n int) {
	for _, blk := range b.blocks {
		n += len(blk)
	}
	return n
}

// nextBlock hands out the next kept block when it holds at least least
// values, else a new block of size in its place.
func nextBlock[T any](blocks *[][]T, used *int, least, size int) []T {
	switch {
	case *used == len(*blocks):
		*blocks = append(*blocks, make([]T, size))
	case len((*blocks)[*used]) < least:
		(*blocks)[*used] = make([]T, size) // too small for this report
	}
	*used++
	return (*blocks)[*used-1]
}

func clearBlocks[T any](blocks [][]T) {
	for _, blk := range blocks {
		clear(blk)
	}
}

// reportSlabs are the blocks a report's parts are cut from. A report that
// is released (Report.Release) gives them back for the next parse: a batch
// run parses report after report, and memory handed out again is warm in
// the cache and no work for the collector.
type reportSlabs struct {
	labels       blockAlloc[Label]
	paragraphs   blockAlloc[Paragraph]
	headings     blockAlloc[Heading]
	tableSlab    sliceAlloc[Table]
	rowSlab      sliceAlloc[Row]
	rowPtrSlab   sliceAlloc[*Row]
	cellPtrSlab  sliceAlloc[*Cell]
	cellSlab     sliceAlloc[Cell]
	labelPtrSlab sliceAlloc[*Label]
}

// slabPool holds released reports' blocks (*reportSlabs), cleared.
var slabPool sync.Pool

// maxPooledCells keeps the blocks of an outsized report out of the pool.
const maxPooledCells = 1 << 14

func (s *reportSlabs) reset() {
	s.labels.reset()
	s.paragraphs.reset()
	s.headings.reset()
	s.tableSlab.reset()
	s.rowSlab.reset()
	s.rowPtrSlab.reset()
	s.cellPtrSlab.reset()
	s.cellSlab.reset()
	s.labelPtrSlab.reset()
}

// Release gives the memory of r's tables, labels, headings and paragraphs
// to the next parse. The caller promises that nothing of r is read again:
// not r, not a pointer taken from it (a *Cell, a *Heading); strings and
// spans read from r stay valid. The memory is cleared at once, so a
// pointer kept by mistake reads zeroes, not the next report. A report not
// released is collected as any other value.
func (r *Report) Release() {
	s := r.slabs
	if s == nil {
		return
	}
	*r = Report{}
	s.reset()
	if s.cellSlab.kept() <= maxPooledCells {
		slabPool.Put(s)
	}
}
