/** The preview page's own layout and grid styles (the task pane styles itself with Fluent UI). */
const css = `
body { background: #f3f2f1; }
.preview { display: flex; height: 100vh; }
.workbook { flex: 1; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid #d1d1d1; }
.toolbar { display: flex; gap: 8px; align-items: center; padding: 6px 10px; background: #217346; color: #fff; font-size: 13px; flex-wrap: wrap; }
.toolbar strong { margin-right: 8px; }
.toolbar label, .toolbar button { font-size: 12px; }
.sheets { display: flex; gap: 2px; padding: 4px 8px 0; background: #e1dfdd; overflow-x: auto; }
.sheets button { border: 1px solid #c8c6c4; border-bottom: none; background: #f3f2f1; padding: 3px 10px; font-size: 12px; cursor: pointer; white-space: nowrap; }
.sheets button.active { background: #fff; font-weight: 600; color: #217346; }
.grid { flex: 1; overflow: auto; background: #fff; }
.grid table { border-collapse: collapse; font-size: 12px; }
.grid th { position: sticky; top: 0; background: #f3f2f1; color: #605e5c; font-weight: normal; border: 1px solid #d1d1d1; padding: 1px 4px; min-width: 24px; z-index: 1; }
.grid tbody th { position: sticky; left: 0; text-align: right; }
.grid th.corner { left: 0; z-index: 3; }
.grid tbody th, .grid th.corner { width: 40px; min-width: 40px; max-width: 40px; box-sizing: border-box; }
/* Column A (the KPI names) stays in view when the grid scrolls sideways, like Excel's frozen panes. */
.grid tbody td:nth-child(2) { position: sticky; left: 40px; background: #fff; z-index: 1; box-shadow: 2px 0 0 #c8c6c4; }
.grid thead th:nth-child(2) { left: 40px; z-index: 3; }
.grid td { border: 1px solid #e1dfdd; padding: 1px 4px; max-width: 220px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.grid td.num { text-align: right; }
.grid td.noted { box-shadow: inset -6px 6px 0 -4px #c50f1f; }
.grid td.link { color: #0f6cbd; text-decoration: underline; }
.grid td.highlight { outline: 2px solid #217346; outline-offset: -2px; background: #e0f2e9 !important; }
.pane { width: 400px; flex: none; overflow-y: auto; background: #fff; }
.error { padding: 16px; color: #bc2f32; }
`;

export function injectPreviewStyles(): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}
