/**
 * Which element the corrections page shows: `corrections.html?org=…` (from the popup), `?id=…`
 * (editing) or `?new=1` the form; anything else "My corrections" (`?saved=<id>` after a save).
 */
export function correctionsPageTag(search: string): 'nsl-correction-form' | 'nsl-my-corrections' {
  const params = new URLSearchParams(search);
  return params.has('org') || params.has('id') || params.has('new') ? 'nsl-correction-form' : 'nsl-my-corrections';
}
