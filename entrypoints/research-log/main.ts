import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/browser/messaging';
import { readSettings } from '../../lib/browser/settings';
import { researchLogCsv } from '../../lib/research-log/research-log-csv';
import { downloadText } from '../../lib/ui/download';
import type { ResearchLog } from '../../lib/ui/nsl-research-log';
import '../../lib/ui/nsl-research-log';

const log = document.querySelector('nsl-research-log') as ResearchLog;
void log.start({
  visits: async () => (await sendMessage(browser.runtime, 'ui-bg-get-research-log', {})).visits,
  clear: async () => {
    await sendMessage(browser.runtime, 'ui-bg-clear-research-log', {});
  },
  exportCsv: (visits) =>
    downloadText(`nhs-social-lens-research-log-${new Date().toISOString().slice(0, 10)}.csv`, researchLogCsv(visits), 'text/csv'),
  enabled: async () => (await readSettings()).researchLog,
});
