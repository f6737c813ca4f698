/** Encodes text in a single-byte charset, using TextDecoder's own table for that charset. */
export function encodeSingleByte(text: string, charset: string): Uint8Array {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}
