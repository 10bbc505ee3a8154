import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CryptoKey, JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8 } from 'jose';
import { ConfigError, JWT_ALGORITHM } from '@cinegraph/service-kit';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, as published at /.well-known/jwks.json. */
  publicJwk: JWK;
}

/**
 * The access-token signing key: from `JWT_PRIVATE_KEY` (PKCS#8 PEM) when set; otherwise,
 * for development, read from (or generated once into) a git-ignored key file.
 */
export async function loadSigningKey(options: {
  pem?: string | undefined;
  keyFile: string;
}): Promise<SigningKey> {
  const pem = options.pem ?? (await readOrCreateKeyFile(options.keyFile));
  const privateKey = await importPKCS8(pem.replace(/\\n/g, '\n'), JWT_ALGORITHM, {
    extractable: true,
  }).catch(() => {
    const source = options.pem ? 'JWT_PRIVATE_KEY' : `JWT_KEY_FILE (${options.keyFile})`;
    throw new ConfigError(`${source}: not a PKCS#8 PEM ${JWT_ALGORITHM} private key`);
  });
  const { d: _d, ...publicJwk } = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: JWT_ALGORITHM, use: 'sig' } };
}

async function readOrCreateKeyFile(keyFile: string): Promise<string> {
  try {
    return await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
  const pem = await exportPKCS8(privateKey);
  await mkdir(path.dirname(keyFile), { recursive: true });
  try {
    // 'wx': when two processes race, the first file wins and both use it.
    await writeFile(keyFile, pem, { flag: 'wx', mode: 0o600 });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFile(keyFile, 'utf8');
    throw error;
  }
}
