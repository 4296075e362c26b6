/**
 * Runs a survey (issue 29 part 1): reads the organisations without a result yet, at most
 * `hostsAtOnce` at a time, and hands each result over to be kept the moment it is known, before
 * the next organisation is started. Pausing or cancelling stops new reads; the reads under way
 * finish and are kept, so nothing is read twice or lost.
 */
import { runPool } from './scheduler';
import { leftToRead, type SurveyOutcome, type SurveyResult, type SurveyRun } from './survey-state';

export interface SurveyRunDeps {
  /** Reads one organisation's site (the survey reader, with its politeness). */
  read(host: string): Promise<SurveyOutcome>;
  /** Keeps a result (written to IndexedDB through the background); awaited before the next read starts. */
  save(result: SurveyResult): Promise<void>;
  /** False once the user paused or cancelled. */
  keepGoing(): boolean;
  now(): Date;
}

/** Reads what is left of `run`, given the results kept so far; resolves when all are read or the user stopped it. */
export async function runSurvey(run: SurveyRun, kept: ReadonlyMap<string, SurveyResult>, deps: SurveyRunDeps): Promise<void> {
  const started = new Set<string>();
  await runPool(
    leftToRead(run, kept),
    run.settings.hostsAtOnce,
    async ({ id, host }) => {
      if (started.has(id)) return;
      started.add(id);
      let outcome: SurveyOutcome;
      try {
        outcome = await deps.read(host);
      } catch (error) {
        // Whatever one site does, it is one organisation's line: it never stops the survey.
        outcome = { kind: 'not-read', reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
      }
      await deps.save({ surveyId: run.id, organisationId: id, host, at: deps.now().toISOString(), outcome });
    },
    deps.keepGoing,
  );
}
