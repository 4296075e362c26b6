/**
 * Choosing what a survey reads (issue 29 part 1): every organisation, those the dashboard's
 * filters choose (kind, country, region, trust type: the table's own rules), or a pasted list of
 * codes; and, before anything is read, how many sites it will read, which organisations it cannot
 * (no website known) and about how long it will take.
 */

import { dashboardRow } from '../dashboard/rows';
import { filterRows, type TableFilter } from '../dashboard/table-query';
import type { Organisation } from '../index/schema';
import { estimateSurveyMs, type SurveySettings } from './survey-state';

/** The filters a survey may be chosen by: the dashboard's, without its search and level. */
export type SurveyFilter = Pick<TableFilter, 'kind' | 'country' | 'region' | 'trustType'>;

export type SurveyChoice = { by: 'all' } | { by: 'filter'; filter: SurveyFilter } | { by: 'codes'; text: string };

export interface SurveyPlan {
  /** The organisations it will read, in the index's order, each on its current host. */
  readable: { id: string; name: string; host: string }[];
  /** Those it cannot: no website known. */
  unreadable: { id: string; name: string; reason: string }[];
  /** Pasted codes that name no organisation in the index, as typed. */
  unknownCodes: string[];
  /** About how long reading them all takes at the settings. */
  estimateMs: number;
  /** The choice in words. */
  chosen: string;
}

/** The codes in pasted text: split on anything but letters, digits, `:` and `-`, each once, as typed. */
export function pastedCodes(text: string): string[] {
  return [...new Set(text.split(/[^A-Za-z0-9:-]+/).filter((c) => c !== ''))];
}

/** The host a survey reads an organisation on: its first current domain (as `nsl accounts discover` does). */
export function surveyHostOf(org: Pick<Organisation, 'domains'>): string | undefined {
  return org.domains[0]?.host;
}

function chosenInWords(choice: SurveyChoice, count: number): string {
  if (choice.by === 'all') return 'All organisations';
  if (choice.by === 'codes') return `${count} ${count === 1 ? 'code' : 'codes'} pasted`;
  const parts = Object.entries(choice.filter)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key === 'trustType' ? 'trust type' : key} ${value}`);
  return parts.length === 0 ? 'All organisations' : `Organisations with ${parts.join(', ')}`;
}

/** The plan for `choice` over the index's organisations. */
export function surveyPlan(
  organisations: readonly Organisation[],
  choice: SurveyChoice,
  settings: Pick<SurveySettings, 'hostIntervalMs' | 'hostsAtOnce'>,
): SurveyPlan {
  let chosen: Organisation[];
  let unknownCodes: string[] = [];
  if (choice.by === 'all') chosen = [...organisations];
  else if (choice.by === 'codes') {
    // Codes are matched ignoring case ("rj1" is RJ1), as the table's search does.
    const byCode = new Map(organisations.map((o) => [o.id.toUpperCase(), o]));
    const codes = pastedCodes(choice.text);
    unknownCodes = codes.filter((c) => !byCode.has(c.toUpperCase()));
    const wanted = new Set(codes.map((c) => c.toUpperCase()));
    chosen = organisations.filter((o) => wanted.has(o.id.toUpperCase()));
  } else {
    const ids = new Set(
      filterRows(
        organisations.map((o) => dashboardRow(o)),
        choice.filter,
      ).map((r) => r.id),
    );
    chosen = organisations.filter((o) => ids.has(o.id));
  }
  const readable: SurveyPlan['readable'] = [];
  const unreadable: SurveyPlan['unreadable'] = [];
  for (const org of chosen) {
    const host = surveyHostOf(org);
    if (host === undefined) unreadable.push({ id: org.id, name: org.name, reason: 'no website known' });
    else readable.push({ id: org.id, name: org.name, host });
  }
  return {
    readable,
    unreadable,
    unknownCodes,
    estimateMs: estimateSurveyMs(readable.length, settings),
    chosen: chosenInWords(choice, chosen.length),
  };
}
