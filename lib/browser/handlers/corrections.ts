/** The volunteer's corrections: the form, "My corrections", the popup's observed counts and the data import. */
import {
  deleteCorrection,
  importCorrections,
  listCorrections,
  markExported,
  recordObservedFollowers,
  saveCorrection,
} from '../corrections-store';
import type { BackgroundContext, HandlerGroup } from './context';

/** The correction form, "My corrections", the popup and the options page's import ask these. */
export function correctionHandlers(
  ctx: BackgroundContext,
): HandlerGroup<
  | 'ui-bg-save-correction'
  | 'ui-bg-list-corrections'
  | 'ui-bg-delete-correction'
  | 'ui-bg-mark-corrections-exported'
  | 'ui-bg-record-observed-followers'
  | 'ui-bg-import-corrections'
> {
  const { deps } = ctx;
  return {
    async 'ui-bg-save-correction'({ record, submit }) {
      return saveCorrection(await ctx.db(), record, submit === true, deps.now());
    },
    async 'ui-bg-list-corrections'() {
      return { corrections: await listCorrections(await ctx.db()) };
    },
    async 'ui-bg-delete-correction'({ id }) {
      return { deleted: await deleteCorrection(await ctx.db(), id) };
    },
    async 'ui-bg-mark-corrections-exported'({ ids }) {
      return { marked: await markExported(await ctx.db(), Array.isArray(ids) ? ids : [], deps.now()) };
    },
    async 'ui-bg-record-observed-followers'(observed) {
      // Nothing is kept unless the user turned it on.
      if (!(await deps.settings()).recordObservedFollowers) return {};
      const record = await recordObservedFollowers(await ctx.db(), observed, deps.now());
      return record ? { record } : {};
    },
    async 'ui-bg-import-corrections'({ records }) {
      return { imported: await importCorrections(await ctx.db(), Array.isArray(records) ? records : []) };
    },
  };
}
