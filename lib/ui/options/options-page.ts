import type { Settings } from '../../settings';

/**
 * What a section of the settings page asks of the page (nsl-options): each section shows the
 * settings the page holds, and saves, reloads and announces through it, in the order it needs.
 */
export interface OptionsPage {
  /** Saves a change to the settings, then says "Settings saved.". */
  save(change: Partial<Settings>): Promise<void>;
  /** Reads the settings and the index's status again (after an update, an import…). */
  reload(): Promise<void>;
  /** Says one line on the page's status line, read out politely. */
  announce(message: string): void;
}
