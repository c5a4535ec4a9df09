/** Preview page: workbook grid on the left, the real task pane (App) on the right. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorDetail, isMessageError, t } from '../core/catalogue';
import type { Lang } from '../core/findings';
import { cellAddress, type GridSnapshot } from '../core/snapshot';
import { App } from '../taskpane/App';
import { langFromDisplayLanguage } from '../taskpane/lang';
import type { AddinSettings, SettingsStore } from '../app';
import { XlsxHost } from '../xlsx/host';
import { Grid } from './Grid';
import { PreviewHost } from './preview-host';

export const sampleUrl = 'assets/sample/progress-sheet.xlsx';
/** The bundled samples: as published, and with R2's rates left blank (達成率を記入 has work to do). */
export const SAMPLES = ['progress-sheet.xlsx', 'progress-sheet-blank-r2.xlsx'] as const;

interface Opened {
  name: string;
  xlsx: XlsxHost;
  /** Bumped on every open so that the task pane starts fresh. */
  id: number;
}

let openCount = 0;

/** The error's sentence in the page language: catalogue errors translated (older load errors carry an English one too). */
function errorText(e: unknown, lang: Lang = 'ja'): string {
  if (isMessageError(e)) return errorDetail(lang, e);
  if (lang === 'en' && e instanceof Error && 'messageEn' in e && typeof e.messageEn === 'string') return e.messageEn;
  return errorDetail(lang, e);
}

const SETTINGS_KEY = 'kpiProgress.previewSettings';

/** Settings kept in the browser across reloads (the preview has no workbook settings to keep them in). */
function browserSettingsStore(onSaved: (s: Partial<AddinSettings>) => void): SettingsStore {
  const read = (): Partial<AddinSettings> => {
    try {
      return JSON.parse(window.localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<AddinSettings>;
    } catch {
      return {};
    }
  };
  return {
    load: async () => read(),
    save: async (settings) => {
      try {
        window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
      } catch {
        // storage refused (private mode): the choice lasts until the page closes
      }
      onSaved(settings);
    },
  };
}

/** 自動 in the preview: ?lang=, else the browser's language. */
function browserLang(): Lang {
  return langFromDisplayLanguage(new URLSearchParams(window.location.search).get('lang') ?? navigator.language);
}

function storedLang(): Lang | null {
  try {
    const l = (JSON.parse(window.localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<AddinSettings>).lang;
    return l === 'en' || l === 'ja' ? l : null;
  } catch {
    return null;
  }
}

export function Preview() {
  const [chosen, setChosen] = useState<Lang | null>(storedLang);
  const autoLang = useMemo(browserLang, []);
  const lang: Lang = chosen ?? autoLang;
  useEffect(() => {
    document.documentElement.lang = lang; // screen readers read the page in its language
  }, [lang]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState<GridSnapshot | null>(null);
  const [highlight, setHighlight] = useState<{ sheet: string; address: string } | null>(null);
  const [version, setVersion] = useState(0);

  // The language is read through a ref: a language change must not re-create open() and so re-open
  // the bundled sample over the user's workbook.
  const langRef = useRef(lang);
  langRef.current = lang;
  const open = useCallback(async (name: string, bytes: ArrayBuffer) => {
    try {
      const xlsx = await XlsxHost.fromBuffer(bytes, name);
      const list = (await xlsx.listSheets()).filter((s) => s.visibility === 'visible').map((s) => s.name);
      setOpened({ name, xlsx, id: ++openCount });
      setSheets(list);
      setSheet(list[0] ?? null);
      setHighlight(null);
      setError(null);
    } catch (e) {
      setError(errorText(e, langRef.current));
    }
  }, []);

  const openSample = useCallback((name: string) => {
    const url = `assets/sample/${name}`;
    fetch(url)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))))
      .then((bytes) => open(name, bytes))
      .catch((e) => setError(errorText(e, langRef.current)));
  }, [open]);

  useEffect(() => {
    // ?sample=progress-sheet-blank-r2.xlsx opens the other bundled sample.
    const asked = new URLSearchParams(window.location.search).get('sample');
    openSample(SAMPLES.find((s) => s === asked) ?? SAMPLES[0]);
  }, [openSample]);

  const host = useMemo(
    () =>
      opened &&
      new PreviewHost(
        opened.xlsx,
        (s, address) => {
          setSheet(s);
          setHighlight({ sheet: s, address });
        },
        (plan) => {
          // Undo leaves the grid where the user is; a command shows its first cell on a visible sheet.
          if (plan.command === 'undo') return setVersion((v) => v + 1);
          const first = plan.edits.find((e) => e.kind === 'setCell' && !e.sheet.startsWith('_'));
          if (first && 'row' in first) {
            setSheet(first.sheet);
            setHighlight({ sheet: first.sheet, address: cellAddress(first.row, first.col) });
          }
          setVersion((v) => v + 1);
        },
        async () => ({ name: opened.name, bytes: await opened.xlsx.toBuffer() }),
      ),
    [opened],
  );

  // One store per opened file (a new store makes the pane reload), its settings kept in the browser.
  const settingsStore = useMemo(() => browserSettingsStore((s) => setChosen(s.lang ?? null)), [opened]);

  useEffect(() => {
    if (!opened || !sheet) return setSnapshot(null);
    let live = true;
    // Sheets may appear (KPI定義, report) or go after a command: re-list, then re-read.
    opened.xlsx
      .listSheets()
      .then((all) => {
        const list = all.filter((s) => s.visibility === 'visible').map((s) => s.name);
        if (live) setSheets(list);
        return opened.xlsx.readSnapshot(list.includes(sheet) ? sheet : list[0]);
      })
      .then((s) => live && setSnapshot(s))
      .catch((e) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [opened, sheet, version]);

  const download = async () => {
    if (!opened) return;
    const bytes = await opened.xlsx.toBuffer();
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = opened.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="preview">
      <div className="workbook">
        <div className="toolbar">
          <strong>{t(lang, 'preview.title')}</strong>
          <span data-testid="file-name">{opened?.name ?? ''}</span>
          <label>
            {t(lang, 'preview.sample')}
            <select data-testid="sample-select" value={SAMPLES.find((s) => s === opened?.name) ?? ''} onChange={(e) => e.target.value && openSample(e.target.value)}>
              <option value="" disabled>
                —
              </option>
              <option value={SAMPLES[0]}>{t(lang, 'preview.sample.published')}</option>
              <option value={SAMPLES[1]}>{t(lang, 'preview.sample.blank')}</option>
            </select>
          </label>
          <label>
            {t(lang, 'preview.open')}
            <input
              type="file"
              accept=".xlsx"
              data-testid="file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.arrayBuffer().then((b) => open(file.name, b));
              }}
            />
          </label>
          <button onClick={() => void download()} disabled={!opened} data-testid="download">
            {t(lang, 'preview.download')}
          </button>
        </div>
        <div className="sheets" role="tablist">
          {sheets.map((s) => (
            <button key={s} className={s === snapshot?.sheet ? 'active' : ''} onClick={() => setSheet(s)} role="tab" data-testid="sheet-tab">
              {s}
            </button>
          ))}
        </div>
        {error && (
          <div className="error" role="alert" data-testid="preview-error">
            {error}
          </div>
        )}
        {snapshot && <Grid key={`${opened?.id}:${snapshot.sheet}`} snapshot={snapshot} highlight={highlight?.sheet === snapshot.sheet ? highlight.address : null} />}
      </div>
      <div className="pane">
        {host && opened && (
          <App key={opened.id} host={host} initialLang={autoLang} theme="light" settingsStore={settingsStore} onWorkbookChanged={() => setVersion((v) => v + 1)} />
        )}
      </div>
    </div>
  );
}
