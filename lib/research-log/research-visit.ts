import * as v from 'valibot';

/** One visit to an organisation's page, kept only when the user turned the research log on. */
export const ResearchVisitSchema = v.object({
  at: v.pipe(v.string(), v.isoTimestamp()),
  url: v.string(),
  organisationId: v.string(),
  organisationName: v.string(),
});
export type ResearchVisit = v.InferOutput<typeof ResearchVisitSchema>;
