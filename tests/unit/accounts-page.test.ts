import { describe, expect, it } from 'vitest';
import { htmlSignals } from '../../lib/detect/html-signals';
import { accountsPageLink } from '../../lib/detect/site-links';

/**
 * The one rule for the page that lists an organisation's accounts (issue 27), shared by the
 * browser's site read and `nsl accounts discover`: a table of what sites write.
 */
const HOST = 'www.example.nhs.uk';
const HOME = `https://${HOST}/`;
const choose = (href: string, text: string, home = HOME, host = HOST) => accountsPageLink([{ href, text }], home, host);

describe('accountsPageLink: which page lists the accounts', () => {
  it.each([
    ['/social-media', ''],
    ['/get-involved/social_media', 'Our channels'],
    ['/about/socialmedia', ''],
    ['/x', 'Social media'],
    ['/x', 'Our social networks'],
    ['/x', 'Follow us'],
    ['/x', 'FOLLOW US ON SOCIAL'],
    ['/followus', ''],
    ['/x', 'Connect with us'],
    ['/x', 'Keep in touch'],
    ['/x', 'Get social'],
    ['/contact-us', ''],
    ['/x', 'Contact us'],
    ['/x', 'Contact details'],
    ['/about/contact', 'Find us'],
    ['/social%20media', ''],
  ])('chooses %j with the words %j', (href, text) => {
    expect(choose(href, text)).toBe(new URL(href, HOME).href);
  });

  it.each([
    ['/adult-social-care', 'Adult social care'],
    ['/services/social-work', 'Social work'],
    ['/social-prescribing', 'Social prescribing'],
    ['/x', 'Social care jobs'],
    ['/x', 'Social value'],
    ['/socialcare', ''],
    ['/about-us', 'About us'],
    ['/news', 'News and media'],
    ['/media', 'Media enquiries'],
    ['/press', 'Press office'],
    ['/x', 'Follow-up appointments'],
    ['/social-media.pdf', 'Social media policy'],
    ['/contact.docx', 'Contact list'],
    ['/', 'Contact us'],
    ['/#follow-us', 'Follow us'],
    ['http://www.example.nhs.uk/follow-us', 'Follow us'],
    ['https://www.example.nhs.uk:8443/follow-us', 'Follow us'],
    ['https://user@www.example.nhs.uk/follow-us', 'Follow us'],
    ['https://other.example.nhs.uk/follow-us', 'Follow us'],
    ['https://example.nhs.uk/follow-us', 'Follow us'],
    ['https://www.example.org/social-media', 'Social media'],
    ['javascript:void(0)', 'Contact us'],
    ['mailto:contact@example.nhs.uk', 'Contact us'],
  ])('never chooses %j with the words %j', (href, text) => {
    expect(choose(href, text)).toBeUndefined();
  });

  it('prefers a "social media" or "follow us" page to an earlier "contact" page, and the first among equals', () => {
    const anchors = [
      { href: '/contact-us', text: 'Contact us' },
      { href: '/social-care', text: 'Social care' },
      { href: '/follow-us', text: 'Follow us' },
      { href: '/social-media', text: 'Social media' },
    ];
    expect(accountsPageLink(anchors, HOME, HOST)).toBe(`https://${HOST}/follow-us`);
    expect(accountsPageLink(anchors.slice(0, 2), HOME, HOST)).toBe(`https://${HOST}/contact-us`);
  });

  it('keeps to the home page’s own scheme and port: the command line may read a site over http (tests, --url)', () => {
    expect(choose('/follow-us', 'Follow us', `http://${HOST}/`)).toBe(`http://${HOST}/follow-us`);
    expect(choose(`https://${HOST}/follow-us`, 'Follow us', `http://${HOST}/`)).toBeUndefined();
    expect(choose('/follow-us', 'Follow us', `http://${HOST}:8080/`)).toBe(`http://${HOST}:8080/follow-us`);
  });

  it('chooses from the links as the extension’s reader reads them, words inside the link included', () => {
    const { anchors } = htmlSignals(
      '<nav><a href="/social-care">Social <b>care</b></a><a href="/connect"><span>Connect</span> with us</a></nav>',
    );
    expect(accountsPageLink(anchors, HOME, HOST)).toBe(`https://${HOST}/connect`);
  });
});
