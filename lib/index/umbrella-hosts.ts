/**
 * Hosts shared by many organisations (public suffixes and NHS umbrella zones). A page under one
 * of these is not recognised by that suffix alone, so none of them may be an organisation's domain:
 * otherwise every `*.nhs.uk` page would match whoever owned `nhs.uk`.
 */
const UMBRELLA_HOSTS = new Set([
  'nhs.uk',
  'nhs.net',
  'scot.nhs.uk',
  'wales.nhs.uk',
  'nhs.wales',
  'hscni.net',
  'icb.nhs.uk',
  'ics.nhs.uk',
  'gov.uk',
  'gov.scot',
  'gov.wales',
  'org.uk',
  'co.uk',
  'ac.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
]);

/** True when `host` is a zone shared by many organisations rather than one organisation's own. */
export function isUmbrellaHost(host: string): boolean {
  return UMBRELLA_HOSTS.has(host) || !host.includes('.');
}
