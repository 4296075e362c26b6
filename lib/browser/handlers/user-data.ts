/** The user's own data beyond corrections: the research log, and "Delete all my data". */
import { deleteUserData } from '../db';
import { clearVisits, readVisits } from '../research-log';
import type { BackgroundContext, HandlerGroup } from './context';

/** The research log page and the options page's "Delete all my data" ask these. */
export function userDataHandlers(
  ctx: BackgroundContext,
): HandlerGroup<'ui-bg-get-research-log' | 'ui-bg-clear-research-log' | 'ui-bg-delete-all-data'> {
  return {
    async 'ui-bg-get-research-log'() {
      return { visits: await readVisits(await ctx.db()) };
    },
    async 'ui-bg-clear-research-log'() {
      await clearVisits(await ctx.db());
      return { cleared: true };
    },
    async 'ui-bg-delete-all-data'() {
      await deleteUserData(await ctx.db());
      // The tabs' results name the sightings and corrections too: they go with them.
      await ctx.deps.tabResults.forgetAll();
      // And the hosts the user granted for live figures (issue 26).
      await ctx.deps.live.forgetHosts?.();
      return { deleted: true };
    },
  };
}
