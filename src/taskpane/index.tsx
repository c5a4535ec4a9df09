/** Task pane entry inside Excel: builds the Excel host and hands it to the shared App. */
import { createRoot } from 'react-dom/client';
import { ExcelHost } from '../excel/host';
import { App } from './App';
import { officeLang, officeTheme, takeCommandStatus } from './office';
import { excelChangeSource, excelSettingsStore } from './office-adapters';

const root = document.getElementById('root')!;

// taskpane.html holds a static message for a pane without Office.js (Microsoft's CDN unreachable, or the
// page opened outside Office): show it at once then, keep it hidden while Office starts.
function showNoOffice(): void {
  document.documentElement.classList.remove('office-starting');
  document.documentElement.classList.add('office-missing');
}

if (typeof Office === 'undefined') {
  showNoOffice();
} else {
  document.documentElement.classList.add('office-starting');
  Office.onReady(async (info) => {
    if (!info.host) {
      showNoOffice();
      return;
    }
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
