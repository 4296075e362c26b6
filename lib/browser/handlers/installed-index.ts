/** The installed index: its status, "Update now", "Roll back", and the organisations the pages show. */
import { officialOwnersIn, withoutOthersAccounts } from '../../metrics/site-evidence';
import { getOrganisation, withoutKeys } from '../index-store';
import { readRefreshStatus, rollBack, rollBackProblem } from '../refresh';
import { sightingsFor } from '../sightings';
import type { BackgroundContext, HandlerGroup } from './context';

/** The options page's index section, the dashboard and the correction form ask these. */
export function indexHandlers(
  ctx: BackgroundContext,
): HandlerGroup<
  'ui-bg-get-index-status' | 'ui-bg-refresh-index' | 'ui-bg-rollback-index' | 'ui-bg-get-organisations' | 'ui-bg-get-organisation'
> {
  const { deps } = ctx;
  return {
    async 'ui-bg-get-index-status'() {
      const db = await ctx.db();
      const installed = await db.get('meta', 'installed-index');
      const installDurationMs = ctx.installDurationMs();
      return {
        ...(installed ? { installed } : {}),
        ...(installDurationMs === undefined ? {} : { installDurationMs }),
        refresh: await readRefreshStatus(db),
        source: await ctx.indexSource(),
        canRollBack: (await rollBackProblem(db, deps.bundledIndexVersion)) === undefined,
      };
    },
    async 'ui-bg-refresh-index'() {
      return ctx.refreshNow();
    },
    async 'ui-bg-rollback-index'() {
      const result = await rollBack(await ctx.db(), deps.now(), deps.bundledIndexVersion);
      return result.rolledBack
        ? { rolledBack: true, indexVersion: result.meta.indexVersion }
        : { rolledBack: false, reason: result.reason };
    },
    async 'ui-bg-get-organisations'() {
      const db = await ctx.db();
      const meta = await db.get('meta', 'installed-index');
      const organisations = (await db.getAll('organisations')).map(withoutKeys);
      return {
        organisations,
        // Never another organisation's official account as this one's (issue 19).
        sightings: withoutOthersAccounts(await db.getAll('sightings'), officialOwnersIn(organisations)),
        index: { version: meta?.indexVersion ?? 0, generatedAt: meta?.generatedAt ?? '', sources: meta?.sources ?? [] },
      };
    },
    async 'ui-bg-get-organisation'({ id }) {
      const db = await ctx.db();
      const organisation = typeof id === 'string' ? await getOrganisation(db, id) : undefined;
      return organisation ? { organisation, sightings: await sightingsFor(db, [organisation.id]) } : { sightings: [] };
    },
  };
}
