/**
 * Browser preview: the same task pane (App) beside a grid of the workbook, through the .xlsx host.
 * Opens the bundled sample by default; any .xlsx can be opened; nothing leaves the page.
 */
import { createRoot } from 'react-dom/client';
import { Preview } from './Preview';
import { injectPreviewStyles } from './styles';

injectPreviewStyles();

createRoot(document.getElementById('root')!).render(<Preview />);
