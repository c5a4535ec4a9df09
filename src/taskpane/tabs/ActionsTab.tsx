/** 操作 / Actions: every command shows its preview (summary + cells) before Apply; Undo last action. */
import { Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../core/findings';
import type { EditPlan } from '../../core/plan';
import { actionCommands, type ActionCommand, type PlanInput } from '../../app';
import { emptyNewestYears, isAvailable, planAddYearConfirmed } from '../../app';
import { describeEdit } from '../../core/plans/describe';
import { t, type MessageId } from '../../core/catalogue';
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

/** Each command's name and what it does: `action.fill` and `action.fill.help`. */
const labels = (command: ActionCommand): [MessageId, MessageId] => [`action.${command}`, `action.${command}.help`];

function PlanPreview({ plan, lang, onApply, onCancel, busy, ask }: { plan: EditPlan; lang: Lang; onApply: () => void; onCancel: () => void; busy: boolean; ask?: { years: string[]; onYes: () => void } }) {
  const styles = useStyles();
  const lines = plan.edits.slice(0, previewLimit);
  return (
    <div className={styles.preview} data-testid="plan-preview">
      <Text weight="semibold">{plan.summary}</Text>
      <Text size={200} data-testid="plan-cell-count">
        {plan.edits.length ? t(lang, 'pane.plan.cells', { n: changedCellCount(plan) }) : t(lang, 'pane.plan.nothing')}
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
          {plan.edits.length > previewLimit && <li>{t(lang, 'pane.plan.more-cells', { n: plan.edits.length - previewLimit })}</li>}
        </ul>
      )}
      {ask && (
        <MessageBar intent="warning" data-testid="confirm-add-year">
          <MessageBarBody>{t(lang, 'plan.add-year.ask', { names: ask.years })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        {ask && (
          <Button appearance="primary" onClick={ask.onYes} disabled={busy} data-testid="confirm-add-year-yes">
            {t(lang, 'plan.add-year.anyway')}
          </Button>
        )}
        <Button appearance={ask ? 'secondary' : 'primary'} onClick={onApply} disabled={busy || !plan.edits.length} data-testid="apply">
          {t(lang, 'action.apply')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t(lang, 'action.cancel')}
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
  const [open, setOpen] = useState<{ command: ActionCommand; plan: EditPlan } | null>(null);
  if (!workbook) return <Spinner label={t(lang, 'pane.loading')} />;
  const busy = !!api.busy;

  return (
    <div data-testid="actions">
      <div className={styles.toolbar}>
        <Button onClick={() => void api.undo().then(() => setOpen(null))} disabled={busy} data-testid="undo">
          {t(lang, 'action.undo')}
        </Button>
      </div>
      <div className={styles.list}>
        {actionCommands.map((command) => {
          const [title, help] = labels(command);
          return (
            <Card key={command} size="small" data-testid={`action-${command}`}>
              <CardHeader
                header={<Text weight="semibold">{t(lang, title)}</Text>}
                description={<Text size={200}>{t(lang, help)}</Text>}
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
                    {t(lang, 'action.preview')}
                  </Button>
                }
              />
              {open?.command === command && (
                <PlanPreview
                  plan={open.plan}
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
