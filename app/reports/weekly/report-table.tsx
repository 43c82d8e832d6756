import { ScrollRegion } from "@/components/ui/scroll-region";
import { columnsFor, headerOf, type CellContext, type ReportColumn } from "@/lib/reports/columns";

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

/**
 * One of the weekly report's tables on the page, from the column spec every file format reads
 * (lib/reports/columns.ts): the same columns, headers, alignment and worded values as the PDF
 * and the Word file. `rowHeader`: the first cell names the row (a metric).
 */
export function ReportTable<Row>({ label, spec, rows, cells, rowKey, rowData, minWidth, nowrap = false, rowHeader = false }: {
  label: string;
  spec: readonly ReportColumn<Row>[];
  rows: readonly Row[];
  cells: CellContext;
  rowKey: (row: Row) => string;
  /** a data-* attribute per row, for tests and scripts: [name, value] */
  rowData?: (row: Row) => [string, string];
  minWidth: string;
  nowrap?: boolean;
  rowHeader?: boolean;
}) {
  const columns = columnsFor(spec, "document");
  return (
    <ScrollRegion label={label} className="rounded-lg border border-slate-200 bg-white">
      <table className={`w-full ${minWidth} ${nowrap ? "whitespace-nowrap" : ""} text-sm`}>
        <thead className="bg-slate-100 text-slate-700">
          <tr>{columns.map((column, i) => <th key={`${column.header}-${i}`} scope="col" className={`px-3 py-2 font-semibold ${ALIGN[column.align]}`}>{headerOf(column, "document", cells.w)}</th>)}</tr>
        </thead>
        <tbody className="tabular">
          {rows.map((row) => {
            const [dataName, dataValue] = rowData?.(row) ?? [];
            return (
              <tr key={rowKey(row)} className="border-t border-slate-100" {...(dataName ? { [dataName]: dataValue } : {})}>
                {columns.map((column, i) => {
                  const className = `px-3 py-2 ${ALIGN[column.align]} ${column.align === "right" ? "whitespace-nowrap" : ""} ${column.strong ? "font-semibold" : ""}`;
                  const text = column.text(row, cells);
                  return i === 0 && rowHeader
                    ? <th key={i} scope="row" className={`${className} min-w-44 font-normal`}>{text}</th>
                    : <td key={i} className={className}>{text}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
