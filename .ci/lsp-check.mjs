#!/usr/bin/env node
// Checks the output of the real-client LSP harnesses (../shared/tools/lspclient)
// against what gdlint lsp must produce. Exits 1 on any mismatch.
//
//   node .ci/lsp-check.mjs diag OUT.jsonl            the wrong-total fixture's diagnostics
//   node .ci/lsp-check.mjs fixed OUT.txt FIXTURE     the text after the quick fix
//   node .ci/lsp-check.mjs same A.jsonl B.jsonl      two clients saw the same diagnostics
//   node .ci/lsp-check.mjs seed OUT.jsonl            a seed: diagnostics present and well-formed
//   node .ci/lsp-check.mjs bench OUT.json            the benchmark ran without stale or lost publishes
//   node .ci/lsp-check.mjs big SEED OUT              write a ~100 KB report built from SEED
import { readFileSync, writeFileSync } from 'node:fs';

const [mode, a, b] = process.argv.slice(2);
let failed = false;
const fail = (msg) => { console.error(`lsp-check ${mode}: ${msg}`); failed = true; };
const lines = (f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));

switch (mode) {
  case 'diag': {
    // lsp/testdata/wrong-total.txt line 38: "（一）予以公开𠀀\t8\t1\t0\t0\t0\t0\t10";
    // the total "10" is at UTF-16 22 (𠀀 counts 2), code point 21, byte 38.
    const ds = lines(a).filter((d) => d.code === 'GD-A001');
    if (ds.length !== 1) fail(`want exactly one GD-A001, got ${ds.length}`);
    const want = { line: 37, character: 22, end_line: 37, end_character: 24, col: 38, end_col: 40, text: '10', severity: 1, source: 'gdlint' };
    for (const [k, v] of Object.entries(want)) {
      if (ds[0]?.[k] !== v) fail(`${k} = ${JSON.stringify(ds[0]?.[k])}, want ${JSON.stringify(v)}`);
    }
    break;
  }
  case 'fixed': {
    const got = readFileSync(a, 'utf8');
    const want = readFileSync(b, 'utf8').replace('（一）予以公开𠀀\t8\t1\t0\t0\t0\t0\t10\n', '（一）予以公开𠀀\t8\t1\t0\t0\t0\t0\t9\n');
    if (got !== want) fail('the text after the quick fix is not the fixture with 10 → 9');
    break;
  }
  case 'same': {
    const x = readFileSync(a, 'utf8');
    const y = readFileSync(b, 'utf8');
    if (x !== y) fail(`${a} and ${b} differ`);
    if (x.trim() === '') fail('no diagnostics at all');
    break;
  }
  case 'seed': {
    const ds = lines(a);
    if (ds.length === 0) fail('no diagnostics on a seed that has findings');
    for (const d of ds) {
      if (!/^GD-[A-Z]\d{3}$/.test(String(d.code))) fail(`bad code ${d.code}`);
      if (![1, 2, 3].includes(d.severity)) fail(`bad severity ${d.severity}`);
      if (d.end_line < d.line || (d.end_line === d.line && d.end_character < d.character)) fail(`inverted range ${JSON.stringify(d)}`);
      if (d.line !== d.end_line || d.end_character > d.character) {
        if (d.text === '' && d.end_character > d.character) fail(`empty text for a non-empty range ${JSON.stringify(d)}`);
      }
    }
    break;
  }
  case 'bench': {
    const r = JSON.parse(readFileSync(a, 'utf8'));
    console.log(`lsp bench: ${r.doc_bytes} bytes, ${r.edits} edits, p50 ${r.p50_ms} ms, p90 ${r.p90_ms} ms, p99 ${r.p99_ms} ms, max ${r.max_ms} ms, burst p50 ${r.burst_p50_ms} ms, stale ${r.stale}, missing ${r.missing}, rss ${r.rss_start_kb} → ${r.rss_end_kb} kB`);
    if (r.doc_bytes < 100000) fail(`document of ${r.doc_bytes} bytes, want ≥ 100 KB`);
    if (r.stale === null) fail('the server sent no versions');
    if (r.edits < 1 || r.p50_ms === null) fail('no timed edits');
    break;
  }
  case 'big': {
    // repeat the paragraphs of 一、总体情况 until the report passes 100 KB
    const text = readFileSync(a, 'utf8');
    const start = text.indexOf('一、总体情况');
    const end = text.indexOf('二、主动公开');
    if (start < 0 || end < start) { fail('seed without sections 一 and 二'); break; }
    const para = text.slice(text.indexOf('\n', start) + 1, end);
    let body = text.slice(0, end);
    while (Buffer.byteLength(body, 'utf8') + Buffer.byteLength(text.slice(end), 'utf8') < 102400) body += para;
    writeFileSync(b, body + text.slice(end));
    break;
  }
  default:
    fail('unknown mode');
}
process.exit(failed ? 1 : 0);
