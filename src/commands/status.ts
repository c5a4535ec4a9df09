/** The status dialog page: shows the text a command passed in the URL, as text (never as HTML). */
import { t } from '../core/catalogue';

function render(): void {
  const params = new URLSearchParams(window.location.search);
  // Only messageParent and isSetSupported may be called in a dialog: the language comes in the URL.
  const lang = params.get('lang') === 'en' ? 'en' : 'ja';
  const root = document.getElementById('root')!;
  root.style.cssText = 'padding:12px 16px;font-size:14px;line-height:1.6';
  const icon = document.createElement('div');
  icon.textContent = params.get('ok') === '0' ? '⚠' : '✓';
  icon.style.cssText = `font-size:20px;color:${params.get('ok') === '0' ? '#bc2f32' : '#107c10'}`;
  const text = document.createElement('p');
  text.textContent = params.get('text') ?? '';
  const button = document.createElement('button');
  button.textContent = t(lang, 'ribbon.close');
  button.style.cssText = 'padding:4px 16px';
  button.addEventListener('click', () => {
    try {
      Office.context.ui.messageParent('close');
    } catch {
      window.close();
    }
  });
  root.append(icon, text, button);
}

Office.onReady(render);
