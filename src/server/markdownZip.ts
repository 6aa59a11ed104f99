/**
 * The Markdown download of a run: report.md with every image it links to (figures/<id>.png), as
 * one .zip, so the Markdown opened after unzipping shows its figures. Built from the stored files.
 */
import { markdownImageLinks } from '../report/document/markdownImages.js';
import { zipArchive } from '../report/zipArchive.js';
import type { Store } from './db/store.js';

/** The zip of a run's report.md and its linked figures, or null when the run has no report.md. */
export async function markdownZip(store: Store, runId: string): Promise<Uint8Array | null> {
  const md = await store.getReport(runId, 'report.md');
  if (!md) return null;
  const files: [string, Uint8Array][] = [['report.md', md]];
  for (const link of markdownImageLinks(new TextDecoder().decode(md))) {
    // Only files of this run's report folder (links are written by documentMarkdown, never "..").
    if (!/^figures\/[\w.-]+\.(png|svg)$/.test(link)) continue;
    const content = await store.getReport(runId, link);
    if (content) files.push([link, content]);
  }
  return zipArchive(files);
}
