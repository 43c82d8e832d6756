import { ScrollRegion } from "@/components/ui/scroll-region";
import { columnsFor, headerOf, type CellContext, type ReportColumn } from "@/lib/reports/columns";

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

/**
 * One of the weekly report's tables on the page, from the column spec every file format reads
 * (lib/reports/columns.ts): the same columns, headers, alignment and worded values as the PDF
 * and the Word file. `rowHeader`: the first cell names the row (a metric). On a phone, a spec
 * that marks its columns (`phone`) shows only those, the others' values listed under the host
 * column's, as the rankings page does, so nothing scrolls sideways; `minWidth` then applies
 * from 768 px only.
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
  const compact = columns.some((column) => column.phone);
  const hidden = (column: ReportColumn<Row>) => compact && !column.phone;
  const headers = columns.map((column) => headerOf(column, "document", cells.w));
  return (
    <ScrollRegion label={label} className="rounded-lg border border-slate-200 bg-white">
      <table className={`w-full ${minWidth} ${nowrap ? "md:whitespace-nowrap" : ""} text-sm`} data-compact={compact ? "true" : undefined}>
        <thead className="bg-slate-100 text-slate-700">
          <tr>{columns.map((column, i) => <th key={`${column.header}-${i}`} scope="col" className={`px-2 py-2 font-semibold sm:px-3 ${ALIGN[column.align]} ${hidden(column) ? "hidden md:table-cell" : ""}`}>{headers[i]}</th>)}</tr>
        </thead>
        <tbody className="tabular">
          {rows.map((row) => {
            const [dataName, dataValue] = rowData?.(row) ?? [];
            const texts = columns.map((column) => column.text(row, cells));
            const details = columns.flatMap((column, i) => (hidden(column) ? [`${headers[i]}: ${texts[i]}`] : [])).join(" · ");
            return (
              <tr key={rowKey(row)} className="border-t border-slate-100" {...(dataName ? { [dataName]: dataValue } : {})}>
                {columns.map((column, i) => {
                  const className = `px-2 py-2 sm:px-3 ${ALIGN[column.align]} ${column.align === "right" ? "whitespace-nowrap" : ""} ${column.strong ? "font-semibold" : ""} ${hidden(column) ? "hidden md:table-cell" : ""}`;
                  const content = column.phone === "host" && details
                    ? <><span data-value>{texts[i]}</span><span className="block whitespace-normal text-xs font-normal text-slate-500 md:hidden" data-testid="phone-details">{details}</span></>
                    : texts[i];
                  return i === 0 && rowHeader
                    ? <th key={i} scope="row" className={`${className} font-normal md:min-w-44`}>{content}</th>
                    : <td key={i} className={className}>{content}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
