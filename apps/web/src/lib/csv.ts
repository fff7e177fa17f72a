// CSV as RFC 4180 describes it, with a UTF-8 byte-order mark so spreadsheet software reads Japanese names.
// A text cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.

export type Cell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
