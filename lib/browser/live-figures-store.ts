/**
 * Live figures on this device (issue 19): per account, the last attempt and the last figures read
 * (`liveAnswers`), and one follower count a day (`livePoints`), from which the popup draws the
 * user's own growth line. Both are the user's data: "Delete all my data" empties them.
 */
import type { LiveAccount, LiveAnswer, LiveFiguresState } from '../collect/live-figures';
import { accountKey } from '../social/profile-url';
import type { NslDatabase, StoredLiveAnswer, StoredLivePoint } from './db';

/** The growth line shows at most this many days. */
export const MAX_POINTS_SHOWN = 365;

/** The key an account's answers and points are kept under. */
export const liveKeyOf = (account: Pick<LiveAccount, 'platform' | 'handle'>): string => accountKey(account.platform, account.handle);

/** What is kept for an account: its last answer, its last figures, and its daily points, oldest first. */
export async function readLiveState(db: NslDatabase, account: Pick<LiveAccount, 'platform' | 'handle'>): Promise<LiveFiguresState> {
  const key = liveKeyOf(account);
  const tx = db.transaction(['liveAnswers', 'livePoints']);
  const [stored, points] = await Promise.all([
    tx.objectStore('liveAnswers').get(key),
    tx.objectStore('livePoints').index('by-account').getAll(key),
    tx.done,
  ]);
  return stateOf(stored, points);
}

/**
 * Keeps an answer: it becomes the last attempt; measured figures also become the last good ones
 * and, with a follower count, the day's point (one a day per account: a later answer that day
 * replaces it). A failure keeps the last good figures as they were.
 */
export async function recordLiveAnswer(db: NslDatabase, account: LiveAccount, answer: LiveAnswer): Promise<LiveFiguresState> {
  const key = liveKeyOf(account);
  const tx = db.transaction(['liveAnswers', 'livePoints'], 'readwrite');
  const answers = tx.objectStore('liveAnswers');
  const previous = await answers.get(key);
  const good = answer.outcome === 'measured' ? answer : previous?.good;
  const stored: StoredLiveAnswer = { key, platform: account.platform, handle: account.handle, last: answer, ...(good ? { good } : {}) };
  const writes: Promise<unknown>[] = [answers.put(stored)];
  if (answer.outcome === 'measured' && answer.figures.followers !== undefined)
    writes.push(tx.objectStore('livePoints').put({ key, day: answer.at.slice(0, 10), followers: answer.figures.followers }));
  await Promise.all(writes);
  const points = await tx.objectStore('livePoints').index('by-account').getAll(key);
  await tx.done;
  return stateOf(stored, points);
}

function stateOf(stored: StoredLiveAnswer | undefined, points: StoredLivePoint[]): LiveFiguresState {
  return {
    ...(stored?.last ? { last: stored.last } : {}),
    ...(stored?.good ? { good: stored.good } : {}),
    points: points
      .sort((a, b) => a.day.localeCompare(b.day))
      .slice(-MAX_POINTS_SHOWN)
      .map(({ day, followers }) => ({ day, followers })),
  };
}
