import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_LEGEND } from '../../lib/metrics/badge-legend';
import '../../lib/ui/nsl-welcome';
import '../../lib/ui/options/nsl-privacy-note';
import { fakePage, mockClient } from '../support/mock-client';

afterEach(() => {
  document.body.replaceChildren();
});

const words = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the welcome page (issue 30)', () => {
  it('says how to pin the icon, what the badge says, a site to try, the privacy promise and the opt-ins', async () => {
    const welcome = document.createElement('nsl-welcome');
    document.body.append(welcome);
    const { page } = fakePage('/welcome.html');
    await welcome.start(mockClient({}), page);
    await welcome.updateComplete;
    const root = welcome.shadowRoot;
    expect(page.document.title).toBe('Welcome to NHS Social Lens');
    expect(words(root?.querySelector('[data-testid="welcome-pin"]'))).toMatch(/Chrome or Edge:.*pin.*Firefox:.*Pin to Toolbar/);
    const legend = root?.querySelector('nsl-badge-legend');
    await legend?.updateComplete;
    expect(legend?.shadowRoot?.querySelectorAll('li')).toHaveLength(BADGE_LEGEND.length);
    expect(root?.querySelector('[data-testid="site-to-try"]')?.getAttribute('href')).toBe('https://www.uclh.nhs.uk/');
    expect(words(root?.querySelector('[data-testid="privacy-promise"]'))).toContain(
      'at most once per organisation a week, without cookies or a referrer',
    );
    expect(root?.querySelector('[data-testid="settings-link"]')?.getAttribute('href')).toBe('/options.html');
    expect(words(root?.querySelector('[data-testid="welcome-opt-ins"]'))).toContain('Keep a research log');
  });

  it('says the same privacy promise in the settings', async () => {
    const note = document.createElement('nsl-privacy-note');
    document.body.append(note);
    await note.updateComplete;
    const text = words(note.shadowRoot?.querySelector('[data-testid="privacy-promise"]'));
    expect(text).toContain('It reads organisations’ own home pages.');
    expect(text).toContain('It downloads the index');
  });
});
