/**
 * 点検 › 前年度版と比較 (issue #15): the user picks last year's edition; it is read in this page with the
 * .xlsx host (loaded on demand, nothing leaves the PC), compared with the open workbook, and its
 * changes are listed beside the other findings, each with the previous value next to the current one
 * and a click to its cell.
 */
import { Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { loadWorkbook, type PlanInput } from '../../app';
import { t as say } from '../../core/catalogue';
import { compareEditions, type ChangeFinding } from '../../core/compare';
import type { Lang, Severity } from '../../core/findings';
import type { ProgressHost } from '../../core/host';
import { ruleName } from '../../core/catalogue/vocabulary';

const useStyles = makeStyles({
  box: { marginBottom: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  cell: { minWidth: '64px', fontFamily: tokens.fontFamilyMonospace },
  body: { flexGrow: 1, display: 'flex', flexDirection: 'column', gap: '2px' },
  values: { fontFamily: tokens.fontFamilyMonospace },
});

const color: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface Props {
  workbook: PlanInput;
  lang: Lang;
  host: ProgressHost;
  onError(text: string): void;
}

interface State {
  file: string;
  previous: PlanInput['model'];
}

export function ComparePanel({ workbook, lang, host, onError }: Props) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [state, setState] = useState<State | null>(null);

  const pick = async (file: File) => {
    setBusy(file.name);
    try {
      // exceljs only when asked: it is not in the task pane's first download.
      const { XlsxHost } = await import(/* webpackChunkName: "xlsx-host" */ '../../xlsx/host');
      const previous = await loadWorkbook(await XlsxHost.fromBuffer(new Uint8Array(await file.arrayBuffer()), file.name), { lang });
      if (!previous.model.sheets.length) onError(say(lang, 'compare.no-table', { file: file.name }));
      else setState({ file: file.name, previous: previous.model });
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  // Re-compared on every render: the open workbook changes as the user edits it.
  const findings: ChangeFinding[] = useMemo(
    () => (state ? [...compareEditions(state.previous, workbook.model, { lang }).findings].sort((a, b) => order[a.severity] - order[b.severity]) : []),
    [state, workbook.model, lang],
  );
  const select = (f: ChangeFinding) => host.selectCell?.(f.sheet, f.cell).catch((e) => onError(e instanceof Error ? e.message : String(e)));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const shown = (v: string | null) => (v === null || v === '' ? '—' : v);

  return (
    <div className={styles.box} data-testid="compare">
      <div className={styles.row}>
        <Button size="small" onClick={() => input.current?.click()} disabled={!!busy} data-testid="compare-open" title={say(lang, 'compare.hint')}>
          {say(lang, 'compare.open')}
        </Button>
        {state && (
          <Button size="small" appearance="subtle" onClick={() => setState(null)} data-testid="compare-close">
            {say(lang, 'compare.close')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm"
          hidden
          data-testid="compare-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void pick(f);
          }}
        />
      </div>
      {busy && <Spinner size="tiny" label={say(lang, 'compare.reading', { file: busy })} />}
      {state && (
        <>
          <Text data-testid="compare-count" data-count={findings.length}>
            {findings.length ? say(lang, 'compare.count', { file: state.file, n: findings.length, errors }) : say(lang, 'compare.none', { file: state.file })}
          </Text>
          {findings.map((f, i) => (
            <div key={`${f.rule}:${f.sheet}!${f.cell}:${i}`} className={styles.item} data-testid="change" data-rule={f.rule} data-cell={`${f.sheet}!${f.cell}`} data-edition={f.edition ?? 'current'}>
              {f.edition === 'previous' ? (
                <Text size={200} className={styles.cell} title={f.previousCell ?? ''}>
                  {say(lang, 'compare.previous')} {f.cell}
                </Text>
              ) : (
                <Button size="small" appearance="subtle" className={styles.cell} onClick={() => void select(f)}>
                  {f.cell}
                </Button>
              )}
              <div className={styles.body}>
                <div className={styles.row}>
                  <Badge appearance="filled" color={color[f.severity]}>
                    {ruleName(f.rule, lang)}
                  </Badge>
                  <Text size={200} weight="semibold">{f.kpiName}</Text>
                </div>
                <Text size={200} className={styles.values} data-testid="change-values">
                  {say(lang, 'compare.previous')}: {shown(f.previousValue)} → {say(lang, 'compare.current')}: {shown(f.currentValue)}
                </Text>
                <Text size={200}>{f.message}</Text>
              </div>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
