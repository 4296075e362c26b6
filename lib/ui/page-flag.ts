/**
 * The in-page flag (off unless the user turns it on): a small label in the page's corner naming
 * the organisation, in a closed shadow root so the page's styles cannot reach it and it cannot
 * shift the page's layout (fixed position, no space taken). Plain DOM, no library: it ships in the
 * content script. Text only, never HTML.
 */
import type { PageFlag } from '../detect/types';

const HOST_ID = 'nhs-social-lens-flag';

/** Shows the flag once per page (a second call replaces it); returns its host and (closed) root. */
export function showPageFlag(doc: Document, flag: PageFlag): { host: HTMLElement; root: ShadowRoot } {
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  host.style.cssText = 'all:initial;position:fixed;z-index:2147483647;right:12px;bottom:12px';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    'div{font:14px/1.4 Arial,sans-serif;background:#005eb8;color:#fff;padding:6px 8px 6px 12px;border-radius:4px}' +
    'button{font:inherit;background:none;border:0;color:#fff;cursor:pointer;margin-left:8px}button:focus{outline:3px solid #ffeb3b}';
  const box = doc.createElement('div');
  box.setAttribute('role', 'note');
  const label = doc.createElement('span');
  label.textContent = `NHS Social Lens: ${flag.name} · ${flag.level}`;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => host.remove());
  box.append(label, close);
  root.append(style, box);
  doc.documentElement.append(host);
  return { host, root };
}
