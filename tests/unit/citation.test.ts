import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationText, parseCitation } from '../../lib/dashboard/citation';

describe('parseCitation', () => {
  it('reads the project’s own CITATION.cff', () => {
    const citation = parseCitation(readFileSync('CITATION.cff', 'utf8'));
    expect(citation).toEqual({
      authors: ['The NHS Social Lens contributors'],
      title: 'NHS Social Lens dataset: NHS organisations and their official social media accounts',
      year: '2026',
      licences: ['OGL-UK-3.0', 'MIT'],
      software: 'NHS Social Lens',
      softwareVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
  });

  it('falls back to the software’s title for what a file leaves out', () => {
    expect(parseCitation('cff-version: 1.2.0\ntitle: "Lens"\n')).toEqual({
      authors: ['Lens'],
      title: 'Lens',
      licences: [],
      software: 'Lens',
    });
  });
});

describe('citationText', () => {
  it('names the index version and its date, as a reader needs to reproduce a figure', () => {
    const citation = parseCitation(readFileSync('CITATION.cff', 'utf8'));
    expect(citationText(citation, { version: 3, generatedAt: '2026-11-28T10:00:00.000Z' })).toMatch(
      /^The NHS Social Lens contributors \(2026\)\. NHS Social Lens dataset: NHS organisations and their official social media accounts\. Index version 3, generated 28 Nov 2026\. NHS Social Lens \d+\.\d+\.\d+\.$/,
    );
  });
});
