// The sizes of a wasm module's sections: where the bytes of the engine go (code, and data such as
// the frozen standard library's bytecode).

function leb(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, offset];
  }
}

const NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];

/** [{ name, offset, size }] for each section of `bytes` (a wasm binary), in order. */
export function wasmSections(bytes) {
  const sections = [];
  let offset = 8; // magic and version
  while (offset < bytes.length) {
    const id = bytes[offset];
    const [size, start] = leb(bytes, offset + 1);
    let name = NAMES[id] ?? `section ${id}`;
    if (id === 0) {
      const [length, at] = leb(bytes, start);
      name = `custom "${new TextDecoder().decode(bytes.subarray(at, at + length))}"`;
    }
    sections.push({ name, offset: start, size });
    offset = start + size;
  }
  return sections;
}
