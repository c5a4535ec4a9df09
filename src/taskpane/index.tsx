/** Task pane entry inside Excel: builds the Excel host and hands it to the shared App. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelHost } from '../excel/host';
import { officeLang, officeTheme, takeCommandStatus } from './office';
import { excelChangeSource, excelSettingsStore } from './office-adapters';

Office.onReady(async () => {
  const host = new ExcelHost();
  const initialNotice = (await takeCommandStatus()) ?? undefined;
  const root = createRoot(document.getElementById('root')!);
  root.render(
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
