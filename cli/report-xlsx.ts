/**
 * The signal report as an Excel workbook, for people who live in Excel: one
 * sheet per section, the section's main table at the top with a bold, frozen
 * header row, the other tables and the texts below it; numbers as numbers,
 * dates as real Excel dates. Draws the same sections as markdown and html
 * (`core/report-tables.ts`). exceljs is loaded only here, when an xlsx is
 * asked for.
 */
import { Buffer } from 'node:buffer';
import type { Worksheet } from 'exceljs';
import { reportText } from '../core/messages-report.js';
import type { SignalReport } from '../core/report.js';
import { reportSections, type Cell, type ColumnKind, type ReportTable } from '../core/report-tables.js';

const NUMBER_FORMAT: Partial<Record<ColumnKind, string>> = { date: 'd-m-yyyy', signed: '+0;-0;0' };

/** A cell's value for Excel: a calendar day becomes a date (midnight UTC, which Excel shows as that day). */
function excelValue(cell: Cell): string | number | Date | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'object') return new Date(Date.UTC(+cell.date.slice(0, 4), +cell.date.slice(5, 7) - 1, +cell.date.slice(8, 10)));
  return cell;
}

/** Write `table` from `startRow` (the header row); returns the next free row. */
function writeTable(ws: Worksheet, table: ReportTable, startRow: number): number {
  const header = ws.getRow(startRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'bottom', wrapText: true, horizontal: c.kind === 'text' || c.kind === 'date' ? 'left' : 'right' };
    cell.border = { bottom: { style: 'thin' } };
  });
  let r = startRow + 1;
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  rows.forEach((cells, index) => {
    const row = ws.getRow(r++);
    const isTotal = table.total !== undefined && index === rows.length - 1;
    table.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = excelValue(cells[i] ?? null);
      const format = NUMBER_FORMAT[c.kind];
      if (format) cell.numFmt = format;
      if (c.kind === 'text') cell.alignment = { vertical: 'top', wrapText: true };
      if (isTotal) cell.font = { bold: true };
    });
  });
  return r;
}

/** The workbook as the bytes of an .xlsx file. */
export async function renderSignalReportXlsx(report: SignalReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Coördinatiepunt Levensloopaanpak';
  wb.title = reportText.title();
  wb.created = new Date(report.generatedAt);
  wb.modified = new Date(report.generatedAt);
  for (const section of reportSections(report)) {
    const main = section.blocks.find((b) => b.kind === 'table');
    const ws = wb.addWorksheet(section.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    let row = 1;
    if (main?.kind === 'table') {
      main.table.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
      row = writeTable(ws, main.table, 1) + 1;
    }
    const notes = section.number === 1 ? [reportText.period(report.period.from, report.period.to, report.period.days), reportText.generated(report.generatedAt), reportText.asOf(report.asOf)] : [];
    for (const text of notes) ws.getCell(row++, 1).value = text;
    for (const block of section.blocks) {
      if (block === main) continue;
      if (block.kind === 'paragraph') ws.getCell(row++, 1).value = block.text;
      else if (block.kind === 'heading') {
        row += 1;
        const cell = ws.getCell(row++, 1);
        cell.value = block.text;
        cell.font = { bold: true };
      } else if (block.kind === 'list') for (const item of block.items) ws.getCell(row++, 1).value = item;
      else row = writeTable(ws, block.table, row) + 1;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
