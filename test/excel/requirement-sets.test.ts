/**
 * Requirement sets: every Office.js member src/ uses is looked up in @types/office-js, and a member of
 * an ExcelApi set above the manifest's minimum (1.7) must sit behind a capability check of that set:
 * inside an `if`, `?:` or `&&` (or after an early `if (!…) return`) whose condition names a feature
 * flag detected for that set or a later one (src/excel/capabilities.ts), or in a function documented
 * `@requires ExcelApi x.y` whose every call is itself behind such a check.
 * A member of an object only a newer set can give (Note, RangeAreas …) is covered by the checked
 * call that gave it. Reading a property of an event's arguments is no call: on an older Excel it is undefined, and the
 * code reading it must treat undefined as absent (listed in READS_ALLOWED with that reason).
 */
import ts from 'typescript';
import { join, relative } from 'path';
import { readdirSync, statSync } from 'fs';
import { ROOT } from '../support/sample';

/** Feature flags (capabilities.ts detectFeatures) and the ExcelApi set each stands for. */
export const GUARDS: Record<string, string> = { rangeAreas: '1.9', copyFrom: '1.9', withSpecial: '1.9', printLayout: '1.9', filterRanges: '1.9', formatRanges: '1.17', validationRules: '1.8', merges: '1.13', notes: '1.18', undoGroup: '1.20' };
const MINIMUM = '1.7';
/** Event-argument properties read (not called) and checked for undefined where they are used. */
const READS_ALLOWED = new Set(['WorksheetChangedEventArgs.details', 'WorksheetChangedEventArgs.triggerSource', 'WorksheetChangedEventArgs.changeType']);

const newer = (a: string, b: string) => {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 > b2);
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

export interface Use {
  file: string;
  line: number;
  member: string;
  set: string;
}

function apiSet(symbol: ts.Symbol, checker: ts.TypeChecker): string | null {
  for (const tag of symbol.getJsDocTags(checker)) {
    const text = ts.displayPartsToString(tag.text);
    const m = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text);
    if (m) return m[1];
  }
  return null;
}

/** The highest set a condition's feature flags vouch for, or null. */
function guardedSet(condition: ts.Node): string | null {
  let best: string | null = null;
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n) && GUARDS[n.text] && (!best || newer(GUARDS[n.text], best))) best = GUARDS[n.text];
    n.forEachChild(visit);
  };
  visit(condition);
  return best;
}

const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s) || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

/** Is `node` behind a check of a set ≥ `set` within its function? */
function behindCheck(node: ts.Node, set: string): boolean {
  const ok = (cond: ts.Node) => {
    const g = guardedSet(cond);
    return g !== null && !newer(set, g);
  };
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child === parent.thenStatement && ok(parent.expression)) return true;
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue && ok(parent.condition)) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right && ok(parent.left)) return true;
    // for (…; features.merges && …; …) { here }
    if (ts.isForStatement(parent) && child === parent.statement && parent.condition && ok(parent.condition)) return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const s of parent.statements) {
        if (s === child) break;
        if (ts.isIfStatement(s) && exits(s.thenStatement) && ok(s.expression)) return true;
      }
    }
    // Closures (arrow functions, callbacks) run under the guard of the scope that made them; a
    // declared function or method is where the search ends.
    if (ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isConstructorDeclaration(parent)) break;
  }
  return false;
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | null {
  for (let p = node.parent; p; p = p.parent) if (ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) return p;
  return null;
}

function requiresTag(fn: ts.FunctionLikeDeclaration): string | null {
  const text = fn.getFullText().slice(0, fn.getLeadingTriviaWidth());
  return /@requires ExcelApi (\d+\.\d+)/.exec(text)?.[1] ?? null;
}

/** Unguarded uses of ExcelApi members above 1.7 in the given source files. */
export function unguardedUses(files: string[]): Use[] {
  const program = ts.createProgram(files, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.ReactJSX, types: ['office-js'], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const out: Use[] = [];
  /** Functions documented @requires: their calls are checked like members. */
  const requiring = new Map<ts.Symbol, string>();
  const pending: { node: ts.Node; member: string; set: string; file: string }[] = [];

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        const decl = symbol?.declarations?.[0];
        if (symbol && decl && decl.getSourceFile().fileName.includes('@types/office-js')) {
          const set = apiSet(symbol, checker);
          const owner = decl.parent && (ts.isInterfaceDeclaration(decl.parent) || ts.isClassDeclaration(decl.parent)) ? decl.parent.name?.text : '?';
          const member = `${owner}.${n.name.text}`;
          // A member of an object that only a newer set can give (Note, RangeAreas, CellProperties …)
          // needs no check of its own: the call that gave the object was checked.
          const ownerSymbol = owner && ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent) ? checker.getSymbolAtLocation((decl.parent as ts.ClassDeclaration).name!) : undefined;
          const ownerSet = ownerSymbol ? apiSet(ownerSymbol, checker) : null;
          const covered = ownerSet !== null && set !== null && !newer(set, ownerSet);
          if (set && newer(set, MINIMUM) && !covered && !READS_ALLOWED.has(member)) pending.push({ node: n, member, set, file: sf.fileName });
        }
      }
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) {
        const set = requiresTag(n);
        const symbol = checker.getSymbolAtLocation(n.name);
        if (set && symbol) requiring.set(symbol, set);
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        const callee = ts.isPropertyAccessExpression(n.expression) ? n.expression.name : n.expression;
        let symbol = checker.getSymbolAtLocation(callee);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const set = symbol && requiring.get(symbol);
        if (set) pending.push({ node: n, member: `${callee.getText()}()`, set, file: sf.fileName });
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  for (const { node, member, set, file } of pending) {
    if (behindCheck(node, set)) continue;
    const fn = enclosingFunction(node);
    const contract = fn && requiresTag(fn);
    if (contract && !newer(set, contract)) continue;
    const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
    out.push({ file: relative(ROOT, file), line: line + 1, member, set });
  }
  return out;
}

test('every ExcelApi member above 1.7 that src/ uses is behind a capability check of its set', () => {
  const files = sourceFiles(join(ROOT, 'src'));
  expect(unguardedUses(files).map((u) => `${u.file}:${u.line} ${u.member} (ExcelApi ${u.set})`)).toEqual([]);
}, 120_000);

test('the check finds an unguarded use and an unguarded call of a @requires function, and accepts the guarded ones', () => {
  const fixture = join(ROOT, 'test', 'excel', 'fixtures', 'requirement-set-fixture.ts');
  expect(unguardedUses([fixture]).map((u) => `${u.line} ${u.member}`)).toEqual(['7 Range.getMergedAreasOrNullObject', '27 contract()']);
}, 120_000);
