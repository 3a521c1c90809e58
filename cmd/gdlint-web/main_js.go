//go:build js && wasm

// Command gdlint-web is gdlint's engine compiled to WebAssembly for the page
// in editors/web (built by scripts/build-web). It registers one JavaScript
// object, globalThis.gdlintEngine, and calls globalThis.gdlintReady() when it
// is there. Every method takes and returns plain values or JSON strings.
package main

import (
	"encoding/json"
	"syscall/js"
)

func main() {
	e := newEngine()
	// the documents after a change: every view, since a fix in one report
	// can change the cross-year findings of another
	all := func(err error) any {
		if err != nil {
			return err
		}
		return map[string]any{"docs": e.views()}
	}
	api := map[string]any{
		// addFiles([name…], [Uint8Array…]) → {docs, added: [id…]}
		"addFiles": fn(func(args []js.Value) any {
			var files []file
			for i := 0; i < args[0].Length(); i++ {
				files = append(files, file{args[0].Index(i).String(), bytesOf(args[1].Index(i))})
			}
			var ids []int
			for _, d := range e.add(files...) {
				ids = append(ids, d.ID)
			}
			return map[string]any{"docs": e.views(), "added": ids}
		}),
		// applyFix(id, diagnostic, fix) → {docs}
		"applyFix": fn(func(args []js.Value) any {
			return all(e.applyFix(args[0].Int(), args[1].Int(), args[2].Int()))
		}),
		// fixAll(id, unsafe) → {docs}
		"fixAll": fn(func(args []js.Value) any { return all(e.fixAll(args[0].Int(), args[1].Truthy())) }),
		// revert(id) → {docs}: the document as loaded
		"revert": fn(func(args []js.Value) any { return all(e.revert(args[0].Int())) }),
		// remove(id) → {docs}
		"remove": fn(func(args []js.Value) any {
			e.remove(args[0].Int())
			return all(nil)
		}),
		// clear() → {docs: []}: forget every document
		"clear": fn(func([]js.Value) any {
			e.clear()
			return all(nil)
		}),
		// bytes(id) → Uint8Array: the current file, in its own encoding
		"bytes": js.FuncOf(func(_ js.Value, args []js.Value) any {
			d, err := e.doc(args[0].Int())
			if err != nil {
				return js.Null()
			}
			out := js.Global().Get("Uint8Array").New(len(d.Raw))
			js.CopyBytesToJS(out, d.Raw)
			return out
		}),
		// json(lang) → what `gdlint check --format json` prints for the
		// loaded documents (as a string)
		"json": js.FuncOf(func(_ js.Value, args []js.Value) any {
			lang := "zh"
			if len(args) > 0 && args[0].String() == "en" {
				lang = "en"
			}
			s, err := cliJSON(e.loaded(), lang)
			if err != nil {
				return "error: " + err.Error()
			}
			return s
		}),
		// selftest({name: Uint8Array}) → the CLI's JSON for testdata/examples
		"selftest": js.FuncOf(func(_ js.Value, args []js.Value) any {
			files := map[string][]byte{}
			keys := js.Global().Get("Object").Call("keys", args[0])
			for i := 0; i < keys.Length(); i++ {
				k := keys.Index(i).String()
				files[k] = bytesOf(args[0].Get(k))
			}
			s, err := selftest(files)
			if err != nil {
				return "error: " + err.Error()
			}
			return s
		}),
		// catalogue() → {rules: {ID: explanation}, stats: [overview column…]}
		"catalogue": fn(func([]js.Value) any { return pageCatalogue() }),
	}
	js.Global().Set("gdlintEngine", js.ValueOf(api))
	if ready := js.Global().Get("gdlintReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the functions alive
}

// fn wraps f so that its result reaches JavaScript as a JSON string, and an
// error as {"error": "..."}.
func fn(f func([]js.Value) any) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := f(args)
		if err, ok := v.(error); ok {
			v = map[string]string{"error": err.Error()}
		}
		b, err := json.Marshal(v)
		if err != nil {
			b, _ = json.Marshal(map[string]string{"error": err.Error()})
		}
		return string(b)
	})
}

func bytesOf(v js.Value) []byte {
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}
