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
	api := map[string]any{
		// add(name, Uint8Array) → the document's view
		"add": fn(func(args []js.Value) any {
			return e.add(args[0].String(), bytesOf(args[1])).view()
		}),
		// view(id) → the document's view
		"view": fn(func(args []js.Value) any {
			d, err := e.doc(args[0].Int())
			if err != nil {
				return err
			}
			return d.view()
		}),
		// applyFix(id, diagnostic, fix) → the document's view
		"applyFix": fn(func(args []js.Value) any {
			id := args[0].Int()
			if err := e.applyFix(id, args[1].Int(), args[2].Int()); err != nil {
				return err
			}
			d, _ := e.doc(id)
			return d.view()
		}),
		// fixAll(id, unsafe) → the document's view
		"fixAll": fn(func(args []js.Value) any {
			id := args[0].Int()
			if err := e.fixAll(id, args[1].Truthy()); err != nil {
				return err
			}
			d, _ := e.doc(id)
			return d.view()
		}),
		// revert(id) → the document's view as loaded
		"revert": fn(func(args []js.Value) any {
			id := args[0].Int()
			if err := e.revert(id); err != nil {
				return err
			}
			d, _ := e.doc(id)
			return d.view()
		}),
		"remove": js.FuncOf(func(_ js.Value, args []js.Value) any {
			e.remove(args[0].Int())
			return nil
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
		// rules() → {ID: explanation}
		"rules": fn(func([]js.Value) any { return ruleViews() }),
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
