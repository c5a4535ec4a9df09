/**
 * User-visible text lives in the message catalogue (src/core/catalogue, src/core/messages.ts).
 * A string literal, template or JSX text holding a Japanese sentence (hiragana or Japanese
 * punctuation) anywhere else fails this test. Files that still hold such text from before the
 * catalogue are listed in LEGACY with their current count: the count may only go down (lower it
 * when you migrate), and no new file may join. Recognition vocabulary (見出し words like 実績値,
 * era names) has no hiragana and is not counted.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const CATALOGUE = ['src/core/catalogue/', 'src/core/messages.ts'];
const SENTENCE = /[\u3041-\u3096\u3001\u3002\u300c\u300d\uff08\uff09]/;

/** Not yet migrated (issue #13): file → Japanese sentences it still holds. Only ever lower these. */
const LEGACY: Record<string, number> = {
};

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(path.join(ROOT, rel)).isDirectory() ? sources(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** The Japanese sentences written in a file's code (not in comments or regular expressions). */
export function sentencesIn(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    let s: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) s = n.text;
    else if (ts.isTemplateExpression(n)) s = n.head.text + n.templateSpans.map((x) => x.literal.text).join('…');
    else if (ts.isJsxText(n)) s = n.text;
    if (s !== null && SENTENCE.test(s)) {
      found.push(s.trim());
      if (ts.isTemplateExpression(n)) return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const files = sources('src').filter((f) => !CATALOGUE.some((c) => f.startsWith(c)));

test('the detector finds sentences in strings, templates and JSX, not in comments or regular expressions', () => {
  const sample = "// これはコメントです\nconst re = /です/;\nconst a = '保存しました。';\nconst b = `${n} 件を変更しました`;\nconst c = <p>読み込んでいます</p>;\nconst d = '実績値';";
  expect(sentencesIn('probe.tsx', sample)).toEqual(['保存しました。', '件を変更しました', '読み込んでいます']);
});

test('no user-visible Japanese sentence outside the catalogue, beyond the legacy allowance', () => {
  const over: string[] = [];
  for (const f of files) {
    const found = sentencesIn(f, readFileSync(path.join(ROOT, f), 'utf8'));
    const allowed = LEGACY[f] ?? 0;
    if (found.length > allowed) over.push(`${f}: ${found.length} sentences (allowed ${allowed}): ${found.slice(0, 3).join(' | ')} — put them in src/core/catalogue and call t()`);
  }
  expect(over).toEqual([]);
});

test('the legacy allowance names only existing files that still need it', () => {
  const stale = Object.entries(LEGACY)
    .filter(([f, n]) => !files.includes(f) || sentencesIn(f, readFileSync(path.join(ROOT, f), 'utf8')).length < n)
    .map(([f]) => f);
  // A lower count is progress: lower the allowance with it so it cannot creep back.
  expect(stale).toEqual([]);
});

/** Text written into a `new UsageError(…)`: its string and template pieces outside `${…}`. */
function usageErrorTexts(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && n.expression.getText(sf) === 'UsageError') {
      for (const a of n.arguments ?? []) {
        if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) found.push(a.text);
        else if (ts.isTemplateExpression(a)) found.push(a.head.text + a.templateSpans.map((x) => x.literal.text).join(''));
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found.filter((s) => /[A-Za-z]/.test(s));
}

test('usage errors are said from the catalogue, in the user language, not as English literals', () => {
  expect(usageErrorTexts('probe.ts', "throw new UsageError(`unknown option --${key}`);\nthrow new UsageError(t(lang, 'cli.usage', { usage }));\nthrow new UsageError(`${a} / ${b}`);")).toEqual(['unknown option --']);
  const written = files.flatMap((f) => usageErrorTexts(f, readFileSync(path.join(ROOT, f), 'utf8')).map((s) => `${f}: ${s}`));
  expect(written).toEqual([]);
});
