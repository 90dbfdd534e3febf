import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Headless Chromium as the end-to-end tests and the CLI's `report` command launch it (one list of
 * arguments for both): Debian's chromium, software rendering (SwiftShader) for the maps' WebGL,
 * nothing fetched from the network by the browser itself. playwright-core is loaded only here,
 * on first launch, so no other command pays for it.
 */

/** Debian's Chromium; override with CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The launch arguments (software WebGL, no sandbox in containers, no background traffic). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Thrown when the browser is not installed; the message says how to install it (Swedish). */
export class ChromiumMissingError extends Error {}

/** Launches headless Chromium with CHROMIUM_ARGS. */
export async function launchChromium(): Promise<Browser> {
  const path = chromiumPath();
  if (!existsSync(path)) throw new ChromiumMissingError(`Chromium saknas på ${path}. Installera med: apt-get install -y chromium (eller ange sökvägen i CHROMIUM_PATH).`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: path, headless: true, args: [...CHROMIUM_ARGS] });
}
