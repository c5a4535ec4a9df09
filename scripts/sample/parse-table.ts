/**
 * Parses the published progress table (TAB-separated text extracted from the PDF) into blocks
 * that the sample writer lays out row by row. Values stay exactly as printed.
 */

export const TABLE_WIDTH = 14;

export type Block =
  | { kind: 'title' | 'note' | 'part' | 'goal' | 'area' | 'policy' | 'measure' | 'projects'; text: string }
  | { kind: 'header'; cells: string[] }
  | { kind: 'kpi'; actual: string[]; rate: string[] };

export interface ParsedTable {
  blocks: Block[];
}

const GOAL = /^基本目標[①②③④]/;
const AREA = /^(i|ii|iii|iv) \S/;
const MEASURE = /^施\s*策：/;
const PROJECTS = /^事業等：/;
const POLICY = /^《基本方針》/;
const PART = /^■/;
const NOTE = /^- /;

function cellsOf(line: string): string[] {
  const cells = line.split('\t').map((c) => c.trim());
  while (cells.length < TABLE_WIDTH) cells.push('');
  return cells;
}

function isHeader(cells: string[]): boolean {
  return cells[0].startsWith('重要業績評価指標');
}

export class TableParseError extends Error {}

/** Parses the whole text; throws TableParseError naming the line when a line fits nothing. */
export function parseProgressTable(text: string): ParsedTable {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new TableParseError(`line ${i + 1}: ${why}: ${JSON.stringify(lines[i])}`);
  };

  // Title: the first non-blank line.
  while (i < lines.length && lines[i].trim() === '') i++;
  blocks.push({ kind: 'title', text: lines[i].trim() });
  i++;
  // The table of contents (目次) runs up to the notes; a workbook has no page numbers, so skip it.
  while (i < lines.length && !NOTE.test(lines[i])) i++;

  let namePrefix = '';
  let inTable = false;
  let last: Block | undefined;
  for (; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    if (line === '') continue;
    if (raw.includes('\t')) {
      const cells = cellsOf(raw);
      if (cells.length > TABLE_WIDTH) fail(`expected ${TABLE_WIDTH} columns, found ${cells.length}`);
      if (isHeader(cells)) {
        last = { kind: 'header', cells };
        blocks.push(last);
        inTable = true;
        continue;
      }
      if (cells[1] === '実績値') {
        if (!inTable) fail('実績値 row outside a KPI table');
        const next = i + 1 < lines.length ? cellsOf(lines[i + 1]) : [];
        if (next[1] !== '達成率') fail('実績値 row not followed by a 達成率 row');
        const actual = cells.slice();
        actual[0] = (namePrefix + actual[0]).trim();
        namePrefix = '';
        last = { kind: 'kpi', actual, rate: next };
        blocks.push(last);
        i++;
        continue;
      }
      fail('a table row that is neither a header, a 実績値 row nor a 達成率 row');
    }
    const heading = headingKind(line);
    if (heading) {
      if (namePrefix) fail('a KPI name fragment not followed by its 実績値 row');
      inTable = false;
      last = { kind: heading, text: line };
      blocks.push(last);
      continue;
    }
    if (last?.kind === 'policy') {
      last.text += '\n' + line; // another paragraph of the same 基本方針
      continue;
    }
    if (inTable) {
      namePrefix += line; // a KPI name wrapped onto its own text line
      continue;
    }
    fail('text that is no heading, note or table row');
  }
  if (namePrefix) throw new TableParseError(`a KPI name fragment at the end of the text: ${namePrefix}`);
  return { blocks };
}

function headingKind(line: string): Exclude<Block['kind'], 'header' | 'kpi' | 'title'> | null {
  if (NOTE.test(line)) return 'note';
  if (PART.test(line)) return 'part';
  if (GOAL.test(line)) return 'goal';
  if (AREA.test(line)) return 'area';
  if (POLICY.test(line)) return 'policy';
  if (MEASURE.test(line)) return 'measure';
  if (PROJECTS.test(line)) return 'projects';
  return null;
}
