import { browser } from 'wxt/browser';
import { DEFAULT_REPOSITORY_URL } from '../../lib/browser/build-constants';
import { sendMessage } from '../../lib/browser/messaging';
import { readSettings } from '../../lib/browser/settings';
import { readCorrectionPrefill } from '../../lib/ui/correction-links';
import { downloadText } from '../../lib/ui/download';
import '../../lib/ui/nsl-correction-form';
import '../../lib/ui/nsl-my-corrections';

/**
 * `corrections.html?org=…` (from the popup) or `?id=…` (editing) shows the form; `?new=1` an empty
 * form; with nothing, "My corrections" (`?saved=<id>` after a suggestion was saved).
 */
const params = new URLSearchParams(location.search);
const list = async () => (await sendMessage(browser.runtime, 'ui-bg-list-corrections', {})).corrections;
const now = () => new Date();

if (params.has('org') || params.has('id') || params.has('new')) {
  document.title = 'NHS Social Lens: suggest a correction';
  const form = document.createElement('nsl-correction-form');
  document.body.prepend(form);
  const id = params.get('id') ?? undefined;
  const prefill = readCorrectionPrefill(location.search);
  void form.start(
    {
      getOrganisation: (organisationId) => sendMessage(browser.runtime, 'ui-bg-get-organisation', { id: organisationId }),
      save: (record, submit) => sendMessage(browser.runtime, 'ui-bg-save-correction', { record, submit }),
      list,
      done: (saved) => location.assign(`/corrections.html?saved=${encodeURIComponent(saved)}`),
      remember: (draftId) => history.replaceState(null, '', `/corrections.html?id=${encodeURIComponent(draftId)}`),
      newId: () => `c-${crypto.randomUUID()}`,
      now,
    },
    { ...(id ? { id } : {}), ...(prefill ? { prefill } : {}) },
  );
  // Closing the tab mid-sentence: what was typed since the last save is saved now.
  addEventListener('pagehide', () => void form.flush());
} else {
  document.title = 'NHS Social Lens: my corrections';
  const mine = document.createElement('nsl-my-corrections');
  document.body.prepend(mine);
  void mine.start(
    {
      list,
      delete: async (id) => {
        await sendMessage(browser.runtime, 'ui-bg-delete-correction', { id });
      },
      markExported: async (ids) => {
        await sendMessage(browser.runtime, 'ui-bg-mark-corrections-exported', { ids });
      },
      download: downloadText,
      copy: (text) => navigator.clipboard.writeText(text),
      repositoryUrl: async () => (await readSettings()).repositoryUrl || DEFAULT_REPOSITORY_URL,
      now,
    },
    params.has('saved') ? 'Your suggestion was saved in this browser. It is ready to send: choose how below.' : '',
  );
}
