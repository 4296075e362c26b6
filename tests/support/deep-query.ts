/**
 * Queries that reach into nested shadow roots, as Playwright's CSS locators do: a page built of
 * elements (the settings page and its sections) is tested as the user sees it, one page.
 */
export interface DeepRoot {
  querySelector<E extends Element = Element>(selector: string): E | null;
  querySelectorAll<E extends Element = Element>(selector: string): E[];
}

function* roots(root: ParentNode): Generator<ParentNode> {
  yield root;
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) yield* roots(element.shadowRoot);
}

/** `root` and every shadow root below it, queried as one. */
export function deepRoot(root: ParentNode): DeepRoot {
  return {
    querySelectorAll: <E extends Element = Element>(selector: string) =>
      [...roots(root)].flatMap((r) => [...r.querySelectorAll<E>(selector)]),
    querySelector: <E extends Element = Element>(selector: string) => {
      for (const r of roots(root)) {
        const found = r.querySelector<E>(selector);
        if (found) return found;
      }
      return null;
    },
  };
}
