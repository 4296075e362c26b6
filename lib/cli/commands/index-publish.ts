import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as ed from '@noble/ed25519';
import { droppedOrganisationsProblem, parseAndValidateIndex } from '../../index/validate';
import { releaseGate } from '../../index-build/pipeline/release-gate';
import {
  checkIndexBody,
  checkManifest,
  fromBase64,
  MANIFEST_FORMAT,
  parseManifest,
  sha256Hex,
  signManifest,
  toBase64,
} from '../../refresh/published';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, emit, loadIndex, PROJECT_ROOT, readTextFile, say } from '../io';

const KEY_FILE = 'index-signing.key';
const PUB_FILE = 'index-signing.pub';

function extensionVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function readKey(path: string, what: string): Uint8Array {
  let key: Uint8Array;
  try {
    key = fromBase64(readTextFile(path));
  } catch {
    throw new CliError(`${path}: not a ${what} (base64 expected)`);
  }
  if (key.length !== 32) throw new CliError(`${path}: not a ${what} (32 bytes expected, found ${key.length})`);
  return key;
}

const RELEASE_PUBLIC_KEY = join(PROJECT_ROOT, 'assets/release-key.pub');

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The 32-byte key in `path`, or undefined when it holds none (a public key file we only compare against). */
function knownKey(path: string): Uint8Array | undefined {
  try {
    const key = fromBase64(readFileSync(path, 'utf8'));
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a public key given as the signing key (issue 17). Both halves of an Ed25519 pair are 32
 * bytes and any 32 bytes are a valid private key, so a public key alone cannot be told apart. What
 * can be: a file named *.pub; a key equal to a public key we know (any *.pub beside it, the
 * project's release key); a NAME.key whose public half is not the NAME.pub beside it, which would
 * sign a copy that key does not verify. A public key copied alone into a folder is not detectable.
 */
async function checkSigningKey(keyPath: string, secretKey: Uint8Array): Promise<void> {
  if (keyPath.endsWith('.pub'))
    throw new CliError(`${keyPath}: is a public key (.pub), not a signing key: give the private key (${KEY_FILE})`);
  const dir = dirname(keyPath);
  const besidePubs = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.pub'))
        .map((name) => join(dir, name))
    : [];
  for (const pub of [...besidePubs, RELEASE_PUBLIC_KEY]) {
    const known = knownKey(pub);
    if (known !== undefined && sameBytes(known, secretKey))
      throw new CliError(`${keyPath}: is the public key in ${pub}, not a signing key: give the private key (${KEY_FILE})`);
  }
  // keygen writes NAME.key beside NAME.pub: the pair of a .key file is the .pub of the same name.
  const pair = join(dir, `${basename(keyPath, '.key')}.pub`);
  const paired = keyPath.endsWith('.key') ? knownKey(pair) : undefined;
  if (paired !== undefined && !sameBytes(await ed.getPublicKeyAsync(secretKey), paired))
    throw new CliError(`${keyPath}: is not the private half of ${pair} beside it: the published copy would not verify with that key`);
}

/** `index keygen --out DIR`: a new Ed25519 key pair; never overwrites a key. */
export async function indexKeygenCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['out']);
  const dir = stringOption(args, 'out');
  if (dir === undefined || args.positionals.length > 0) throw new CliError('usage: index keygen --out DIR');
  const keyPath = join(dir, KEY_FILE);
  const pubPath = join(dir, PUB_FILE);
  for (const path of [keyPath, pubPath]) if (existsSync(path)) throw new CliError(`${path} already exists: refusing to overwrite a key`);
  mkdirSync(dir, { recursive: true });
  const { secretKey, publicKey } = await ed.keygenAsync();
  writeFileSync(keyPath, `${toBase64(secretKey)}\n`, { mode: 0o600 });
  writeFileSync(pubPath, `${toBase64(publicKey)}\n`);
  say(`wrote ${keyPath} (private: keep it out of the repository) and ${pubPath}`);
  emit({ key: keyPath, pub: pubPath, publicKey: toBase64(publicKey) });
}

/**
 * `index publish --key FILE --out DIR [INDEX] [--previous INDEX]`: index.json and a signed
 * manifest.json, for any static host. `--previous` names the index this release replaces (a
 * refresh publishing into an empty folder has no copy there to compare with): a release that is
 * not newer, or would drop more than a fifth of its organisations, publishes nothing (issue 21).
 */
export async function indexPublishCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['key', 'out', 'min-extension-version', 'previous']);
  const keyPath = stringOption(args, 'key');
  const dir = stringOption(args, 'out');
  if (keyPath === undefined || dir === undefined || args.positionals.length > 1)
    throw new CliError('usage: index publish --key FILE --out DIR [INDEX] [--previous INDEX]');
  const indexPath = args.positionals[0] ?? BUNDLED_INDEX_PATH;
  const text = readTextFile(indexPath);
  const result = parseAndValidateIndex(text);
  if (!result.ok)
    throw new CliError(`${indexPath}: refusing to publish an invalid index (${result.problems[0]?.path}: ${result.problems[0]?.message})`);
  const previousPathOption = stringOption(args, 'previous');
  if (previousPathOption !== undefined) {
    const gate = releaseGate(loadIndex(previousPathOption), result.index);
    if (!gate.ok) throw new CliError(`${indexPath}: refusing to publish over ${previousPathOption}: ${gate.reason}`);
  }
  const secretKey = readKey(keyPath, 'signing key');
  await checkSigningKey(keyPath, secretKey);
  const previousPath = join(dir, 'manifest.json');
  if (existsSync(previousPath)) {
    // A manifest that cannot be read is refused, not overwritten: its version is what keeps
    // releases moving forward (issue 17).
    const previous = parseManifest(readTextFile(previousPath));
    if (!previous.ok) throw new CliError(`${previousPath}: ${previous.reason}; fix or remove it before publishing over it`);
    if (result.index.indexVersion <= previous.value.indexVersion) {
      throw new CliError(
        `index version ${result.index.indexVersion} is not newer than the published ${previous.value.indexVersion}: bump data/index-release.json`,
      );
    }
  }
  // The extension refuses a copy that drops more than a fifth of the organisations it has
  // installed (issue 17): compared with the copy published here before, publishing it would only
  // fail on every refresh.
  const previousIndexPath = join(dir, 'index.json');
  const previousIndex = existsSync(previousIndexPath) ? parseAndValidateIndex(readTextFile(previousIndexPath)) : undefined;
  if (previousIndex?.ok) {
    const dropped = droppedOrganisationsProblem(result.index, { installedIds: previousIndex.index.organisations.map((o) => o.id) });
    if (dropped) throw new CliError(`${indexPath}: refusing to publish over ${previousIndexPath}: ${dropped.message}`);
  }
  const body = new TextEncoder().encode(text);
  const minExtensionVersion = stringOption(args, 'min-extension-version') ?? extensionVersion();
  if (!/^\d+\.\d+\.\d+$/.test(minExtensionVersion))
    throw new CliError(`--min-extension-version must look like 1.2.3, not "${minExtensionVersion}"`);
  const manifest = await signManifest(
    {
      format: MANIFEST_FORMAT,
      indexVersion: result.index.indexVersion,
      generatedAt: result.index.generatedAt,
      schemaVersion: result.index.schemaVersion,
      minExtensionVersion,
      bytes: body.length,
      sha256: await sha256Hex(body),
    },
    secretKey,
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.json'), body);
  writeFileSync(previousPath, `${JSON.stringify(manifest, null, 2)}\n`);
  say(`published index version ${manifest.indexVersion} (${manifest.bytes} bytes) to ${dir}`);
  emit({ dir, ...manifest });
}

/**
 * `index verify DIR --pub FILE [--installed INDEX | --installed-version N]`: the extension's own
 * checks on a published copy, against an installed index when one is given; exit 1 naming the
 * first that fails.
 */
export async function indexVerifyCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['pub', 'installed', 'installed-version']);
  const pubPath = stringOption(args, 'pub');
  const [dir, extra] = args.positionals;
  const usage = 'usage: index verify DIR --pub FILE [--installed INDEX | --installed-version N]';
  if (pubPath === undefined || dir === undefined || extra !== undefined) throw new CliError(usage);
  const installedVersion = stringOption(args, 'installed-version');
  if (installedVersion !== undefined && !/^\d+$/.test(installedVersion))
    throw new CliError(`--installed-version must be a whole number, not "${installedVersion}"`);
  const installedPath = stringOption(args, 'installed');
  if (installedPath !== undefined && installedVersion !== undefined)
    throw new CliError(`give --installed or --installed-version, not both; ${usage}`);
  // The installed index, as the extension would compare with it: its version and its organisations.
  const installed = installedPath === undefined ? undefined : loadIndex(installedPath);
  const manifest = await checkManifest(readTextFile(join(dir, 'manifest.json')), {
    publicKey: readKey(pubPath, 'public key'),
    extensionVersion: extensionVersion(),
    installedVersion: installed?.indexVersion ?? Number(installedVersion ?? 0),
  });
  if (!manifest.ok) throw new CliError(`${dir}: failed check "${manifest.check}": ${manifest.reason}`);
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) throw new CliError(`${dir}: failed check "size": index.json is missing`);
  const body = await checkIndexBody(
    readBytes(indexPath),
    manifest.value,
    installed === undefined ? undefined : { installedIds: installed.organisations.map((o) => o.id) },
  );
  if (!body.ok) throw new CliError(`${dir}: failed check "${body.check}": ${body.reason}`);
  emit({
    dir,
    valid: true,
    indexVersion: manifest.value.indexVersion,
    bytes: manifest.value.bytes,
    organisations: body.value.organisations.length,
  });
}

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new CliError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}
