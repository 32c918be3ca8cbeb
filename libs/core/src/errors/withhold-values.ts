/**
 * graphql-js quotes the caller's value in variable errors: `Variable "$i" got invalid value
 * { input: { email: "jane@…" }, … } at "i.decisions[1]"; Field "x" … not provided.` — a decision's
 * raw, unredacted input, echoed back and into whatever logs the answer. These cut the quoted values
 * out and keep the rest (which variable, where, why). The value is JavaScript-like (graphql's
 * `inspect`): brackets nest, strings are JSON-quoted, anything else is one bare token.
 */
export function withholdQuotedValues(message: string): string {
  let out = message;
  const head = /^Variable "\$[A-Za-z_]\w*" got invalid value /.exec(out);
  if (head)
    out = `${out.slice(0, head[0].length - ' invalid value '.length)} an invalid value${out.slice(endOfLiteral(out, head[0].length))}`;
  // "… cannot represent a non string value: <value>", "… non-numeric value: <value>"
  for (let at = out.indexOf(' value: '); at !== -1; at = out.indexOf(' value: ', at + 1)) {
    const start = at + ' value: '.length;
    out = `${out.slice(0, start)}(withheld)${out.slice(endOfLiteral(out, start))}`;
  }
  return out;
}

/** The index just after the literal that starts at `start`. */
function endOfLiteral(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === ' ' || c === ';' || c === ',')) return i;
  }
  return text.length;
}
