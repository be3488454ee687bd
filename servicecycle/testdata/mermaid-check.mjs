// Parses Mermaid files with the npm mermaid package, in Node with a jsdom
// window (mermaid needs a DOM). Used by TestMermaidAcceptedByMermaid and by
// .ci/run:
//   npm install --prefix DIR mermaid@11 jsdom@24
//   MERMAID_NODE_MODULES=DIR/node_modules go test -run Mermaid ./servicecycle/
// Exits 1 if a file fails to parse, or if a deliberately broken diagram
// parses (the negative control).
//
// A file NAME.flowchart.mmd or NAME.journey.mmd beside a NAME.expect.json is
// also rendered, and the picture checked against the expected texts (issue
// 16, defect 3: every label literal):
//   - flowchart: node mK shows nodes[K] (line breaks as <br>), followed only
//     by the statistics; no icon, markdown, math, image or link element in
//     any label; the theme is Mermaid's default;
//   - journey: the title, every task text in order with its score (scores[K])
//     and no other task; the theme is the default.
// The check of the checker: a label with an unescaped icon and an init
// directive must fail these assertions (the positive controls below).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const nm = process.env.MERMAID_NODE_MODULES;
const require = createRequire(join(nm, 'noop.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
for (const k of ['document', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'XMLSerializer',
  'MutationObserver', 'CSSStyleSheet']) {
  globalThis[k] = dom.window[k];
}
// jsdom does no layout: give text a size so that the renderers can place it.
const width = (el) => 8 * (el.textContent || '').length + 1;
dom.window.SVGElement.prototype.getBBox = function () { return { x: 0, y: 0, width: width(this), height: 16 }; };
dom.window.SVGElement.prototype.getComputedTextLength = function () { return width(this); };
dom.window.Element.prototype.getBoundingClientRect = function () {
  const w = width(this);
  return { x: 0, y: 0, left: 0, top: 0, right: w, bottom: 16, width: w, height: 16 };
};
const mermaid = (await import(pathToFileURL(join(nm, 'mermaid', 'dist', 'mermaid.core.mjs')).href)).default;
mermaid.initialize({ startOnLoad: false });

let renders = 0;
async function render(src) {
  const { svg } = await mermaid.render(`check${++renders}`, src);
  // As a browser reads it inline: HTML, so that <br> in a label is fine.
  return new dom.window.DOMParser().parseFromString(`<!doctype html><body>${svg}</body>`, 'text/html');
}

// themeRule is the first CSS rule of a picture, its id left out: the
// default theme's font and text colour.
function themeRule(doc) {
  const css = doc.querySelector('style')?.textContent || '';
  return css.slice(css.indexOf('{'), css.indexOf('}') + 1);
}
const defaultTheme = themeRule(await render('flowchart LR\n  a --> b'));

// text returns an element's text with <br> as a line break.
function text(el) {
  const copy = el.cloneNode(true);
  for (const br of copy.querySelectorAll('br')) br.replaceWith('\n');
  return copy.textContent.trim();
}

const forbidden = 'i, strong, em, img, a, .katex, math, code';

async function checkFlowchart(src, want) {
  const errs = [];
  const doc = await render(src);
  if (themeRule(doc) !== defaultTheme) errs.push(`theme changed: ${themeRule(doc)}`);
  want.nodes.forEach((name, k) => {
    const node = [...doc.querySelectorAll('g.node')].find((g) => new RegExp(`-flowchart-m${k}-\\d+$`).test(g.id));
    if (!node) { errs.push(`node m${k} missing`); return; }
    const label = node.querySelector('.nodeLabel') || node.querySelector('.label');
    const got = text(label).split(/\n(?=sat |not rated)/)[0];
    if (got !== name) errs.push(`node m${k}: got ${JSON.stringify(got)}, want ${JSON.stringify(name)}`);
    const bad = label.querySelector(forbidden);
    if (bad) errs.push(`node m${k}: label renders a <${bad.tagName}> element`);
  });
  return errs;
}

async function checkJourney(src, want) {
  const errs = [];
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(src);
  const scores = db.getTasks().map((t) => t.score);
  if (JSON.stringify(scores) !== JSON.stringify(want.scores)) errs.push(`scores ${JSON.stringify(scores)}, want ${JSON.stringify(want.scores)}`);
  const doc = await render(src);
  if (themeRule(doc) !== defaultTheme) errs.push(`theme changed: ${themeRule(doc)}`);
  const tasks = [...doc.querySelectorAll('text.task')].map(text);
  if (tasks.length !== want.tasks.length) errs.push(`${tasks.length} tasks rendered, want ${want.tasks.length}`);
  want.tasks.forEach((name, k) => {
    if (tasks[k] !== name) errs.push(`task ${k}: got ${JSON.stringify(tasks[k])}, want ${JSON.stringify(name)}`);
  });
  const title = text(doc.querySelector('svg > text[font-weight="bold"]') ?? doc.createElement('p'));
  if (title !== want.title) errs.push(`title: got ${JSON.stringify(title)}, want ${JSON.stringify(want.title)}`);
  return errs;
}

let bad = 0;
for (const f of process.argv.slice(2)) {
  const src = readFileSync(f, 'utf8');
  try {
    const r = await mermaid.parse(src);
    console.log('ok', f, r && r.diagramType);
  } catch (e) {
    bad++;
    console.log('FAIL', f, String(e.message || e).slice(0, 400));
    continue;
  }
  const m = f.match(/^(.*)\.(flowchart|journey)\.mmd$/);
  if (!m || !existsSync(`${m[1]}.expect.json`)) continue;
  const want = JSON.parse(readFileSync(`${m[1]}.expect.json`, 'utf8'));
  const errs = m[2] === 'flowchart' ? await checkFlowchart(src, want) : await checkJourney(src, want);
  for (const e of errs) console.log('FAIL', f, e);
  if (errs.length) bad++;
  else console.log('ok', f, 'renders every label literally');
}

try {
  await mermaid.parse('flowchart LR\n  end["x"] --> ');
  console.log('FAIL negative control parsed');
  bad++;
} catch (e) {
  console.log('ok negative control rejected');
}
// Positive controls: the checks must catch an icon, a theme switch, a lost
// task and a task turned into a title.
// Each runs alone: mermaid keeps one diagram's state at a time.
const controls = [
  ['icon', () => checkFlowchart('flowchart LR\n    m0["fa:fa-car"]', { nodes: ['fa:fa-car'] })],
  ['theme', () => checkFlowchart('flowchart LR\n    m0["%%{init: {\'theme\':\'dark\'}}%%x"]', { nodes: ['x'] })],
  ['comment', () => checkJourney('journey\n  title t\n  section s\n    %% a: 3: C\n    b: 4: C', { title: 't', tasks: ['%% a', 'b'], scores: [3, 4] })],
  ['keyword', () => checkJourney('journey\n  title t\n  section s\n    Title x: 3: C', { title: 't', tasks: ['Title x'], scores: [3] })],
];
for (const [name, check] of controls) {
  let errs;
  try { errs = await check(); } catch (e) { errs = [String(e.message || e)]; }
  if (errs.length) console.log('ok control', name, 'caught:', errs[0].slice(0, 100));
  else { console.log('FAIL control', name, 'passed the checks'); bad++; }
}
process.exit(bad ? 1 : 0);
