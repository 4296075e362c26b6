/**
 * robots.txt (RFC 9309): the groups whose user-agent names our product token, merged; else the
 * `*` groups, merged; else no rules. The longest matching Allow or Disallow rule decides, Allow
 * winning a tie; `*` matches any run and `$` ends a rule.
 */
export interface RobotsRules {
  isAllowed(path: string): boolean;
  /** Why the file could not be read, when it could not (then nothing is allowed). */
  unreadable?: string;
}

interface Rule {
  allow: boolean;
  pattern: string;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

export const ALLOW_ALL: RobotsRules = { isAllowed: () => true };

/** A robots.txt that could not be fetched: RFC 9309 §2.3.1.4 says assume complete disallow. */
export function unreachableRobots(reason: string): RobotsRules {
  return { isAllowed: () => false, unreadable: reason };
}

/**
 * The product token of a user-agent line or of our own name: its leading letters, `_` and `-`
 * (RFC 9309 §2.2.1), lower-cased for the case-insensitive match. `NHSSocialLens/1.0` → `nhssociallens`.
 */
export function productToken(value: string): string {
  return (/^[A-Za-z_-]*/.exec(value.trim())?.[0] ?? '').toLowerCase();
}

/**
 * The rules in `text` that apply to the crawler whose product token is `agentToken` (a full
 * User-Agent is cut to its product token). A group is ours only when its token equals ours:
 * `nhs` or an empty `User-agent:` is not (issue 17).
 */
export function parseRobots(text: string, agentToken: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | undefined;
  // Consecutive user-agent lines open one group; the first rule after them closes the list.
  let inAgentLines = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const field = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').trim();
    if (field === 'user-agent') {
      if (!inAgentLines || current === undefined) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(/^\*(\s|$)/.test(value) ? '*' : productToken(value));
      inAgentLines = true;
    } else if ((field === 'allow' || field === 'disallow') && current !== undefined) {
      inAgentLines = false;
      if (value === '') continue; // "Disallow:" with no path allows everything
      current.rules.push({ allow: field === 'allow', pattern: value });
    }
    // Other lines (Sitemap, Crawl-delay…) neither open nor close a group.
  }
  const token = productToken(agentToken);
  const own = token === '' ? [] : groups.filter((g) => g.agents.includes(token));
  const chosen = own.length > 0 ? own : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  return {
    isAllowed(path: string) {
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!ruleMatches(rule.pattern, path)) continue;
        if (best === undefined || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow))
          best = rule;
      }
      return best === undefined || best.allow;
    },
  };
}

/**
 * Whether a rule's path pattern matches `path`: a prefix match where `*` matches any run and a
 * final `$` anchors the end. A plain scan with one remembered `*` (O(pattern × path) at worst), not
 * a regular expression: a hostile robots.txt such as `/*a*a*a*a*b` cannot make it backtrack for ever.
 */
function ruleMatches(rule: string, path: string): boolean {
  const pattern = rule.endsWith('$') ? rule.slice(0, -1) : `${rule}*`;
  let p = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < path.length) {
    if (pattern[p] === '*') {
      star = p++;
      resume = s;
    } else if (p < pattern.length && pattern[p] === path[s]) {
      p++;
      s++;
    } else if (star >= 0) {
      p = star + 1;
      s = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
