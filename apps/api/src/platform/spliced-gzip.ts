import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A gzip body assembled from parts: text that differs per request goes in as stored (uncompressed) deflate
 * blocks, and a large part that many answers share is compressed once and copied in as it is. A request then
 * costs a CRC over its bytes instead of a compression, and the per-request text (a reservation token, say)
 * is never compressed together with anything else.
 */

/** A shared part, compressed once: raw deflate blocks ending byte-aligned, none of them final. */
export interface DeflatedPart {
  bytes: Buffer;
  deflated: Buffer;
}

export function deflatePart(text: string): DeflatedPart {
  const bytes = Buffer.from(text);
  // The sync flush ends the blocks on a byte boundary without a final block, so more can follow.
  const deflated = deflateRawSync(bytes, { level: constants.Z_BEST_COMPRESSION, finishFlush: constants.Z_SYNC_FLUSH });
  return { bytes, deflated };
}

/** gzip header: deflate, no name or time, unknown OS (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const STORED_MAX = 0xffff;

/** Stored deflate blocks (RFC 1951 §3.2.4) holding `bytes`, the last one final if `final`. */
function storedBlocks(bytes: Buffer, final: boolean): Buffer[] {
  const blocks: Buffer[] = [];
  let offset = 0;
  do {
    const length = Math.min(STORED_MAX, bytes.length - offset);
    const last = offset + length >= bytes.length;
    const header = Buffer.alloc(5);
    header[0] = final && last ? 0x01 : 0x00;
    header.writeUInt16LE(length, 1);
    header.writeUInt16LE(~length & 0xffff, 3);
    blocks.push(header, bytes.subarray(offset, offset + length));
    offset += length;
  } while (offset < bytes.length);
  return blocks;
}

/** The gzip body of `before + shared + after`, with `shared` copied in already compressed. */
export function splicedGzip(before: string, shared: DeflatedPart, after: string): Buffer {
  const head = Buffer.from(before);
  const tail = Buffer.from(after);
  const crc = crc32(tail, crc32(shared.bytes, crc32(head)));
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((head.length + shared.bytes.length + tail.length) % 2 ** 32, 4);
  return Buffer.concat([
    GZIP_HEADER,
    ...storedBlocks(head, false),
    shared.deflated,
    ...storedBlocks(tail, true),
    trailer,
  ]);
}
