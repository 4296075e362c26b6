/**
 * The refresh's report.md (issue 21): what changed since the previous index, in words a
 * maintainer reads before merging. Text from sites and APIs (an error's reason) is escaped, so
 * nothing a server says is rendered as Markdown or HTML where the report is shown, and it becomes
 * a pull request's description, so it can neither mention anyone nor carry a link (issue 26).
 */
import { LEVEL_LABELS } from '../../dashboard/rows';
import { PLATFORM_LABELS } from '../../social/platform-labels';
import type { AccountRef, IndexChanges } from './index-changes';

/** U+200D, the zero-width joiner: after `@` it stops GitHub reading a mention, and shows nothing. */
const JOINER = '\u200d';

/**
 * Text as Markdown shows it literally, on one line, with nothing GitHub acts on (issue 26): an
 * `@name` (a mention that would notify that person or team) gets a zero-width joiner after the
 * `@`, and an address GitHub would make a link of (`https://…`, `www.…`) is defanged
 * (`hxxps://…`, `www[.]…`).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_[\]<>|~#!&]/g, (ch) => `\\${ch}`)
    .replace(/@(?=\w)/g, `@${JOINER}`)
    .replace(/\b(h)tt(ps?|s?ftp):\/\//gi, (_, h: string, rest: string) => `${h}xx${rest}://`)
    .replace(/\bwww\./gi, (www: string) => `${www.slice(0, 3)}[.]`)
    .trim();
}

/** An address as a code span: a valid URL carries no backtick (the URL parser escapes it), anything else is escaped text. */
const address = (url: string) => (URL.canParse(url) && !url.includes('`') ? `\`${url}\`` : markdownText(url));

const organisation = (ods: string, name: string) => `${markdownText(name)} (${markdownText(ods)})`;

function table(header: string[], rows: string[][], none: string): string[] {
  if (rows.length === 0) return [none, ''];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

const accountRow = (a: AccountRef) => [
  organisation(a.ods, a.name),
  PLATFORM_LABELS[a.platform],
  address(a.url),
  `${markdownText(a.source)}, ${markdownText(a.checked)}`,
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** report.md for the changes of one run. */
export function changeReport(changes: IndexChanges): string {
  const c = changes;
  const lines = [
    `# Index refresh: version ${c.from.indexVersion} to ${c.to.indexVersion}`,
    '',
    `The new build (version ${c.to.indexVersion}, generated ${c.to.generatedAt}, ${c.to.organisations} organisations) against the previous index (version ${c.from.indexVersion}, generated ${c.from.generatedAt}, ${c.from.organisations} organisations).`,
    '',
    '## Summary',
    '',
    `- ${count(c.accountsAdded.length, 'account added', 'accounts added')}, ${count(c.accountsClosed.length, 'closed', 'closed')}, ${count(c.accountsMoved.length, 'moved', 'moved')}, ${count(c.accountsRemoved.length, 'removed', 'removed')}`,
    `- ${count(c.levelChanges.length, 'adoption level changed', 'adoption levels changed')}`,
    `- ${count(c.unreadSites.length, 'organisation’s site could not be read', 'organisations’ sites could not be read')}`,
    `- ${count(c.figuresNotUpdated.length, 'account’s figures could not be fetched', 'accounts’ figures could not be fetched')} (the last figures are kept)`,
    `- ${count(c.organisationsAdded.length, 'organisation added', 'organisations added')}, ${count(c.organisationsRemoved.length, 'removed', 'removed')}`,
    '',
    '## Sites that could not be read',
    '',
    'Nothing was learnt about these organisations in this run: their level rests on what was known before, and an unread site never counts as "no social media found".',
    '',
    ...table(
      ['Organisation', 'Address', 'Why', 'Level now'],
      c.unreadSites.map((s) => [organisation(s.ods, s.name), address(s.url), markdownText(s.reason), LEVEL_LABELS[s.level]]),
      'Every site was read.',
    ),
    '## Accounts added',
    '',
    ...table(['Organisation', 'Platform', 'Account', 'Source and date'], c.accountsAdded.map(accountRow), 'None.'),
    '## Accounts closed',
    '',
    ...table(
      ['Organisation', 'Platform', 'Account', 'Source and date', 'Note'],
      c.accountsClosed.map((a) => [...accountRow(a), markdownText(a.note ?? '')]),
      'None.',
    ),
    '## Accounts moved to another organisation',
    '',
    ...table(
      ['Account', 'From', 'To', 'Source and date'],
      c.accountsMoved.map((m) => [
        address(m.url),
        organisation(m.fromOds, m.fromName),
        organisation(m.ods, m.name),
        `${markdownText(m.source)}, ${markdownText(m.checked)}`,
      ]),
      'None.',
    ),
    '## Accounts removed',
    '',
    ...table(['Organisation', 'Platform', 'Account', 'Source and date'], c.accountsRemoved.map(accountRow), 'None.'),
    '## Adoption level changes',
    '',
    ...table(
      ['Organisation', 'Before', 'After'],
      c.levelChanges.map((l) => [organisation(l.ods, l.name), LEVEL_LABELS[l.from], LEVEL_LABELS[l.to]]),
      'None.',
    ),
    '## Figures not updated',
    '',
    ...table(
      ['Organisation', 'Account', 'Why', 'Figures kept'],
      c.figuresNotUpdated.map((f) => [
        markdownText(f.ods),
        address(f.url),
        markdownText(f.reason),
        f.kept === undefined ? 'none measured yet' : `measured ${f.kept}`,
      ]),
      'Every account’s figures were fetched.',
    ),
    '## Organisations added and removed',
    '',
    ...table(
      ['Organisation', 'Change'],
      [
        ...c.organisationsAdded.map((o) => [organisation(o.ods, o.name), 'added']),
        ...c.organisationsRemoved.map((o) => [organisation(o.ods, o.name), 'removed']),
      ],
      'None.',
    ),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
