import { requireChromium } from '../../support/chromium';

// Every browser test file loads this first: without Chromium each one fails at once, with one
// line saying how to install it, and the run counts them as failed, never as skipped.
requireChromium();
