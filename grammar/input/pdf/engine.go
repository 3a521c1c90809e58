package pdf

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// The engine is PDFium compiled to WebAssembly and run by wazero: pure Go,
// no cgo, nothing to install. Compiling the module costs seconds, so the
// compiled code is kept in the user's cache directory. PDFium is not
// reentrant, but its instances are independent: the engine runs up to one
// instance per CPU, each reading one document at a time.
var (
	engineOnce sync.Once
	engine     *pdfEngine
	engineErr  error
)

// pdfEngine is a pool of PDFium instances. go-pdfium keeps a handle for
// every page object and path segment read until its instance is closed, and
// an instance's memory only grows: over a batch of thousands of PDFs that is
// gigabytes. So an instance is replaced by a fresh one once handleBudget
// handles were taken from it.
type pdfEngine struct {
	pool pdfium.Pool
	idle chan *pdfInstance // instances made and not in use
	mu   sync.Mutex
	made int // instances made, at most max
	max  int
	// renewed counts the instances replaced (for tests)
	renewed atomic.Int64
}

// pdfInstance is one PDFium instance and the handles taken from it.
type pdfInstance struct {
	inst    pdfium.Pdfium
	handles int
}

// handleBudget is the number of page objects and path segments read from
// one instance after which it is replaced (a handle costs go-pdfium about
// 250 bytes; instantiating the compiled module again about 20 ms).
var handleBudget = 100_000

// acquire takes an idle instance, makes one while fewer than max exist, or
// waits for one; release gives it back.
func (e *pdfEngine) acquire() (*pdfInstance, error) {
	select {
	case in := <-e.idle:
		return in, nil
	default:
	}
	e.mu.Lock()
	if e.made < e.max {
		e.made++
		e.mu.Unlock()
		inst, err := e.newInstance()
		if err != nil {
			return nil, err
		}
		return &pdfInstance{inst: inst}, nil
	}
	e.mu.Unlock()
	return <-e.idle, nil
}

func (e *pdfEngine) release(in *pdfInstance) { e.idle <- in }

// newInstance starts a PDFium instance for a slot counted in made; when it
// cannot, the slot is given up, so that another may be made later.
func (e *pdfEngine) newInstance() (pdfium.Pdfium, error) {
	inst, err := e.pool.GetInstance(time.Minute)
	if err != nil {
		e.mu.Lock()
		e.made--
		e.mu.Unlock()
	}
	return inst, err
}

// renew replaces in's instance by a fresh one when its budget is spent.
func (e *pdfEngine) renew(in *pdfInstance) error {
	if in.handles < handleBudget {
		return nil
	}
	in.inst.Close()
	inst, err := e.newInstance()
	if err != nil {
		return err
	}
	in.inst, in.handles = inst, 0
	e.renewed.Add(1)
	return nil
}

// CacheDir is where the compiled PDFium module is kept: GDLINT_CACHE_DIR if
// set, else gdlint/wasm under the user's cache directory. An empty result
// means no cache (compile on every run).
func CacheDir() string {
	if d := os.Getenv("GDLINT_CACHE_DIR"); d != "" {
		return filepath.Join(d, "wasm")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "gdlint", "wasm")
}

func runtimeConfig(cacheDir string) wazero.RuntimeConfig {
	// the bundled module lowers setjmp/longjmp to exception handling, so a
	// custom config must enable it like go-pdfium's default one does
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if cacheDir == "" || !writableDir(cacheDir) {
		return rc
	}
	cc, err := wazero.NewCompilationCacheWithDir(cacheDir)
	if err != nil {
		return rc
	}
	return rc.WithCompilationCache(cc)
}

// writableDir creates dir if needed and tells whether a file can be written
// there: a cache that cannot be written is silently not used.
func writableDir(dir string) bool {
	if os.MkdirAll(dir, 0o755) != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

func startEngine() (*pdfEngine, error) {
	engineOnce.Do(func() {
		engine, engineErr = newEngine(CacheDir())
		if engineErr != nil {
			// a cache that is damaged or fills up mid-write must not stop the
			// check: compile again without it
			engine, engineErr = newEngine("")
		}
	})
	return engine, engineErr
}

func newEngine(cacheDir string) (*pdfEngine, error) {
	n := max(runtime.GOMAXPROCS(0), 1)
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle: 1, MaxIdle: n, MaxTotal: n,
		RuntimeConfig: runtimeConfig(cacheDir),
		FSConfig:      wazero.NewFSConfig(), // no file system: documents are passed as bytes
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		Context:       context.Background(),
	})
	if err != nil {
		return nil, err
	}
	e := &pdfEngine{pool: pool, idle: make(chan *pdfInstance, n), max: n}
	// one instance now: a module that cannot be instantiated fails here
	in, err := e.acquire()
	if err != nil {
		pool.Close()
		return nil, err
	}
	e.release(in)
	return e, nil
}

// readPages opens raw with PDFium and returns what layout needs of each
// page: the glyphs with their boxes and baselines, the straight edges of the
// drawn paths (table rules and cell boxes), and whether images are drawn.
func readPages(raw []byte) ([]*page, error) {
	e, err := startEngine()
	if err != nil {
		return nil, fmt.Errorf("PDF engine: %v", err)
	}
	in, err := e.acquire()
	if err != nil {
		return nil, fmt.Errorf("PDF engine: %v", err)
	}
	if err := e.renew(in); err != nil {
		return nil, fmt.Errorf("PDF engine: %v", err)
	}
	defer e.release(in)
	inst := in.inst
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &raw})
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, err
	}
	pages := make([]*page, 0, n.PageCount)
	for i := 0; i < n.PageCount; i++ {
		pg, err := readPage(inst, doc.Document, i, &in.handles)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages = append(pages, pg)
	}
	return pages, nil
}

func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int, handles *int) (*page, error) {
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}
	pg := &page{number: index + 1}
	if w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref}); err == nil {
		pg.width = float64(w.PageWidth)
	}
	if h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref}); err == nil {
		pg.height = float64(h.PageHeight)
	}
	if err := readGlyphs(inst, ref, pg); err != nil {
		return nil, err
	}
	objs, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return nil, err
	}
	for k := 0; k < objs.Count; k++ {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: k})
		if err != nil {
			continue
		}
		*handles++
		*handles += readObject(inst, o.PageObject, pg, 0)
	}
	return pg, nil
}

func readGlyphs(inst pdfium.Pdfium, ref requests.Page, pg *page) error {
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cnt, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return err
	}
	for i := 0; i < cnt.Count; i++ {
		// spaces and line breaks that PDFium guesses are not the author's
		if g, err := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp.TextPage, Index: i}); err != nil || g.IsGenerated {
			continue
		}
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: i})
		if err != nil || u.Unicode == 0 || u.Unicode == '\r' || u.Unicode == '\n' || u.Unicode > math.MaxInt32 {
			continue
		}
		box, err := inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			continue
		}
		g := glyph{r: rune(u.Unicode), x0: box.Left, x1: box.Right, y0: box.Bottom, y1: box.Top}
		if o, err := inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: tp.TextPage, Index: i}); err == nil {
			g.ox, g.oy = o.X, o.Y
		} else {
			g.ox, g.oy = box.Left, box.Bottom
		}
		if fs, err := inst.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp.TextPage, Index: i}); err == nil {
			g.size = fs.FontSize
		}
		pg.glyphs = append(pg.glyphs, g)
	}
	return nil
}

// readObject collects the straight segments of a path and notes images.
// Form XObjects are not entered: Word, WPS and LibreOffice draw table
// rules on the page itself. It returns the number of path segment handles
// it took.
func readObject(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, pg *page, depth int) int {
	ty, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
	if err != nil {
		return 0
	}
	switch ty.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		if b, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj}); err == nil {
			pg.imageArea += float64(b.Right-b.Left) * float64(b.Top-b.Bottom)
		}
	case enums.FPDF_PAGEOBJ_PATH:
		return readPath(inst, obj, pg)
	}
	return 0
}

// readPath returns the number of path segment handles it took.
func readPath(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, pg *page) int {
	n, err := inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: obj})
	if err != nil || n.Count > 4096 {
		return 0
	}
	b, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj})
	if err != nil {
		return 0
	}
	// a thin shape is one rule, whatever its segments
	w, h := float64(b.Right-b.Left), float64(b.Top-b.Bottom)
	if h <= thinRule && w > h {
		pg.edges = append(pg.edges, edge{horizontal: true, pos: float64(b.Bottom+b.Top) / 2, from: float64(b.Left), to: float64(b.Right)})
		return 0
	}
	if w <= thinRule && h > w {
		pg.edges = append(pg.edges, edge{pos: float64(b.Left+b.Right) / 2, from: float64(b.Bottom), to: float64(b.Top)})
		return 0
	}
	m := [6]float64{1, 0, 0, 1, 0, 0}
	if mr, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj}); err == nil {
		mm := mr.Matrix
		m = [6]float64{float64(mm.A), float64(mm.B), float64(mm.C), float64(mm.D), float64(mm.E), float64(mm.F)}
	}
	var start, cur [2]float64
	taken := 0
	for i := 0; i < n.Count; i++ {
		s, err := inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: obj, Index: i})
		if err != nil {
			return taken
		}
		taken++
		p, err := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: s.PathSegment})
		if err != nil {
			return taken
		}
		t, err := inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: s.PathSegment})
		if err != nil {
			return taken
		}
		x, y := float64(p.X), float64(p.Y)
		pt := [2]float64{m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]}
		if t.Type == enums.FPDF_SEGMENT_LINETO {
			pg.addSegment(cur, pt)
		}
		if t.Type == enums.FPDF_SEGMENT_MOVETO {
			start = pt
		}
		cur = pt
		if c, err := inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: s.PathSegment}); err == nil && c.IsClose {
			pg.addSegment(cur, start)
			cur = start
		}
	}
	return taken
}
