/**
 * The one validator for index files: the build, the CLI (`index validate`) and the extension
 * (bundled install and, later, refresh) all call `validateIndex`, so they can never disagree.
 */
import * as v from 'valibot';
import { accountUrlProblem } from '../social/profile-rejections';
import { sharedHostProblem } from './host-rules';
import { IndexSchema, type NhsIndex } from './schema';

export interface ValidationProblem {
  /** JSON path of the offending value, such as `$.organisations[3].domains[0].host`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; index: NhsIndex } | { ok: false; problems: ValidationProblem[] };

/** What a candidate is compared with when it would replace an installed index (a refresh, a publish). */
export interface ReplacementContext {
  /** The organisation ids of the index it would replace. */
  installedIds: Iterable<string>;
}

/**
 * Validates parsed JSON as an index: shape first, then the rules that span several values and,
 * when it would replace an installed index, how many of that index's organisations it drops.
 */
export function validateIndex(data: unknown, replacing?: ReplacementContext): ValidationResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ path: '$', message: `must be a JSON object (an index), not ${Array.isArray(data) ? 'a list' : String(data)}` }],
    };
  }
  const parsed = v.safeParse(IndexSchema, data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })) };
  }
  const problems = crossFieldProblems(parsed.output);
  const dropped = replacing && droppedOrganisationsProblem(parsed.output, replacing);
  if (dropped) problems.push(dropped);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, index: parsed.output };
}

/** Parses text as JSON and validates it, turning a JSON syntax error into a problem at `$`. */
export function parseAndValidateIndex(text: string, replacing?: ReplacementContext): ValidationResult {
  if (text.trim() === '') return { ok: false, problems: [{ path: '$', message: 'the file is empty' }] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '$', message: `is not valid JSON (${reason})` }] };
  }
  return validateIndex(data, replacing);
}

/**
 * Refuses a replacement that drops more than a fifth of the installed organisations (issue 17): a
 * signed copy that lost many of them (a half-finished build, a bad source file) would otherwise
 * silently stop the extension recognising them. An organisation that became a predecessor of
 * another (a merger) is not dropped: its code and old domains still lead to its successor.
 */
export function droppedOrganisationsProblem(index: NhsIndex, { installedIds }: ReplacementContext): ValidationProblem | undefined {
  const kept = new Set<string>();
  for (const org of index.organisations) {
    kept.add(org.id);
    for (const predecessor of org.predecessors) kept.add(predecessor.id);
  }
  const installed = new Set(installedIds);
  let dropped = 0;
  for (const id of installed) if (!kept.has(id)) dropped++;
  if (dropped * 5 <= installed.size) return undefined;
  return {
    path: '$.organisations',
    message: `it would drop ${dropped} of the ${installed.size} installed organisations (more than a fifth)`,
  };
}

function crossFieldProblems(index: NhsIndex): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const sourceIds = new Set<string>();
  index.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) problems.push({ path: `$.sources[${i}].id`, message: `duplicate source id ${source.id}` });
    sourceIds.add(source.id);
  });
  const requireSource = (path: string, id: string) => {
    if (!sourceIds.has(id)) problems.push({ path, message: `names source ${id}, which is not listed in $.sources` });
  };

  // Every domain in the index: a Mastodon account on one of them is refused (issue 26).
  const indexHosts = new Set(
    index.organisations.flatMap((org) => [...org.domains, ...org.predecessors.flatMap((p) => p.domains)].map((d) => d.host)),
  );
  const seenIds = new Map<string, number>();
  index.organisations.forEach((org, i) => {
    const at = `$.organisations[${i}]`;
    const first = seenIds.get(org.id);
    if (first !== undefined) {
      problems.push({ path: `${at}.id`, message: `duplicate organisation id ${org.id} (first at $.organisations[${first}])` });
    } else {
      seenIds.set(org.id, i);
    }
    requireSource(`${at}.source`, org.source);
    if (org.trustTypeSource) requireSource(`${at}.trustTypeSource.source`, org.trustTypeSource.source);
    // A host many owners share (a public suffix, an NHS zone, a general platform) is nobody's own:
    // every page under it would match whoever claimed it (issue 17).
    const requireOwnHost = (path: string, host: string) => {
      const problem = sharedHostProblem(host);
      if (problem !== undefined) problems.push({ path, message: problem });
    };
    const hosts = new Set<string>();
    org.domains.forEach((domain, j) => {
      requireOwnHost(`${at}.domains[${j}].host`, domain.host);
      if (hosts.has(domain.host)) problems.push({ path: `${at}.domains[${j}].host`, message: `duplicate domain ${domain.host}` });
      hosts.add(domain.host);
      requireSource(`${at}.domains[${j}].source`, domain.source);
    });
    org.predecessors.forEach((predecessor, j) => {
      requireSource(`${at}.predecessors[${j}].source`, predecessor.source);
      predecessor.domains.forEach((domain, k) => {
        requireOwnHost(`${at}.predecessors[${j}].domains[${k}].host`, domain.host);
        requireSource(`${at}.predecessors[${j}].domains[${k}].source`, domain.source);
      });
    });
    org.platformChecks.forEach((check, j) => {
      requireSource(`${at}.platformChecks[${j}].source`, check.source);
    });
    org.accounts.forEach((account, j) => {
      requireSource(`${at}.accounts[${j}].source`, account.source);
      const problem = accountUrlProblem(account.platform, account.url);
      if (problem) problems.push({ path: `${at}.accounts[${j}].url`, message: problem });
      else if (account.platform === 'mastodon' && onIndexHost(account.url, indexHosts))
        problems.push({
          path: `${at}.accounts[${j}].url`,
          message: 'is on an NHS organisation’s own domain in this index, not a social platform’s host',
        });
    });
  });
  return problems;
}

/**
 * Whether `url`'s host is, or is under, one of `hosts`. The whole index is refused rather than the
 * account dropped (issue 26): the build refuses such an account before it is published, so a signed
 * index carrying one was made by a broken or tampered build, and the installed index stays.
 */
function onIndexHost(url: string, hosts: ReadonlySet<string>): boolean {
  if (!URL.canParse(url)) return false;
  const labels = new URL(url).hostname.split('.');
  return labels.some((_, i) => hosts.has(labels.slice(i).join('.')));
}

function jsonPath(path: v.BaseIssue<unknown>['path']): string {
  let out = '$';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
