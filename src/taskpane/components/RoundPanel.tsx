/**
 * 操作 › 担当課への照会 (issue #17): 「担当課ごとに配布」 downloads one protected copy per 担当課 (the
 * copies `split` writes, made in this page with the .xlsx writer loaded on demand), and 「回答を取り込む」
 * reads the answers the user picks, shows per department what will be written, the conflicts and the
 * departments that have not answered, then applies as one plan that Undo reverts. Nothing leaves the PC.
 */
import { Button, Card, CardHeader, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { fileStem, readAnswer, roundCopies, type PlanInput } from '../../app';
import { errorDetail, t as say } from '../../core/catalogue';
import { planMerge, type Answer, type MergeResult } from '../../core/compare/merge';
import { eraYearLabel } from '../../core/definitions';
import type { Lang } from '../../core/findings';
import type { ProgressHost } from '../../core/host';
import type { CellValue } from '../../core/snapshot';
import type { WorkbenchApi } from '../useWorkbench';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, maxHeight: '220px', overflowY: 'auto' },
  section: { marginTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Props {
  workbook: PlanInput;
  lang: Lang;
  host: ProgressHost;
  api: WorkbenchApi;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves bytes as a download in this page (no upload anywhere). */
function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RoundPanel({ workbook, lang, host, api }: Props) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [copies, setCopies] = useState<{ file: string; kpis: number; cells: number }[]>([]);
  const [merge, setMerge] = useState<MergeResult | null>(null);
  const shown = (v: CellValue) => (v === null || v === '' ? say(lang, 'round.empty') : String(v));
  // catalogue errors (a failed getFileAsync) in the pane's language
  const fail = (e: unknown) => api.notify('error', errorDetail(lang, e));
  // Excel may not hand the workbook over as a file; the button then says why instead of failing.
  const canDistribute = typeof host.workbookFile === 'function';

  const distribute = async () => {
    if (!host.workbookFile) return;
    setBusy(say(lang, 'round.distribute'));
    try {
      const { name, bytes } = await host.workbookFile();
      // exceljs only when asked: it is not in the task pane's first download.
      const { writeRoundCopy } = await import(/* webpackChunkName: "xlsx-host" */ '../../xlsx/round-copy');
      const { round, copies: made } = roundCopies(bytes, workbook.model, fileStem(name), writeRoundCopy, { lang });
      if (!Number.isFinite(round.year) || !made.length) return api.notify('warning', say(lang, 'round.no-departments'));
      const done: typeof copies = [];
      for (const c of made) {
        download(c.file, await c.bytes());
        done.push({ file: c.file, kpis: c.share.kpis.length, cells: c.share.cells.length });
      }
      setCopies(done);
      api.notify('success', say(lang, 'round.distributed', { n: done.length, year: eraYearLabel(round.year) }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const pick = async (files: File[]) => {
    setBusy(say(lang, 'round.reading', { n: files.length }));
    try {
      const { XlsxHost } = await import(/* webpackChunkName: "xlsx-host" */ '../../xlsx/host');
      const answers: Answer[] = [];
      for (const f of files) {
        const answer = await readAnswer(await XlsxHost.fromBuffer(new Uint8Array(await f.arrayBuffer()), f.name), f.name, lang);
        if (!answer.model.sheets.length) api.notify('warning', say(lang, 'round.no-table', { file: f.name }));
        else answers.push(answer);
      }
      if (answers.length) setMerge(planMerge({ model: workbook.model, snapshots: workbook.snapshots }, answers, { lang }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const disabled = !!busy || !!api.busy;
  return (
    <Card size="small" data-testid="round">
      <CardHeader header={<Text weight="semibold">{say(lang, 'round.title')}</Text>} />
      <div className={styles.row}>
        <Button size="small" onClick={() => void distribute()} disabled={disabled || !canDistribute} data-testid="round-distribute" title={say(lang, 'round.distribute-hint')}>
          {say(lang, 'round.distribute')}
        </Button>
        <Button size="small" onClick={() => input.current?.click()} disabled={disabled} data-testid="round-import" title={say(lang, 'round.import-hint')}>
          {say(lang, 'round.import')}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => void api.undo().then(() => setMerge(null))} disabled={disabled} data-testid="round-undo">
          {say(lang, 'action.undo')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm"
          multiple
          hidden
          data-testid="round-files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void pick(files);
          }}
        />
      </div>
      {!canDistribute && (
        <Text size={200} data-testid="round-no-file">
          {say(lang, 'round.no-file')}
        </Text>
      )}
      {busy && <Spinner size="tiny" label={busy} />}
      {copies.length > 0 && (
        <ul className={styles.list} data-testid="round-copies">
          {copies.map((c) => (
            <li key={c.file} data-testid="round-copy" data-file={c.file}>
              {say(lang, 'round.copy', c)}
            </li>
          ))}
        </ul>
      )}
      {merge && (
        <div className={styles.section} data-testid="round-merge">
          <Text weight="semibold">{merge.plan.summary}</Text>
          {merge.merged.map((m) => (
            <div key={`${m.department}:${m.file}`} data-testid="round-department" data-department={m.department}>
              <Text size={200} weight="semibold">{say(lang, 'round.department', { department: m.department, file: m.file, n: m.cells.length })}</Text>
              <ul className={styles.list}>
                {m.cells.map((c) => (
                  <li key={`${c.sheet}!${c.cell}`} data-testid="round-cell" data-cell={`${c.sheet}!${c.cell}`} data-value={String(c.value ?? '')}>
                    {c.sheet}!{c.cell} {c.kpiName}: {shown(c.master)} → {shown(c.value)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {merge.conflicts.length > 0 && (
            <>
              <Text size={200} weight="semibold">{say(lang, 'round.conflicts', { n: merge.conflicts.length })}</Text>
              <ul className={styles.list}>
                {merge.conflicts.map((c, i) => (
                  <li key={i} data-testid="round-conflict" data-cell={`${c.sheet}!${c.cell}`} data-reason={c.reason}>
                    {say(lang, 'round.conflict-source', { department: c.department ?? '?', file: c.file })} {c.sheet}!{c.cell} {c.kpiName}: {say(lang, `round.reason.${c.reason}`)} — {say(lang, 'round.master')} {shown(c.master)} / {say(lang, 'round.answer')} {shown(c.answer)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {merge.missing.length > 0 && (
            <>
              <Text size={200} weight="semibold">{say(lang, 'round.missing', { n: merge.missing.length, year: eraYearLabel(merge.year) })}</Text>
              <ul className={styles.list}>
                {merge.missing.map((m) => (
                  <li key={m.department} data-testid="round-missing" data-department={m.department}>
                    {m.department}: {m.kpis.length ? m.kpis.join(', ') : say(lang, 'round.none-empty')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className={styles.row}>
            <Button appearance="primary" size="small" onClick={() => void api.apply(merge.plan).then(() => setMerge(null))} disabled={disabled || !merge.plan.edits.length} data-testid="round-apply">
              {say(lang, 'action.apply')}
            </Button>
            <Button size="small" onClick={() => setMerge(null)} disabled={disabled}>
              {say(lang, 'action.cancel')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
