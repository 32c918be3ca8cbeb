import { DocumentBlock, DocumentSection, EvidenceDocument, GAP_LABEL } from './evidence-document';

/**
 * One self-contained page: inline CSS only, no script, no external resource, and a Content-Security-Policy
 * that forbids them anyway. Every text is escaped, so a fact can never become markup.
 */
export function renderHtml(doc: EvidenceDocument): string {
  const body = [
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : '',
    `<p class="generated">Generated at <time datetime="${escapeHtml(doc.generatedAt)}">${escapeHtml(doc.generatedAt)}</time></p>`,
    ...doc.sections.map((section) => sectionHtml(section, 2)),
    doc.footer ? `<footer>${escapeHtml(doc.footer)}</footer>` : '',
  ].filter(Boolean);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLE = [
  'body{font-family:Helvetica,Arial,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.45}',
  'main{max-width:56rem;margin:0 auto;padding:2rem 1.5rem}',
  'h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}',
  '.subtitle{font-size:1.05rem;color:#444;margin:0}.generated{color:#555;font-size:.9rem}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}',
  'th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}',
  'pre{background:#f5f5f5;padding:.5rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}',
  '.gap{border-left:4px solid #b35900;background:#fff4e5;padding:.4rem .6rem}',
  'footer{margin-top:2rem;color:#555;font-size:.85rem;border-top:1px solid #ccc;padding-top:.5rem}',
].join('');

function sectionHtml(section: DocumentSection, level: number): string {
  const tag = `h${Math.min(level, 6)}`;
  return [
    '<section>',
    `<${tag}>${escapeHtml(section.heading)}</${tag}>`,
    section.gap !== undefined ? `<p class="gap"><strong>${GAP_LABEL}</strong> ${escapeHtml(section.gap)}</p>` : '',
    ...section.blocks.map(blockHtml),
    ...(section.sections ?? []).map((child) => sectionHtml(child, level + 1)),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function blockHtml(block: DocumentBlock): string {
  if ('paragraph' in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
  if ('facts' in block)
    return `<dl>${block.facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
  if ('list' in block) return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  if ('table' in block) {
    const head = block.table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
    const rows = block.table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
    return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  }
  return `<pre><code>${escapeHtml(block.code)}</code></pre>`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
