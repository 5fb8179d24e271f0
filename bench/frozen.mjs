// The Python frozen into the engine wasm: RustPython's `py_freeze!` stores each module as an
// lz4-compressed marshalled code object, in "frozen libs" (a u32 count, then per module: u32
// length + name, u32 length + lz4 block with its size prepended, a package byte; little-endian).
// This finds those libs in the wasm's data section so the report can say what the stdlib costs.

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function u32(bytes, at) {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] * 2 ** 24);
}

/** Parses a frozen lib at `at`, or returns null when the bytes there are not one. */
function parseLib(bytes, at, end) {
  const count = u32(bytes, at);
  if (count < 1 || count > 5_000) return null;
  let offset = at + 4;
  const modules = [];
  for (let i = 0; i < count; i++) {
    if (offset + 4 > end) return null;
    const nameLength = u32(bytes, offset);
    if (nameLength < 1 || nameLength > 200 || offset + 4 + nameLength > end) return null;
    const name = String.fromCharCode(...bytes.subarray(offset + 4, offset + 4 + nameLength));
    if (!NAME.test(name)) return null;
    offset += 4 + nameLength;
    const codeLength = u32(bytes, offset);
    if (codeLength < 5 || offset + 4 + codeLength + 1 > end) return null;
    const code = bytes.subarray(offset + 4, offset + 4 + codeLength);
    offset += 4 + codeLength;
    const packageByte = bytes[offset++];
    if (packageByte > 1) return null;
    modules.push({ name, package: packageByte === 1, code, unpacked: u32(code, 0) });
  }
  return { at, end: offset, modules };
}

/** Decompresses an lz4 block with its u32 size prepended (lz4_flex's compress_prepend_size). */
export function unlz4(block) {
  const out = new Uint8Array(u32(block, 0));
  let i = 4;
  let o = 0;
  while (i < block.length) {
    const token = block[i++];
    let literals = token >> 4;
    if (literals === 15) for (let b = 255; b === 255; literals += b) b = block[i++];
    out.set(block.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i >= block.length) break;
    const distance = block[i] | (block[i + 1] << 8);
    i += 2;
    let length = token & 15;
    if (length === 15) for (let b = 255; b === 255; length += b) b = block[i++];
    length += 4;
    for (let k = 0; k < length; k++, o++) out[o] = out[o - distance];
  }
  if (o !== out.length) throw new Error(`lz4 block decoded to ${o} bytes, not ${out.length}`);
  return out;
}

/** The frozen libs in `bytes` between `start` and `end` (a data section): [{ at, end, modules }]. */
export function findFrozenLibs(bytes, start, end) {
  const libs = [];
  for (let at = start; at + 8 < end; at++) {
    // Cheap filter first: a small count, then a short name length.
    if (bytes[at + 2] !== 0 || bytes[at + 3] !== 0 || bytes[at + 6] !== 0 || bytes[at + 7] !== 0) continue;
    const lib = parseLib(bytes, at, end);
    if (lib && lib.modules.length >= 3) {
      libs.push(lib);
      at = lib.end - 1;
    }
  }
  return libs;
}
