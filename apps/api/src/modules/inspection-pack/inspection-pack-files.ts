/**
 * The pack as a PDF (to print or send) and as an XLSX workbook with one sheet per section. Both link
 * every row to its record in Waymark and mark what is overdue.
 */
import { dateInWords, maybeDateInWords, registrationCodeLabels } from '@waymark/domain';
import ExcelJS from 'exceljs';
import { renderPdf } from '../../lib/pdf.ts';
import { setXlsxCell } from '../exports/tables.ts';
import type { InspectionPack } from './inspection-pack.ts';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const percent = (value: number | null) => (value === null ? 'No marks' : `${value}%`);
const dated = (value: string | null | undefined) => maybeDateInWords(value, 'None');
const overdue = (text: string, isOverdue: boolean) => (isOverdue ? `${text} OVERDUE` : text);

export function packTitle(pack: InspectionPack) {
  return `Pupils educated off-site: ${pack.school.name}, ${dateInWords(pack.date)}`;
}

export async function inspectionPackPdf(pack: InspectionPack, publicUrl: string) {
  const url = (path: string) => publicUrl + path;
  return renderPdf({ title: packTitle(pack), runningHeader: `${packTitle(pack)} · Waymark` }, (pdf) => {
    pdf.heading(packTitle(pack));
    pdf.paragraph(
      `Every pupil of ${pack.school.name} in alternative provision on ${dateInWords(pack.date)}, with the school's oversight of each placement. Attendance this term is from ${maybeDateInWords(pack.termFrom)}, this year from ${maybeDateInWords(pack.yearFrom)}. Safeguarding concerns are counted, never described. Items marked OVERDUE are past their date.`,
    );

    pdf.subheading(`1. Pupils in alternative provision (${pack.pupils.length})`);
    pdf.table(
      ['Pupil', 'Provider', 'Days', 'Hours', 'Start', 'Reg.', 'EHCP', 'LAC'],
      pack.pupils.map((p) => [
        `${p.pupilName} (Y${p.yearGroup})`,
        p.providerName,
        p.days.join(', '),
        String(p.hoursPerWeek),
        dated(p.startsOn),
        p.registration,
        yesNo(p.ehcp),
        yesNo(p.lookedAfter),
      ]),
      pack.pupils.map((p) => url(p.link)),
    );
    for (const p of pack.pupils) {
      pdf.paragraph(`${p.pupilName}: ${p.type}`, { bold: true });
      pdf.field('Reason', p.reason);
      if (p.objectives.length) pdf.list(p.objectives.map((o) => `Objective: ${o}`));
    }

    pdf.subheading(`2. Providers (${pack.providers.length})`);
    pdf.table(
      ['Provider', 'Status', 'Approved', 'Last audit', 'Letter', 'Insurance to', 'Last QA', 'Open actions'],
      pack.providers.map((p) => [
        p.name,
        p.status,
        dated(p.approvedOn),
        p.lastAudit ? `${dateInWords(p.lastAudit.on)} ${p.lastAudit.outcome}` : 'None',
        overdue(dated(p.letterOn), p.letterOverdue),
        overdue(dated(p.insuranceExpiresOn), p.insuranceOverdue),
        overdue(
          p.lastQaVisit ? `${dateInWords(p.lastQaVisit.on)} ${p.lastQaVisit.overall ?? ''}`.trim() : 'None',
          p.qaOverdue,
        ),
        overdue(String(p.openActions), p.actionsOverdue),
      ]),
      pack.providers.map((p) => url(p.link)),
    );

    pdf.subheading('3. Oversight of each placement');
    pdf.table(
      [
        'Pupil at provider',
        'Attendance term',
        'Year',
        'Last review',
        'Next review',
        'Open concerns',
        'Last voice',
      ],
      pack.placements.map((p) => [
        `${p.pupilName} at ${p.providerName}`,
        percent(p.attendanceTerm),
        percent(p.attendanceYear),
        dated(p.lastReviewOn),
        overdue(dated(p.nextReviewOn), p.reviewOverdue),
        String(p.openSafeguardingConcerns),
        dated(p.lastPupilVoiceOn),
      ]),
      pack.placements.map((p) => url(p.link)),
    );

    pdf.subheading(`4. Overdue (${pack.overdue.length})`);
    if (!pack.overdue.length) pdf.paragraph('Nothing is overdue.');
    else
      pdf.table(
        ['What', 'Was due'],
        pack.overdue.map((o) => [o.title, dateInWords(o.dueOn)]),
        pack.overdue.map((o) => url(o.link)),
      );
  });
}

type Cell = string | number | null;
interface SheetColumn<T> {
  header: string;
  width: number;
  value: (row: T) => Cell;
  /** Shade the cell when this says the item is overdue. */
  overdue?: (row: T) => boolean;
}

function addSheet<T extends { link: string }>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: SheetColumn<T>[],
  rows: T[],
  publicUrl: string,
) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    ...columns.map((c) => ({ header: c.header, width: c.width })),
    { header: 'Record in Waymark', width: 22 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const added = sheet.addRow([]);
    for (const [i, c] of columns.entries()) setXlsxCell(added.getCell(i + 1), c.value(row));
    columns.forEach((c, i) => {
      if (!c.overdue?.(row)) return;
      const cell = added.getCell(i + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4C7C3' } };
      cell.note = 'Overdue';
    });
    const linkCell = added.getCell(columns.length + 1);
    linkCell.value = { text: 'Open', hyperlink: publicUrl + row.link };
    linkCell.font = { color: { argb: 'FF1A4F8B' }, underline: true };
  }
}

export async function inspectionPackXlsx(pack: InspectionPack, publicUrl: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Waymark';
  workbook.title = packTitle(pack);
  addSheet(
    workbook,
    'Pupils in AP',
    [
      { header: 'Pupil', width: 24, value: (p) => p.pupilName },
      { header: 'UPN', width: 16, value: (p) => p.upn },
      { header: 'Year', width: 6, value: (p) => p.yearGroup },
      { header: 'Provider', width: 24, value: (p) => p.providerName },
      { header: 'Placement type', width: 30, value: (p) => p.type },
      { header: 'Days', width: 20, value: (p) => p.days.join(', ') },
      { header: 'Hours a week', width: 12, value: (p) => p.hoursPerWeek },
      { header: 'Start date', width: 12, value: (p) => p.startsOn },
      { header: 'Registration', width: 12, value: (p) => registrationCodeLabels[p.registration] },
      { header: 'EHCP', width: 7, value: (p) => yesNo(p.ehcp) },
      { header: 'Looked after', width: 12, value: (p) => yesNo(p.lookedAfter) },
      { header: 'Reason', width: 40, value: (p) => p.reason },
      { header: 'Plan objectives', width: 50, value: (p) => p.objectives.join('\n') },
    ],
    pack.pupils,
    publicUrl,
  );
  addSheet(
    workbook,
    'Providers',
    [
      { header: 'Provider', width: 26, value: (p) => p.name },
      { header: 'Approval status', width: 16, value: (p) => p.status },
      { header: 'Approved on', width: 12, value: (p) => p.approvedOn },
      { header: 'Last audit', width: 12, value: (p) => p.lastAudit?.on ?? null },
      { header: 'Audit outcome', width: 18, value: (p) => p.lastAudit?.outcome ?? null },
      { header: 'Assurance letter', width: 14, value: (p) => p.letterOn, overdue: (p) => p.letterOverdue },
      {
        header: 'Insurance expires',
        width: 14,
        value: (p) => p.insuranceExpiresOn,
        overdue: (p) => p.insuranceOverdue,
      },
      {
        header: 'Last QA visit',
        width: 12,
        value: (p) => p.lastQaVisit?.on ?? null,
        overdue: (p) => p.qaOverdue,
      },
      { header: 'QA judgement', width: 12, value: (p) => p.lastQaVisit?.overall ?? null },
      { header: 'Open actions', width: 12, value: (p) => p.openActions, overdue: (p) => p.actionsOverdue },
    ],
    pack.providers,
    publicUrl,
  );
  addSheet(
    workbook,
    'Placements',
    [
      { header: 'Pupil', width: 24, value: (p) => p.pupilName },
      { header: 'Provider', width: 24, value: (p) => p.providerName },
      { header: 'Attendance this term %', width: 14, value: (p) => p.attendanceTerm },
      { header: 'Attendance this year %', width: 14, value: (p) => p.attendanceYear },
      { header: 'Last review', width: 12, value: (p) => p.lastReviewOn },
      { header: 'Next review', width: 12, value: (p) => p.nextReviewOn, overdue: (p) => p.reviewOverdue },
      { header: 'Open safeguarding concerns', width: 14, value: (p) => p.openSafeguardingConcerns },
      { header: 'Last pupil voice', width: 14, value: (p) => p.lastPupilVoiceOn },
    ],
    pack.placements,
    publicUrl,
  );
  addSheet(
    workbook,
    'Overdue',
    [
      { header: 'What', width: 70, value: (o) => o.title, overdue: () => true },
      { header: 'Was due', width: 12, value: (o) => o.dueOn },
    ],
    pack.overdue,
    publicUrl,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
