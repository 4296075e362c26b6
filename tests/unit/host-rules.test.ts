import { describe, expect, it } from 'vitest';
import { isSharedHost, sharedHostProblem } from '../../lib/index/host-rules';

describe('sharedHostProblem', () => {
  it.each([
    ['github.io', /public suffix/],
    ['blogspot.com', /public suffix/],
    ['gov.uk', /public suffix/],
    ['nhs.uk', /public suffix/],
    ['co.uk', /public suffix/],
    ['ac.uk', /public suffix/],
    ['www.gov.uk', /general platform \(www\.gov\.uk\)/],
    ['www.nhs.uk', /general platform/],
    ['google.com', /general platform \(google\.com\)/],
    ['sites.google.com', /general platform \(google\.com\)/],
    ['x.com', /general platform \(x\.com\)/],
    ['www.facebook.com', /general platform/],
    ['nhs.net', /NHS zone/],
    ['icb.nhs.uk', /NHS zone/],
    ['nhs.wales', /NHS zone/],
    ['10.0.0.1', /IP address/],
    ['192.168.1.254', /IP address/],
    ['localhost', /full host name/],
  ])('refuses %s', (host, message) => {
    expect(sharedHostProblem(host)).toMatch(message);
    expect(isSharedHost(host)).toBe(true);
  });

  it.each([
    // An IP-like name that is no IP address is still no one organisation's host.
    '999.1.1.1',
  ])('refuses the IP-like %s', (host) => {
    expect(isSharedHost(host)).toBe(true);
  });

  it.each([
    'uclh.nhs.uk',
    'www.uclh.nhs.uk',
    'guysandstthomas.nhs.uk',
    'southeastlondonicb.nhs.uk',
    'england.nhs.uk',
    'cqc.org.uk',
    // One owner's site under a shared suffix is that owner's own.
    'someone.github.io',
  ])('accepts %s, one organisation’s own', (host) => {
    expect(sharedHostProblem(host)).toBeUndefined();
    expect(isSharedHost(host)).toBe(false);
  });
});
