import { browser } from 'wxt/browser';
import { createPageClient } from '../../lib/browser/page-client';
import { mountPage } from '../../lib/ui/mount-page';
import '../../lib/ui/nsl-welcome';

mountPage('nsl-welcome', createPageClient(browser));
