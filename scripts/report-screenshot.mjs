/**
 * The signal report's html in headless Chromium: Debian's `chromium`
 * (/usr/bin/chromium, `apt-get install chromium`), driven by playwright-core,
 * which downloads no browser of its own.
 *
 *   npm run build && node scripts/report-screenshot.mjs [uit.png]
 *
 * makes docs/rapport-voorbeeld.png (or the given file): the report for
 * October 2026 on the demo data of `npm run demo`, generated as on
 * 22 November 2026, so the picture only changes when the report does.
 *
 * `screenshotHtml` is also what the html test uses (test/report-html.test.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), and nothing that reaches for the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_MISSING = `Chromium ontbreekt (${CHROMIUM_PATH}). Installeer het met: apt-get install -y chromium (.ci/run doet dat zelf).`;

/**
 * Open `html` as a file in a fresh headless Chromium profile, take a PNG
 * screenshot and report what a person would have seen go wrong.
 */
export async function screenshotHtml(html, pngFile, options = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
  const { chromium } = await import('playwright-core');
  const width = options.width ?? 1000;
  const height = options.height ?? 1400;
  const work = await mkdtemp(path.join(tmpdir(), 'lla-rapport-'));
  const htmlFile = path.join(work, 'rapport.html');
  await writeFile(htmlFile, html);
  const fileUrl = pathToFileURL(htmlFile).href;
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    deviceScaleFactor: 1,
    timeout: 30_000,
  });
  const consoleErrors = [];
  const requests = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== fileUrl) requests.push(r.url());
    });
    await page.goto(fileUrl, { waitUntil: 'load', timeout: 30_000 });
    const charts = await page.$$eval('svg[role="img"]', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        return {
          id: svg.id,
          width: box.width,
          height: box.height,
          labelledBy: ids.map((id) => document.getElementById(id)?.tagName ?? null),
          title: svg.querySelector('title')?.textContent ?? '',
          texts: svg.querySelectorAll('text').length,
        };
      }),
    );
    const title = await page.title();
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (options.clipHeight) {
      const full = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: pngFile, clip: { x: 0, y: 0, width, height: Math.min(options.clipHeight, full) }, fullPage: true });
    } else {
      await page.screenshot({ path: pngFile, fullPage: options.fullPage ?? true });
    }
    const { size } = await stat(pngFile);
    return { consoleErrors, requests, charts, title, lang, bytes: size };
  } finally {
    await context.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** docs/rapport-voorbeeld.png from the demo data (needs `npm run build`). */
async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'rapport-voorbeeld.png'));
  const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
  const { generateDemoStore } = await import(dist('data/demo.js'));
  const { buildSignalReport } = await import(dist('core/report.js'));
  const { renderSignalReportHtml } = await import(dist('core/report-html.js'));
  const now = new Date('2026-11-22T10:00:00.000Z');
  const report = buildSignalReport(generateDemoStore({ now }), { from: '2026-10-01', to: '2026-10-31', now });
  const result = await screenshotHtml(renderSignalReportHtml(report), out, { width: 900, height: 1200, clipHeight: 2100 });
  if (result.consoleErrors.length > 0 || result.requests.length > 0) {
    throw new Error(`het rapport gaf fouten of haalde iets op: ${[...result.consoleErrors, ...result.requests].join('; ')}`);
  }
  process.stdout.write(`${out} (${Math.round(result.bytes / 1024)} kB, ${result.charts.length} grafieken)\n`);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
