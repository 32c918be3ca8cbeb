/** `$.key` or `$.key.key…` (up to 8 keys; array positions as digits): where a decision's output carries its label. */
const LABEL_PATH = /^\$(\.[A-Za-z0-9_-]{1,64}){1,8}$/;

/** The keys of a label path, as PostgreSQL's `#>>` takes them; null when the text is not one. */
export function parseLabelPath(text: string): string[] | null {
  return LABEL_PATH.test(text) ? text.slice(2).split('.') : null;
}

export function formatLabelPath(keys: readonly string[]): string {
  return `$.${keys.join('.')}`;
}
