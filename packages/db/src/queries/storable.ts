// PostgreSQL stores neither U+0000 (text and jsonb) nor lone UTF-16 surrogates (jsonb). A target that sends
// them must not make its own run unstorable — the job would fail every retry and the run would be lost — so
// they become U+FFFD on the way in. Objects are copied only where a string had to change.
const unstorable = /[\u0000\ud800-\udfff]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function storableText(text: string): string {
  if (!unstorable.test(text)) return text;
  return text.replace(loneSurrogate, "\ufffd").replace(/\u0000/g, "\ufffd");
}

/** A deep copy-on-write of `value` with every string (keys included) made storable. */
export function storable<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(value: unknown, depth: number): unknown {
  if (typeof value === "string") return storableText(value);
  if (typeof value !== "object" || value === null || depth > 256) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = walk(item, depth + 1);
      if (next !== item) (out ??= [...value])[i] = next;
    });
    return out ?? value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const safeKey = storableText(key);
    const next = walk(item, depth + 1);
    if (next !== item || safeKey !== key) {
      out ??= { ...(value as Record<string, unknown>) };
      if (safeKey !== key) delete out[key];
      out[safeKey] = next;
    }
  }
  return out ?? value;
}
