import { describe, expect, it } from "vitest";
import { classifyAddress } from "./address-class";
import { decideAddress, isLoopbackHost } from "./address-policy";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "shared"],
    ["169.254.169.254", "metadata"],
    ["169.254.1.1", "link-local"],
    ["100.100.100.200", "metadata"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["64:ff9b::a00:1", "private"],
    ["2002:a9fe:a9fe::1", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["fd12:3456::1", "private"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["2606:4700::1111", "public"],
    // Local-use NAT64 (RFC 8215): the embedded IPv4 decides, wherever the operator's prefix length puts it.
    ["64:ff9b:1::a9fe:a9fe", "metadata"],
    ["64:ff9b:1::7f00:1", "loopback"],
    ["64:ff9b:1::10.0.0.1", "private"],
    ["64:ff9b:1:a9fe:a9:fe00::", "metadata"], // /48 form: 169.254 | u | 169.254
    ["64:ff9b:1:0:7f:0:100:0", "loopback"], // /64 form: u | 127.0.0.1
    ["64:ff9b:1:a:0:1::", "private"], // /56 form: 10 | u | 0.0.1
    ["64:ff9b:1::808:808", "public"],
    ["64:ff9b:1::", "unspecified"],
    // SIIT IPv4-translated addresses (::ffff:0:0/96).
    ["::ffff:0:a9fe:a9fe", "metadata"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::ffff:0:192.168.1.1", "private"],
    ["::ffff:0:8.8.8.8", "public"],
    // Deprecated site-local, and the discard-only prefix.
    ["fec0::1", "private"],
    ["feff:ffff::1", "private"],
    ["100::1", "reserved"],
    ["100::ffff:ffff:ffff:ffff", "reserved"],
    ["100:0:0:1::1", "public"],
    // Teredo (its client address is the last 32 bits, inverted: here 127.0.0.1), documentation, benchmarking, SRv6.
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "reserved"],
    ["2001::1", "reserved"],
    ["2001:1::1", "public"],
    ["3fff::1", "reserved"],
    ["3fff:fff:ffff::1", "reserved"],
    ["3ff0::1", "public"],
    ["3fff:1000::1", "public"],
    ["4000::1", "public"],
    ["2001:2::1", "reserved"],
    ["2001:2:1::1", "public"],
    ["5f00::1", "reserved"],
    ["192.88.99.1", "reserved"],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it("refuses what is not an address", () => {
    expect(() => classifyAddress("example.com")).toThrow(/not an IP address/);
  });
});

describe("address policy", () => {
  const strict = { allowPrivate: false };
  it("allows public addresses and refuses every private kind by default", () => {
    expect(decideAddress(strict, "example.com", "93.184.216.34").ok).toBe(true);
    for (const address of ["127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "0.0.0.0"]) expect(decideAddress(strict, "h", address).ok).toBe(false);
  });
  it("allowPrivate opens private ranges but never metadata or unspecified addresses", () => {
    const loose = { allowPrivate: true };
    expect(decideAddress(loose, "h", "10.0.0.1").ok).toBe(true);
    expect(decideAddress(loose, "h", "127.0.0.1").ok).toBe(true);
    expect(decideAddress(loose, "h", "169.254.169.254").ok).toBe(false);
    expect(decideAddress(loose, "h", "0.0.0.0").ok).toBe(false);
  });
  it("an allow-listed host may resolve anywhere; its name is compared, not its address", () => {
    const policy = { allowPrivate: false, allowHosts: ["LocalHost", "[::1]"] };
    expect(decideAddress(policy, "localhost", "127.0.0.1").ok).toBe(true);
    expect(decideAddress(policy, "::1", "::1").ok).toBe(true);
    expect(decideAddress(policy, "127.0.0.1", "127.0.0.1").ok).toBe(false);
  });
  it("knows loopback host names", () => {
    expect(["localhost", "app.localhost", "127.0.0.2", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["example.com", "10.0.0.1"].some(isLoopbackHost)).toBe(false);
  });
});
