import { requireFirefox } from '../../support/firefox';

// Every Firefox test file loads this first: when the run asked for the Firefox tests and Firefox
// is missing, each file fails at once with one line saying how to install it.
requireFirefox();
