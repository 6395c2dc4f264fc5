/** Text clean-up shared by the ID number and phone parsers: residents type on Chinese keyboards. */

/** Full-width ASCII (U+FF01–U+FF5E, e.g. "１", "Ｘ", "＋", "－") → the ordinary character. */
export function toHalfWidth(input: string): string {
  return input.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** Removes every kind of whitespace, including the ideographic space U+3000 and no-break spaces. */
export function removeWhitespace(input: string): string {
  return input.replace(/[\s\u3000\u00A0\u200B\uFEFF]/g, "");
}
