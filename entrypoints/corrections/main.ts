import { browser } from 'wxt/browser';
import { createPageClient } from '../../lib/browser/page-client';
import { correctionsPageTag } from '../../lib/ui/corrections-page';
import { mountPage } from '../../lib/ui/mount-page';
import '../../lib/ui/nsl-correction-form';
import '../../lib/ui/nsl-my-corrections';

mountPage(correctionsPageTag(location.search), createPageClient(browser));
