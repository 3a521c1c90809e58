// gdlint in the browser: loads the engine (gdlint.wasm), reads the files the
// user drops, picks or pastes, and shows the findings. Nothing leaves the
// machine: the only requests are for the page's own files.
'use strict';

const I18N = {
  zh: {
    title: '政府信息公开工作年度报告检查',
    privacy: '报告只在本机浏览器中检查，不上传到任何服务器；打开页面后不再有任何网络请求。',
    drop: '把报告文件拖到这里，或点击选择文件', pick: '选择文件', clear: '清除全部文件',
    kinds: '.txt .md .html .docx；UTF-8、GB18030 或 UTF-16 文本。PDF 请用命令行 gdlint 检查。',
    paste: '粘贴文本', paste_hint: '把报告全文粘贴到这里', paste_check: '检查粘贴的文本',
    examples: '打开示例报告', loading: '正在加载检查引擎……',
    ready: (ms) => `检查引擎已就绪（加载用时 ${ms} 毫秒）。`,
    load_failed: (e) => `检查引擎加载失败：${e}`,
    checked: (n, ms) => `已检查 ${n} 个文件，用时 ${ms} 毫秒。`,
    overview: '总览', fix_all: '应用全部安全修复', download: '下载修复后的文件', revert: '撤销全部修改',
    export_json: '导出 JSON',
    footer: 'gdlint 在浏览器中运行（WebAssembly），与命令行 gdlint check 使用同一个引擎、给出相同的问题和位置。',
    file: '文件', body: '机关', year: '年度', errors: '错误', warnings: '警告', infos: '提示', fixable: '可修复',
    status: '状态', failed: '无法检查', none: '—',
    error: '错误', warning: '警告', info: '提示',
    no_findings: '没有发现问题。',
    encoding: '编码', changed: '已修改（尚未下载）',
    fix: '修复', unsafe: '需人工确认', explain: '规则说明与依据',
    container_note: '从 .docx / .html 提取的文本：问题位置指向提取出的文本，修复不改写原文件（与命令行 --fix 相同）。',
    pdf: '浏览器页面不支持 PDF，请用命令行 gdlint check 检查 PDF 文件。',
    fix_failed: (e) => `无法应用修复：${e}`,
    pasted: '粘贴的文本.txt',
    sep: '：', related: '相关位置', format: '格式', crossyear: '跨年度',
    overview_note: '按文件名排列；点击表头可排序，点击一行打开该报告。统计数字取自报告表格，空白表示未能识别；跨年度核对同一机关相邻年度的报告（GD-Y 规则）。',
    'short-carry-over': '结转', 'short-normative-in-force': '规范性文件', 'short-similar-text': '雷同',
    'short-duplicate-year': '同年重复', 'short-missing-year': '缺年度', 'short-ungrouped': '未分组',
    counts: (d) => `${d.counts.errors} 错误，${d.counts.warnings} 警告，${d.counts.infos} 提示`,
  },
  en: {
    title: 'Checking government information-disclosure annual reports',
    privacy: 'Reports are checked in this browser only and never uploaded; once the page is open it makes no network request.',
    drop: 'Drop report files here, or click to choose files', pick: 'Choose files', clear: 'Remove all files',
    kinds: '.txt .md .html .docx; UTF-8, GB18030 or UTF-16 text. For PDF use the gdlint command line.',
    paste: 'Paste text', paste_hint: 'Paste the whole report here', paste_check: 'Check the pasted text',
    examples: 'Open the example reports', loading: 'Loading the checker…',
    ready: (ms) => `Checker ready (loaded in ${ms} ms).`,
    load_failed: (e) => `The checker failed to load: ${e}`,
    checked: (n, ms) => `Checked ${n} ${n === 1 ? 'file' : 'files'} in ${ms} ms.`,
    overview: 'Overview', fix_all: 'Apply all safe fixes', download: 'Download the fixed file', revert: 'Undo all changes',
    export_json: 'Export JSON',
    footer: 'gdlint runs in the browser (WebAssembly): the same engine as gdlint check on the command line, the same findings at the same positions.',
    file: 'File', body: 'Body', year: 'Year', errors: 'Errors', warnings: 'Warnings', infos: 'Infos', fixable: 'Fixable',
    status: 'Status', failed: 'cannot be checked', none: '—',
    error: 'error', warning: 'warning', info: 'info',
    no_findings: 'No findings.',
    encoding: 'Encoding', changed: 'changed (not downloaded yet)',
    fix: 'Fix', unsafe: 'check before applying', explain: 'Rule and legal basis',
    container_note: 'Text extracted from a .docx / .html file: positions point into the extracted text, and fixes do not rewrite the file (as with --fix on the command line).',
    pdf: 'PDF is not supported in the browser page; check PDF files with gdlint check on the command line.',
    fix_failed: (e) => `The fix could not be applied: ${e}`,
    pasted: 'pasted.txt',
    sep: ': ', related: 'Related', format: 'Format', crossyear: 'Cross-year',
    overview_note: 'By file name; click a heading to sort, a row to open the report. Statistics come from the report\'s tables (blank: not read); cross-year compares one body\'s reports of consecutive years (GD-Y rules).',
    'short-carry-over': 'carry-over', 'short-normative-in-force': 'normative', 'short-similar-text': 'similar',
    'short-duplicate-year': 'duplicate', 'short-missing-year': 'gap', 'short-ungrouped': 'ungrouped',
    counts: (d) => `${d.counts.errors} errors, ${d.counts.warnings} warnings, ${d.counts.infos} infos`,
  },
};

const state = {
  lang: 'zh',
  rules: {},
  stats: [], // the overview's key statistics: {key, label, label_en}
  docs: [], // views from the engine
  pdfs: [], // files the page does not read: {key, name, unsupported}
  current: '', // key of the document shown
  selected: -1, // diagnostic index in the current document
  sort: { key: 'file', dir: 1 },
  status: ['loading'],
};
// timings for the README and the browser test: milliseconds since navigation
window.gdlintTimings = { checks: [] };

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => {
  const v = I18N[state.lang][key];
  return typeof v === 'function' ? v(...args) : v;
};
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// --- the engine -----------------------------------------------------------

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`${src} not found`));
    document.head.appendChild(s);
  });
}

function base64Bytes(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// A page opened from file:// may not fetch files (browsers forbid it), so
// there the engine comes as a script (gdlint.wasm.js, the same bytes in
// base64); from a web server it is fetched as gdlint.wasm.
async function loadEngine() {
  const go = new Go();
  const ready = new Promise((resolve) => { window.gdlintReady = resolve; });
  const mark = (k) => { window.gdlintTimings[k] = Math.round(performance.now()); };
  let instance = null;
  if (location.protocol !== 'file:') {
    try {
      const resp = await fetch('gdlint.wasm');
      if (!resp.ok) throw new Error(resp.statusText);
      try {
        // compiles while it downloads; needs the server to send application/wasm
        instance = (await WebAssembly.instantiateStreaming(resp.clone(), go.importObject)).instance;
      } catch (e) {
        instance = (await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject)).instance;
      }
    } catch (e) {
      instance = null;
    }
  }
  if (!instance) {
    await loadScript('gdlint.wasm.js');
    const bytes = base64Bytes(window.GDLINT_WASM);
    delete window.GDLINT_WASM;
    mark('wasmLoaded');
    instance = (await WebAssembly.instantiate(bytes, go.importObject)).instance;
  }
  mark('wasmCompiled');
  go.run(instance);
  await ready;
  return window.gdlintEngine;
}

let engine = null;

function call(name, ...args) {
  const out = JSON.parse(engine[name](...args));
  if (out && out.error) throw new Error(out.error);
  return out;
}

// --- loading files --------------------------------------------------------

async function addFiles(files) {
  const start = performance.now();
  const named = [];
  for (const f of files) named.push([uniqueName(f.name, named.map((n) => n[0])), new Uint8Array(await f.arrayBuffer())]);
  addNamed(named, start);
}

// addNamed checks [name, bytes] pairs; PDF files are listed as unsupported.
function addNamed(named, start) {
  const pdf = named.filter(([name]) => /\.pdf$/i.test(name));
  const rest = named.filter(([name]) => !/\.pdf$/i.test(name));
  let first = '';
  for (const [name] of pdf) {
    const key = `p${state.pdfs.length}`;
    state.pdfs.push({ key, name, unsupported: true, diagnostics: [], counts: {} });
    first = first || key;
  }
  if (rest.length) {
    const out = call('addFiles', rest.map((n) => n[0]), rest.map((n) => n[1]));
    setDocs(out.docs);
    first = `e${out.added[0]}`;
  }
  if (!named.length) return;
  const ms = Math.round(performance.now() - start);
  window.gdlintTimings.checks.push({ files: named.length, ms, at: Math.round(performance.now()) });
  if (window.gdlintTimings.firstResult === undefined) window.gdlintTimings.firstResult = Math.round(performance.now());
  setStatus('checked', named.length, ms);
  state.current = first;
  state.selected = -1;
  render();
}

function setDocs(views) {
  for (const v of views) v.key = `e${v.id}`;
  state.docs = views;
}

const allDocs = () => state.docs.concat(state.pdfs);
const currentDoc = () => allDocs().find((d) => d.key === state.current);

function uniqueName(name, more = []) {
  const taken = new Set(allDocs().map((d) => d.name).concat(more));
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})${ext}`)) return `${base} (${i})${ext}`;
}

// --- rendering ------------------------------------------------------------

function setStatus(key, ...args) {
  state.status = [key, ...args];
  $('status').textContent = t(key, ...args);
}

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `gdlint · ${t('title')}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  const other = state.lang === 'zh' ? 'en' : 'zh';
  $('lang').textContent = other === 'en' ? 'English' : '中文';
  $('lang').lang = other === 'en' ? 'en' : 'zh-CN';
  $('status').textContent = t(...state.status);
}

function render() {
  renderOverview();
  renderDoc();
}

function columns() {
  const stat = (k) => (d) => { const v = d.stats && d.stats[k]; return v ? Number(v.text.replace(/[,，\s]/g, '')) || 0 : -1; };
  return [
    ['file', (d) => d.name],
    ['body', (d) => d.body || ''],
    ['year', (d) => d.year || 0],
    ['format', (d) => d.format || ''],
    ['errors', (d) => d.counts.errors || 0],
    ['warnings', (d) => d.counts.warnings || 0],
    ['infos', (d) => d.counts.infos || 0],
    ['fixable', (d) => d.counts.fixable || 0],
    ...state.stats.map((s) => [`stat:${s.key}`, stat(s.key), state.lang === 'en' ? s.label_en : s.label]),
    ['crossyear', (d) => (d.checks || []).map((c) => c.status).sort().join(' ')],
  ];
}

function renderOverview() {
  const docs = allDocs();
  $('overview').hidden = docs.length < 2;
  if (docs.length < 2) return;
  const cols = columns();
  const col = cols.find(([k]) => k === state.sort.key) || cols[0];
  const order = docs.map((d, i) => i).sort((a, b) => {
    const x = col[1](docs[a]);
    const y = col[1](docs[b]);
    return (x < y ? -1 : x > y ? 1 : 0) * state.sort.dir || a - b;
  });
  let h = '<thead><tr>';
  for (const [k, , label] of cols) {
    const sorted = state.sort.key === k ? ` aria-sort="${state.sort.dir > 0 ? 'ascending' : 'descending'}"` : '';
    h += `<th data-key="${esc(k)}"${sorted}>${esc(label || t(k))}</th>`;
  }
  h += `<th>${esc(t('status'))}</th></tr></thead><tbody>`;
  const en = state.lang === 'en';
  for (const i of order) {
    const d = docs[i];
    const cls = d.key === state.current ? ' class="current"' : '';
    const n = (v, c) => `<td class="n ${v ? c : c + '0'}">${v || 0}</td>`;
    const st = d.unsupported ? t('pdf') : d.error ? `${t('failed')}${t('sep')}${en ? d.error_en : d.error}` : d.changed ? t('changed') : '';
    h += `<tr data-key="${d.key}"${cls}><td class="path"><a href="#" data-open="${d.key}">${esc(d.name)}</a></td>` +
      `<td class="body">${esc(d.body || t('none'))}</td><td class="n">${d.year || ''}</td><td>${esc(d.format || '')}</td>` +
      n(d.counts.errors, 'e') + n(d.counts.warnings, 'w') + n(d.counts.infos, 'i') + n(d.counts.fixable, 'f');
    for (const s of state.stats) {
      const v = d.stats && d.stats[s.key];
      h += v ? `<td class="n${v.doubt ? ' doubt' : ''}"${v.doubt ? ` title="${esc(v.doubt)}"` : ''}>${esc(v.text)}</td>` : '<td class="n"></td>';
    }
    h += '<td class="cy">' + ((d.checks || []).map((c) => `<div class="st-${esc(c.status)}" title="${esc(en ? c.message_en : c.message)}">` +
      `${esc(t('short-' + c.kind) || c.kind)} ${{ ok: '✓', finding: '✗', 'cannot-judge': '?' }[c.status] || ''}</div>`).join('') || esc(t('none'))) + '</td>';
    h += `<td class="st">${esc(st)}</td></tr>`;
  }
  $('overview-table').innerHTML = h + '</tbody>';
}

function renderDoc() {
  const d = currentDoc();
  $('doc').hidden = !d;
  if (!d) return;
  const enc = d.encoding ? ` · ${t('encoding')} ${d.encoding}${d.crlf ? ' CRLF' : ''}` : '';
  $('doc-head').innerHTML = `<h2>${esc(d.name)}</h2><p class="meta">${d.unsupported || d.error ? '' : esc(t('counts', d)) + esc(enc)}` +
    `${d.changed ? ` · <span class="changed">${esc(t('changed'))}</span>` : ''}</p>`;
  const fixable = !d.unsupported && !d.error && !d.container;
  $('fix-all').disabled = !fixable || !d.counts.fixable;
  $('download').disabled = !fixable || !d.changed;
  $('revert').disabled = !fixable || !d.changed;
  $('export-json').disabled = !!(d.unsupported || d.error);
  let note = '';
  if (d.unsupported) note = t('pdf');
  else if (d.error) note = `${t('failed')}${t('sep')}${state.lang === 'en' ? d.error_en : d.error}`;
  else if (d.container) note = t('container_note');
  $('doc-note').textContent = note;
  $('doc-note').className = d.unsupported || d.error ? 'bad' : '';
  renderText(d);
  renderFindings(d);
}

const SEV_RANK = { error: 3, warning: 2, info: 1 };

// The text with every finding marked at its span: one element per line,
// each line cut at the span boundaries inside it.
function renderText(d) {
  const text = d.text || '';
  const lines = text.split('\n');
  const starts = [];
  let off = 0;
  for (const l of lines) { starts.push(off); off += l.length + 1; }
  const lineOf = (o) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= o) lo = mid; else hi = mid - 1; }
    return lo;
  };
  const per = lines.map(() => []);
  d.diagnostics.forEach((g, i) => {
    const a = lineOf(g.from), b = lineOf(Math.max(g.from, g.to - 1));
    for (let l = a; l <= b; l++) per[l].push(i);
  });
  let h = '';
  lines.forEach((line, l) => {
    const s = starts[l], e = s + line.length;
    const here = per[l];
    const cuts = new Set([s, e]);
    for (const i of here) {
      const g = d.diagnostics[i];
      if (g.from > s && g.from < e) cuts.add(g.from);
      if (g.to > s && g.to < e) cuts.add(g.to);
    }
    const pts = [...cuts].sort((x, y) => x - y);
    let body = '';
    // zero-width findings are drawn as a caret before the character
    const carets = (at) => here.filter((i) => d.diagnostics[i].from === at && d.diagnostics[i].to === at)
      .map((i) => `<span class="caret sev-${d.diagnostics[i].severity}" data-d="${i}" title="${esc(d.diagnostics[i].rule)}"></span>`).join('');
    for (let k = 0; k < pts.length - 1; k++) {
      const a = pts[k], b = pts[k + 1];
      body += carets(a);
      const seg = esc(line.slice(a - s, b - s));
      const cover = here.filter((i) => d.diagnostics[i].from <= a && d.diagnostics[i].to >= b && d.diagnostics[i].from < d.diagnostics[i].to);
      if (cover.length) {
        const worst = cover.reduce((w, i) => Math.max(w, SEV_RANK[d.diagnostics[i].severity] || 0), 0);
        const sev = Object.keys(SEV_RANK).find((k2) => SEV_RANK[k2] === worst);
        body += `<mark class="sev-${sev}" data-d="${cover.join(' ')}">${seg}</mark>`;
      } else {
        body += seg;
      }
    }
    if (pts.length === 1 || s === e) body += carets(s);
    else body += carets(e);
    h += `<div class="line" data-line="${l + 1}"><span class="no">${l + 1}</span><span class="tx">${body || ' '}</span></div>`;
  });
  $('text').innerHTML = h;
}

function renderFindings(d) {
  const list = $('finding-list');
  if (d.unsupported || d.error) { list.innerHTML = ''; return; }
  if (!d.diagnostics.length) { list.innerHTML = `<li class="none">${esc(t('no_findings'))}</li>`; return; }
  const en = state.lang === 'en';
  let h = '';
  d.diagnostics.forEach((g, i) => {
    const rule = state.rules[g.rule] || {};
    const sel = i === state.selected ? ' selected' : '';
    h += `<li class="finding sev-${g.severity}${sel}" tabindex="0" data-i="${i}" data-rule="${esc(g.rule)}">` +
      `<div class="head"><span class="sev">${esc(t(g.severity))}</span> <code>${esc(g.rule)}</code> ` +
      `<a href="#" class="pos" data-goto="${i}">${g.line}:${g.column}</a></div>` +
      `<div class="msg">${esc(en && g.message_en ? g.message_en : g.message)}</div>`;
    if (g.fixes.length) {
      h += '<div class="fixes">';
      g.fixes.forEach((f, k) => {
        const title = en && f.title_en ? f.title_en : f.title;
        const dis = d.container ? ' disabled' : '';
        h += `<button type="button" class="fix ${f.applicability}" data-fix="${i}:${k}"${dis}>${esc(t('fix'))}${t('sep')}${esc(title)}</button>`;
        if (f.applicability === 'unsafe') h += `<span class="unsafe">${esc(t('unsafe'))}</span>`;
      });
      h += '</div>';
    }
    if (g.related && g.related.length) {
      h += `<ul class="related" aria-label="${esc(t('related'))}">`;
      for (const r of g.related) {
        const where = r.path
          ? `<a href="#" data-doc="${esc(r.path)}" data-line="${r.line || 1}">${esc(r.path)}${r.line ? `:${r.line}:${r.column}` : ''}</a>`
          : `<a href="#" data-range="${r.from}:${r.to}">${r.line}:${r.column}</a>`;
        h += `<li>${where} ${esc(en && r.message_en ? r.message_en : r.message)}</li>`;
      }
      h += '</ul>';
    }
    const summary = en && rule.summary_en ? rule.summary_en : rule.summary || '';
    const expl = en && rule.explanation_en ? rule.explanation_en : rule.explanation || '';
    h += `<details class="explain"${sel ? ' open' : ''}><summary>${esc(t('explain'))}${t('sep')}${esc(summary)}</summary>${markdown(expl)}</details></li>`;
  });
  list.innerHTML = h;
}

// The rule explanations are short Markdown: paragraphs, "- " lists,
// **bold** and `code`. Source lines wrapped between Chinese characters join
// without a space. The paragraph with the legal basis is marked.
function markdown(src) {
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
  const inline = (s) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  const join = (ls) => ls.reduce((acc, l) => {
    if (!acc) return l;
    const sep = cjk.test(acc.slice(-1)) && cjk.test(l[0]) ? '' : ' ';
    return acc + sep + l;
  }, '');
  let out = '';
  for (const block of src.trim().split(/\n\s*\n/)) {
    const ls = block.split('\n').map((l) => l.trim());
    if (ls.every((l) => l.startsWith('- '))) {
      out += '<ul>' + ls.map((l) => `<li>${inline(l.slice(2))}</li>`).join('') + '</ul>';
      continue;
    }
    const p = join(ls);
    const basis = /^(依据|Basis)[：:]/.test(p) ? ' class="basis"' : '';
    out += `<p${basis}>${inline(p)}</p>`;
  }
  return out;
}

function showLine(line) {
  const el = document.querySelector(`#text .line[data-line="${line}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
}

function select(i, scroll) {
  state.selected = i;
  for (const el of document.querySelectorAll('.finding.selected')) el.classList.remove('selected');
  for (const el of document.querySelectorAll('#text .current')) el.classList.remove('current');
  const li = document.querySelector(`.finding[data-i="${i}"]`);
  if (li) {
    li.classList.add('selected');
    li.querySelector('details').open = true;
    if (scroll !== 'text') li.scrollIntoView({ block: 'nearest' });
  }
  const marks = [...document.querySelectorAll('#text [data-d]')].filter((m) => m.dataset.d.split(' ').includes(String(i)));
  for (const m of marks) m.classList.add('current');
  if (marks[0] && scroll !== 'list') marks[0].scrollIntoView({ block: 'center' });
}

// --- actions --------------------------------------------------------------

function replaceCurrent(fn) {
  const d = currentDoc();
  try {
    setDocs(fn(d.id).docs);
    state.selected = -1;
    render();
  } catch (e) {
    $('doc-note').textContent = t('fix_failed', e.message);
    $('doc-note').className = 'bad';
  }
}

function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name.split('/').pop();
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function wire() {
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    try { localStorage.setItem('gdlint-lang', state.lang); } catch (e) { /* storage off */ }
    applyLanguage();
    render();
  });
  $('files').addEventListener('change', (ev) => {
    const files = [...ev.target.files];
    ev.target.value = '';
    if (engine && files.length) addFiles(files);
  });
  const drop = $('drop');
  for (const type of ['dragenter', 'dragover']) {
    document.addEventListener(type, (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  }
  document.addEventListener('dragleave', (ev) => { if (!ev.relatedTarget) drop.classList.remove('over'); });
  document.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('over');
    const files = [...(ev.dataTransfer ? ev.dataTransfer.files : [])];
    if (engine && files.length) addFiles(files);
  });
  $('paste-check').addEventListener('click', () => {
    const text = $('paste').value;
    if (!engine || !text.trim()) return;
    addNamed([[uniqueName(t('pasted')), new TextEncoder().encode(text)]], performance.now());
  });
  $('examples').addEventListener('click', () => {
    if (!engine) return;
    const start = performance.now();
    const ex = window.GDLINT_EXAMPLES || {};
    const named = [];
    for (const name of Object.keys(ex).sort()) named.push([uniqueName(name, named.map((n) => n[0])), base64Bytes(ex[name])]);
    addNamed(named, start);
  });
  $('overview-table').addEventListener('click', (ev) => {
    const th = ev.target.closest('th[data-key]');
    if (th) {
      state.sort = { key: th.dataset.key, dir: state.sort.key === th.dataset.key ? -state.sort.dir : 1 };
      renderOverview();
      return;
    }
    const tr = ev.target.closest('tr[data-key]');
    if (tr) {
      ev.preventDefault();
      state.current = tr.dataset.key;
      state.selected = -1;
      render();
      $('doc').scrollIntoView({ block: 'start' });
    }
  });
  $('finding-list').addEventListener('click', (ev) => {
    const fix = ev.target.closest('button[data-fix]');
    if (fix) {
      const [i, k] = fix.dataset.fix.split(':').map(Number);
      replaceCurrent((id) => call('applyFix', id, i, k));
      return;
    }
    const range = ev.target.closest('a[data-range]');
    if (range) {
      ev.preventDefault();
      const [from] = range.dataset.range.split(':').map(Number);
      showLine(currentDoc().text.slice(0, from).split('\n').length);
      return;
    }
    const other = ev.target.closest('a[data-doc]');
    if (other) {
      // a cell of another report (the earlier year of a cross-year finding)
      ev.preventDefault();
      const d = state.docs.find((x) => x.name === other.dataset.doc);
      if (!d) return;
      state.current = d.key;
      state.selected = -1;
      render();
      showLine(Number(other.dataset.line));
      return;
    }
    const li = ev.target.closest('.finding');
    if (li && !ev.target.closest('summary, details > *:not(summary)')) {
      ev.preventDefault();
      select(Number(li.dataset.i), 'both');
    }
  });
  $('finding-list').addEventListener('keydown', (ev) => {
    const li = ev.target.closest('.finding');
    if (!li || ev.target !== li) return;
    if (ev.key === 'Enter') { ev.preventDefault(); select(Number(li.dataset.i), 'both'); }
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const next = ev.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling;
      if (next) { next.focus(); select(Number(next.dataset.i), 'both'); }
    }
  });
  $('text').addEventListener('click', (ev) => {
    const m = ev.target.closest('[data-d]');
    if (!m) return;
    const ids = m.dataset.d.split(' ').map(Number);
    const next = ids[(ids.indexOf(state.selected) + 1) % ids.length];
    select(next, 'text');
  });
  $('clear').addEventListener('click', () => {
    setDocs(call('clear').docs);
    state.pdfs = [];
    state.current = '';
    render();
  });
  $('fix-all').addEventListener('click', () => replaceCurrent((id) => call('fixAll', id, false)));
  $('revert').addEventListener('click', () => replaceCurrent((id) => call('revert', id)));
  $('download').addEventListener('click', () => {
    const d = currentDoc();
    download(d.name, engine.bytes(d.id), 'application/octet-stream');
  });
  $('export-json').addEventListener('click', () => {
    const d = currentDoc();
    const base = state.docs.length > 1 ? 'gdlint' : d.name.replace(/\.[^.]*$/, '');
    download(`${base}.json`, engine.json(state.lang), 'application/json');
  });
}

function selftest() {
  const ex = window.GDLINT_EXAMPLES || {};
  const files = {};
  for (const name of Object.keys(ex)) files[name] = base64Bytes(ex[name]);
  const out = $('selftest');
  out.textContent = engine.selftest(files);
  out.hidden = false;
  out.dataset.done = '1';
}

async function main() {
  try {
    const saved = localStorage.getItem('gdlint-lang');
    if (saved === 'en' || saved === 'zh') state.lang = saved;
  } catch (e) { /* storage off */ }
  applyLanguage();
  wire();
  try {
    engine = await loadEngine();
  } catch (e) {
    setStatus('load_failed', e.message);
    $('status').className = 'bad';
    return;
  }
  window.gdlintTimings.engineReady = Math.round(performance.now());
  const cat = call('catalogue');
  state.rules = cat.rules;
  state.stats = cat.stats;
  setStatus('ready', window.gdlintTimings.engineReady);
  if (location.hash === '#selftest') {
    selftest();
    return;
  }
  // the first check runs code the browser has not compiled yet: check the
  // bundled examples while the user picks a file, one at a time so that a
  // file picked meanwhile waits for one example at most
  const ex = window.GDLINT_EXAMPLES || {};
  const names = Object.keys(ex).sort();
  const t0 = performance.now();
  const warm = () => {
    if (!names.length || allDocs().length) {
      window.gdlintTimings.warm = Math.round(performance.now() - t0);
      return;
    }
    const name = names.shift();
    engine.selftest({ [name]: base64Bytes(ex[name]) });
    setTimeout(warm, 0);
  };
  setTimeout(warm, 50);
}

main();
