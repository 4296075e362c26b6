/**
 * Addresses a crawler of public websites must never connect to (issue 17): a page, or a redirect,
 * that leads to loopback, a private network, link-local (cloud metadata at 169.254.169.254) or
 * another special-purpose range would make the maintainers' machine fetch from its own network.
 * The ranges are the IANA special-purpose registries (RFC 6890 and updates) that are not global.
 */
import { BlockList, isIP } from 'node:net';

const SPECIAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const)
  SPECIAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use IPv4/IPv6 translation
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: an IPv4 address in disguise
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  SPECIAL.addSubnet(network, prefix, 'ipv6');

/** True when `address` (an IP address as a URL or DNS gives it) is not a public, global one. */
export function isSpecialAddress(address: string): boolean {
  // A zone (fe80::1%eth0) only names the interface: the address decides.
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 6) {
    // IPv4 inside IPv6 (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, 64:ff9b::a.b.c.d NAT64) is judged
    // by the IPv4 address it carries. The URL parser writes IPv6 one way (compressed, hex), so one pattern reads it.
    const v6 = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
    const tail = /^(?:::|::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
    if (tail) {
      const [high, low] = [Number.parseInt(tail[1] ?? '0', 16), Number.parseInt(tail[2] ?? '0', 16)];
      if (SPECIAL.check([high >> 8, high & 255, low >> 8, low & 255].join('.'), 'ipv4')) return true;
    }
    return SPECIAL.check(v6, 'ipv6');
  }
  return SPECIAL.check(bare, 'ipv4');
}

/** The host of `url` when it is an IP address written literally (`http://10.0.0.1/`, `http://[::1]/`). */
export function literalAddress(url: URL): string | undefined {
  const bare = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) === 0 ? undefined : bare;
}
