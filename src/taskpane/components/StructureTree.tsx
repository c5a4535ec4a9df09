/** The goal → measure → KPI tree from SheetModel.structure. */
import { Badge, Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import type { Analysis } from '../../core/analyse';
import type { Lang } from '../../core/findings';
import type { Kpi, StructureNode } from '../../core/model';
import { statusLabel, statusColor } from '../status';

interface Props {
  nodes: StructureNode[];
  kpis: Map<string, Kpi>;
  analysis: Analysis;
  lang: Lang;
}

const nodeValue = (n: StructureNode) => `${n.kind}:${n.row}`;

function KpiLeaf({ id, kpis, analysis, lang }: { id: string } & Omit<Props, 'nodes'>) {
  const kpi = kpis.get(id);
  const a = analysis.kpis[id];
  return (
    <TreeItem itemType="leaf" value={id}>
      <TreeItemLayout aside={a ? <Badge appearance="tint" color={statusColor(a.status)}>{a.grade ?? statusLabel(a.status, lang)}</Badge> : undefined}>
        {kpi?.name ?? id}
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
