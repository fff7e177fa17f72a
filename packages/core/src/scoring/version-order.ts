// Methodology versions in order: numeric dotted versions compared part by part.

/** Numeric dotted versions; one that is not (e.g. "dev") counts as older than every release, so gets every upgrade. */
export function versionBefore(version: string, than: string): boolean {
  const a = numericVersion(version);
  const b = numericVersion(than)!;
  if (a === undefined) return true;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

function numericVersion(version: string): number[] | undefined {
  return /^\d+(\.\d+)*$/.test(version) ? version.split(".").map(Number) : undefined;
}
