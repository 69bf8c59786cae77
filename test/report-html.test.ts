/**
 * The html report as a person sees it: rendered in headless Chromium
 * (Debian's `chromium`, driven by playwright-core) to a PNG, without console
 * errors or requests, with its four charts visible. Chromium must be
 * installed (`apt-get install -y chromium`; .ci/run does it): without it this
 * test fails and says so, it is never skipped.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignalReport } from '../core/report.js';
import { renderSignalReportHtml } from '../core/report-html.js';
import { generateDemoStore } from '../data/demo.js';
import { CHROMIUM_MISSING, CHROMIUM_PATH, screenshotHtml } from '../scripts/report-screenshot.mjs';
import { OCTOBER, REPORT_NOW, reportDataset } from './helpers/report-dataset.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lla-rapport-png-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('html report in headless Chromium', () => {
  it('Chromium is installed', () => {
    expect(existsSync(CHROMIUM_PATH), CHROMIUM_MISSING).toBe(true);
  });

  it.each([
    ['the hand-checkable dataset', () => buildSignalReport(reportDataset(), OCTOBER)],
    ['the demo data', () => buildSignalReport(generateDemoStore({ now: REPORT_NOW }), OCTOBER)],
  ])('%s: a PNG without console errors or requests, every chart visible', async (_name, make) => {
    const png = path.join(dir, `rapport-${_name.replace(/\W+/g, '-')}.png`);
    const result = await screenshotHtml(renderSignalReportHtml(make()), png, { width: 1000, height: 1400 });
    expect(result.consoleErrors).toEqual([]);
    expect(result.requests).toEqual([]);
    expect(result.lang).toBe('nl');
    expect(result.title).toContain('Signalenrapportage Levensloopaanpak');
    expect(result.charts.map((c) => c.id)).toEqual(['chart-bottlenecks', 'chart-regions', 'chart-monitor', 'chart-trend']);
    for (const chart of result.charts) {
      expect(chart.width, chart.id).toBeGreaterThan(300);
      expect(chart.height, chart.id).toBeGreaterThan(100);
      expect(chart.labelledBy, chart.id).toEqual(['title', 'desc']);
      expect(chart.title.length, chart.id).toBeGreaterThan(5);
      expect(chart.texts, chart.id).toBeGreaterThan(10);
    }
    expect(result.bytes).toBeGreaterThan(10 * 1024);
  });
});
