import { afterEach, describe, expect, it } from 'vitest';
import { showPageFlag } from '../../lib/browser/page-scripts';

afterEach(() => {
  document.getElementById('nhs-social-lens-flag')?.remove();
});

describe('showPageFlag', () => {
  it('names the organisation and its level, as text, in a fixed corner that takes no space', () => {
    const shown = showPageFlag({ name: '<img src=x onerror=alert(1)>', level: 'Several platforms' }, document.URL, document);
    if (shown === undefined) throw new Error('no flag');
    const { host, root } = shown;
    expect(root.textContent).toContain('NHS Social Lens: <img src=x onerror=alert(1)> · Several platforms');
    expect(root.querySelector('img')).toBeNull();
    expect(host.style.position).toBe('fixed');
  });

  it('never appears twice', () => {
    showPageFlag({ name: 'A', level: 'x' }, document.URL, document);
    showPageFlag({ name: 'B', level: 'y' }, document.URL, document);
    expect(document.querySelectorAll('#nhs-social-lens-flag')).toHaveLength(1);
  });

  it('can be dismissed with its button', () => {
    const button = showPageFlag({ name: 'A', level: 'x' }, document.URL, document)?.root.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Dismiss');
    button?.click();
    expect(document.getElementById('nhs-social-lens-flag')).toBeNull();
  });

  it('draws nothing in a document that is no longer at the address read (issue 26)', () => {
    expect(showPageFlag({ name: 'A', level: 'x' }, 'https://www.uclh.nhs.uk/', document)).toBeUndefined();
    expect(document.getElementById('nhs-social-lens-flag')).toBeNull();
  });
});
