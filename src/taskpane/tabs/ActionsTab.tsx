/** 操作 / Actions: every command shows its preview (summary + cells) before Apply; Undo last action. */
import { Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../core/findings';
import type { EditPlan } from '../../core/plan';
import { actionCommands, type ActionCommand, type PlanInput } from '../../app';
import { emptyNewestYears, isAvailable, planAddYearConfirmed } from '../../app';
import { format, messages, type Messages } from '../i18n';
import { describeEdit } from '../../core/plans/describe';
import { t as tr } from '../../core/catalogue';
import { changedCellCount, editTarget } from '../plan-view';
import type { WorkbenchApi } from '../useWorkbench';
import type { ProgressHost } from '../../core/host';
import { RoundPanel } from '../components/RoundPanel';

const previewLimit = 30;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  preview: { marginTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  cells: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, maxHeight: '220px', overflowY: 'auto' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  toolbar: { display: 'flex', justifyContent: 'flex-end', marginBottom: tokens.spacingVerticalS },
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
});

const labels: Record<ActionCommand, [keyof Messages, keyof Messages]> = {
  fill: ['actionFill', 'actionFillHelp'],
  fix: ['actionFix', 'actionFixHelp'],
  flag: ['actionFlag', 'actionFlagHelp'],
  unflag: ['actionUnflag', 'actionUnflagHelp'],
  link: ['actionLink', 'actionLinkHelp'],
  'add-year': ['actionAddYear', 'actionAddYearHelp'],
  definitions: ['actionDefinitions', 'actionDefinitionsHelp'],
  report: ['actionReport', 'actionReportHelp'],
};

function PlanPreview({ plan, t, lang, onApply, onCancel, busy, ask }: { plan: EditPlan; t: Messages; lang: Lang; onApply: () => void; onCancel: () => void; busy: boolean; ask?: { years: string[]; onYes: () => void } }) {
  const styles = useStyles();
  const lines = plan.edits.slice(0, previewLimit);
  return (
    <div className={styles.preview} data-testid="plan-preview">
      <Text weight="semibold">{plan.summary}</Text>
      <Text size={200} data-testid="plan-cell-count">
        {plan.edits.length ? format(t.cellsToChange, { n: changedCellCount(plan) }) : t.nothingToDo}
      </Text>
      {plan.notices.map((n) => (
        <MessageBar key={n} intent="info">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {lines.length > 0 && (
        <ul className={styles.cells}>
          {lines.map((e, i) => (
            <li key={i} data-target={editTarget(e)}>
              {describeEdit(e, lang)}
            </li>
          ))}
          {plan.edits.length > previewLimit && <li>{format(t.moreCells, { n: plan.edits.length - previewLimit })}</li>}
        </ul>
      )}
      {ask && (
        <MessageBar intent="warning" data-testid="confirm-add-year">
          <MessageBarBody>{tr(lang, 'plan.add-year.ask', { names: ask.years })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        {ask && (
          <Button appearance="primary" onClick={ask.onYes} disabled={busy} data-testid="confirm-add-year-yes">
            {tr(lang, 'plan.add-year.anyway')}
          </Button>
        )}
        <Button appearance={ask ? 'secondary' : 'primary'} onClick={onApply} disabled={busy || !plan.edits.length} data-testid="apply">
          {t.apply}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}

/**
 * add-year stopped because the newest year is still empty: the pane asks, and only a yes plans the
 * year (the ribbon has no such question and refuses).
 */
function askToAddYear(command: ActionCommand, plan: EditPlan, workbook: PlanInput, show: (plan: EditPlan) => void) {
  if (command !== 'add-year' || plan.edits.length) return undefined;
  const years = emptyNewestYears(workbook);
  if (!years.length) return undefined;
  return { years, onYes: () => show(planAddYearConfirmed(workbook)) };
}

export function ActionsTab({ workbook, lang, api, host }: { workbook: PlanInput | null; lang: Lang; api: WorkbenchApi; host?: ProgressHost }) {
  const styles = useStyles();
  const t = messages(lang);
  const [open, setOpen] = useState<{ command: ActionCommand; plan: EditPlan } | null>(null);
  if (!workbook) return <Spinner label={t.loading} />;
  const busy = !!api.busy;

  return (
    <div data-testid="actions">
      <div className={styles.toolbar}>
        <Button onClick={() => void api.undo().then(() => setOpen(null))} disabled={busy} data-testid="undo">
          {t.undo}
        </Button>
      </div>
      <div className={styles.list}>
        {actionCommands.map((command) => {
          const [title, help] = labels[command];
          return (
            <Card key={command} size="small" data-testid={`action-${command}`}>
              <CardHeader
                header={<Text weight="semibold">{t[title]}</Text>}
                description={<Text size={200}>{t[help]}</Text>}
                action={
                  <Button
                    size="small"
                    className={styles.nowrap}
                    disabled={busy || !isAvailable(command)}
                    onClick={() => {
                      const plan = api.preview(command);
                      setOpen(plan ? { command, plan } : null);
                    }}
                    data-testid={`preview-${command}`}
                  >
                    {t.preview}
                  </Button>
                }
              />
              {open?.command === command && (
                <PlanPreview
                  plan={open.plan}
                  t={t}
                  lang={lang}
                  busy={busy}
                  onCancel={() => setOpen(null)}
                  ask={askToAddYear(command, open.plan, workbook, (plan) => setOpen({ command, plan }))}
                  onApply={() => void api.apply(open.plan).then(() => setOpen(null))}
                />
              )}
            </Card>
          );
        })}
        {host && <RoundPanel workbook={workbook} lang={lang} host={host} api={api} />}
      </div>
    </div>
  );
}
