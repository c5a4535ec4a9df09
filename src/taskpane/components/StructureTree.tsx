/** The goal → measure → KPI tree from SheetModel.structure. */
import { Badge, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import { gradeLine, kpiYearLabel } from '../../core/grade-line';
import type { Analysis } from '../../core/analyse';
import type { Lang } from '../../core/findings';
import type { Kpi, SheetModel, StructureNode } from '../../core/model';
import { statusLabel, statusColor } from '../status';

interface Props {
  nodes: StructureNode[];
  kpis: Map<string, Kpi>;
  analysis: Analysis;
  lang: Lang;
  sheet?: SheetModel;
}

const nodeValue = (n: StructureNode) => `${n.kind}:${n.row}`;

const useStyles = makeStyles({
  line: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

function KpiLeaf({ id, kpis, analysis, lang, sheet }: { id: string } & Omit<Props, 'nodes'>) {
  const styles = useStyles();
  const kpi = kpis.get(id);
  const a = analysis.kpis[id];
  // Status in words beside the grade letter: colour is never the only signal.
  const badge = a ? (a.grade ? `${a.grade} ${statusLabel(a.status, lang)}` : statusLabel(a.status, lang)) : '';
  const line = a?.basis && kpi ? `${kpiYearLabel(sheet, kpi, a.basis.year)}: ${gradeLine(a.basis, a.grade, lang)}` : null;
  return (
    <TreeItem itemType="leaf" value={id} data-testid="kpi-leaf" data-kpi={id}>
      <TreeItemLayout aside={a ? <Badge appearance="tint" color={statusColor(a.status)}>{badge}</Badge> : undefined}>
        <span>{kpi?.name ?? id}</span>
        {line && (
          <span className={styles.line} data-testid="grade-line">
            {line}
          </span>
        )}
      </TreeItemLayout>
    </TreeItem>
  );
}

function Branch({ node, ...rest }: { node: StructureNode } & Omit<Props, 'nodes'>) {
  const value = nodeValue(node);
  return (
    <TreeItem itemType="branch" value={value}>
      <TreeItemLayout>{node.title}</TreeItemLayout>
      <Tree>
        {node.children.map((c) => (
          <Branch key={`${c.kind}:${c.row}`} node={c} {...rest} />
        ))}
        {node.kpis.map((id) => (
          <KpiLeaf key={id} id={id} {...rest} />
        ))}
      </Tree>
    </TreeItem>
  );
}

export function StructureTree({ nodes, ...rest }: Props) {
  return (
    <Tree aria-label="structure" size="small" data-testid="structure-tree" defaultOpenItems={nodes.map(nodeValue)}>
      {nodes.map((n) => (
        <Branch key={`${n.kind}:${n.row}`} node={n} {...rest} />
      ))}
    </Tree>
  );
}
