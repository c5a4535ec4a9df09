/**
 * Shows a command's status in a small Office dialog (status.html). Excel has no toast API for
 * add-ins; the dialog closes on its button or after a few seconds, and the command completes then.
 * A function command's runtime ends when it completes (at the latest after 5 minutes, "Add-in
 * commands" on learn.microsoft.com), and Excel queues the next click of the same button until it
 * does, so the status is held briefly, not for a minute; the task pane shows it again when opened.
 * The language travels in the URL: a dialog page may call only messageParent and isSetSupported
 * ("Dialog API in Office Add-ins"), not Office.context.displayLanguage.
 */
export const closeAfterMs = 8_000;

export function statusUrl(text: string, ok: boolean, lang: string): string {
  const base = new URL('status.html', window.location.href);
  base.searchParams.set('text', text);
  base.searchParams.set('ok', ok ? '1' : '0');
  base.searchParams.set('lang', lang);
  return base.toString();
}

export function showStatus(text: string, ok: boolean, lang: string): Promise<void> {
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
      Office.context.ui.displayDialogAsync(statusUrl(text, ok, lang), { height: 22, width: 32, displayInIframe: true }, (result) => {
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
