import ipaddr from "ipaddr.js";

export type IpRange = ReturnType<ipaddr.IPv4["range"]> | ReturnType<ipaddr.IPv6["range"]> | "notGlobalUnicast";

export interface AddressVerdict {
  /** The address in canonical form (IPv4 dotted quad, IPv6 RFC 5952). */
  address: string;
  /** ipaddr.js range name of the address (for IPv4-mapped IPv6: of the embedded IPv4). */
  range: string;
  /** True only for ordinary public unicast addresses. */
  public: boolean;
}

const RANGE_NAMES: Record<string, string> = {
  unspecified: "unspecified address",
  broadcast: "broadcast address",
  multicast: "multicast address",
  linkLocal: "link-local address",
  loopback: "loopback address",
  carrierGradeNat: "carrier-grade NAT address",
  private: "private address",
  uniqueLocal: "unique-local address",
  reserved: "reserved address",
  notGlobalUnicast: "address outside global unicast space",
};

/** A readable reason for a refused range ("private address"). */
export function describeRange(range: string): string {
  return RANGE_NAMES[range] ?? `${range} address`;
}

/** IPv6 global unicast is 2000::/3; everything else (IPv4-compatible ::/96, NAT64, …) is refused. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/**
 * Parses an IP address written any way a URL host or a resolver may spell it: dotted quad,
 * decimal (2130706433), octal (0177.0.0.1), hex (0x7f.1), short forms (127.1), bracketed IPv6
 * and IPv6 zone ids. WHATWG URL's host parser does the IPv4 normalisation, so we accept exactly
 * what a URL would connect to. Returns null for anything that is not an IP address.
 */
export function parseIp(input: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let host = input.trim();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host.includes(":")) {
    const withoutZone = host.split("%")[0] ?? host;
    return ipaddr.IPv6.isValid(withoutZone) ? ipaddr.IPv6.parse(withoutZone) : null;
  }
  if (host === "" || /[^0-9a-fA-Fx.]/.test(host)) return null;
  let normalised: string;
  try {
    normalised = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  return ipaddr.IPv4.isValidFourPartDecimal(normalised) ? ipaddr.IPv4.parse(normalised) : null;
}

/** Classifies one IP address; null when the input is not an IP address. Never throws. */
export function classifyAddress(input: string): AddressVerdict | null {
  const parsed = parseIp(input);
  if (!parsed) return null;
  return classifyParsed(parsed);
}

function classifyParsed(ip: ipaddr.IPv4 | ipaddr.IPv6): AddressVerdict {
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    const address = v6.toRFC5952String();
    // ::ffff:10.0.0.1 reaches 10.0.0.1, so judge the embedded address.
    if (v6.isIPv4MappedAddress()) {
      const inner = classifyParsed(v6.toIPv4Address());
      return { ...inner, address };
    }
    const range = v6.range();
    if (range !== "unicast") return { address, range, public: false };
    if (!v6.match(GLOBAL_UNICAST_V6)) return { address, range: "notGlobalUnicast", public: false };
    return { address, range, public: true };
  }
  const v4 = ip as ipaddr.IPv4;
  const range = v4.range();
  return { address: v4.toString(), range, public: range === "unicast" };
}

/** An allowlist of hostnames, IP addresses and CIDR ranges (["127.0.0.1", "::1", "10.0.0.0/8", "intranet.example"]). */
export class HostAllowlist {
  private readonly hostnames = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      if (entry.includes("/") && ipaddr.isValidCIDR(entry)) {
        this.ranges.push(normaliseCidr(ipaddr.parseCIDR(entry)));
        continue;
      }
      const ip = parseIp(entry);
      if (ip) this.ranges.push(normaliseCidr([ip, ip.kind() === "ipv4" ? 32 : 128]));
      else this.hostnames.add(entry.replace(/\.$/, ""));
    }
  }

  /** Whether the hostname itself is listed (then its addresses are not checked). */
  allowsHostname(hostname: string): boolean {
    return this.hostnames.has(
      hostname
        .toLowerCase()
        .replace(/^\[|\]$/g, "")
        .replace(/\.$/, ""),
    );
  }

  /** Whether an address falls inside a listed IP or CIDR (IPv4-mapped IPv6 counts as its IPv4). */
  allowsAddress(address: string): boolean {
    const parsed = parseIp(address);
    if (!parsed) return false;
    const ip = unmap(parsed);
    return this.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
  }
}

function unmap(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
}

function normaliseCidr([ip, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const plain = unmap(ip);
  return plain === ip ? [ip, bits] : [plain, Math.max(0, bits - 96)];
}

/**
 * Why an address may not be contacted ("10.0.0.5, a private address"), or null when it may.
 * Allowlisted addresses pass whatever their range.
 */
export function refusalReason(address: string, allowlist: HostAllowlist): string | null {
  const verdict = classifyAddress(address);
  if (!verdict) return `${address}, not an IP address`;
  if (verdict.public || allowlist.allowsAddress(verdict.address)) return null;
  return `${verdict.address}, a ${describeRange(verdict.range)}`;
}
