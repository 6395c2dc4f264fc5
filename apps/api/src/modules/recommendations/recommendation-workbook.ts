import type { Recommendation } from "@survey/contract";
import { newWorkbook } from "../../platform/workbook";

const STATUS = { open: "待整改", in_progress: "整改中", done: "已完成" } as const;

const figureText = (value: number | null) => (value === null ? "" : Number(value.toFixed(2)));

/** 整改建议 as an Excel sheet: one row per recommendation with its basis, addressee, response and next year's figure. */
export async function recommendationWorkbook(items: readonly Recommendation[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet("整改建议");
  sheet.columns = [
    { header: "编号", key: "id", width: 6 },
    { header: "标题", key: "title", width: 28 },
    { header: "建议内容", key: "body", width: 48 },
    { header: "依据", key: "basis", width: 36 },
    { header: "责任单位", key: "addressee", width: 16 },
    { header: "截止日期", key: "due", width: 12 },
    { header: "状态", key: "status", width: 10 },
    { header: "是否逾期", key: "overdue", width: 10 },
    { header: "整改措施", key: "measures", width: 48 },
    { header: "依据指标", key: "figure", width: 28 },
    { header: "依据年份数值", key: "before", width: 14 },
    { header: "次年数值", key: "after", width: 12 },
    { header: "是否改善", key: "improved", width: 10 },
  ];
  for (const item of items) {
    const figure = item.figures[0];
    sheet.addRow({
      id: item.id,
      title: item.title,
      body: item.body,
      basis: item.basisLabel,
      addressee: item.addresseeName,
      due: item.dueDate,
      status: STATUS[item.status],
      overdue: item.overdue ? "逾期" : "",
      measures: item.measures,
      figure: figure ? `${figure.label}（${figure.unit}）` : "",
      before: figureText(figure?.before ?? null),
      after: figure?.after === null || !figure ? `${item.nextYear}年尚无数值` : figureText(figure.after),
      improved: figure?.improved === null || !figure ? "" : figure.improved ? "改善" : "未改善",
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const column of ["body", "measures"]) sheet.getColumn(column).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
