/** The district's annual report (调查报告) as a Word document: sections 1–10 of issue 20. */
import { Packer } from "docx";
import type { ReportData } from "../report-data";
import { appendixSection, objectiveSection, policySection, prioritySection, voicesSection } from "./district-findings";
import { districtSection, itemsSection, methodSection, summarySection, townsSection } from "./district-results";
import { pageBreak, reportDocument, tableOfContents, titlePage } from "./docx-kit";
import { dateText } from "./format";
import { ReportContext } from "./report-context";

export function districtReportTitle(data: ReportData): string {
  return `${data.wave.title}报告`;
}

export async function districtReportDocx(data: ReportData): Promise<Buffer> {
  const context = new ReportContext(data);
  const title = districtReportTitle(data);
  const document = reportDocument(title, [
    ...titlePage(title, `${data.wave.year}年度 · 社会建设办公室`, dateText(data.generatedAt)),
    pageBreak(),
    ...tableOfContents(),
    pageBreak(),
    ...summarySection(context),
    ...methodSection(context),
    ...districtSection(context),
    ...townsSection(context),
    ...itemsSection(context),
    ...objectiveSection(context),
    ...prioritySection(context),
    ...policySection(context),
    ...voicesSection(context),
    ...appendixSection(context),
  ]);
  return Packer.toBuffer(document);
}
