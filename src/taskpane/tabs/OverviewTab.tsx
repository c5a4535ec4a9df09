/** 概要 / Overview: what was recognised, KPIs by status and grade, progress by basic goal, the tree. */
import { Badge, MessageBar, MessageBarBody, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Lang } from '../../core/findings';
import type { Kpi, Unrecognised } from '../../core/model';
import { ProgressChart } from '../components/ProgressChart';
import { StructureTree } from '../components/StructureTree';
import type { PlanInput } from '../../app';
import { t } from '../../core/catalogue';
import { gradeLabel, statusColor, statusLabel } from '../status';
import { gradeOrder, statusOrder, summarise, yearRange } from '../summary';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Sheets recognition passed over, each with its one-sentence reason. */
function UnrecognisedList({ items, lang }: { items: Unrecognised[]; lang: Lang }) {
  return (
    <ul>
      {items.map((u) => (
        <li key={u.sheet}>
          {u.sheet}: {lang === 'en' && u.reasonEn ? u.reasonEn : u.reason}
        </li>
      ))}
    </ul>
  );
}

export function OverviewTab({ workbook, lang }: { workbook: PlanInput | null; lang: Lang }) {
  const styles = useStyles();
  const summary = useMemo(() => (workbook ? summarise(workbook.model, workbook.analysis) : null), [workbook]);
  const kpiIndex = useMemo(() => new Map<string, Kpi>((workbook?.model.sheets ?? []).flatMap((s) => s.kpis.map((k) => [k.id, k] as const))), [workbook]);
  if (!workbook || !summary) return <Spinner label={t(lang, 'pane.loading')} />;
  if (!summary.sheets.length)
    return (
      <MessageBar intent="warning" data-testid="no-sheet">
        <MessageBarBody>
          {t(lang, 'pane.overview.no-sheet')}
          <UnrecognisedList items={summary.unrecognised} lang={lang} />
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <div data-testid="overview">
      <section className={styles.section}>
        <Subtitle2>{t(lang, 'pane.overview.sheets')}</Subtitle2>
        <Table size="extra-small" aria-label={t(lang, 'pane.overview.sheets')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(lang, 'pane.overview.sheet')}</TableHeaderCell>
              <TableHeaderCell>{t(lang, 'pane.overview.tables')}</TableHeaderCell>
              <TableHeaderCell>{t(lang, 'pane.overview.kpis')}</TableHeaderCell>
              <TableHeaderCell>{t(lang, 'pane.overview.years')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.sheets.map((s) => (
              <TableRow key={s.sheet} data-testid="sheet-summary">
                <TableCell>{s.sheet}</TableCell>
                <TableCell>{s.tables}</TableCell>
                <TableCell data-testid="kpi-count">{s.kpis}</TableCell>
                <TableCell>{yearRange(s.years)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {summary.unrecognised.length > 0 && (
          <details>
            <summary>
              {t(lang, 'pane.overview.unrecognised')} ({summary.unrecognised.length})
            </summary>
            <UnrecognisedList items={summary.unrecognised} lang={lang} />
          </details>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2>{t(lang, 'pane.overview.by-status')}</Subtitle2>
        <div className={styles.badges} data-testid="by-status">
          {statusOrder.map((s) => (
            <Badge key={s} appearance="tint" color={statusColor(s)} size="large">
              {statusLabel(s, lang)} {summary.byStatus[s]}
            </Badge>
          ))}
        </div>
        <Subtitle2>{t(lang, 'pane.overview.by-grade')}</Subtitle2>
        <div className={styles.badges} data-testid="by-grade">
          {gradeOrder.map((g) => (
            <Badge key={g} appearance="outline" size="large">
              {gradeLabel(g, lang)}: {summary.byGrade[g]}
            </Badge>
          ))}
        </div>
      </section>
      <section className={styles.section}>
        <Subtitle2>{t(lang, 'pane.overview.progress-by-goal')}</Subtitle2>
        <ProgressChart goals={summary.progressByGoal} emptyText={t(lang, 'pane.overview.no-progress')} lang={lang} />
      </section>
      <section className={styles.section}>
        <Subtitle2>{t(lang, 'pane.overview.structure')}</Subtitle2>
        {workbook.model.sheets.map((s) => (
          <StructureTree key={s.sheet} sheet={s} nodes={s.structure} kpis={kpiIndex} analysis={workbook.analysis} lang={lang} />
        ))}
      </section>
    </div>
  );
}
