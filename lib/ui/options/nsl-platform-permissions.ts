import { css, html, LitElement, nothing } from 'lit';
import type { PageClient } from '../../browser/client';
import { type LiveHost, liveHostsOf } from '../../collect/live-hosts';
import { formStyles, pagePanel, theme } from '../theme';

/** What the section asks of the extension: the index's accounts, and the browser's leave per host. */
export type PlatformPermissionsClient = Pick<PageClient, 'getOrganisations' | 'hasHost' | 'requestHost' | 'removeHost'>;

/**
 * Settings, "Live figures: the platforms you allow" (issue 30): each host live figures may ask
 * (Bluesky's AppView, the Mastodon servers of the index's accounts), whether the browser lets the
 * extension reach it, and a button to allow it (the same request as the popup's "Get live figures")
 * or to take that leave back.
 */
export class PlatformPermissions extends LitElement {
  static override properties = {
    client: { attribute: false },
    hosts: { state: true },
    allowed: { state: true },
    message: { state: true },
  };
  client?: PlatformPermissionsClient;
  hosts: LiveHost[] = liveHostsOf([]);
  /** The origins the browser lets the extension reach, of those listed. */
  allowed = new Set<string>();
  message = '';
  private loadedFor?: PlatformPermissionsClient;

  static override styles = [
    theme,
    formStyles,
    pagePanel,
    css`
      ul {
        list-style: none;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 12px;
        border-bottom: 1px solid var(--nsl-border);
      }
      .host {
        flex: 1 1 16em;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override updated(): void {
    if (this.client && this.loadedFor !== this.client) {
      this.loadedFor = this.client;
      void this.load(this.client);
    }
  }

  private async load(client: PlatformPermissionsClient): Promise<void> {
    try {
      const { organisations, sightings } = await client.getOrganisations();
      this.hosts = liveHostsOf([...organisations.flatMap((o) => o.accounts), ...sightings]);
    } catch {
      // The index could not be read: Bluesky's host is still listed.
    }
    await this.check(client);
  }

  /** Asks the browser which hosts it lets the extension reach; one it cannot answer for counts as not allowed. */
  private async check(client: PlatformPermissionsClient): Promise<void> {
    const allowedNow = async (origin: string) => {
      try {
        return await client.hasHost(origin);
      } catch {
        return false;
      }
    };
    const answers = await Promise.all(this.hosts.map(async (h) => [h.origin, await allowedNow(h.origin)] as const));
    this.allowed = new Set(answers.filter(([, yes]) => yes).map(([origin]) => origin));
  }

  private async allow(host: LiveHost): Promise<void> {
    const client = this.client;
    if (!client) return;
    const granted = await client.requestHost(host.origin).catch(() => false);
    this.message = granted ? `Allowed: ${new URL(host.origin).host}.` : `Not allowed: ${new URL(host.origin).host} was not added.`;
    await this.check(client);
  }

  private async revoke(host: LiveHost): Promise<void> {
    const client = this.client;
    if (!client) return;
    await client.removeHost(host.origin).catch(() => false);
    this.message = `No longer allowed: ${new URL(host.origin).host}.`;
    await this.check(client);
  }

  override render() {
    return html`<section aria-labelledby="platforms-heading">
      <h2 id="platforms-heading">Live figures: the platforms you allow</h2>
      <p>
        “Get live figures” asks a platform’s public API for one account’s current figures. Your browser asks your leave for each host
        once; here you can give it beforehand, or take it back.
      </p>
      <ul data-testid="platform-hosts">
        ${this.hosts.map((h) => {
          const host = new URL(h.origin).host;
          const allowed = this.allowed.has(h.origin);
          return html`<li data-testid="platform-host" data-host=${host}>
            <span class="host"
              ><strong>${h.name === host ? 'Mastodon' : h.name}</strong>: ${host}${
                h.accounts > 0 ? html` <span class="secondary">(${h.accounts} account${h.accounts === 1 ? '' : 's'})</span>` : nothing
              }
              — ${allowed ? 'allowed' : 'not allowed'}</span
            >
            ${
              allowed
                ? html`<button type="button" class="secondary-button" aria-label=${`Take back leave to reach ${host}`} @click=${() => this.revoke(h)}>
                    Take back
                  </button>`
                : html`<button type="button" aria-label=${`Allow ${host}`} @click=${() => this.allow(h)}>Allow</button>`
            }
          </li>`;
        })}
      </ul>
      <p role="status" data-testid="platform-message">${this.message}</p>
    </section>`;
  }
}

customElements.define('nsl-platform-permissions', PlatformPermissions);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-platform-permissions': PlatformPermissions;
  }
}
