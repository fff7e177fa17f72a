// What kind of address an IP literal is. Decision table (first match wins):
//   cloud metadata (169.254.169.254, 100.100.100.200, fd00:ec2::254) → metadata
//   0.0.0.0/8, ::                → unspecified     127/8, ::1          → loopback
//   10/8, 172.16/12, 192.168/16, fc00::/7 → private   100.64/10       → shared (CGNAT)
//   169.254/16, fe80::/10        → link-local      224/4, ff00::/8     → multicast
//   240/4, 192.0.0/24, 192.88.99/24, 198.18/15, documentation ranges, 2001:db8::/32, 3fff::/20,
//   2001:2::/48, 5f00::/16 (SRv6), 100::/64 (discard), 2001::/32 (Teredo) → reserved
//   fec0::/10 (deprecated site-local) → private
// IPv6 forms that embed an IPv4 address (::ffff:a.b.c.d, ::ffff:0:a.b.c.d SIIT, ::a.b.c.d, 64:ff9b::/96,
// 2002::/16) are judged by it; local-use NAT64 64:ff9b:1::/48 by every RFC 6052 position it may use.
import { isIP } from "node:net";

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "metadata"
  | "unspecified"
  | "multicast"
  | "reserved";

export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 4) return classifyV4(parseV4(bare));
  if (family === 6) return classifyV6(parseV6(bare.split("%")[0]!));
  throw new Error(`not an IP address: ${JSON.stringify(address)}`);
}

function parseV4(address: string): number {
  return address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function inV4(ip: number, base: string, bits: number): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(ip / size) === Math.floor(parseV4(base) / size);
}

function classifyV4(ip: number): AddressClass {
  if (ip === parseV4("169.254.169.254") || ip === parseV4("100.100.100.200") || ip === parseV4("168.63.129.16")) return "metadata";
  if (inV4(ip, "0.0.0.0", 8)) return "unspecified";
  if (inV4(ip, "127.0.0.0", 8)) return "loopback";
  if (inV4(ip, "10.0.0.0", 8) || inV4(ip, "172.16.0.0", 12) || inV4(ip, "192.168.0.0", 16)) return "private";
  if (inV4(ip, "100.64.0.0", 10)) return "shared";
  if (inV4(ip, "169.254.0.0", 16)) return "link-local";
  if (inV4(ip, "224.0.0.0", 4)) return "multicast";
  if (
    inV4(ip, "240.0.0.0", 4) || inV4(ip, "192.0.0.0", 24) || inV4(ip, "192.0.2.0", 24) || inV4(ip, "192.88.99.0", 24) ||
    inV4(ip, "198.18.0.0", 15) || inV4(ip, "198.51.100.0", 24) || inV4(ip, "203.0.113.0", 24)
  ) return "reserved";
  return "public";
}

/** Eight 16-bit groups; `::` expanded and a trailing dotted IPv4 folded into the last two groups. */
function parseV6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - headParts.length - tailParts.length).fill("0");
  return [...headParts, ...fill, ...tailParts].map((group) => parseInt(group, 16));
}

function classifyV6(g: number[]): AddressClass {
  const embedded = (hi: number, lo: number) => classifyV4(hi * 65536 + lo);
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(5) && g[5] === 0xffff) return embedded(g[6]!, g[7]!); // IPv4-mapped
  if (zeroTo(4) && g[4] === 0xffff && g[5] === 0) return embedded(g[6]!, g[7]!); // IPv4-translated (SIIT, RFC 7915)
  if (zeroTo(8)) return "unspecified";
  if (zeroTo(7) && g[7] === 1) return "loopback";
  if (zeroTo(6)) return embedded(g[6]!, g[7]!); // IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return localNat64(g);
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return "metadata";
  if ((g[0]! & 0xfe00) === 0xfc00) return "private";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0]! & 0xffc0) === 0xfec0) return "private"; // site-local (RFC 3879 deprecated it; networks still route it)
  if ((g[0]! & 0xff00) === 0xff00) return "multicast";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "reserved";
  if (g[0] === 0x3fff && (g[1]! & 0xf000) === 0) return "reserved"; // 3fff::/20, documentation (RFC 9637)
  if (g[0] === 0x2001 && g[1] === 0x0002 && g[2] === 0) return "reserved"; // 2001:2::/48, benchmarking (RFC 5180)
  if (g[0] === 0x5f00) return "reserved"; // 5f00::/16, SRv6 SIDs (RFC 9602): never a host on the internet
  // Teredo hides an obfuscated client IPv4 that a relay will forward to; no SaaS endpoint lives there.
  if (g[0] === 0x2001 && g[1] === 0) return "reserved";
  if (g[0] === 0x100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return "reserved"; // 100::/64, discard-only (RFC 6666)
  return "public";
}

const severity: AddressClass[] = ["metadata", "loopback", "link-local", "private", "shared", "multicast", "reserved"];

/** Local-use NAT64 (RFC 8215): the operator picks the prefix length (/48 … /96), so the IPv4 address may sit
 *  at any RFC 6052 §2.2 position. Any reading that is not public decides (the worst first); a reading in
 *  0.0.0.0/8 is the other positions' zero padding (never forwarded, RFC 1122) unless all are. */
function localNat64(g: number[]): AddressClass {
  const b = g.flatMap((x) => [x >> 8, x & 0xff]);
  const v4 = (o: number[]) => classifyV4(o.reduce((acc, x) => acc * 256 + x, 0));
  const readings = [
    v4([b[12]!, b[13]!, b[14]!, b[15]!]), // /96
    v4([b[6]!, b[7]!, b[9]!, b[10]!]), // /48 (byte 8 is the reserved u octet)
    v4([b[7]!, b[9]!, b[10]!, b[11]!]), // /56
    v4([b[9]!, b[10]!, b[11]!, b[12]!]), // /64
  ];
  const worst = severity.find((c) => readings.includes(c));
  if (worst) return worst;
  return readings.includes("public") ? "public" : "unspecified";
}
