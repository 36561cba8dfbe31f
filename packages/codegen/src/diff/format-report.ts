// The three ways `fluid-codegen diff` prints a report: text for a terminal, JSON for tools, Markdown for a PR.
import type { DefinitionDiff, DiffFinding, DiffReport } from './types.js';

/** Output formats of `fluid-codegen diff`. */
export type DiffFormat = 'text' | 'json' | 'markdown';

/**
 * The report as stable JSON: exactly `{ definitions: [{ name, change, breaking, findings: [{ side, pointer,
 * kind, verdict, message, counterexample? }] }] }`, keys in that order, one trailing newline.
 */
export function formatJson(report: DiffReport): string {
  const definitions = report.definitions.map((definition) => ({
    name: definition.name,
    change: definition.change,
    breaking: definition.breaking,
    findings: definition.findings.map((finding) => ({
      side: finding.side,
      pointer: finding.pointer,
      kind: finding.kind,
      verdict: finding.verdict,
      message: finding.message,
      ...(finding.counterexample === undefined ? {} : { counterexample: finding.counterexample }),
    })),
  }));
  return `${JSON.stringify({ definitions }, null, 2)}\n`;
}

interface Counts {
  readonly breaking: number;
  readonly unknown: number;
  readonly safe: number;
}

function counts(report: DiffReport): Counts {
  const findings = report.definitions.flatMap((definition) => definition.findings);
  const of = (verdict: DiffFinding['verdict']) =>
    findings.filter((finding) => finding.verdict === verdict).length;
  return { breaking: of('breaking'), unknown: of('unknown'), safe: of('safe') };
}

function summary(report: DiffReport): string {
  const by = (change: DefinitionDiff['change']) =>
    report.definitions.filter((definition) => definition.change === change).length;
  const total = counts(report);
  return `${by('changed')} changed, ${by('added')} added, ${by('removed')} removed, ${by('unchanged')} unchanged; ${total.breaking} breaking, ${total.unknown} unknown, ${total.safe} safe`;
}

/** One line per changed definition and per finding, counterexamples as compact JSON. */
export function formatText(report: DiffReport): string {
  const lines: string[] = [];
  for (const definition of report.definitions) {
    if (definition.change === 'unchanged') continue;
    const mark = definition.breaking ? ' (BREAKING)' : '';
    lines.push(`${definition.name}: ${definition.change}${mark}`);
    for (const finding of definition.findings) {
      lines.push(
        `  ${finding.verdict} ${finding.side} ${finding.pointer || '/'} ${finding.kind}: ${finding.message}`,
      );
      if (finding.counterexample !== undefined) {
        lines.push(`    counterexample: ${JSON.stringify(finding.counterexample)}`);
      }
    }
  }
  lines.push(`fluid-codegen diff: ${summary(report)}`);
  return `${lines.join('\n')}\n`;
}

/** Text for a table cell or code span: no pipes, newlines or backticks that would end it early. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ').replaceAll('`', "'");
}

/** Prose for a table cell: as {@link cell}, and no HTML. */
function prose(text: string): string {
  return cell(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A fence long enough that no run of backticks inside `text` closes it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

const ICON: Record<DiffFinding['verdict'], string> = { breaking: '🔴', unknown: '🟡', safe: '🟢' };

/** A pull-request comment: a summary, a table per changed definition, counterexamples in collapsed blocks. */
export function formatMarkdown(report: DiffReport): string {
  const total = counts(report);
  const out: string[] = [
    '## Callback definition changes',
    '',
    total.breaking > 0
      ? `**${total.breaking} breaking change(s)** for deployed services.`
      : 'No breaking change for deployed services.',
    '',
    summary(report),
    '',
  ];
  for (const definition of report.definitions) {
    if (definition.change === 'unchanged') continue;
    out.push(
      `### \`${cell(definition.name)}\`: ${definition.change}${definition.breaking ? ' (breaking)' : ''}`,
      '',
    );
    if (definition.findings.length === 0) continue;
    out.push('| verdict | side | pointer | kind | message |', '| --- | --- | --- | --- | --- |');
    for (const finding of definition.findings) {
      out.push(
        `| ${ICON[finding.verdict]} ${finding.verdict} | ${finding.side} | \`${cell(finding.pointer || '/')}\` | ${prose(finding.kind)} | ${prose(finding.message)} |`,
      );
    }
    out.push('');
    for (const finding of definition.findings) {
      if (finding.counterexample === undefined) continue;
      const json = JSON.stringify(finding.counterexample, null, 2);
      const marks = fence(json);
      out.push(
        '<details>',
        `<summary>Counterexample for ${finding.side} <code>${prose(finding.pointer || '/')}</code> (${prose(finding.kind)})</summary>`,
        '',
        `${marks}json`,
        json,
        marks,
        '',
        '</details>',
        '',
      );
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The report in the given format. */
export function formatReport(report: DiffReport, format: DiffFormat): string {
  if (format === 'json') return formatJson(report);
  if (format === 'markdown') return formatMarkdown(report);
  return formatText(report);
}
