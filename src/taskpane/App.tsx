/** The task pane: the same component on Excel and in the browser preview; only the host differs. */
import {
  FluentProvider,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  ProgressBar,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../core/findings';
import type { ProgressHost } from '../core/host';
import { t } from '../core/catalogue';
import type { ChangeSource } from './live';
import { normaliseSettings, type AddinSettings, type SettingsStore } from '../app';
import { ActionsTab } from './tabs/ActionsTab';
import { FindingsTab } from './tabs/FindingsTab';
import { OverviewTab } from './tabs/OverviewTab';
import { SettingsTab } from './tabs/SettingsTab';
import type { ThemeKind } from './theme';
import { useLiveChecking } from './useLiveChecking';
import { useWorkbench } from './useWorkbench';
import { CapabilityNotes } from './components/CapabilityNotes';
import { ErrorBoundary } from './components/ErrorBoundary';

export interface AppProps {
  host: ProgressHost;
  /** Language from Office's display language (or the preview's choice); settings may override. */
  initialLang: Lang;
  theme: ThemeKind;
  settingsStore: SettingsStore;
  changes?: ChangeSource;
  /** Called after the add-in changed the workbook (the preview re-renders its grid). */
  onWorkbookChanged?: () => void;
  /** A status left by a ribbon command, shown once. */
  initialNotice?: string;
}

type TabId = 'overview' | 'findings' | 'actions' | 'settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  title: { flexGrow: 1, whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `0 ${tokens.spacingHorizontalM}` },
  body: { padding: tokens.spacingHorizontalM, flexGrow: 1, overflowY: 'auto' },
  busy: { padding: `0 ${tokens.spacingHorizontalM}` },
});

export function App(props: AppProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<AddinSettings>(() => normaliseSettings(null));
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const lang: Lang = settings.lang ?? props.initialLang;
  const [tab, setTab] = useState<TabId>('overview');
  const bench = useWorkbench(props.host, lang, settings, settingsLoaded, props.onWorkbookChanged);
  const live = useLiveChecking(props.changes, props.host, bench, lang, settings);

  useEffect(() => {
    props.settingsStore
      .load()
      .then((s) => setSettings(normaliseSettings(s)))
      .catch(() => undefined)
      .finally(() => setSettingsLoaded(true));
  }, [props.settingsStore]);

  // A ribbon command's status, shown once on open.
  const { initialNotice } = props;
  const { notify } = bench;
  useEffect(() => {
    if (initialNotice) notify('info', initialNotice);
  }, [initialNotice, notify]);

  const saveSettings = useCallback(
    async (next: AddinSettings) => {
      await props.settingsStore.save(next);
      setSettings(next);
    },
    [props.settingsStore],
  );

  const theme = useMemo(() => (props.theme === 'dark' ? webDarkTheme : webLightTheme), [props.theme]);
  const caps = props.host.capabilities();

  return (
    <FluentProvider theme={theme} lang={lang}>
      <div className={styles.root} data-testid="taskpane" data-lang={lang}>
        <div className={styles.header}>
          <Text weight="semibold" size={400} className={styles.title}>
            {t(lang, 'pane.app-title')}
          </Text>
          {props.changes && (
            <Switch
              label={{ children: t(lang, 'pane.live-checking'), className: styles.nowrap }}
              checked={live.enabled}
              disabled={!caps.changeEvents}
              onChange={(_, d) => live.setEnabled(d.checked)}
              data-testid="live-toggle"
            />
          )}
          <Button size="small" className={styles.nowrap} onClick={() => void bench.reload()} disabled={!!bench.busy} data-testid="reload">
            {t(lang, 'pane.reload')}
          </Button>
        </div>
        {bench.busy && (
          <div className={styles.busy} data-testid="busy">
            {bench.busy.fraction === null ? <Spinner size="tiny" label={bench.busy.label} /> : <ProgressBar value={bench.busy.fraction} />}
          </div>
        )}
        <div className={styles.notices}>
          {props.host.kind === 'excel' && <CapabilityNotes caps={caps} lang={lang} liveAvailable={!!props.changes} />}
          {bench.notices.map((n) => (
            <MessageBar key={n.id} intent={n.intent} data-testid={`notice-${n.intent}`}>
              <MessageBarBody>{n.text}</MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" size="small" onClick={() => bench.dismiss(n.id)} aria-label={t(lang, 'pane.dismiss')}>×</Button>} />
            </MessageBar>
          ))}
        </div>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
          <Tab value="overview" data-testid="tab-overview">{t(lang, 'pane.tab.overview')}</Tab>
          <Tab value="findings" data-testid="tab-findings">
            {t(lang, 'pane.tab.findings')}
            {bench.workbook ? ` (${bench.workbook.analysis.findings.length})` : ''}
          </Tab>
          <Tab value="actions" data-testid="tab-actions">{t(lang, 'pane.tab.actions')}</Tab>
          <Tab value="settings" data-testid="tab-settings">{t(lang, 'pane.tab.settings')}</Tab>
        </TabList>
        <div className={styles.body}>
          <ErrorBoundary lang={lang}>
            {tab === 'overview' && <OverviewTab workbook={bench.workbook} lang={lang} />}
            {tab === 'findings' && <FindingsTab workbook={bench.workbook} lang={lang} host={props.host} api={bench} />}
            {tab === 'actions' && <ActionsTab workbook={bench.workbook} lang={lang} api={bench} host={props.host} />}
            {tab === 'settings' && settingsLoaded && <SettingsTab settings={settings} lang={lang} onSave={saveSettings} api={bench} />}
          </ErrorBoundary>
        </div>
      </div>
    </FluentProvider>
  );
}
