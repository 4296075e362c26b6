import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './io';

/** The token robots.txt rules may name to address this tool. */
export const ROBOTS_TOKEN = 'NHSSocialLens';

/** The tool's version, from its package.json (the repository's, or the installed package's). */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** An honest User-Agent: the tool, its version and what it is doing. */
export function userAgent(purpose: string): string {
  return `${ROBOTS_TOKEN}/${toolVersion()} (open-source research tool for NHS organisations' social media; ${purpose}; respects robots.txt)`;
}
