/*
 * Getting a generated .xlsx to the user from the task pane. Office lets an add-in open a workbook it
 * made as a new, unsaved workbook (Excel.createWorkbook, ExcelApi 1.8: Excel on Windows, on the Mac and
 * on the web), which the user saves and sends like any other; task panes cannot reliably start a file
 * download on every platform (the Mac's WebKit view ignores them). So in Excel the partner copy opens
 * as a new workbook, and only where ExcelApi 1.8 is missing, or outside Excel, is it downloaded.
 */

/** How the workbook reached the user. */
export type Delivery = "new-workbook" | "download";

export interface DeliveryTarget {
  /** Opens the workbook in Excel as a new workbook, when this Excel can. */
  openInExcel?: (base64: string) => Promise<void>;
  /** Saves the workbook through the browser's download. */
  download: (bytes: Uint8Array, fileName: string) => void;
}

/** Base64 of the bytes, in chunks so a large workbook does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Starts a browser download of the bytes as `fileName`. */
export function downloadInBrowser(
  bytes: Uint8Array,
  fileName: string,
  mimeType: string = XLSX_MIME_TYPE
): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The target in this page: Excel's new workbook when ExcelApi 1.8 is there, else a download. */
export function deliveryTargetHere(inExcel: boolean): DeliveryTarget {
  const canCreate =
    inExcel &&
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", "1.8") === true;
  return {
    ...(canCreate ? { openInExcel: (base64: string) => Excel.createWorkbook(base64) } : {}),
    download: downloadInBrowser,
  };
}

export async function deliverWorkbook(
  bytes: Uint8Array,
  fileName: string,
  target: DeliveryTarget
): Promise<Delivery> {
  if (target.openInExcel) {
    await target.openInExcel(toBase64(bytes));
    return "new-workbook";
  }
  target.download(bytes, fileName);
  return "download";
}
