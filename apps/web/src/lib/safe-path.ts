/** Only a path on this site: never another origin (an open redirect would let links borrow our name). */
export function safeLocalPath(value: string | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\") || /[\r\n\t]/.test(value)) return "/";
  return value;
}
