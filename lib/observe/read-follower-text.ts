/**
 * The page-side half of "observed figures": the one function the popup injects into a social
 * profile page with `chrome.scripting.executeScript({ func: readFollowerTexts, args: [rules] })`.
 *
 * Its rules, stated first because breaking one breaks the feature silently:
 * - It is serialised with `Function.prototype.toString`, so it must not refer to anything outside
 *   its own body: no imports, no module constants, no helper functions (nor syntax a bundler
 *   would lower into a helper, such as object spread). The only import is a type, erased at build.
 * - It must never throw: a selector the page no longer matches, or one the browser rejects, reads
 *   as "nothing found", so a platform's redesign records nothing rather than breaking the popup.
 * - It returns plain strings only, short and few, because they cross from the page to the
 *   extension and the page is not ours.
 */
import type { FollowerRule } from './follower-rule';

/**
 * Reads the text around each follower count the rules find on the page: at most 10 strings of at
 * most 200 characters, in rule order, without repeats. `root` is the document (a parameter only
 * so tests can pass their own).
 */
export function readFollowerTexts(rules: readonly FollowerRule[], root: ParentNode = document): string[] {
  const MAX_TEXTS = 10;
  const MAX_LENGTH = 200;
  const found: string[] = [];
  if (!Array.isArray(rules)) return found;
  for (let r = 0; r < rules.length && found.length < MAX_TEXTS; r++) {
    const rule = rules[r];
    try {
      if (!rule || typeof rule.selector !== 'string' || typeof rule.pattern !== 'string') continue;
      const pattern = new RegExp(rule.pattern, 'i');
      // Meta tags are compared by attribute value rather than built into a selector, so a name
      // with quotes or colons ("og:description") needs no escaping.
      const elements = rule.kind === 'meta' ? root.querySelectorAll('meta') : root.querySelectorAll(rule.selector);
      // At most 50 elements a rule: a selector that has come to match every link on the page
      // should not make the popup wait.
      for (let e = 0; e < elements.length && e < 50 && found.length < MAX_TEXTS; e++) {
        const element = elements[e];
        if (!element) continue;
        let raw: string | null;
        if (rule.kind === 'meta') {
          if (element.getAttribute('property') !== rule.selector && element.getAttribute('name') !== rule.selector) continue;
          raw = element.getAttribute('content');
        } else if (rule.attribute) {
          raw = element.getAttribute(rule.attribute);
        } else {
          // Text nodes are joined with spaces, not run together as textContent would: a count in
          // its own span after "Exampleton 2" must not read as "223,456". Reading stops after
          // 2,000 characters, so a selector that matches a whole page costs little.
          const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
          const pieces: string[] = [];
          let length = 0;
          for (let node = walker.nextNode(); node && length < 2000; node = walker.nextNode()) {
            const value = node.nodeValue ?? '';
            pieces.push(value);
            length += value.length;
          }
          raw = pieces.join(' ');
        }
        if (!raw) continue;
        const text = raw.replace(/\s+/g, ' ').trim();
        const match = pattern.exec(text);
        if (!match) continue;
        // A long description is cut to a window that starts just before the count, keeping a
        // sign or a word in front of it for the parser to judge.
        const start = text.length <= MAX_LENGTH ? 0 : Math.max(0, match.index - 20);
        const kept = text.slice(start, start + MAX_LENGTH);
        if (found.indexOf(kept) === -1) found.push(kept);
      }
    } catch {
      // An invalid selector or pattern finds nothing; the other rules still run.
    }
  }
  return found;
}
