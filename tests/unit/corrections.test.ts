import { describe, expect, it } from 'vitest';
import {
  type CorrectionDraft,
  exportCorrections,
  MAX_ISSUE_URL_LENGTH,
  parseCorrectionsFile,
  prefilledIssueUrl,
  validateDraft,
} from '../../lib/corrections/correction';

const NOW = new Date('2026-11-25T10:00:00Z');
const draft = (changes: Partial<CorrectionDraft> = {}): CorrectionDraft => ({
  kind: 'missing-account',
  organisationId: 'RR8',
  platform: 'x',
  handle: '@LTHTrust',
  domain: '',
  evidenceUrl: 'https://www.leedsth.nhs.uk/',
  note: '',
  ...changes,
});

describe('validateDraft', () => {
  it('rebuilds the canonical account address from the handle', () => {
    const result = validateDraft(draft(), 'c-0000000001', NOW);
    expect(result).toEqual({
      ok: true,
      correction: {
        id: 'c-0000000001',
        kind: 'missing-account',
        organisationId: 'RR8',
        platform: 'x',
        handle: 'LTHTrust',
        accountUrl: 'https://x.com/LTHTrust',
        evidenceUrl: 'https://www.leedsth.nhs.uk/',
        note: '',
        createdAt: NOW.toISOString(),
      },
    });
  });

  it.each<[string, Partial<CorrectionDraft>, keyof CorrectionDraft, RegExp]>([
    ['an X handle that is too long', { handle: 'this_handle_is_far_too_long' }, 'handle', /not a valid X \(Twitter\) account name/],
    ['a share button', { handle: 'https://twitter.com/intent/tweet?text=hi' }, 'handle', /page or share button/],
    ['a link to another platform', { handle: 'https://www.facebook.com/LeedsTHTrust' }, 'handle', /Facebook link/],
    ['a javascript: handle', { platform: 'facebook', handle: 'javascript:alert(1)' }, 'handle', /not a valid Facebook account name/],
    [
      'a look-alike host',
      { platform: 'instagram', handle: 'https://instagrаm.com/leeds' },
      'handle',
      /Instagram link|known social platform/,
    ],
    [
      'a personal LinkedIn profile',
      { platform: 'linkedin', handle: 'https://www.linkedin.com/in/someone' },
      'handle',
      /personal LinkedIn profile/,
    ],
    ['no platform', { platform: '' }, 'platform', /Choose the platform/],
    ['no handle', { handle: ' ' }, 'handle', /Enter the account/],
    ['no evidence', { evidenceUrl: '' }, 'evidenceUrl', /organisation’s own page linking to the account/],
    ['javascript: evidence', { evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl', /Enter the address/],
    ['a bad organisation code', { organisationId: 'rr8;drop' }, 'organisationId', /ODS code/],
    ['a domain with a scheme', { kind: 'missing-domain', domain: 'https://example.nhs.uk/x' }, 'domain', /host name/],
    ['"other" with no note', { kind: 'other' }, 'note', /Say what is wrong/],
  ])('refuses %s, beside the field', (_label, changes, field, message) => {
    const result = validateDraft(draft(changes), 'c-0000000001', NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toMatch(message);
  });
});

describe('export and import', () => {
  it('round-trips through the file format', () => {
    const result = validateDraft(draft(), 'c-0000000001', NOW);
    if (!result.ok) throw new Error('expected a valid draft');
    const text = JSON.stringify(exportCorrections([result.correction], NOW));
    expect(parseCorrectionsFile(text)).toEqual({
      ok: true,
      file: { format: 1, exportedAt: NOW.toISOString(), corrections: [result.correction] },
    });
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    ['another format', JSON.stringify({ format: 2, exportedAt: NOW.toISOString(), corrections: [] }), /format/],
    [
      'a javascript: evidence URL',
      JSON.stringify({
        format: 1,
        exportedAt: NOW.toISOString(),
        corrections: [
          {
            id: 'c-0000000001',
            kind: 'other',
            organisationId: 'RR8',
            evidenceUrl: 'javascript:x',
            note: 'n',
            createdAt: NOW.toISOString(),
          },
        ],
      }),
      /evidenceUrl/,
    ],
  ])('refuses %s', (_label, text, reason) => {
    const result = parseCorrectionsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('prefilledIssueUrl', () => {
  it('puts a structured title and body about this correction only in the address, within the length limit', () => {
    const result = validateDraft(draft({ note: 'x'.repeat(900) }), 'c-0000000001', NOW);
    if (!result.ok) throw new Error('expected a valid draft');
    const url = new URL(
      prefilledIssueUrl('https://github.com/example/nhs-social-lens', result.correction, 'Leeds Teaching Hospitals NHS Trust'),
    );
    expect(url.pathname).toBe('/example/nhs-social-lens/issues/new');
    expect(url.searchParams.get('title')).toBe('Correction (missing account): Leeds Teaching Hospitals NHS Trust (RR8)');
    expect(url.searchParams.get('body')).toContain('Account: https://x.com/LTHTrust');
    expect(url.href.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
  });
});
