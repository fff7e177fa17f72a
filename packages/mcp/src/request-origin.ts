// The origin a client reached us on: the Host header it sent (a hosting server may rebuild request.url
// with its own listen name, e.g. localhost for 127.0.0.1), the scheme as the request or a proxy says.
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.replace(/:$/, "");
  return `${scheme}://${host}`;
}
