import { describe, expect, it } from 'vitest';
import { HOST_PATTERN } from '../../lib/index/schema';
import { domainHost } from '../../lib/index-build/domains';

/** The build's host reading uses the index's own host rule, not a looser copy (issue 27). */
describe('domainHost', () => {
  it.each([
    ['www.UCLH.nhs.uk.', 'uclh.nhs.uk'],
    [' leedsth.nhs.uk ', 'leedsth.nhs.uk'],
    ['cardiffandvale.nhs.wales', 'cardiffandvale.nhs.wales'],
  ])('reads %j as %j', (raw, host) => {
    expect(domainHost(raw)).toBe(host);
  });

  it.each(['a..nhs.uk', '-bad.nhs.uk', 'bad-.nhs.uk', 'under_score.nhs.uk', 'localhost', 'uclh.nhs.uk/path', ''])(
    'refuses %j, which the index would refuse too',
    (raw) => {
      expect(domainHost(raw)).toBeUndefined();
    },
  );

  it('keeps only what the index accepts', () => {
    for (const raw of ['a.b', 'x.nhs.uk', 'a-.b.uk', '1.2.3.4', 'xn--bcher-kva.example']) {
      const host = domainHost(raw);
      if (host !== undefined) expect(HOST_PATTERN.test(host)).toBe(true);
    }
  });
});
