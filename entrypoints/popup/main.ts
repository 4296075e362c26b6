import { browser } from 'wxt/browser';
import { createPageClient } from '../../lib/browser/client';
import { mountPage } from '../../lib/ui/mount-page';
import '../../lib/ui/nsl-popup';

mountPage('nsl-popup', createPageClient(browser));
