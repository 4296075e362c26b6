import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './io';

/** The token robots.txt rules may name to address this tool. */
export const ROBOTS_TOKEN = 'NHSSocialLens';

/** An honest User-Agent: the tool, its version and what it is doing. */
export function userAgent(purpose: string): string {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `${ROBOTS_TOKEN}/${version} (open-source research tool for NHS organisations' social media; ${purpose}; respects robots.txt)`;
}
