import { describe, expect, it } from 'vitest';
import { mhtmlArchive, mimeLines } from '../../src/io/mhtml';

describe('mhtmlArchive', () => {
  it('moves each PNG data URL into its own part and references it by name', () => {
    const a = mhtmlArchive('<p>Säter</p><img src="data:image/png;base64,AAAA"><img src="data:image/png;base64,BBBB">', 'B');
    expect(a.startsWith('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"; type="text/html"')).toBe(true);
    // HTML part + 2 images, then the closing boundary.
    expect(a.split('--B\r\n')).toHaveLength(4);
    expect(a.endsWith('--B--\r\n')).toBe(true);
    expect(a).toContain('Content-Location: image-1.png\r\n\r\nAAAA\r\n');
    expect(a).toContain('Content-Location: image-2.png\r\n\r\nBBBB\r\n');
    // The HTML part decodes to the document with the names in place of the data URLs, UTF-8 kept.
    const htmlB64 = a.split('Content-Location: beslutsunderlag.html\r\n\r\n')[1].split('\r\n--B')[0].replace(/\r\n/g, '');
    expect(new TextDecoder().decode(Uint8Array.from(atob(htmlB64), (c) => c.charCodeAt(0)))).toBe('<p>Säter</p><img src="image-1.png"><img src="image-2.png">');
  });
  it('wraps base64 at 76 characters', () => {
    expect(mimeLines('x'.repeat(160)).split('\r\n').map((l) => l.length)).toEqual([76, 76, 8]);
  });
});
