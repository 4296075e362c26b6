import { csvField } from '../dashboard/export';
import type { ResearchVisit } from './research-visit';

/** The research log as CSV, oldest first, with the same formula-safe fields as the dashboard's export. */
export function researchLogCsv(visits: readonly ResearchVisit[]): string {
  const rows = [...visits].sort((a, b) => a.at.localeCompare(b.at));
  return `${[
    ['visited_at', 'organisation_id', 'organisation_name', 'url'],
    ...rows.map((v) => [v.at, v.organisationId, v.organisationName, v.url]),
  ]
    .map((cells) => cells.map(csvField).join(','))
    .join('\r\n')}\r\n`;
}
