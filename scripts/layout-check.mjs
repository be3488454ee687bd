// layout-check.mjs loads report pages in a real browser (the system's
// Chromium, driven by npm's puppeteer-core: no browser is downloaded) and
// checks their layout at each width, from the positions the browser computed:
//
//   - no text of the page leaves its card (section) or the window, with every
//     collapsible data table opened;
//   - in every chart, no label leaves the chart, no two labels overlap, no
//     data line (a solid polyline) runs through a label, and no label is cut
//     short with "…";
//   - every chart is there: as many as asked, each drawn with a size, a title
//     and data (no "no data" panel).
//
// Usage:
//
//   PUPPETEER_NODE_MODULES=DIR/node_modules node scripts/layout-check.mjs \
//     [--chromium /usr/bin/chromium] [--widths 900,1280] [--charts N] PAGE.html...
//
// where DIR holds `npm install --prefix DIR puppeteer-core@24`; without
// PUPPETEER_NODE_MODULES it looks where .ci/run installs it,
// ${XDG_CACHE_HOME:-$HOME/.cache}/servuction-ci/puppeteer/node_modules. It prints one
// line per problem and exits 1 when there is any, 2 on a usage or launch
// error, 0 when every page passes at every width. TestLayoutInBrowser
// (examples/quickstart) runs it on the quickstart's pages in both languages.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function usage(msg) {
  console.error(`layout-check: ${msg}`);
  console.error('usage: node scripts/layout-check.mjs [--chromium PATH] [--widths 900,1280] [--charts N] PAGE.html...');
  process.exit(2);
}

const args = process.argv.slice(2);
let chromium = process.env.CHROMIUM || '/usr/bin/chromium';
let widths = [900, 1280];
let charts = -1;
const pages = [];
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case '--chromium': chromium = args[++i]; break;
    case '--widths': widths = String(args[++i]).split(',').map(Number); break;
    case '--charts': charts = Number(args[++i]); break;
    default:
      if (args[i].startsWith('--')) usage(`unknown flag ${args[i]}`);
      pages.push(resolve(args[i]));
  }
}
if (pages.length === 0) usage('no page given');
if (widths.some((w) => !(w > 0))) usage('--widths: want positive numbers, e.g. 900,1280');
for (const p of pages) if (!existsSync(p)) usage(`${p}: no such file`);
// puppeteer-core: where PUPPETEER_NODE_MODULES says, or where .ci/run puts it.
const nm = process.env.PUPPETEER_NODE_MODULES ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'servuction-ci', 'puppeteer', 'node_modules');
if (!existsSync(join(nm, 'puppeteer-core'))) usage(`no puppeteer-core in ${nm} (npm install --prefix DIR puppeteer-core@24; PUPPETEER_NODE_MODULES=DIR/node_modules)`);
const require = createRequire(join(nm, 'noop.js'));
const puppeteer = require('puppeteer-core');

// check runs in the page: it returns the problems it finds, as text.
function check(expectCharts) {
  const tol = 1; // px: sub-pixel rounding is not an overflow
  const problems = [];
  const short = (s) => (s.length > 60 ? s.slice(0, 57) + '...' : s).replace(/\s+/g, ' ').trim();
  const inside = (r, box) => r.left >= box.left - tol && r.right <= box.right + tol && r.top >= box.top - tol && r.bottom <= box.bottom + tol;
  const px = (r) => `[${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}]`;
  for (const d of document.querySelectorAll('details')) d.open = true;
  const view = { left: 0, right: window.innerWidth, top: -1e9, bottom: 1e9 };
  if (document.documentElement.scrollWidth > window.innerWidth + tol) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
  }
  // HTML text: inside its card and the window.
  const cards = [...document.querySelectorAll('main > section')];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || n.parentElement.closest('svg, style, title')) continue;
    const card = n.parentElement.closest('main > section');
    const box = card ? card.getBoundingClientRect() : view;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      if (!inside(r, { left: box.left, right: box.right, top: -1e9, bottom: 1e9 }) || !inside(r, view)) {
        const where = card ? `card "${short(card.querySelector('h2').textContent)}"` : 'the window';
        problems.push(`text "${short(n.textContent)}" ${px(r)} leaves ${where} ${px(box)}`);
        break;
      }
    }
  }
  // Charts.
  const svgs = [...document.querySelectorAll('figure.chart > svg')];
  if (expectCharts >= 0 && svgs.length !== expectCharts) problems.push(`${svgs.length} charts, want ${expectCharts}`);
  for (const s of svgs) {
    const title = s.querySelector('title') ? s.querySelector('title').textContent : '';
    const name = `chart "${short(title || s.id)}"`;
    const box = s.getBoundingClientRect();
    if (!title) problems.push(`${name}: no title`);
    if (box.width < 100 || box.height < 50) problems.push(`${name}: drawn ${Math.round(box.width)}×${Math.round(box.height)} px`);
    const card = s.closest('main > section');
    if (card && !inside(box, card.getBoundingClientRect())) problems.push(`${name} ${px(box)} leaves its card ${px(card.getBoundingClientRect())}`);
    const desc = s.querySelector('desc');
    if (desc && /^(No data|Sin datos): /.test(desc.textContent)) problems.push(`${name}: "no data" panel (${short(desc.textContent)})`);
    // Each label as the quadrilateral its glyphs' box covers on screen, so a
    // rotated label is judged by its real outline, not its bounding box.
    const texts = [...s.querySelectorAll('text')].filter((t) => t.textContent.trim());
    const rects = texts.map((t) => t.getBoundingClientRect());
    const quad = (t, inset) => {
      const b = t.getBBox();
      const m = t.getScreenCTM();
      const x0 = b.x + inset, x1 = b.x + b.width - inset, y0 = b.y + inset, y1 = b.y + b.height - inset;
      if (x1 <= x0 || y1 <= y0) return null;
      return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    };
    const quads = texts.map((t) => quad(t, 0));
    const cores = texts.map((t) => quad(t, tol)); // the label less a margin, for lines
    texts.forEach((t, i) => {
      const label = `${name}: label "${short(t.textContent)}" ${px(rects[i])}`;
      if (!inside(rects[i], box)) problems.push(`${label} leaves the chart ${px(box)}`);
      if (/…\s*$/.test(t.textContent)) problems.push(`${label} is cut short`);
      for (let j = 0; j < i; j++) {
        if (depth(quads[i], quads[j]) > tol) problems.push(`${label} overlaps "${short(texts[j].textContent)}" ${px(rects[j])}`);
      }
    });
    // Data lines: solid polylines, in screen coordinates.
    for (const pl of s.querySelectorAll('polyline')) {
      if (pl.getAttribute('stroke-dasharray')) continue;
      const m = pl.getScreenCTM();
      const pts = [...pl.points].map((p) => new DOMPoint(p.x, p.y).matrixTransform(m));
      texts.forEach((t, i) => {
        for (let k = 1; k < pts.length; k++) {
          if (cores[i] && depth([pts[k - 1], pts[k]], cores[i]) >= 0) {
            problems.push(`${name}: a data line crosses label "${short(t.textContent)}" ${px(rects[i])}`);
            break;
          }
        }
      });
    }
  }
  return problems;

  // depth returns how far two convex polygons (a segment is a polygon of two
  // points) overlap along the axis where they overlap least: less than 0 when
  // an axis separates them (the separating axis theorem). A segment that
  // crosses a polygon overlaps it by 0 along its own normal.
  function depth(a, b) {
    let least = Infinity;
    for (const poly of [a, b]) {
      for (let k = 0; k < poly.length; k++) {
        const p = poly[k], q = poly[(k + 1) % poly.length];
        let nx = q.y - p.y, ny = p.x - q.x;
        const len = Math.hypot(nx, ny);
        if (len === 0) continue;
        nx /= len; ny /= len;
        const span = (ps) => ps.reduce(([lo, hi], v) => {
          const d = v.x * nx + v.y * ny;
          return [Math.min(lo, d), Math.max(hi, d)];
        }, [Infinity, -Infinity]);
        const [alo, ahi] = span(a), [blo, bhi] = span(b);
        least = Math.min(least, Math.min(ahi, bhi) - Math.max(alo, blo));
      }
    }
    return least;
  }
}

const profile = mkdtempSync(join(tmpdir(), 'layout-check-'));
let browser;
let failed = 0;
try {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
  });
} catch (e) {
  rmSync(profile, { recursive: true, force: true });
  console.error(`layout-check: cannot start ${chromium}: ${e.message}`);
  process.exit(2);
}
try {
  const page = await browser.newPage();
  for (const file of pages) {
    for (const w of widths) {
      await page.setViewport({ width: w, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const problems = await page.evaluate(check, charts);
      const where = `${file} at ${w} px`;
      if (problems.length === 0) {
        console.log(`ok   ${where}`);
        continue;
      }
      failed += problems.length;
      console.log(`FAIL ${where}: ${problems.length} problems`);
      for (const p of problems) console.log(`     ${p}`);
    }
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
