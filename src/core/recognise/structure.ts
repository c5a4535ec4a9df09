/**
 * The goal → policy area → measure structure written as heading rows between tables
 * (■全体目標, 基本目標①, "i 人材育成…", 《基本方針》, 施策：…, 事業等：…).
 */
import type { StructureNode } from '../model';
import { toHalfWidth } from '../text';

export type HeadingKind = StructureNode['kind'];

export interface Heading {
  kind: HeadingKind;
  /** Text as written, trimmed. */
  title: string;
  /** Short label used in KPI paths ("全体目標", "基本目標①", "i 人材育成…", "施策：…"). */
  label: string;
}

const BULLET = /^[■□◆◇●○◎▲△▼▽★☆・\-【[［〔]*/;
const ROMAN = /^((?:i{1,3}|iv|vi{0,3}|ix|x)|[ⅰ-ⅻ]|[Ⅰ-Ⅻ])[\s.．、)）]+\S/i;

// Sheets repeat headings and notes: classify each text once (bounded; a Heading is never changed).
const headings = new Map<string, Heading | null>();

/** Classifies a heading cell; null when the text is not a heading. */
export function classifyHeading(text: string): Heading | null {
  let h = headings.get(text);
  if (h === undefined) {
    if (headings.size > 50_000) headings.clear();
    headings.set(text, (h = classifyUncached(text)));
  }
  return h;
}

function classifyUncached(text: string): Heading | null {
  const title = text.trim();
  if (title === '' || title.length > 400) return null;
  const compact = toHalfWidth(title).replace(/\s+/g, '').replace(BULLET, '');
  const part = /^(全体目標|個別目標)[】\]］〕]?$/.exec(compact);
  if (part) return { kind: 'part', title, label: part[1] };
  const goal = /^基本目標([①-⑳]|\d+|[一二三四五六七八九十]+|[Ⅰ-Ⅻ])/.exec(compact);
  if (goal) return { kind: 'goal', title, label: `基本目標${goal[1]}` };
  if (/^[《〈<【[]?基本方針/.test(compact)) return { kind: 'policy', title, label: title };
  const spaced = title.replace(/\s+/g, '');
  if (/^施策(名)?[:：]/.test(spaced)) return { kind: 'measure', title, label: spaced };
  if (/^(事業等|主な事業|事業)[:：]/.test(spaced)) return { kind: 'projects', title, label: spaced };
  const half = toHalfWidth(title);
  if (ROMAN.test(half) && !/[。]$/.test(half)) return { kind: 'area', title, label: half.replace(/\s+/g, ' ') };
  return null;
}

const DEPTH: Record<HeadingKind, number> = { part: 0, goal: 1, area: 2, policy: 3, measure: 3, projects: 4 };

/**
 * The children and KPI ids of a node that has none: one frozen empty list shared by every such node (most
 * of a sheet's headings are leaves or notes; their own empty lists were 14,000 arrays at 10,000 KPIs).
 */
const NO_NODES: StructureNode[] = Object.freeze([]) as unknown as StructureNode[];
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];

/**
 * A node as the builder makes it: an object literal made by this one function (every field in one order,
 * one shape), as kpiRecord's KPIs are (kpi.ts): a model keeps every heading of its sheet, and V8 allocates
 * a literal's objects in the old generation once it has seen them survive, so the collections of a warm
 * run do not copy them (as class instances they were copied).
 */
function structureNode(kind: HeadingKind, title: string, row: number): StructureNode {
  return { kind, title, row, children: NO_NODES, kpis: NO_IDS };
}

/** Builds the tree while rows are read in order; KPIs attach to the deepest part/goal/area/measure. */
export class StructureBuilder {
  readonly roots: StructureNode[] = [];
  private stack: StructureNode[] = [];
  /** Label of each node on the stack (a WeakMap per heading was the builder's main cost). */
  private readonly labels: string[] = [];
  /** path()'s answer until the stack changes: tables under one heading share their path. */
  private lastPath: string[] | null = null;

  add(h: Heading, row: number): void {
    const node = structureNode(h.kind, h.title, row);
    const depth = DEPTH[h.kind];
    while (this.stack.length && DEPTH[this.stack[this.stack.length - 1].kind] >= depth) {
      this.stack.pop();
      this.labels.pop();
      this.lastPath = null;
    }
    const parent = this.stack[this.stack.length - 1];
    if (!parent) this.roots.push(node);
    // a literal, as the node is: V8 allocates the lists of one child (most of them) in the old generation
    // once it has seen them survive (the cold run's compiles survive it: structureNode's literal is one too)
    else if (parent.children === NO_NODES) parent.children = [node];
    else parent.children.push(node);
    // policy and projects are notes on their parent; they never hold KPIs.
    if (h.kind !== 'policy' && h.kind !== 'projects') {
      this.stack.push(node);
      this.labels.push(h.label);
      this.lastPath = null;
    }
  }

  /** Path of labels of the current position (never changed by its holders: shared until the position changes). */
  path(): string[] {
    return (this.lastPath ??= pathOf(this.labels));
  }

  /** Attaches a table's KPI ids to the current position; the list becomes the node's when it has none yet. */
  attach(kpiIds: string[]): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || kpiIds.length === 0) return;
    if (top.kpis === NO_IDS) top.kpis = kpiIds;
    else for (let i = 0; i < kpiIds.length; i++) top.kpis.push(kpiIds[i]);
  }

  /** The tree without branches that hold no KPI (tables of contents repeat the headings). */
  result(): StructureNode[] {
    const out: StructureNode[] = [];
    // at the root only branches holding KPIs stay, notes too
    for (let i = 0; i < this.roots.length; i++) if (pruned(this.roots[i])) out.push(this.roots[i]);
    return out;
  }
}

/**
 * The labels as a new list, by an array literal per length: the stack holds at most one node per depth
 * that holds KPIs (part, goal, area, measure: four), and V8 allocates a literal's lists in the old
 * generation once it has seen them survive (the tables and KPIs keep their path), where slice's lists
 * were copied by a warm run's scavenges.
 */
function pathOf(labels: string[]): string[] {
  switch (labels.length) {
    case 0:
      return [];
    case 1:
      return [labels[0]];
    case 2:
      return [labels[0], labels[1]];
    case 3:
      return [labels[0], labels[1], labels[2]];
    case 4:
      return [labels[0], labels[1], labels[2], labels[3]];
    default:
      return labels.slice();
  }
}

/**
 * Keeps the node's children holding KPIs and its policy/projects notes, in place (the builder's nodes
 * are its own), one walk of the tree; whether the node's branch holds a KPI.
 */
function pruned(n: StructureNode): boolean {
  let holds = n.kpis !== NO_IDS && n.kpis.length > 0;
  const children = n.children;
  // the shared empty list first: a frozen array's length read makes the walk polymorphic
  if (children === NO_NODES || children.length === 0) return holds;
  let kept = 0;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (pruned(c)) holds = true;
    else if (c.kind !== 'policy' && c.kind !== 'projects') continue;
    children[kept++] = c;
  }
  if (kept === 0) n.children = NO_NODES;
  else children.length = kept;
  return holds;
}
