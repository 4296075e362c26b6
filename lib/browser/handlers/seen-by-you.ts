/**
 * The dashboard's "Seen by you" layer (issue 19 part 6): the records this browser keeps of the
 * user's own observations, handed over as they are (the dashboard builds the layer with
 * lib/dashboard/seen-by-you.ts). The sightings come with the organisations (`ui-bg-get-organisations`).
 */
import type { BackgroundContext, HandlerGroup } from './context';

/** The dashboard asks this once when it opens. */
export function seenByYouHandlers(ctx: BackgroundContext): HandlerGroup<'ui-bg-get-seen-by-you'> {
  return {
    async 'ui-bg-get-seen-by-you'() {
      const db = await ctx.db();
      // One read-only transaction: the three stores as they stood at one moment.
      const tx = db.transaction(['siteReads', 'liveAnswers', 'livePoints']);
      const [siteReads, live, points] = await Promise.all([
        tx.objectStore('siteReads').getAll(),
        tx.objectStore('liveAnswers').getAll(),
        tx.objectStore('livePoints').getAll(),
      ]);
      await tx.done;
      return { siteReads, live, points };
    },
  };
}
