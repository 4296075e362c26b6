import { describe, expect, it } from 'vitest';
import { isAcceptedLitWarning, type LintFinding, lintProblems } from '../../scripts/lint-firefox';

/** lit-html's Template.createElement as the build minifies it, in a chunk. */
const LIT = 'var a=1;class S{static createElement(e,t){let n=U.createElement(`template`);return n.innerHTML=e,n}};var b=2;';
const litWarning: LintFinding = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file: 'chunks/theme.js',
  line: 2,
  column: LIT.indexOf('n.innerHTML'),
};

describe('the Firefox lint check (issue 28)', () => {
  it('accepts lit’s template element, and only there', () => {
    expect(isAcceptedLitWarning(litWarning, `first line\n${LIT}`)).toBe(true);
    const ours = 'function show(e){let d=document.createElement(`div`);d.innerHTML=e.name;return d}';
    expect(isAcceptedLitWarning({ ...litWarning, column: ours.indexOf('innerHTML') }, `first line\n${ours}`)).toBe(false);
    expect(isAcceptedLitWarning({ ...litWarning, code: 'UNSAFE_VAR_ASSIGNMENT_OTHER' }, `first line\n${LIT}`)).toBe(false);
    expect(isAcceptedLitWarning(litWarning, undefined)).toBe(false);
  });

  it('fails on every error and notice, and on every other warning', () => {
    const report = {
      errors: [{ code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' }],
      notices: [],
      warnings: [litWarning, { ...litWarning, file: 'popup.js', line: 1, column: 3 }],
    };
    const sources: Record<string, string> = { 'chunks/theme.js': `first line\n${LIT}`, 'popup.js': 'x.innerHTML=y' };
    expect(lintProblems(report, (file) => sources[file])).toEqual([
      'error MANIFEST_FIELD_INVALID: bad (manifest.json:?:?)',
      'warning UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML (popup.js:1:3)',
    ]);
  });
});
