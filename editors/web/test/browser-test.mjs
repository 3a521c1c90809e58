#!/usr/bin/env node
// Opens the page built by scripts/build-web in headless Chromium (the system
// browser, driven by playwright-core; no browser is downloaded) with every
// request that is not one of the page's own files blocked, and checks that
// it gives exactly what `gdlint check --format json` gives:
//
//   - index.html#selftest from file:// and from a local web server: the
//     <pre id="selftest"> is byte-identical to the CLI's JSON on testdata/examples;
//   - the seeds picked through the file input: the same JSON as the CLI run
//     on them, and every finding's marked text in the page is the text at
//     the CLI's line and column;
//   - the corpus (Markdown, saved web pages, crawler text) and a department's
//     reports of several years: the same JSON, cross-year findings included,
//     in the overview too; a PDF is listed as not read; Word documents
//     written from the examples (docx.mjs) give the CLI's JSON too, and their
//     fixes are shown but not applied;
//   - a quick fix clicked: the text changes, the finding is gone, and the
//     page's findings are the CLI's on the fixed file;
//   - "apply all safe fixes" on the GB18030 CRLF example and the download:
//     the same bytes as `gdlint check --fix`;
//   - no request left the page's folder, no script error.
//
// usage: node browser-test.mjs PAGE_DIR GDLINT_BINARY REPO_ROOT SEEDS_DIR
// Prints the engine's load time and the time to the first result on a seed.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { textToDOCX } from './docx.mjs';

const [pageDir, gdlint, root, seedsDir] = process.argv.slice(2).map((p) => resolve(p));
if (!seedsDir) {
  console.error('usage: node browser-test.mjs PAGE_DIR GDLINT_BINARY REPO_ROOT SEEDS_DIR');
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'gdlint-web-test-'));
let failures = 0;
const fail = (msg) => { console.error(`FAIL: ${msg}`); failures++; };
const ok = (msg) => console.log(`ok: ${msg}`);

// gdlint check exits 1 when there are errors: that is a result, not a failure
function cli(args, cwd) {
  try {
    return execFileSync(gdlint, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

const pageFiles = new Set(readdirSync(pageDir));
const pageURL = pathToFileURL(join(pageDir, 'index.html')).href;
const seeds = readdirSync(seedsDir).filter((f) => /\.(txt|md)$/.test(f)).sort();
const examplesDir = join(root, 'testdata/examples');

// --- the browser, with every foreign request blocked -----------------------

const requests = [];
const foreign = [];
let serverOrigin = '';
const own = (url) => {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  let u;
  try { u = new URL(url); } catch { return false; }
  if (u.protocol === 'file:') {
    const p = decodeURIComponent(u.pathname);
    return p.startsWith(pageDir + '/') && pageFiles.has(basename(p));
  }
  if (serverOrigin && u.origin === serverOrigin) return pageFiles.has(u.pathname.slice(1));
  return false;
};

const userDataDir = mkdtempSync(join(tmpdir(), 'gdlint-web-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  acceptDownloads: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
});
context.on('request', (r) => {
  requests.push(r.url());
  if (!own(r.url())) foreign.push(r.url());
});
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (own(url)) return route.continue();
  foreign.push(url);
  return route.abort('blockedbyclient');
});
const errors = [];
async function newPage() {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return page;
}
async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.gdlintTimings && window.gdlintTimings.engineReady !== undefined, null, { timeout: 60000 });
}

try {
  // --- 1. #selftest from file:// -----------------------------------------
  const wantExamples = cli(['check', '--format', 'json', 'testdata/examples'], root);
  let page = await newPage();
  await open(page, pageURL + '#selftest');
  await page.waitForSelector('#selftest[data-done]', { state: 'attached', timeout: 60000 });
  const got = await page.$eval('#selftest', (el) => el.textContent);
  if (got === wantExamples) ok(`#selftest from file:// = gdlint check --format json testdata/examples (${JSON.parse(got).length} findings)`);
  else fail(`#selftest differs from the CLI:\n--- page\n${got}\n--- cli\n${wantExamples}`);
  await page.close();

  // --- 2. the seeds through the file input ----------------------------------
  page = await newPage();
  await open(page, pageURL);
  const engineReady = await page.evaluate(() => window.gdlintTimings.engineReady);
  await page.setInputFiles('#files', join(seedsDir, seeds[0]));
  await page.waitForFunction(() => window.gdlintTimings.checks.length === 1);
  const t1 = await page.evaluate(() => window.gdlintTimings);
  console.log(`timing: gdlint.wasm.js loaded and decoded ${t1.wasmLoaded} ms, compiled ${t1.wasmCompiled} ms, ` +
    `engine ready ${engineReady} ms after opening the page; ${seeds[0]} picked at once: ` +
    `result ${t1.firstResult} ms after opening the page (its check ${t1.checks[0].ms} ms` +
    `${t1.warm !== undefined ? `, after the ${t1.warm} ms warm-up` : ''})`);
  await page.reload();
  await page.waitForFunction(() => window.gdlintTimings && window.gdlintTimings.warm !== undefined, null, { timeout: 60000 });
  await page.setInputFiles('#files', join(seedsDir, seeds[0]));
  await page.waitForFunction(() => window.gdlintTimings.checks.length === 1);
  const t2 = await page.evaluate(() => window.gdlintTimings);
  console.log(`timing: warm-up ${t2.warm} ms; then ${seeds[0]} checked in ${t2.checks[0].ms} ms`);
  await page.setInputFiles('#files', seeds.map((s) => join(seedsDir, s)));
  await page.waitForFunction(() => window.gdlintTimings.checks.length === 2);
  await page.click('#clear');
  await page.waitForFunction(() => document.querySelector('#overview').hidden && document.querySelector('#doc').hidden);
  if (await page.evaluate(() => JSON.parse(window.gdlintEngine.json('zh')).length) !== 0) fail('"remove all files" left documents in the engine');
  await page.setInputFiles('#files', seeds.map((s) => join(seedsDir, s)));
  await page.waitForFunction((n) => document.querySelectorAll('#overview-table tbody tr').length === n, seeds.length);
  const seedMs = await page.evaluate(() => window.gdlintTimings.checks[2]?.ms);
  console.log(`timing: the ${seeds.length} seeds checked together in ${seedMs} ms`);
  const pageSeeds = await page.evaluate(() => window.gdlintEngine.json('zh'));
  const wantSeeds = cli(['check', '--format', 'json', ...seeds], seedsDir);
  if (pageSeeds === wantSeeds) ok(`seeds: the page's findings = gdlint check --format json (${JSON.parse(wantSeeds).length} findings in ${seeds.length} files)`);
  else fail(`seeds: the page's findings differ from the CLI's:\n--- page\n${pageSeeds.slice(0, 3000)}\n--- cli\n${wantSeeds.slice(0, 3000)}`);
  // every finding is marked in the page at the text the CLI's position names
  const cliSeeds = JSON.parse(wantSeeds);
  for (const seed of seeds) {
    await page.click(`#overview-table a[data-open]:text-is("${seed}")`);
    await page.waitForFunction((s) => document.querySelector('#doc-head h2')?.textContent === s, seed);
    const marked = await page.evaluate(() => {
      const byDiag = {};
      for (const m of document.querySelectorAll('#text [data-d]')) {
        for (const i of m.dataset.d.split(' ')) byDiag[i] = (byDiag[i] || '') + m.textContent;
      }
      const items = [...document.querySelectorAll('#finding-list .finding')].map((li) => ({
        i: li.dataset.i, rule: li.dataset.rule, pos: li.querySelector('.pos').textContent,
        msg: li.querySelector('.msg').textContent,
      }));
      return { byDiag, items };
    });
    const want = cliSeeds.filter((d) => d.file === seed);
    const lines = readFileSync(join(seedsDir, seed), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => Array.from(l));
    if (marked.items.length !== want.length) fail(`${seed}: ${marked.items.length} findings listed, the CLI has ${want.length}`);
    let bad = 0;
    want.forEach((d, k) => {
      const it = marked.items[k];
      if (!it || it.rule !== d.rule || it.pos !== `${d.line}:${d.column}` || it.msg !== d.message) {
        bad++;
        if (bad <= 3) fail(`${seed}: finding ${k} listed as ${JSON.stringify(it)}, the CLI has ${d.rule} ${d.line}:${d.column} ${d.message}`);
        return;
      }
      let text = '';
      for (let l = d.line; l <= d.end_line; l++) {
        const from = l === d.line ? d.column - 1 : 0;
        const to = l === d.end_line ? d.end_column - 1 : lines[l - 1].length;
        text += lines[l - 1].slice(from, to).join('');
      }
      if ((marked.byDiag[it.i] || '') !== text) {
        bad++;
        if (bad <= 3) fail(`${seed}: ${d.rule} at ${d.line}:${d.column} marks ${JSON.stringify(marked.byDiag[it.i])}, the CLI's span is ${JSON.stringify(text)}`);
      }
    });
    if (!bad) ok(`${seed}: ${want.length} findings listed with the CLI's rule, line:column and message, each marked at the CLI's span`);
  }
  await page.close();

  // --- 2b. the corpus: Markdown, saved web pages (UTF-8, GB2312), crawler
  // text; a department's reports of several years (cross-year findings);
  // a PDF is listed as not read in the browser
  const corpus = join(seedsDir, '..', 'corpus');
  const mixed = join(work, 'mixed');
  mkdirSync(mixed);
  const mixedNames = [];
  for (const [dir, names] of [[corpus, readdirSync(corpus).filter((f) => /^\d+\.(txt|md|html)$/.test(f))],
    [join(root, 'testdata/containers'), readdirSync(join(root, 'testdata/containers'))]]) {
    for (const n of names) { copyFileSync(join(dir, n), join(mixed, n)); mixedNames.push(n); }
  }
  mixedNames.sort();
  // Word documents written from the examples and the seeds
  const docx = join(work, 'docx');
  mkdirSync(docx);
  const docxNames = [];
  for (const [dir, n] of [[examplesDir, 'defects.txt'], [examplesDir, 'township.md'], [seedsDir, seeds[0]]]) {
    const name = n.replace(/\.\w+$/, '.docx');
    writeFileSync(join(docx, name), textToDOCX(readFileSync(join(dir, n), 'utf8')));
    docxNames.push(name);
  }
  // and a UTF-16 text file (little-endian, with its BOM)
  writeFileSync(join(docx, 'defects-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]),
    Buffer.from(readFileSync(join(examplesDir, 'defects.txt'), 'utf8'), 'utf16le')]));
  docxNames.push('defects-utf16.txt');
  docxNames.sort();
  const pingtan = join(corpus, 'pingtan-dept');
  const pingtanNames = readdirSync(pingtan).filter((f) => f.endsWith('.txt')).sort();
  page = await newPage();
  await open(page, pageURL);
  for (const [label, dir, names, extra] of [['corpus', mixed, mixedNames, [join(corpus, 'pdf', '001.pdf')]],
    ['corpus/pingtan-dept', pingtan, pingtanNames, []], ['.docx and UTF-16', docx, docxNames, []]]) {
    if (await page.$eval('#overview', (el) => !el.hidden)) await page.click('#clear');
    await page.setInputFiles('#files', names.map((n) => join(dir, n)).concat(extra));
    await page.waitForFunction((n) => document.querySelectorAll('#overview-table tbody tr').length === n, names.length + extra.length);
    const gotJSON = await page.evaluate(() => window.gdlintEngine.json('zh'));
    const wantJSON = cli(['check', '--format', 'json', ...names], dir);
    const findings = JSON.parse(wantJSON);
    const years = findings.filter((d) => d.rule.startsWith('GD-Y')).length;
    if (gotJSON === wantJSON) ok(`${label}: the page's findings = gdlint check --format json (${findings.length} findings in ${names.length} files, ${years} cross-year)`);
    else fail(`${label}: the page's findings differ from the CLI's:\n--- page\n${gotJSON.slice(0, 3000)}\n--- cli\n${wantJSON.slice(0, 3000)}`);
    if (extra.length) {
      const st = await page.$eval('#overview-table tr[data-key^="p"] td.st', (el) => el.textContent);
      if (/PDF/.test(st)) ok(`${label}: a PDF is listed as not read in the browser`);
      else fail(`${label}: the PDF's row says ${JSON.stringify(st)}`);
    }
    if (label === '.docx and UTF-16') {
      await page.click('#overview-table a[data-open]:text-is("defects.docx")');
      await page.waitForFunction(() => document.querySelector('#doc-head h2')?.textContent === 'defects.docx');
      const st = await page.evaluate(() => ({
        note: document.querySelector('#doc-note').textContent,
        fixes: document.querySelectorAll('button.fix').length,
        enabled: document.querySelectorAll('button.fix:not(:disabled)').length + !document.querySelector('#fix-all').disabled,
      }));
      if (/docx/.test(st.note) && st.fixes > 0 && st.enabled === 0) ok('.docx: fixes shown but not applied (as --fix), and the page says why');
      else fail(`.docx: ${JSON.stringify(st)}`);
      // UTF-16: all safe fixes, downloaded in UTF-16 as --fix writes it
      await page.click('#overview-table a[data-open]:text-is("defects-utf16.txt")');
      await page.waitForFunction(() => document.querySelector('#doc-head h2')?.textContent === 'defects-utf16.txt');
      await page.click('#fix-all');
      await page.waitForFunction(() => !document.querySelector('#download').disabled);
      const dl16 = page.waitForEvent('download');
      await page.click('#download');
      const got16 = join(work, 'page-utf16.txt');
      await (await dl16).saveAs(got16);
      cli(['check', '--fix', '--quiet', 'defects-utf16.txt'], docx);
      const a16 = readFileSync(got16);
      if (a16.equals(readFileSync(join(docx, 'defects-utf16.txt'))) && a16[0] === 0xff && a16[1] === 0xfe) ok(`UTF-16: fix all + download = gdlint check --fix (${a16.length} bytes, UTF-16LE with BOM)`);
      else fail('UTF-16: the downloaded file differs from gdlint check --fix');
    }
    if (years) {
      const marks = await page.$$eval('#overview-table td.cy .st-finding', (els) => els.length);
      if (marks > 0) ok(`${label}: the overview shows the cross-year findings (${marks})`);
      else fail(`${label}: the CLI has ${years} cross-year findings, the overview shows none`);
      // a related cell in the earlier report opens that report at its line
      for (const row of await page.$$eval('#overview-table td.cy .st-finding', (els) => els.map((e) => e.closest('tr').dataset.key))) {
        await page.click(`#overview-table tr[data-key="${row}"] a[data-open]`);
        const link = await page.$('#finding-list a[data-doc]');
        if (!link) continue;
        const target = await link.getAttribute('data-doc');
        const line = await link.getAttribute('data-line');
        await link.click();
        await page.waitForFunction((n) => document.querySelector('#doc-head h2')?.textContent === n, target);
        const flashed = await page.$(`#text .line.flash[data-line="${line}"]`);
        if (flashed) ok(`${label}: a cross-year finding's related cell opens ${target} at line ${line}`);
        else fail(`${label}: the related cell's link opened ${target} but line ${line} is not shown`);
        break;
      }
    }
  }
  await page.close();

  // --- 3. a quick fix, fix-all and the download ----------------------------
  page = await newPage();
  await open(page, pageURL);
  await page.click('#examples');
  await page.click('#overview-table a[data-open]:text-is("defects.txt")');
  await page.waitForFunction(() => document.querySelector('#doc-head h2')?.textContent === 'defects.txt');
  const before = await page.evaluate(() => ({
    n: document.querySelectorAll('#finding-list .finding').length,
    pos: document.querySelector('.finding[data-rule="GD-W004"] .pos').textContent,
  }));
  const [fl] = before.pos.split(':').map(Number);
  const lineText = () => page.$eval(`#text .line[data-line="${fl}"] .tx`, (el) => el.textContent);
  const lineBefore = await lineText();
  await page.click('.finding[data-rule="GD-W004"] button.fix');
  await page.waitForFunction((n) => document.querySelectorAll('#finding-list .finding').length === n - 1, before.n);
  const lineAfter = await lineText();
  const stillThere = await page.$$eval('.finding[data-rule="GD-W004"] .pos', (els, p) => els.some((e) => e.textContent === p), before.pos);
  if (lineAfter !== lineBefore && lineAfter === lineBefore.replace(',', '，') && !stillThere) {
    ok(`quick fix: GD-W004 at ${before.pos} fixed by a click (line ${fl}: "," → "，"), the finding is gone`);
  } else {
    fail(`quick fix: line ${fl} ${JSON.stringify(lineBefore)} → ${JSON.stringify(lineAfter)}, finding still there: ${stillThere}`);
  }
  // the findings that remain are the CLI's on the downloaded file
  let dl = page.waitForEvent('download');
  await page.click('#download');
  let saved = join(work, 'defects.txt');
  await (await dl).saveAs(saved);
  const wantFixed = cli(['check', '--format', 'json', 'defects.txt'], work);
  const gotFixed = await page.evaluate(() => {
    // the JSON of the one document shown: the engine prints all of them
    const all = JSON.parse(window.gdlintEngine.json('zh'));
    return JSON.stringify(all.filter((d) => d.file === 'defects.txt'), null, 2) + '\n';
  });
  if (gotFixed === wantFixed) ok('quick fix: the page\'s findings on the fixed text = gdlint check on the downloaded file');
  else fail(`quick fix: findings after the fix differ from the CLI's on the downloaded file:\n${gotFixed}\n---\n${wantFixed}`);

  // the English switch: UI and messages
  await page.click('#lang');
  const en = await page.evaluate(() => ({
    h1: document.querySelector('h1').textContent,
    sev: document.querySelector('#finding-list .finding .sev').textContent,
    msg: document.querySelector('#finding-list .finding .msg').textContent,
  }));
  const wantEN = JSON.parse(cli(['check', '--format', 'json', '--lang', 'en', 'defects.txt'], work))[0];
  if (/^Checking/.test(en.h1) && en.sev === wantEN.severity && en.msg === wantEN.message) ok('language switch: English UI and the CLI\'s English messages (--lang en)');
  else fail(`language switch: ${JSON.stringify(en)}, the CLI's first English finding ${JSON.stringify(wantEN)}`);
  await page.click('#lang');

  await page.click('#overview-table a[data-open]:text-is("gb18030-crlf.txt")');
  await page.waitForFunction(() => document.querySelector('#doc-head h2')?.textContent === 'gb18030-crlf.txt');
  await page.click('#fix-all');
  await page.waitForFunction(() => !document.querySelector('#download').disabled);
  dl = page.waitForEvent('download');
  await page.click('#download');
  saved = join(work, 'page-gb18030-crlf.txt');
  await (await dl).saveAs(saved);
  const ref = join(work, 'gb18030-crlf.txt');
  copyFileSync(join(examplesDir, 'gb18030-crlf.txt'), ref);
  cli(['check', '--fix', '--quiet', 'gb18030-crlf.txt'], work);
  const a = readFileSync(saved);
  const b = readFileSync(ref);
  if (a.equals(b) && !a.equals(readFileSync(join(examplesDir, 'gb18030-crlf.txt')))) {
    ok(`fix all + download: gb18030-crlf.txt = gdlint check --fix (${a.length} bytes, GB18030, CRLF)`);
  } else {
    fail(`fix all + download: the downloaded file (${a.length} bytes) differs from gdlint check --fix (${b.length} bytes)`);
  }

  await page.close();

  // --- 4. #selftest from a web server: the .wasm is fetched ----------------
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(1));
    if (!pageFiles.has(name)) { res.writeHead(404); res.end(); return; }
    const type = { html: 'text/html', js: 'text/javascript', css: 'text/css', wasm: 'application/wasm' }[name.split('.').pop()];
    res.writeHead(200, { 'Content-Type': type || 'application/octet-stream' });
    res.end(readFileSync(join(pageDir, name)));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  serverOrigin = `http://127.0.0.1:${server.address().port}`;
  page = await newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await open(page, `${serverOrigin}/index.html#selftest`);
  await page.waitForSelector('#selftest[data-done]', { state: 'attached', timeout: 60000 });
  const overHTTP = await page.$eval('#selftest', (el) => el.textContent);
  if (overHTTP === wantExamples && fetched.includes('/gdlint.wasm') && !fetched.includes('/gdlint.wasm.js')) {
    ok('#selftest from a web server (gdlint.wasm fetched) = the CLI');
  } else {
    fail(`#selftest over http: identical ${overHTTP === wantExamples}, requests ${fetched.join(' ')}`);
  }
  await page.close();
  server.close();

  // --- no foreign request, no error ----------------------------------------
  if (foreign.length) fail(`requests outside the page's files: ${[...new Set(foreign)].join(' ')}`);
  else ok(`no request outside the page's own files (${requests.length} requests, all to ${[...pageFiles].sort().join(' ')}, data: or blob:)`);
  if (errors.length) fail(`errors in the page:\n${errors.join('\n')}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
if (failures) {
  console.error(`web page test: ${failures} failure(s)`);
  process.exit(1);
}
console.log('web page test: ok');
