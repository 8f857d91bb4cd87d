/** SheetSpecBuilder: the one way layouts place cells, so that no address is set twice or left invalid. */
import {
  A1Error,
  cellAddress,
  columnLetter,
  columnNumber,
  parseCellAddress,
  parseRangeAddress,
  rangeAddress,
} from "./a1";
import {
  DEFAULT_PRINT,
  type CellSpec,
  type CellStyle,
  type CellValueSpec,
  type ChartSpec,
  type DefinedNameSpec,
  type FreezeSpec,
  type PrintSpec,
  type SheetSpec,
  type TableSpec,
} from "./spec";
import { DEFAULT_COLUMN_WIDTH } from "./pagination";
import { assertValidSheetSpec } from "./validate";

export interface CellOptions {
  numberFormat?: string;
  style?: CellStyle;
}

/**
 * Builds a SheetSpec without address mistakes: cells are placed by address or (row, col), a cell can
 * be set only once, and `build()` validates everything.
 */
export class SheetSpecBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly widths: Record<string, number> = {};
  private readonly heights: Record<string, number> = {};
  private readonly merges: string[] = [];
  private readonly names: DefinedNameSpec[] = [];
  private printSpec: PrintSpec = { ...DEFAULT_PRINT };
  private freezeSpec: FreezeSpec | undefined;
  private tableSpec: TableSpec | undefined;
  private gridlines: boolean | undefined;
  private readonly chartSpecs: ChartSpec[] = [];

  constructor(private readonly name: string) {}

  /** Sets one cell; throws if the address already has a cell. Returns the address ("B5"). */
  set(address: string, value: CellValueSpec, options: CellOptions = {}): string {
    const { row, col } = parseCellAddress(address);
    return this.setAt(row, col, value, options);
  }

  setAt(row: number, col: number, value: CellValueSpec, options: CellOptions = {}): string {
    const address = cellAddress(row, col);
    if (this.cells.has(address)) throw new A1Error(`Cell ${address} is already set`);
    const cell: CellSpec = { address, value };
    if (options.numberFormat !== undefined) cell.numberFormat = options.numberFormat;
    if (options.style !== undefined) cell.style = { ...options.style };
    this.cells.set(address, cell);
    return address;
  }

  /** Sets consecutive cells of one row from `startColumn` ("A" or 1); `null` skips a column. */
  row(
    row: number,
    startColumn: string | number,
    values: readonly (CellValueSpec | null)[],
    options: CellOptions | readonly (CellOptions | undefined)[] = {}
  ): string[] {
    const start = typeof startColumn === "number" ? startColumn : columnNumber(startColumn);
    const out: string[] = [];
    values.forEach((v, i) => {
      if (v === null) return;
      const opt = Array.isArray(options)
        ? ((options as readonly (CellOptions | undefined)[])[i] ?? {})
        : (options as CellOptions);
      out.push(this.setAt(row, start + i, v, opt));
    });
    return out;
  }

  has(address: string): boolean {
    const { row, col } = parseCellAddress(address);
    return this.cells.has(cellAddress(row, col));
  }

  columnWidth(column: string | number, width: number): this {
    const letter =
      typeof column === "number" ? columnLetter(column) : columnLetter(columnNumber(column));
    this.widths[letter] = width;
    return this;
  }

  /** The width set for a column so far, or Excel's default. */
  widthOf(column: string | number): number {
    const letter =
      typeof column === "number" ? columnLetter(column) : columnLetter(columnNumber(column));
    return this.widths[letter] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The height set for a row so far, if any. */
  heightOf(row: number): number | undefined {
    return this.heights[String(row)];
  }

  rowHeight(row: number, height: number): this {
    this.heights[String(row)] = height;
    return this;
  }

  merge(range: string): this {
    this.merges.push(rangeAddress(parseRangeAddress(range)));
    return this;
  }

  /** A sheet-scoped defined name for a cell/range on this sheet (stored absolute: "$F$30"). */
  defineName(name: string, ref: string): this {
    this.names.push({ name, ref: rangeAddress(parseRangeAddress(ref), true), scope: "sheet" });
    return this;
  }

  print(print: Partial<PrintSpec>): this {
    this.printSpec = { ...this.printSpec, ...print };
    return this;
  }

  freeze(freeze: FreezeSpec): this {
    this.freezeSpec = { ...freeze };
    return this;
  }

  table(table: TableSpec): this {
    this.tableSpec = { ...table };
    return this;
  }

  showGridlines(show: boolean): this {
    this.gridlines = show;
    return this;
  }

  chart(chart: ChartSpec): this {
    this.chartSpecs.push({ ...chart, series: chart.series.map((s) => ({ ...s })) });
    return this;
  }

  build(): SheetSpec {
    const spec: SheetSpec = {
      name: this.name,
      cells: [...this.cells.values()].map((c) => ({ ...c })),
      columnWidths: { ...this.widths },
      names: this.names.map((n) => ({ ...n })),
      print: { ...this.printSpec },
    };
    if (Object.keys(this.heights).length) spec.rowHeights = { ...this.heights };
    if (this.merges.length) spec.mergedRanges = [...this.merges];
    if (this.freezeSpec) spec.freeze = { ...this.freezeSpec };
    if (this.tableSpec) spec.table = { ...this.tableSpec };
    if (this.gridlines !== undefined) spec.showGridlines = this.gridlines;
    if (this.chartSpecs.length)
      spec.charts = this.chartSpecs.map((c) => ({ ...c, series: c.series.map((s) => ({ ...s })) }));
    assertValidSheetSpec(spec);
    return spec;
  }
}
