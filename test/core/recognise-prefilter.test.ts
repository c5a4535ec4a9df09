/**
 * The recogniser's shortcuts past normalise() and the header classifier must never change an answer:
 * a text normalise() keeps must be its own normal form, and a text mayNameRole() passes over must be
 * classified as no role or a year.
 */
import fc from 'fast-check';
import { classifyHeader, hasRoleCell, mayNameRole, readHeaderRow } from '../../src/core/recognise/headers';
import { Grid } from '../../src/core/recognise/grid';
import type { CellValue } from '../../src/core/snapshot';
import { keptByNormalise, normalise, toHalfWidth } from '../../src/core/text';
import { cumulativeStart } from '../../src/core/recognise/table';
import { yearInText } from '../../src/core/years';

/** normalise() as written before its shortcut for kept texts. */
const reference = (s: string) => s.normalize('NFKC').replace(/[～〜~∼]/g, '~').replace(/[\s\u3000]+/g, '');

test('every character normalise() keeps is its own NFKC form, no space, no mark and no wave dash but ~', () => {
  const wrong: number[] = [];
  let kept = 0;
  for (let code = 0; code < 0x10000; code++) {
    if (!keptByNormalise(code)) continue;
    kept++;
    const ch = String.fromCharCode(code);
    if (reference(ch) !== ch || /\p{M}/u.test(ch)) wrong.push(code);
  }
  expect(wrong).toEqual([]);
  expect(kept).toBeGreaterThan(20_000);
});

// Role words, their characters apart, spaces, kept and changed characters (full-width, half-width
// katakana, compatibility ideographs, squared words), years and figures.
const PIECES = [
  ...'管理シート指標項目基準現状策定時当初値計画目標事業費決算額予算額担当課所管主名備考特記項コメント摘要区分実績/達成率値No.番号#進行数最終部署局kKpPiI',
  '事業費', '決算額', '予算額', '基準値', '現状値', '策定時', '当初値', '計画策定時', '目標値', '数値目標', '担当課', '所管課', '担当部署', '主管課', '課名',
  '備考', '特記事項', 'コメント', '摘要', '区分', 'シートNo', '管理番号', '進行管理シート', '項目', '評価項目', '指標', 'KPI', 'kpi', 'ＫＰＩ', 'ｼｰﾄ', '⽬標', '目⽬', '㌞', '㍇', '備\u3000考', '目 標', '実績/達成率', '実績値/達成率', '(', ')', '（', '）',
  '実績値', '／', '/', ' ', '\u3000', '\n', '\t', '\u00a0', '～', '〜', '~', 'R1', 'R元', '令和', '平成', 'H31', '年度', '2019', '２０１９', '①',
  '第3群', '市民', '活動', '団体', '件', '人', '%', '0.689', '26', '企画', '課', '実', '事', '目', '基', 'シ', '管',
];

test('a text mayNameRole passes over is classified as no role or a year', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }), (parts) => {
      const text = parts.join('');
      if (!mayNameRole(text)) expect([text, classifyHeader(text) ?? 'none']).toEqual([text, expect.stringMatching(/^(none|year)$/)]);
    }),
    { numRuns: 30_000 },
  );
});

test('the role words all may name a role; data rows mostly do not', () => {
  for (const w of ['重要業績評価指標 (KPI)', '成果指標', '項目', '基準値 (H30)', '現状値', '策定時', '当初値', '計画策定時', 'R6目標', '目 標', '事業費', '決算額', '予算額', '担当課', '所管課', '主管課', '課名', '担当', '備 考', '特記事項', 'コメント', '摘要', 'シートNo.', '管理番号', '区分', '実績/達成率', '実績値／達成率', 'ｼｰﾄNo']) {
    expect([w, mayNameRole(w)]).toEqual([w, true]);
  }
  for (const w of ['第3群 市民活動団体数', '第3群 市民活動支援事業数', '都市計画の策定', '重点備考', '実績値', '実績', '26件', '0.689', '企画課', '達成率', 'R1', '2019年度', '-']) expect([w, mayNameRole(w)]).toEqual([w, false]);
});

test('normalise of kept texts and of others matches NFKC without spaces and with one wave dash', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES, 'が', 'か', '\u3099', 'ヿ', '・', 'ー', '「', '」', '々'), { maxLength: 8 }), (parts) => {
      const text = parts.join('');
      expect(normalise(text)).toBe(reference(text));
    }),
    { numRuns: 5_000 },
  );
});

test('normalise of kept texts with spaces (a KPI name "第3群 市民活動団体数") drops the spaces as NFKC and the space rule do', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES, ' ', '\u3000', '\t', '\n', '  ', '第3群', '市民', '~', '～', '\u00a0', '\u2003', 'ｱ'), { maxLength: 10 }), (parts) => {
      const text = parts.join('');
      expect(normalise(text)).toBe(reference(text));
    }),
    { numRuns: 5_000 },
  );
  for (const [text, want] of [['第3群 市民活動団体数', '第3群市民活動団体数'], ['目\u3000標', '目標'], [' 備 考\t', '備考'], ['第3群\u00a0市民', '第3群市民']]) expect(normalise(text)).toBe(want);
});

test('toHalfWidth of texts with and without full-width characters matches the two replace passes', () => {
  const reference2 = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES, '！', '～', '\uff5f', '\uff00', 'Ａ'), { maxLength: 8 }), (parts) => {
      const text = parts.join('');
      expect(toHalfWidth(text)).toBe(reference2(text));
    }),
    { numRuns: 5_000 },
  );
});

test('the cumulative start year of a name reads as the two patterns over the whole NFKC text do', () => {
  // cumulativeStart as written before its shortcuts (no wave dash, search from the last bracket before one)
  const before = (text: string) => {
    const t = text.normalize('NFKC');
    const m = /([^\s(（~～〜]+)\s*[~～〜]\s*(累計|累積|延べ|通算)/.exec(t) ?? /[(（]\s*([^\s()（）~～〜]+)\s*[~～〜]\s*[)）]/.exec(t);
    return m ? yearInText(m[1])?.year ?? null : null;
  };
  const pieces = ['第3群', ' ', '\u3000', '市民活動', '延べ', '累計', '累積', '通算', '参加者数', '(', ')', '（', '）', '~', '～', '〜', 'H27', 'R1', 'R元', '平成27年度', '2015', '年度', '以降', 'ｈ２７', '[', ']', '、'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect([text, cumulativeStart(text)]).toEqual([text, before(text)]);
    }),
    { numRuns: 20_000 },
  );
  for (const [text, year] of [['第3群 延べ参加者数(H27～累計)', 2015], ['延べ利用者数 R2~累計', 2020], ['累計件数(R1～)', 2019], ['(H27~) 延べ 人数 (R2～累計)', 2020], ['延べ参加者数', null]] as const) expect(cumulativeStart(text)).toBe(year);
});

test('a number or truth value never names a role: hasRoleCell passes over such cells without a text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 1e21, -1e-7, Infinity, -Infinity, NaN)), (n) => {
      expect([n, mayNameRole(String(n))]).toEqual([n, false]);
    }),
    { numRuns: 5_000 },
  );
  for (const b of ['TRUE', 'FALSE']) expect(mayNameRole(b)).toBe(false);
});

test('hasRoleCell remembers the texts mayNameRole passes over; a header read of those cells still classifies them', () => {
  const values: CellValue[][] = [
    ['第3群 市民活動団体数', 'R1', '2020年度', 26, true, '', '企画課'],
    ['指標', '基準値', '目標値', 'R1', 'R2', '備考', '担当課'],
  ];
  const g = new Grid({ sheet: 'S', origin: { row: 1, col: 1 }, values, formulas: values.map((r) => r.map(() => null)), numberFormats: values.map((r) => r.map(() => null)), merges: [] });
  expect(hasRoleCell(g, 1, 1, 7)).toBe(false);
  // every text cell of the data row is marked (its role not read), so a second ask does not read it again
  expect([...g.roleCodes.slice(0, 7)].map((c) => c !== 0)).toEqual([true, true, true, false, false, true, true]);
  expect(hasRoleCell(g, 1, 1, 7)).toBe(false);
  expect(hasRoleCell(g, 2, 1, 7)).toBe(true);
  // the marked cells read as a header are classified as before: years are years
  const h = readHeaderRow(g, 1);
  expect(h.years.map((y) => [y.col, y.year])).toEqual([[2, 2019], [3, 2020]]);
  expect([...h.roles]).toEqual([]);
});
