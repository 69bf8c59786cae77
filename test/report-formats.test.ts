/**
 * The report's formats on the hand-checkable dataset: json and md agree
 * (every figure, date and name of the data object is in the markdown), the
 * xlsx opens with exceljs and has the sheets, header rows and typed values,
 * and the html is one self-contained, escaped, accessible document.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../core/dates.js';
import { formatNumber, reportText } from '../core/messages-report.js';
import { buildSignalReport } from '../core/report.js';
import { renderSignalReportHtml } from '../core/report-html.js';
import { renderSignalReportMarkdown } from '../core/report-md.js';
import { renderSignalReportXlsx } from '../cli/report-xlsx.js';
import { OCTOBER, reportDataset } from './helpers/report-dataset.js';
import { readmeReportKeys, undocumentedKeys } from './helpers/report-readme.js';

const report = buildSignalReport(reportDataset(), OCTOBER);

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: string[] = []): Array<{ path: string[]; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

/** Strings that are shown as they are (names, codes, titles); the rest are codes shown as labels. */
const VERBATIM = new Set(['regionCode', 'regionName', 'bottleneckId', 'title', 'owner', 'approach', 'caseCode', 'id', 'name', 'firstContactName', 'place', 'period']);

describe('json and md agree', () => {
  // A pipe from the data is escaped in a markdown table cell.
  const md = renderSignalReportMarkdown(report).replace(/\\\|/g, '|');
  const json = JSON.parse(JSON.stringify(report)) as unknown;
  const numbersInMd = new Set([...md.matchAll(/-?\d+(?:,\d+)?/g)].map((m) => m[0]));

  it('every number of the json is in the markdown', () => {
    const missing = leaves(json)
      .filter((l) => typeof l.value === 'number')
      .filter((l) => !numbersInMd.has(formatNumber(l.value as number)))
      .map((l) => `${l.path.join('.')}=${String(l.value)}`);
    expect(missing).toEqual([]);
    // The dataset's figures are not all the same few numbers: the check has teeth.
    expect(new Set(leaves(json).filter((l) => typeof l.value === 'number').map((l) => l.value)).size).toBeGreaterThan(25);
  });

  it('every date, month, name and code of the json is in the markdown', () => {
    const missing: string[] = [];
    for (const l of leaves(json)) {
      if (typeof l.value !== 'string') continue;
      const key = l.path.find((p, i) => i === l.path.length - 1 && !/^\d+$/.test(p)) ?? l.path.at(-2)!;
      const v = l.value;
      let shown: string | null = null;
      if (key === 'generatedAt') shown = formatDateTime(v);
      else if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(v)) shown = formatDate(v);
      else if (/^\d{4}-\d{2}$/.test(v)) shown = reportText.month(v);
      else if (VERBATIM.has(key) || l.path.includes('bottleneckIds') || l.path.includes('missingRegions')) shown = key === 'missingRegions' || l.path.includes('missingRegions') ? null : v;
      if (shown !== null && !md.includes(shown)) missing.push(`${l.path.join('.')}=${v}`);
    }
    expect(missing).toEqual([]);
  });

  it('the missing monitor regions are named', () => {
    for (const code of report.monitor.latestRound!.missingRegions) {
      expect(md).toContain(report.regions.find((r) => r.regionCode === code)!.regionName);
    }
  });
});

describe('json keys', () => {
  it('every key of the report, nested ones too, is documented in the README', async () => {
    const tree = await readmeReportKeys();
    expect(undocumentedKeys(JSON.parse(JSON.stringify(report)), tree)).toEqual([]);
    // And the README names nothing that is not there.
    expect([...tree.keys()]).toEqual(Object.keys(report));
  });
});

describe('xlsx', () => {
  it('opens with exceljs: one sheet per section, bold frozen header rows, numbers as numbers, dates as dates', async () => {
    const bytes = await renderSignalReportXlsx(report);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kerncijfers', 'Knelpunten', 'Regio’s', 'Besluiten ambassadeurs', 'Taakgroepen', 'Bijeenkomsten', 'Monitor', 'Trend']);
    const header = (name: string) => (wb.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(header('Kerncijfers')).toEqual(['Cijfer', 'Aantal']);
    expect(header('Knelpunten')).toEqual(['#', 'Knelpunt', 'Signalen', 'Vorige periode', 'Verschil', 'Trend', 'Regio’s', 'Casussen', 'Eigenaar', 'Aanvliegroute']);
    expect(header('Regio’s')).toEqual(['Regio', 'Open casussen', 'Nieuwe casussen', 'Signalen', 'Oudste open casus (dagen)', 'Dakloosheid binnen 30 dagen', 'Laatste melding', 'Cliënten (monitor)', 'Laatste ronde']);
    expect(header('Besluiten ambassadeurs')[0]).toBe('Casus');
    expect(header('Taakgroepen')[0]).toBe('Taakgroep');
    expect(header('Bijeenkomsten')).toContain('Capaciteit');
    expect(header('Monitor')).toEqual(['Regio', 'Gestart', 'Laatste ronde', 'Cliënten', 'Nieuw ingestroomd', 'Uitstroom', '2025', '2026']);
    expect(header('Trend')).toEqual(['Maand', 'Nieuwe casussen', 'Signalen']);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(Math.max(...ws.columns.map((c) => c.width ?? 0)), ws.name).toBeGreaterThanOrEqual(16);
    }
    const kern = wb.getWorksheet('Kerncijfers')!;
    expect(kern.getCell('A2').value).toBe('Nieuwe vastgelopen casussen');
    expect(kern.getCell('B2').value).toBe(2);
    expect(kern.getCell('B8').value).toBe(6);
    const steps = kern.getColumn(1).values.indexOf('gemeld → in behandeling');
    expect(steps).toBeGreaterThan(0);
    expect(kern.getRow(steps).getCell(3).value).toBe(7.5);
    const regions = wb.getWorksheet('Regio’s')!;
    expect(regions.getCell('A2').value).toBe('Haaglanden (HGL)');
    expect(regions.getCell('E2').value).toBe(60);
    expect(regions.getCell('G2').value).toEqual(new Date(Date.UTC(2026, 9, 16)));
    expect(regions.getCell('G2').numFmt).toBe('d-m-yyyy');
    expect(regions.getCell('G3').value).toBeNull();
    const bottlenecks = wb.getWorksheet('Knelpunten')!;
    expect(bottlenecks.getCell('E2').value).toBe(3);
    expect(bottlenecks.getCell('E5').value).toBe(-1);
    expect(bottlenecks.getCell('E5').numFmt).toBe('+0;-0;0');
    const escalations = wb.getWorksheet('Besluiten ambassadeurs')!;
    expect(escalations.getCell('A2').value).toBe('VC-2026-0001');
    expect(escalations.getCell('F2').value).toEqual(new Date(Date.UTC(2026, 9, 10)));
    expect(escalations.getCell('G2').value).toBe(21);
    const monitor = wb.getWorksheet('Monitor')!;
    const total = monitor.getRow(report.regions.length + 2);
    expect(total.getCell(1).value).toBe('Totaal');
    expect(total.getCell(7).value).toBe(25);
    expect(total.getCell(1).font?.bold).toBe(true);
    const trend = wb.getWorksheet('Trend')!;
    expect(trend.getCell('A13').value).toBe('oktober 2026');
    expect(trend.getCell('C13').value).toBe(6);
  });

  it('an empty section still has its header row', async () => {
    const empty = buildSignalReport({ ...reportDataset(), cases: [], taskGroups: [], events: [] }, OCTOBER);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderSignalReportXlsx(empty)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Besluiten ambassadeurs')!;
    expect(ws.getCell('A1').value).toBe('Casus');
    expect(ws.getCell('A3').value).toBe('Er wachten geen casussen op een besluit van de ambassadeurs.');
  });
});

describe('html', () => {
  const html = renderSignalReportHtml(report);

  it('is one Dutch document with inline CSS, print rules for A4 and nothing external', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4 portrait;');
    expect(html).toContain('section { break-before: page; }');
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*"(?!#)/i);
    expect(html).not.toMatch(/url\((?!#)/);
    // The only URL is the SVG namespace.
    expect([...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
  });

  it('escapes every string from the data', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Vakdag &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('woonvorm <b>');
    expect(html).toContain('woonvorm &lt;b&gt;');
  });

  it('four charts, each an accessible image with a title, a description and value labels', () => {
    const svgs = [...html.matchAll(/<svg [^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length).toBe(4);
    for (const svg of svgs) {
      const id = /id="([^"]+)"/.exec(svg)![1]!;
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]+</desc>`));
      // Patterns, not colour alone.
      expect(svg).toContain(`<pattern id="${id}-hatch"`);
    }
    const [bottlenecks, regions, monitor, trend] = svgs as [string, string, string, string];
    expect(bottlenecks).toContain('>KP-09 Wlz-indicatie sluit Wmo-plek uit</text>');
    // Long labels are shortened; the table has them in full.
    expect(bottlenecks).toContain('>KP-02 Wlz-indicatie tijdens detentie komt te la…</text>');
    expect(bottlenecks).toContain('font-weight="bold">3</text>');
    expect(bottlenecks).toContain('>aantal signalen</text>');
    expect(regions).toContain('>Haaglanden</text>');
    expect(monitor).toContain('>2025</text>');
    expect(monitor).toContain('>12</text>');
    expect(trend).toContain('>okt ’26</text>');
    expect(trend).toContain('>6</text>');
  });

  it('tables have captions and header cells with a scope', () => {
    const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const table of tables) {
      expect(table).toMatch(/^<table><caption[^>]*>[^<]+<\/caption><thead><tr><th scope="col"/);
      expect(table).not.toMatch(/<th(?=[\s>])(?![^>]*scope)/);
    }
  });
});
