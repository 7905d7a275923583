/** Pixel dimensions read from the first bytes of a PNG, JPEG, GIF or WebP file. */
export interface ImageDimensions {
  width: number;
  height: number;
}

function png(head: Buffer): ImageDimensions | null {
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4).
  if (head.length < 24 || head.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function gif(head: Buffer): ImageDimensions | null {
  if (head.length < 10) return null;
  return { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
}

function webp(head: Buffer): ImageDimensions | null {
  if (head.length < 30 || head.toString('latin1', 8, 12) !== 'WEBP') return null;
  const chunk = head.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = head.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1 };
  return null;
}

/** Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) share the range but do not. */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpeg(head: Buffer): ImageDimensions | null {
  let offset = 2;
  while (offset + 9 < head.length) {
    if (head[offset] !== 0xff) return null;
    const marker = head[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (isStartOfFrame(marker)) return { height: head.readUInt16BE(offset + 5), width: head.readUInt16BE(offset + 7) };
    offset += 2 + head.readUInt16BE(offset + 2);
  }
  return null;
}

const READERS: Record<string, (head: Buffer) => ImageDimensions | null> = {
  'image/png': png,
  'image/gif': gif,
  'image/webp': webp,
  'image/jpeg': jpeg,
};

/**
 * Reads an image's width and height from its first bytes (`head`), for the detected `mimeType`.
 * Null when the type has no reader, or the size lies beyond `head` (a JPEG with a huge EXIF block).
 */
export function imageDimensions(mimeType: string, head: Buffer): ImageDimensions | null {
  const reader = READERS[mimeType];
  if (!reader) return null;
  try {
    const size = reader(head);
    return size && size.width > 0 && size.height > 0 ? size : null;
  } catch {
    return null;
  }
}
