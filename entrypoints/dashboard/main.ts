import { browser } from 'wxt/browser';
import { createPageClient } from '../../lib/browser/page-client';
import { parseCitation } from '../../lib/dashboard/citation';
import { mountPage } from '../../lib/ui/mount-page';
import '../../lib/ui/nsl-dashboard';
// The project's CITATION.cff, bundled at build time: "How to cite" names what it says (issue 30).
import citation from '../../CITATION.cff?raw';

const dashboard = mountPage('nsl-dashboard', createPageClient(browser));
dashboard.citation = parseCitation(citation);
