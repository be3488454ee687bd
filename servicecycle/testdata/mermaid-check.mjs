// Parses Mermaid files with the npm mermaid package, in Node with a jsdom
// window (mermaid needs a DOM). Used by TestMermaidAcceptedByMermaid:
//   npm install --prefix DIR mermaid@11 jsdom@24
//   MERMAID_NODE_MODULES=DIR/node_modules go test -run Mermaid ./servicecycle/
// Exits 1 if a file fails to parse, or if a deliberately broken diagram
// parses (the negative control).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const nm = process.env.MERMAID_NODE_MODULES;
const require = createRequire(join(nm, 'noop.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
for (const k of ['document', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement']) {
  globalThis[k] = dom.window[k];
}
const mermaid = (await import(pathToFileURL(join(nm, 'mermaid', 'dist', 'mermaid.core.mjs')).href)).default;
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const f of process.argv.slice(2)) {
  try {
    const r = await mermaid.parse(readFileSync(f, 'utf8'));
    console.log('ok', f, r && r.diagramType);
  } catch (e) {
    bad++;
    console.log('FAIL', f, String(e.message || e).slice(0, 400));
  }
}
try {
  await mermaid.parse('flowchart LR\n  end["x"] --> ');
  console.log('FAIL negative control parsed');
  bad++;
} catch (e) {
  console.log('ok negative control rejected');
}
process.exit(bad ? 1 : 0);
