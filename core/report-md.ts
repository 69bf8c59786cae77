/**
 * The signal report as Markdown, in Dutch, ready to forward to the
 * ambassadors; also what chat shows. Draws the sections of
 * `report-tables.ts` and adds no figures of its own. The texts live in
 * `messages-report.ts` (re-exported here as `reportText`).
 */
import { reportText as t } from './messages-report.js';
import type { SignalReport } from './report.js';
import { cellText, reportSections, type ReportTable } from './report-tables.js';

export { reportText } from './messages-report.js';

/** A Markdown table cell: no pipes or line breaks from data. */
function escapeCell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function markdownTable(table: ReportTable): string[] {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return [
    line(table.columns.map((c) => c.header)),
    `|${table.columns.map((c) => (c.kind === 'text' || c.kind === 'date' ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => line(table.columns.map((c, i) => cellText(r[i] ?? null, c.kind)))),
  ];
}

/** The report in Markdown (ends with a newline). */
export function renderSignalReportMarkdown(report: SignalReport): string {
  const lines: string[] = [
    `# ${t.title()}`,
    '',
    t.period(report.period.from, report.period.to, report.period.days),
    '',
    `${t.generated(report.generatedAt)} ${t.asOf(report.asOf)}`,
  ];
  for (const section of reportSections(report)) {
    lines.push('', `## ${section.number}. ${section.title}`);
    for (const block of section.blocks) {
      if (block.kind === 'table' && block.table.rows.length === 0) continue;
      lines.push('');
      if (block.kind === 'heading') lines.push(`### ${block.text}`);
      else if (block.kind === 'paragraph') lines.push(block.text);
      else if (block.kind === 'list') lines.push(...block.items.map((item) => `- ${item}`));
      else lines.push(...markdownTable(block.table));
    }
  }
  return `${lines.join('\n')}\n`;
}
