import { describe, expect, it } from 'vitest';
import { describeEvidence } from '../../lib/detect/evidence';
import type { Evidence } from '../../lib/detect/types';

describe('describeEvidence', () => {
  it.each<[Evidence, string]>([
    [{ rule: 'domain', value: 'uclh.nhs.uk' }, 'matched by domain uclh.nhs.uk'],
    [
      { rule: 'domain', value: 'northmid.nhs.uk', predecessor: { id: 'RAP', name: 'North Middlesex University Hospital NHS Trust' } },
      'matched by northmid.nhs.uk, the former domain of North Middlesex University Hospital NHS Trust',
    ],
    [{ rule: 'site-code', value: 'RJ122', where: 'www.nhs.uk' }, 'matched by site code RJ122 in the address on www.nhs.uk'],
    [{ rule: 'organisation-code', value: 'RJ1', where: 'www.cqc.org.uk' }, 'matched by ODS code RJ1 in the address on www.cqc.org.uk'],
    [
      { rule: 'social-profile', value: 'GreatOrmondSt', platform: 'x' },
      'matched by the X (Twitter) account GreatOrmondSt listed in the index',
    ],
    [
      { rule: 'linked-from-site', value: 'www.leedsth.nhs.uk', platform: 'x' },
      'matched because www.leedsth.nhs.uk links to this X (Twitter) account',
    ],
  ])('describes %j', (evidence, text) => {
    expect(describeEvidence(evidence)).toBe(text);
  });
});
