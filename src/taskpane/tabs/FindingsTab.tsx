/** 点検 / Findings: grouped by severity and rule, filterable; a click selects the cell; fixes apply. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Input,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Finding, Lang, Severity } from '../../core/findings';
import type { ProgressHost } from '../../core/host';
import type { PlanInput } from '../../app';
import { errorDetail, t } from '../../core/catalogue';
import { findingSubject, ruleName, severityName } from '../../core/catalogue/vocabulary';
import { filterFindings, groupFindings, type FindingFilter } from '../findings-view';
import type { WorkbenchApi } from '../useWorkbench';
import { ComparePanel } from '../components/ComparePanel';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS, flexWrap: 'wrap' },
  search: { flexGrow: 1, minWidth: '140px' },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  cellButton: { minWidth: '64px', fontFamily: tokens.fontFamilyMonospace },
  message: { flexGrow: 1, whiteSpace: 'pre-wrap' },
});

/** Findings shown per rule before "show all": keeps a 10,000-KPI sheet's pane responsive. */
const perRuleLimit = 100;

const severityColor: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** The one vocabulary of pane, CLI and report: 誤り / 注意 / 参考. */
export function severityLabel(severity: Severity, lang: Lang): string {
  return severityName(severity, lang);
}

interface Props {
  workbook: PlanInput | null;
  lang: Lang;
  host: ProgressHost;
  api: WorkbenchApi;
}

export function FindingsTab({ workbook, lang, host, api }: Props) {
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>({ severity: 'all', text: '' });
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const kpiNames = useMemo(() => new Map((workbook?.model.sheets ?? []).flatMap((s) => s.kpis.map((k) => [k.id, k.name] as const))), [workbook]);
  const groups = useMemo(
    () => (workbook ? groupFindings(filterFindings(workbook.analysis.findings, filter, (id) => kpiNames.get(id) ?? '')) : []),
    [workbook, filter, kpiNames],
  );
  if (!workbook) return <Spinner label={t(lang, 'pane.loading')} />;
  const total = groups.reduce((n, g) => n + g.count, 0);

  const select = (f: Finding) => {
    host.selectCell?.(f.sheet, f.cell).catch((e) => api.notify('error', errorDetail(lang, e)));
  };
  const fix = (f: Finding) => {
    if (f.fix) void api.apply({ command: 'fill', summary: f.fix.label, edits: f.fix.edits, notices: [] });
  };

  return (
    <div data-testid="findings">
      <ComparePanel workbook={workbook} lang={lang} host={host} onError={(text) => api.notify('error', text)} />
      <div className={styles.filters}>
        <Select
          value={filter.severity}
          onChange={(_, d) => setFilter({ ...filter, severity: d.value as FindingFilter['severity'] })}
          aria-label={t(lang, 'pane.findings.all-severities')}
          data-testid="severity-filter"
        >
          <option value="all">{t(lang, 'pane.findings.all-severities')}</option>
          {(['error', 'warning', 'info'] as const).map((s) => (
            <option key={s} value={s}>
              {severityLabel(s, lang)}
            </option>
          ))}
        </Select>
        <Input
          className={styles.search}
          value={filter.text}
          placeholder={t(lang, 'pane.findings.filter')}
          onChange={(_, d) => setFilter({ ...filter, text: d.value })}
          data-testid="finding-filter"
        />
      </div>
      <Text data-testid="finding-count" data-count={total}>
        {total ? t(lang, 'pane.findings.count', { n: total }) : t(lang, 'pane.findings.none')}
      </Text>
      <Accordion multiple collapsible defaultOpenItems={['error', 'warning', 'info']}>
        {groups.map((g) => (
          <AccordionItem key={g.severity} value={g.severity}>
            <AccordionHeader>
              <Badge appearance="filled" color={severityColor[g.severity]}>
                {severityLabel(g.severity, lang)}
              </Badge>
              &nbsp;{g.count}
            </AccordionHeader>
            <AccordionPanel>
              {g.rules.map((r) => (
                <div key={r.rule} data-rule={r.rule}>
                  <Text weight="semibold">
                    {ruleName(r.rule, lang)} ({r.findings.length})
                  </Text>
                  {(expanded.has(r.rule) ? r.findings : r.findings.slice(0, perRuleLimit)).map((f, i) => (
                    <div key={`${f.sheet}!${f.cell}:${i}`} className={styles.item} data-testid="finding" data-cell={`${f.sheet}!${f.cell}`}>
                      <Button size="small" appearance="subtle" className={styles.cellButton} onClick={() => select(f)} title={t(lang, 'pane.findings.go-to-cell')}>
                        {f.cell}
                      </Button>
                      <Text size={200} className={styles.message}>
                        {findingSubject(f, lang) && (
                          <Text size={200} weight="semibold" block data-testid="finding-subject">
                            {findingSubject(f, lang)}
                          </Text>
                        )}
                        {f.message}
                      </Text>
                      {f.fix && (
                        <Button size="small" onClick={() => fix(f)} title={f.fix.label} data-testid="fix">
                          {t(lang, 'pane.findings.fix')}
                        </Button>
                      )}
                    </div>
                  ))}
                  {!expanded.has(r.rule) && r.findings.length > perRuleLimit && (
                    <Button appearance="transparent" size="small" onClick={() => setExpanded(new Set([...expanded, r.rule]))}>
                      {t(lang, 'pane.findings.show-all', { n: r.findings.length })}
                    </Button>
                  )}
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
