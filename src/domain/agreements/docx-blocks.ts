import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** Small builders for the agreement document, so its sections read like the template. */

export function title(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.TITLE });
}

export function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
}

/** A paragraph; an empty text says so rather than leaving a gap in a signed document. */
export function para(text: string, empty = 'Not given.'): Paragraph {
  const value = text.trim();
  return new Paragraph({
    spacing: { after: 120 },
    children: [new TextRun(value.length > 0 ? value : empty)],
  });
}

export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ text, bullet: { level: 0 } });
}

/** A full-width table with a shaded header row that repeats on each page (none if no headers). */
export function table(headers: readonly string[] | null, rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } : undefined,
      children: text
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...(headers ? [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) })] : []),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}
