// Pictures made byte by byte for the suites: plain ones no test stored before, and hostile ones
// (a header claiming more than the file holds, a decompression bomb, a turned photograph).
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

/**
 * A PNG of one colour, wide enough to get smaller copies for srcset: a picture no test stored
 * before. With `claim`, its header says [width, height] while its data holds the real rows:
 * a picture of a billion pixels in a few kilobytes, the shape of a decompression bomb.
 */
export function solidPng(rgb, width = 1000, height = 40, { claim } = {}) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(claim ? claim[0] : width, 0);
  header.writeUInt32BE(claim ? claim[1] : height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(Array(height).fill(row)))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG of random pixels: it does not compress, so its file is about width × height × 3 bytes. */
export function noisyPng(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) rows.push(Buffer.from([0]), randomBytes(width * 3));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 1 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The JPEG with the rows its start-of-frame segment claims multiplied by `factor`. */
export function claimMoreRows(jpeg, factor) {
  const out = Buffer.from(jpeg);
  for (let i = 2; i + 9 < out.length;) {
    const marker = out[i + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      out.writeUInt16BE(out.readUInt16BE(i + 5) * factor, i + 5);
      return out;
    }
    i += 2 + out.readUInt16BE(i + 2);
  }
  throw new Error('no start-of-frame segment');
}

/** The JPEG's width and height, from its start-of-frame segment. */
export function jpegSize(jpeg) {
  for (let i = 2; i + 9 < jpeg.length;) {
    const marker = jpeg[i + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { width: jpeg.readUInt16BE(i + 7), height: jpeg.readUInt16BE(i + 5) };
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  throw new Error('no start-of-frame segment');
}

/**
 * The JPEG as a camera held sideways writes it: an Exif segment (with a camera maker, as
 * metadata that must not be published) whose orientation says "turn 90° clockwise to view".
 */
export function turnedJpeg(jpeg) {
  const make = Buffer.from('DatelineCam\0', 'latin1');
  const ifd = Buffer.alloc(2 + 2 * 12 + 4);
  ifd.writeUInt16BE(2, 0);
  // 0x010F Make, ASCII, its bytes after the IFD; 0x0112 Orientation, SHORT, 6.
  ifd.writeUInt16BE(0x010f, 2); ifd.writeUInt16BE(2, 4); ifd.writeUInt32BE(make.length, 6); ifd.writeUInt32BE(8 + ifd.length, 10);
  ifd.writeUInt16BE(0x0112, 14); ifd.writeUInt16BE(3, 16); ifd.writeUInt32BE(1, 18); ifd.writeUInt16BE(6, 22);
  const tiff = Buffer.concat([Buffer.from('MM\0\x2a\0\0\0\x08', 'latin1'), ifd, make]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, payload, jpeg.subarray(2)]);
}
