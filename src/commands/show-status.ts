/**
 * Shows a command's status in a small Office dialog (status.html). Excel has no toast API for
 * add-ins; the dialog closes on its button, and the command completes then, or after a minute.
 */
const closeAfterMs = 60_000;

export function statusUrl(text: string, ok: boolean): string {
  const base = new URL('status.html', window.location.href);
  base.searchParams.set('text', text);
  base.searchParams.set('ok', ok ? '1' : '0');
  return base.toString();
}

export function showStatus(text: string, ok: boolean): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (dialog?: Office.Dialog) => {
      if (done) return;
      done = true;
      try {
        dialog?.close();
      } catch {
        // Already closed by the user.
      }
      resolve();
    };
    try {
      Office.context.ui.displayDialogAsync(statusUrl(text, ok), { height: 22, width: 32, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return finish();
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(dialog));
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(dialog));
        setTimeout(() => finish(dialog), closeAfterMs);
      });
    } catch {
      finish();
    }
  });
}
