/**
 * The last check before a refresh publishes anything (issue 21): a build whose index fails
 * validation, is not newer than the index it replaces, or would lose more than a fifth of its
 * organisations is refused in one line, and nothing is published. The same rules the extension
 * applies to a copy it downloads (lib/index/validate.ts), so the pipeline never publishes a copy
 * every installed extension would refuse.
 */
import type { NhsIndex } from '../../index/schema';
import { droppedOrganisationsProblem, validateIndex } from '../../index/validate';

export type GateResult = { ok: true; index: NhsIndex } | { ok: false; reason: string };

/** Whether `built` may replace `previous`, and if not, why, in one line. */
export function releaseGate(previous: NhsIndex, built: unknown): GateResult {
  const result = validateIndex(built);
  if (!result.ok) {
    const [first] = result.problems;
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
    return { ok: false, reason: `the built index is invalid at ${first?.path ?? '$'}: ${first?.message ?? 'unknown problem'}${more}` };
  }
  const index = result.index;
  if (index.indexVersion <= previous.indexVersion)
    return { ok: false, reason: `the built index's version ${index.indexVersion} is not newer than the previous ${previous.indexVersion}` };
  const dropped = droppedOrganisationsProblem(index, { installedIds: previous.organisations.map((o) => o.id) });
  if (dropped) return { ok: false, reason: `the built index would drop more than a fifth of the organisations: ${dropped.message}` };
  return { ok: true, index };
}
