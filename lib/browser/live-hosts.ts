/**
 * The platform hosts the user allowed for live figures (issue 26), kept in the extension's local
 * storage. The browser's `permissions.contains` says yes for every host the extension may read
 * from install (every nhs.uk site, the index's domains) as well as for those the user allowed, so
 * it cannot tell them apart: live figures are asked only from a host in this list, which a host
 * joins when the user's click obtains the browser's leave for it, and leaves when the user removes
 * that leave in the browser or deletes all their data.
 */
import { storage } from 'wxt/utils/storage';
import { isNhsZoneHost } from '../social/profile-url';

export const liveHostsItem = storage.defineItem<string[]>('local:liveFigureHosts', { fallback: [] });

/** The part of `browser.permissions` this needs. */
export interface HostPermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

export interface LiveHosts {
  /** On the user's click: asks the browser's leave for `origin`, and remembers the host when given. */
  request(origin: string): Promise<boolean>;
  /** Whether live figures may be asked of `origin`: granted for them, and still allowed by the browser. */
  has(origin: string): Promise<boolean>;
  /** The browser's leave was removed for these origins (`permissions.onRemoved`): their hosts are forgotten. */
  removed(origins: readonly string[]): Promise<void>;
  /** "Delete all my data": every host is forgotten (the browser's leave stays until the user removes it). */
  clear(): Promise<void>;
}

/** The host of an origin or of a match pattern (`https://host/*`), lower-case; undefined when it has none. */
function hostOf(origin: string): string | undefined {
  const plain = origin.replace(/\/\*$/, '');
  if (!URL.canParse(plain)) return undefined;
  const { protocol, hostname } = new URL(plain);
  return protocol === 'https:' && hostname !== '' && !hostname.includes('*') ? hostname.toLowerCase() : undefined;
}

/**
 * The list, with the browser's permissions. `notPlatformHost` says which hosts are never a social
 * platform's (the install-time page patterns): those are never asked for nor remembered, whatever
 * the browser answers, since it says yes to them without asking the user.
 */
export function createLiveHosts(permissions: HostPermissions, notPlatformHost: (hostname: string) => boolean): LiveHosts {
  const platformHost = (origin: string) => {
    const host = hostOf(origin);
    return host !== undefined && !isNhsZoneHost(host) && !notPlatformHost(host) ? host : undefined;
  };
  return {
    async request(origin) {
      const host = platformHost(origin);
      if (host === undefined) return false;
      const granted = await permissions.request({ origins: [`https://${host}/*`] });
      if (granted) {
        const hosts = await liveHostsItem.getValue();
        if (!hosts.includes(host)) await liveHostsItem.setValue([...hosts, host]);
      }
      return granted;
    },
    async has(origin) {
      const host = platformHost(origin);
      if (host === undefined || !(await liveHostsItem.getValue()).includes(host)) return false;
      return permissions.contains({ origins: [`https://${host}/*`] });
    },
    async removed(origins) {
      const gone = new Set(origins.map(hostOf));
      const hosts = await liveHostsItem.getValue();
      if (hosts.some((host) => gone.has(host))) await liveHostsItem.setValue(hosts.filter((host) => !gone.has(host)));
    },
    clear: () => liveHostsItem.removeValue(),
  };
}
