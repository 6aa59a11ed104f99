/** Small shared pieces: SVG figures and report tables injected from our own renderers, error boxes. */
import { useEffect, useMemo, useRef } from 'react';
import { tableHtml } from '../../src/report/tables/tableHtml.js';
import type { ReportTable } from '../../src/report/tables/reportTable.js';

/**
 * A figure from src/report/figures (kmSvg, rocSvg, forestSvg, flowSvg). The SVG string is generated
 * by our code, which escapes every text it writes, so it is inserted as is. Its mm width/height are
 * dropped so it scales to the column (the viewBox keeps the proportions).
 */
export function SvgFigure({ svg, caption, id, maxWidth, minWidth }: { svg: string; caption?: string; id?: string; maxWidth?: number; minWidth?: number }) {
  const html = useMemo(() => svg.replace(/<svg([^>]*?)\swidth="[^"]*"/, '<svg$1').replace(/<svg([^>]*?)\sheight="[^"]*"/, '<svg$1'), [svg]);
  return (
    <figure className="figure" id={id} style={maxWidth ? { maxWidth } : undefined}>
      {/* Wide figures keep a readable size on narrow screens and scroll sideways instead of shrinking. */}
      <div className={minWidth ? 'svg-host wide' : 'svg-host'} style={minWidth ? ({ '--min-w': `${minWidth}px` } as React.CSSProperties) : undefined} tabIndex={minWidth ? 0 : undefined} dangerouslySetInnerHTML={{ __html: html }} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

/** A journal table rendered by the report's own HTML renderer (src/report/tables/tableHtml.ts). */
export function JournalTable({ table }: { table: ReportTable }) {
  const html = useMemo(() => tableHtml(table), [table]);
  return <div className="table-wrap" tabIndex={0} role="region" aria-label={table.title} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** An error, announced (role=alert) and scrolled into view where the user is looking. */
export function ErrorBox({ error, testId, children }: { error: string | null; testId?: string; children?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  if (!error) return null;
  return (
    <div className="error" role="alert" data-testid={testId} ref={ref}>
      {error}
      {children}
    </div>
  );
}

/** Progress of a step (and each step the server streams), announced politely and kept in view. */
export function Progress({ text, testId }: { text: string | null; testId?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // At once, not smoothly: a check that ends within a smooth scroll's ~1 s would otherwise never be seen.
    if (text) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'auto' });
  }, [text]);
  return (
    <p className="progress" role="status" aria-live="polite" data-testid={testId} ref={ref} hidden={!text}>
      {text && <><progress /> {text}</>}
    </p>
  );
}

export function Note({ children }: { children: React.ReactNode }) {
  return <p className="note">{children}</p>;
}

/** Records a timing (ms) for the end-to-end tests to read: window.__siilabTimings[name]. */
export function recordTiming(name: string, ms: number): void {
  const w = window as unknown as { __siilabTimings?: Record<string, number[]> };
  (w.__siilabTimings ??= {})[name] ??= [];
  const list = w.__siilabTimings[name];
  list.push(ms);
  if (list.length > 500) list.shift();
}
