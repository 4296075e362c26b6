import type { Settings } from '../../settings';

/**
 * What a section of the settings page asks of the page (nsl-options): each section shows the
 * settings the page holds, and saves, reloads and announces through it, in the order it needs.
 */
export interface OptionsPage {
  /** Saves a change to the settings, then says "Settings saved." beside the control named `near` (issue 30). */
  save(change: Partial<Settings>, near?: string): Promise<void>;
  /** Reads the settings and the index's status again (after an update, an import…). */
  reload(): Promise<void>;
  /** Says one line beside the control named `near` (else on the page's status line), read out politely. */
  announce(message: string, near?: string): void;
}
