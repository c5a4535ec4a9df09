/** Task pane entry inside Excel: builds the Excel host and hands it to the shared App. */
import { createRoot } from 'react-dom/client';
import { ExcelHost } from '../excel/host';
import { App } from './App';
import { officeLang, officeTheme, takeCommandStatus } from './office';
import { excelChangeSource, excelSettingsStore } from './office-adapters';

const root = document.getElementById('root')!;

if (typeof Office === 'undefined') {
  // office.js comes from Microsoft's CDN; without it (offline, blocked) say so instead of a blank pane.
  root.textContent =
    'Office.js を読み込めませんでした。ネットワーク接続を確認し、作業ウィンドウを開き直してください。 / Office.js could not be loaded: check the network connection and reopen the task pane.';
} else {
  Office.onReady(async () => {
    const host = new ExcelHost();
    const initialNotice = (await takeCommandStatus()) ?? undefined;
    createRoot(root).render(
      <App
        host={host}
        initialLang={officeLang()}
        theme={officeTheme()}
        settingsStore={excelSettingsStore()}
        changes={excelChangeSource(host)}
        initialNotice={initialNotice}
      />,
    );
  });
}
