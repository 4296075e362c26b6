/**
 * The survey of the sector (issue 29): the dashboard page reads the sites, the background keeps
 * the survey and each result in IndexedDB (only the background opens it), one organisation at a
 * time, so a closed page, a restarted browser or a cancel loses nothing and reads nothing twice.
 */
import type { NslDatabase } from '../db';
import type { SurveyView } from '../messaging';
import type { BackgroundContext, HandlerGroup } from './context';

type SurveyMessages = 'ui-bg-get-survey' | 'ui-bg-start-survey' | 'ui-bg-save-survey-result' | 'ui-bg-set-survey-status';

async function surveyView(db: NslDatabase): Promise<SurveyView> {
  const tx = db.transaction(['surveys', 'surveyResults']);
  const run = await tx.objectStore('surveys').get('current');
  const results = run ? await tx.objectStore('surveyResults').index('by-survey').getAll(run.id) : [];
  await tx.done;
  return { ...(run ? { run } : {}), results };
}

export function surveyHandlers(ctx: BackgroundContext): HandlerGroup<SurveyMessages> {
  return {
    async 'ui-bg-get-survey'() {
      return surveyView(await ctx.db());
    },
    async 'ui-bg-start-survey'({ run }) {
      const db = await ctx.db();
      // The survey and its results are replaced together: no result of the old one outlives it.
      const tx = db.transaction(['surveys', 'surveyResults'], 'readwrite');
      await Promise.all([tx.objectStore('surveyResults').clear(), tx.objectStore('surveys').put(run, 'current'), tx.done]);
      return surveyView(db);
    },
    async 'ui-bg-save-survey-result'({ result }) {
      const db = await ctx.db();
      const tx = db.transaction(['surveys', 'surveyResults'], 'readwrite');
      const run = await tx.objectStore('surveys').get('current');
      const results = tx.objectStore('surveyResults');
      // Only for the survey kept, only an organisation it planned, and only once.
      const planned = run?.id === result.surveyId && run.planned.some((p) => p.id === result.organisationId);
      const saved = planned && (await results.getKey([result.surveyId, result.organisationId])) === undefined;
      if (saved && run) {
        await results.put(result);
        await tx.objectStore('surveys').put({ ...run, updatedAt: result.at }, 'current');
      }
      await tx.done;
      return { saved };
    },
    async 'ui-bg-set-survey-status'({ id, status }) {
      const db = await ctx.db();
      const tx = db.transaction('surveys', 'readwrite');
      const run = await tx.store.get('current');
      if (run?.id === id) await tx.store.put({ ...run, status, updatedAt: ctx.deps.now().toISOString() }, 'current');
      await tx.done;
      return surveyView(db);
    },
  };
}
