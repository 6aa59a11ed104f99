/** The image links of a Markdown text (`![alt](path)`), to ship a Markdown report with the files it shows. */

/**
 * Targets of every `![alt](target)` in `md`, in order, without duplicates (an optional "title"
 * after the target is dropped; alt text may contain escaped brackets).
 * @example markdownImageLinks('![Figure 1 \\[a\\]](figures/figure-km-1.png)') // ['figures/figure-km-1.png']
 */
export function markdownImageLinks(md: string): string[] {
  const out: string[] = [];
  for (const m of md.matchAll(/!\[(?:\\.|[^\]\\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}
