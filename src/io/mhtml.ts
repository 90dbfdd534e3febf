/**
 * A web archive (MHTML, RFC 2557: multipart/related) of one HTML document and its embedded PNG
 * images, so that Word opens the decision document with its maps (Word does not read `data:`
 * images in HTML, but it reads a web archive, also when it is saved as .doc). Pure.
 */

/** Splits base64 into lines of at most 76 characters (MIME). */
export function mimeLines(b64: string): string {
  const out: string[] = [];
  for (let i = 0; i < b64.length; i += 76) out.push(b64.slice(i, i + 76));
  return out.join('\r\n');
}

/**
 * The archive: every `data:image/png;base64,…` in `html` becomes a part named `image-N.png`
 * referenced from the HTML. `boundary` must not occur in the content (the caller's default is
 * safe for our documents: base64 and escaped HTML cannot contain "----=_fcp").
 */
export function mhtmlArchive(html: string, boundary = '----=_fcp_beslutsunderlag'): string {
  const images: string[] = [];
  const body = html.replace(/data:image\/png;base64,([A-Za-z0-9+/=]+)/g, (_m, b64: string) => {
    images.push(b64);
    return `image-${images.length}.png`;
  });
  const parts = [
    `--${boundary}\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: beslutsunderlag.html\r\n\r\n${mimeLines(utf8Base64(body))}\r\n`,
    ...images.map((b64, i) => `--${boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: image-${i + 1}.png\r\n\r\n${mimeLines(b64)}\r\n`),
  ];
  return `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="${boundary}"; type="text/html"\r\n\r\n${parts.join('')}--${boundary}--\r\n`;
}

/** UTF-8 bytes of a string as base64 (btoa in browsers and Node ≥ 16). */
function utf8Base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
