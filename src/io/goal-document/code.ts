/**
 * A project code for a table that prints none: made from the unit and the project name, so the same table gets the
 * same code on every import (and a later real 项目编码 simply replaces it). FNV-1a, twice with different offsets,
 * for 16 hex digits: two tables of one document do not collide by accident.
 */
export function generatedCode(unit: string | null, name: string): string {
  const text = `${unit ?? ''}\u0000${name}`;
  return `auto-${fnv(text, 0x811c9dc5)}${fnv(text, 0x01000193)}`;
}

function fnv(text: string, offset: number): string {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
