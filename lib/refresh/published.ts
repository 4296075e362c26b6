/**
 * A published copy of the index: `index.json` and a signed `manifest.json` beside it. The checks
 * here are the only ones: `nsl index verify` and the extension's refresh both call them, in this
 * order, and stop at the first that fails, naming it.
 */
import * as ed from '@noble/ed25519';
import * as v from 'valibot';
import { IndexVersion, type NhsIndex, SCHEMA_VERSION } from '../index/schema';
import { droppedOrganisationsProblem, parseAndValidateIndex, type ReplacementContext } from '../index/validate';

export const MANIFEST_FORMAT = 1;
/** No published index may be larger than this, whatever its manifest announces. */
export const MAX_INDEX_BYTES = 8_000_000;
/** A manifest is a few hundred bytes: anything past this is not one, and is not read further (issue 17). */
export const MAX_MANIFEST_BYTES = 64 * 1024;

const Manifest = v.object({
  format: v.literal(MANIFEST_FORMAT, `must be ${MANIFEST_FORMAT}`),
  /** Bounded like the index's own version (MAX_INDEX_VERSION), so no signed manifest can freeze updates. */
  indexVersion: IndexVersion,
  generatedAt: v.pipe(v.string(), v.isoTimestamp()),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  minExtensionVersion: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/)),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{86}==$/)),
});
export type PublishedManifest = v.InferOutput<typeof Manifest>;
export type UnsignedManifest = Omit<PublishedManifest, 'signature'>;

/** The checks, in the order they run. */
export type CheckName =
  | 'manifest'
  | 'signature'
  | 'schema-version'
  | 'extension-version'
  | 'newer'
  | 'announced-size'
  | 'size'
  | 'hash'
  | 'validation';
export type Checked<T> = { ok: true; value: T } | { ok: false; check: CheckName; reason: string };

export interface ManifestContext {
  publicKey: Uint8Array;
  extensionVersion: string;
  /** The installed index's version: a published copy must be newer. */
  installedVersion: number;
}

/** The bytes that are signed: the manifest's fields in a fixed order, without the signature. */
export function signedBytes(manifest: UnsignedManifest): Uint8Array {
  const { format, indexVersion, generatedAt, schemaVersion, minExtensionVersion, bytes, sha256 } = manifest;
  return new TextEncoder().encode(JSON.stringify({ format, indexVersion, generatedAt, schemaVersion, minExtensionVersion, bytes, sha256 }));
}

/** Signs a manifest with an Ed25519 secret key. */
export async function signManifest(manifest: UnsignedManifest, secretKey: Uint8Array): Promise<PublishedManifest> {
  const signature = await ed.signAsync(signedBytes(manifest), secretKey);
  return { ...manifest, signature: toBase64(signature) };
}

/** Reads a manifest's shape only (no signature): what `checkManifest` starts with, and what `index publish` reads back. */
export function parseManifest(text: string): Checked<PublishedManifest> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, check: 'manifest', reason: 'the manifest is not JSON (perhaps an error page, or cut short)' };
  }
  const parsed = v.safeParse(Manifest, data);
  if (!parsed.success)
    return { ok: false, check: 'manifest', reason: `the manifest is malformed at ${v.getDotPath(parsed.issues[0]) ?? 'its top level'}` };
  return { ok: true, value: parsed.output };
}

/** Checks a manifest before anything else is fetched: shape, signature, versions and announced size. */
export async function checkManifest(text: string, context: ManifestContext): Promise<Checked<PublishedManifest>> {
  const parsed = parseManifest(text);
  if (!parsed.ok) return parsed;
  const manifest = parsed.value;
  let signatureOk = false;
  try {
    signatureOk = await ed.verifyAsync(fromBase64(manifest.signature), signedBytes(manifest), context.publicKey);
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return { ok: false, check: 'signature', reason: 'the signature does not match the key this extension trusts' };
  if (manifest.schemaVersion !== SCHEMA_VERSION) {
    return {
      ok: false,
      check: 'schema-version',
      reason: `the index is format ${manifest.schemaVersion}; this version of NHS Social Lens reads format ${SCHEMA_VERSION}`,
    };
  }
  if (compareVersions(context.extensionVersion, manifest.minExtensionVersion) < 0) {
    return {
      ok: false,
      check: 'extension-version',
      reason: `the index needs NHS Social Lens ${manifest.minExtensionVersion} or later (this is ${context.extensionVersion})`,
    };
  }
  if (manifest.indexVersion <= context.installedVersion) {
    return {
      ok: false,
      check: 'newer',
      reason: `version ${manifest.indexVersion} is not newer than the installed version ${context.installedVersion}`,
    };
  }
  if (manifest.bytes > MAX_INDEX_BYTES)
    return { ok: false, check: 'announced-size', reason: `it announces ${manifest.bytes} bytes, over the limit of ${MAX_INDEX_BYTES}` };
  return { ok: true, value: manifest };
}

/**
 * Checks a downloaded index against its manifest: size, SHA-256, then the index validator and,
 * given the installed index's organisation ids, that it drops no more than a fifth of them.
 */
export async function checkIndexBody(
  body: Uint8Array,
  manifest: PublishedManifest,
  replacing?: ReplacementContext,
): Promise<Checked<NhsIndex>> {
  if (body.length !== manifest.bytes)
    return { ok: false, check: 'size', reason: `it is ${body.length} bytes, not the ${manifest.bytes} announced` };
  if ((await sha256Hex(body)) !== manifest.sha256) return { ok: false, check: 'hash', reason: 'its SHA-256 does not match the manifest' };
  const result = parseAndValidateIndex(new TextDecoder().decode(body));
  if (!result.ok)
    return {
      ok: false,
      check: 'validation',
      reason: `it is not a valid index (${result.problems[0]?.path}: ${result.problems[0]?.message})`,
    };
  if (result.index.indexVersion !== manifest.indexVersion) {
    return {
      ok: false,
      check: 'validation',
      reason: `it is version ${result.index.indexVersion}, not the ${manifest.indexVersion} announced`,
    };
  }
  const dropped = replacing && droppedOrganisationsProblem(result.index, replacing);
  if (dropped) return { ok: false, check: 'validation', reason: dropped.message };
  return { ok: true, value: result.index };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares dotted versions numerically: 0.10.0 is later than 0.9.3. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text.trim());
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}
