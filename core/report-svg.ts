/**
 * The report's four charts as small hand-written inline SVG: bottlenecks
 * ranked, cases per region, the monthly trend and monitor clients per year.
 *
 * Made for print and for people who cannot see colour: every bar carries its
 * value as text, series differ by pattern (solid, hatched, dotted) and not by
 * colour alone, axes are labelled, and every chart is an `<svg role="img">`
 * named by its `<title>` and described by its `<desc>`. Every string from the
 * data is escaped. Pure.
 */
import { formatNumber, reportText as t } from './messages-report.js';
import type { SignalReport } from './report.js';

/** Escape text for HTML and XML: element content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const INK = '#1b2a3a';
const GRID = '#c9d1d9';
const FONT = 'font-family="Arial, Helvetica, sans-serif"';

/** The fills a chart may use, each readable in black and white. */
type Fill = 'solid' | 'hatch' | 'dots' | 'cross';

function patterns(id: string): string {
  return [
    `<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${INK}" stroke-width="2.4"/></pattern>`,
    `<pattern id="${id}-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.3" fill="${INK}"/></pattern>`,
    `<pattern id="${id}-cross" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><path d="M0 0L6 6M6 0L0 6" stroke="${INK}" stroke-width="1"/></pattern>`,
  ].join('');
}

const fillOf = (id: string, fill: Fill) => (fill === 'solid' ? INK : `url(#${id}-${fill})`);

function bar(id: string, fill: Fill, x: number, y: number, w: number, h: number): string {
  return `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(w, 0))}" height="${r1(Math.max(h, 0))}" fill="${fillOf(id, fill)}" stroke="${INK}" stroke-width="0.8"/>`;
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${r1(x)}" y="${r1(y)}" ${attrs}>${escapeXml(s)}</text>`;
}

const r1 = (n: number) => String(Math.round(n * 10) / 10);

/** Shorten a label to `max` characters, with an ellipsis. */
export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** A round axis maximum and tick step for values up to `max` (at least 1): about five ticks of 1, 2 or 5 × 10ⁿ. */
export function niceScale(max: number): { max: number; step: number } {
  const m = Math.max(1, max);
  const raw = m / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const stepInt = Math.max(1, step);
  return { max: Math.ceil(m / stepInt) * stepInt, step: stepInt };
}

function open(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="11" fill="${INK}">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc><defs>${patterns(id)}</defs>`
  );
}

function legend(id: string, x: number, y: number, items: Array<{ fill: Fill; label: string }>): string {
  let cx = x;
  return items
    .map((item) => {
      const out = bar(id, item.fill, cx, y - 9, 14, 10) + text(cx + 19, y, item.label);
      cx += 19 + item.label.length * 6.2 + 18;
      return out;
    })
    .join('');
}

interface HBarRow {
  label: string;
  /** One value per series; null: no figure (no bar, a dash). */
  values: Array<number | null>;
}

/**
 * Horizontal bars, one group per row with one bar per series (by default
 * the first series thick and the others thinner below it), values at the bar
 * ends, a value axis with grid lines at the bottom.
 */
function horizontalBars(o: {
  id: string;
  title: string;
  desc: string;
  rows: HBarRow[];
  series: Array<{ fill: Fill; label: string }>;
  axisLabel: string;
  labelWidth: number;
  labelChars: number;
  barHeights?: number[];
}): string {
  const width = 720;
  const top = 34;
  const barH = o.barHeights ?? o.series.map((_, i) => (i === 0 ? 12 : 7));
  const groupH = barH.reduce((a, b) => a + b + 1, -1);
  const rowH = groupH + 9;
  const plotX = o.labelWidth;
  const plotW = width - plotX - 46;
  const bottom = top + Math.max(1, o.rows.length) * rowH;
  const height = bottom + 40;
  const scale = niceScale(Math.max(0, ...o.rows.flatMap((r) => r.values.map((v) => v ?? 0))));
  const xOf = (v: number) => plotX + (v / scale.max) * plotW;
  const parts = [open(o.id, width, height, o.title, o.desc), legend(o.id, plotX, 16, o.series)];
  for (let v = 0; v <= scale.max; v += scale.step) {
    parts.push(`<line x1="${r1(xOf(v))}" y1="${top - 4}" x2="${r1(xOf(v))}" y2="${bottom}" stroke="${GRID}" stroke-width="0.8"/>`);
    parts.push(text(xOf(v), bottom + 14, formatNumber(v), 'text-anchor="middle" font-size="10"'));
  }
  parts.push(text(plotX + plotW / 2, bottom + 32, o.axisLabel, 'text-anchor="middle" font-style="italic"'));
  parts.push(`<line x1="${plotX}" y1="${top - 4}" x2="${plotX}" y2="${bottom}" stroke="${INK}" stroke-width="1"/>`);
  if (o.rows.length === 0) parts.push(text(plotX + 8, top + 14, t.chartNoData()));
  o.rows.forEach((row, i) => {
    let y = top + i * rowH + 4;
    parts.push(text(plotX - 8, y + groupH / 2 + 3.5, truncate(row.label, o.labelChars), 'text-anchor="end"'));
    row.values.forEach((v, s) => {
      const h = barH[s]!;
      const big = h >= 10;
      if (v !== null) parts.push(bar(o.id, o.series[s]!.fill, plotX, y, xOf(v) - plotX, h));
      parts.push(text(xOf(v ?? 0) + 4, y + h - (big ? 2 : 0), v === null ? t.none() : formatNumber(v), big ? 'font-weight="bold"' : `font-size="${h >= 8 ? 9 : 8.5}"`));
      y += h + 1;
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Bottlenecks ranked by signals in the period, with the previous period below each. */
export function bottlenecksChart(report: SignalReport, id = 'chart-bottlenecks'): string {
  return horizontalBars({
    id,
    title: t.chartBottlenecksTitle(),
    desc: t.chartBottlenecksDesc(report.bottlenecks.length),
    rows: report.bottlenecks.map((b) => ({ label: `${b.bottleneckId} ${b.title}`, values: [b.signals, b.signalsPreviousPeriod] })),
    series: [
      { fill: 'solid', label: t.legendThisPeriod() },
      { fill: 'hatch', label: t.legendPreviousPeriod() },
    ],
    axisLabel: t.axisSignals(),
    labelWidth: 300,
    labelChars: 48,
  });
}

/** Open cases (and new cases in the period) per region, most open cases first. */
export function regionsChart(report: SignalReport, id = 'chart-regions'): string {
  const rows = [...report.regions]
    .sort((a, b) => b.openCases - a.openCases || b.newCases - a.newCases || a.regionName.localeCompare(b.regionName, 'nl'))
    .map((r) => ({ label: r.regionName, values: [r.openCases, r.newCases] }));
  return horizontalBars({
    id,
    title: t.chartRegionsTitle(),
    desc: t.chartRegionsDesc(rows.length),
    rows,
    series: [
      { fill: 'solid', label: t.legendOpen() },
      { fill: 'hatch', label: t.legendNew() },
    ],
    axisLabel: t.axisCases(),
    labelWidth: 190,
    labelChars: 30,
  });
}

/** Included clients per region, one bar per year (the last three years with figures). */
export function monitorChart(report: SignalReport, id = 'chart-monitor'): string {
  const years = report.monitor.perYear.slice(-3);
  const fills = (['dots', 'hatch', 'solid'] as Fill[]).slice(3 - years.length);
  return horizontalBars({
    id,
    title: t.chartMonitorTitle(),
    desc: t.chartMonitorDesc(years.map((y) => y.year)),
    rows: report.regions
      .filter((r) => years.some((y) => y.byRegion[r.regionCode] !== undefined))
      .map((r) => ({ label: r.regionName, values: years.map((y) => y.byRegion[r.regionCode] ?? null) })),
    series: years.map((y, i) => ({ fill: fills[i]!, label: String(y.year) })),
    axisLabel: t.axisClients(),
    labelWidth: 190,
    labelChars: 30,
    barHeights: years.map(() => 8),
  });
}

/** Two bar panels, one above the other: signals per month and new cases per month (each its own scale). */
export function trendChart(report: SignalReport, id = 'chart-trend'): string {
  const width = 720;
  const plotX = 56;
  const plotW = width - plotX - 16;
  const panelH = 130;
  const slot = plotW / Math.max(1, report.trend.length);
  const panels = [
    { label: t.signals(), axis: t.axisSignals(), fill: 'solid' as Fill, values: report.trend.map((m) => m.signals) },
    { label: t.newCases(), axis: t.axisCases(), fill: 'hatch' as Fill, values: report.trend.map((m) => m.newCases) },
  ];
  const panelTotal = panelH + 62;
  const height = panels.length * panelTotal + 8;
  const parts = [open(id, width, height, t.chartTrendTitle(), t.chartTrendDesc())];
  panels.forEach((panel, p) => {
    const top = p * panelTotal + 28;
    const bottom = top + panelH;
    const scale = niceScale(Math.max(0, ...panel.values));
    const yOf = (v: number) => bottom - (v / scale.max) * panelH;
    parts.push(text(plotX, top - 12, panel.label, 'font-weight="bold" font-size="12"'));
    for (let v = 0; v <= scale.max; v += scale.step) {
      parts.push(`<line x1="${plotX}" y1="${r1(yOf(v))}" x2="${plotX + plotW}" y2="${r1(yOf(v))}" stroke="${GRID}" stroke-width="0.8"/>`);
      parts.push(text(plotX - 6, yOf(v) + 3.5, formatNumber(v), 'text-anchor="end" font-size="10"'));
    }
    parts.push(text(14, top + panelH / 2, panel.axis, `text-anchor="middle" font-style="italic" font-size="10" transform="rotate(-90 14 ${r1(top + panelH / 2)})"`));
    parts.push(`<line x1="${plotX}" y1="${bottom}" x2="${plotX + plotW}" y2="${bottom}" stroke="${INK}" stroke-width="1"/>`);
    panel.values.forEach((v, i) => {
      const x = plotX + i * slot + slot * 0.18;
      const w = slot * 0.64;
      parts.push(bar(id, panel.fill, x, yOf(v), w, bottom - yOf(v)));
      parts.push(text(x + w / 2, yOf(v) - 4, formatNumber(v), 'text-anchor="middle" font-size="10" font-weight="bold"'));
      parts.push(text(x + w / 2, bottom + 14, t.monthShort(report.trend[i]!.month), 'text-anchor="middle" font-size="10"'));
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
