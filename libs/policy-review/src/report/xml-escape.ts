/**
 * Characters XML 1.0 cannot carry at all, not even as `&#…;` references (§2.2 Char): C0 controls
 * other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. They become U+FFFD so that a
 * stray byte in a policy message shows up as a visible mark instead of breaking the whole report.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const REPLACEMENT = '\uFFFD';

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/**
 * In attributes a parser folds tab, LF and CR into spaces (§3.3.3), so they are written as
 * references to survive; quotes are escaped so either quote style is safe.
 */
const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Element content: markup characters escaped, CR kept (a parser would turn a literal one into LF). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, REPLACEMENT).replace(/[&<>\r]/g, (c) => TEXT_ENTITIES[c]);
}

/** An attribute value, to be written between double quotes. */
export function xmlAttribute(value: string): string {
  return value.replace(NOT_XML_CHAR, REPLACEMENT).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ENTITIES[c]);
}
