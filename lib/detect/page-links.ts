/**
 * Which of a page's links may be social profiles, decided in the page itself (issue 22): only
 * those are reported, unparsed; the background classifies them (`profilesFromSignals`, by the same
 * rules as every other source), so the page's main thread never walks its links through URL
 * parsing: a page with hundreds of links costs what one with ten does.
 */
import { PROFILE_HOSTS } from '../social/profile-url';

/**
 * An address that names a platform's host: followed by a path (`x.com/`), a port (`x.com:443/`),
 * a trailing dot (`x.com./`) or a backslash, which URL parsing reads as a slash; any case. A
 * superset (`fox.com/` matches too, and the rules drop it). One pattern tested on each link's
 * `href` attribute: in Chromium, on the saved Leeds page (176 links), 10 to 30 times cheaper than
 * parsing every link, and 40 to 150 times cheaper than attribute selectors such as
 * `a[href*="x.com/" i]`, which the browser matches element by element. Reading the links as
 * attribute nodes through XPath was tried too: no clear gain, and no XPath in the unit tests' DOM
 * (docs/performance.md). The page receives its source text (`PROFILE_LINK.source`, matched ignoring case).
 */
export const PROFILE_LINK = new RegExp(`(?:${PROFILE_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|')})\\.?[/:\\\\]`, 'i');
