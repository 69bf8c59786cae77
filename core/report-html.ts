/**
 * The signal report as one self-contained HTML file, in Dutch: inline CSS
 * (with print rules for A4, every section on a new page), the four charts as
 * inline SVG, no external resource of any kind. Draws the sections of
 * `report-tables.ts` and the charts of `report-svg.ts`; every string from the
 * data is escaped. Pure.
 */
import { formatNumber, reportText as t } from './messages-report.js';
import type { SignalReport } from './report.js';
import { bottlenecksChart, escapeXml as esc, monitorChart, regionsChart, trendChart } from './report-svg.js';
import { cellText, reportSections, type ReportTable, type SectionId } from './report-tables.js';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 Arial, Helvetica, sans-serif; color: #1b2a3a; background: #fff; margin: 0 auto; max-width: 200mm; padding: 10mm 8mm 16mm; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
h2 { font-size: 15pt; margin: 20pt 0 6pt; padding-bottom: 3pt; border-bottom: 2px solid #1b2a3a; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
p { margin: 4pt 0; }
.meta { color: #3d4a57; margin: 1pt 0; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6pt; margin: 10pt 0 4pt; padding: 0; list-style: none; }
.card { border: 1.5px solid #1b2a3a; padding: 6pt 8pt; }
.card .value { display: block; font-size: 22pt; font-weight: bold; line-height: 1.1; }
.card .label { display: block; font-size: 9pt; }
nav ol { columns: 2; margin: 4pt 0; padding-left: 16pt; }
nav a { color: inherit; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 8.8pt; }
caption { text-align: left; font-weight: bold; padding: 0 0 3pt; }
th, td { border-bottom: 1px solid #c9d1d9; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
thead th, thead th.num, thead th.date { border-bottom: 2px solid #1b2a3a; background: #eef1f4; vertical-align: bottom; white-space: normal; }
td, th { overflow-wrap: break-word; }
.long { overflow-wrap: anywhere; min-width: 7em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.date { white-space: nowrap; }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #1b2a3a; border-bottom: none; }
figure { margin: 8pt 0 12pt; }
figcaption { font-weight: bold; margin-bottom: 3pt; }
figure svg { display: block; width: 100%; height: auto; }
.hint { font-size: 8.5pt; color: #3d4a57; }
@page { size: A4 portrait; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .hint, nav { display: none; }
  section { break-before: page; }
  section.first { break-before: auto; }
  h2, h3, caption, figcaption { break-after: avoid; }
  tr, figure, .cards { break-inside: avoid; }
  thead { display: table-header-group; }
  thead th { background: none; }
}
`;

const CHARTS: Partial<Record<SectionId, (r: SignalReport) => { title: string; svg: string }>> = {
  bottlenecks: (r) => ({ title: t.chartBottlenecksTitle(), svg: bottlenecksChart(r) }),
  regions: (r) => ({ title: t.chartRegionsTitle(), svg: regionsChart(r) }),
  monitor: (r) => ({ title: t.chartMonitorTitle(), svg: monitorChart(r) }),
  trend: (r) => ({ title: t.chartTrendTitle(), svg: trendChart(r) }),
};

/** A table; its caption is only visually hidden when a heading right above already says the same. */
function htmlTable(table: ReportTable, heading: string): string {
  // Long prose columns may break anywhere (so wide tables fit the page); short ones keep their words whole.
  const cls = (kind: string, width: number) => (kind === 'text' ? (width >= 30 ? ' class="long"' : '') : kind === 'date' ? ' class="date"' : ' class="num"');
  const row = (cells: ReportTable['rows'][number]) =>
    `<tr>${table.columns
      .map((c, i) => {
        const value = esc(cellText(cells[i] ?? null, c.kind));
        return i === 0 ? `<th scope="row"${cls(c.kind, c.width)}>${value}</th>` : `<td${cls(c.kind, c.width)}>${value}</td>`;
      })
      .join('')}</tr>`;
  return [
    `<table><caption${table.caption === heading ? ' class="sr-only"' : ''}>${esc(table.caption)}</caption>`,
    `<thead><tr>${table.columns.map((c) => `<th scope="col"${cls(c.kind, c.width)}>${esc(c.header)}</th>`).join('')}</tr></thead>`,
    `<tbody>${table.rows.map(row).join('')}</tbody>`,
    table.total ? `<tfoot>${row(table.total)}</tfoot>` : '',
    '</table>',
  ].join('');
}

/** The report as one HTML document (`<!doctype html>` … `</html>`). */
export function renderSignalReportHtml(report: SignalReport): string {
  const h = report.headline;
  const sections = reportSections(report);
  const cards: Array<[number, string]> = [
    [h.newCases, t.newCases()],
    [h.openCases, t.openCases()],
    [h.signals, t.signalsWithPrevious(h.signalsPreviousPeriod)],
    [h.awaitingAmbassadors, t.awaitingAmbassadors()],
  ];
  const body: string[] = [
    '<header>',
    `<h1>${esc(t.title())}</h1>`,
    `<p class="meta">${esc(t.period(report.period.from, report.period.to, report.period.days))}</p>`,
    `<p class="meta">${esc(t.generated(report.generatedAt))} ${esc(t.asOf(report.asOf))}</p>`,
    `<ul class="cards">${cards.map(([value, label]) => `<li class="card"><span class="value">${esc(formatNumber(value))}</span><span class="label">${esc(label)}</span></li>`).join('')}</ul>`,
    `<nav aria-label="${esc(t.contents())}"><ol>${sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('')}</ol></nav>`,
    `<p class="hint">${esc(t.printHint())}</p>`,
    '</header>',
    '<main>',
  ];
  for (const section of sections) {
    body.push(`<section id="${section.id}" aria-labelledby="h-${section.id}"${section.number === 1 ? ' class="first"' : ''}>`);
    body.push(`<h2 id="h-${section.id}">${section.number}. ${esc(section.title)}</h2>`);
    const chart = CHARTS[section.id]?.(report);
    let chartDone = !chart;
    let heading = section.title;
    for (const block of section.blocks) {
      if (block.kind === 'table' && block.table.rows.length === 0) continue;
      if (block.kind === 'table' && !chartDone && chart) {
        body.push(`<figure><figcaption>${esc(chart.title)}</figcaption>${chart.svg}</figure>`);
        chartDone = true;
      }
      if (block.kind === 'heading') {
        heading = block.text;
        body.push(`<h3>${esc(block.text)}</h3>`);
      }
      else if (block.kind === 'paragraph') body.push(`<p>${esc(block.text)}</p>`);
      else if (block.kind === 'list') body.push(`<ul>${block.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);
      else body.push(htmlTable(block.table, heading));
    }
    if (!chartDone && chart) body.push(`<figure><figcaption>${esc(chart.title)}</figcaption>${chart.svg}</figure>`);
    body.push('</section>');
  }
  body.push('</main>');
  const title = `${t.title()} – ${t.period(report.period.from, report.period.to, report.period.days)}`;
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body>${body.join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n');
}
