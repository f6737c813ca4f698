import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { SeismoError } from "@seismo/core";
import { type HostAllowlist, parseIp, refusalReason } from "../ip-guard/index.ts";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to all its addresses. Injectable so tests never touch real DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Pins are only a hand-over from the check to the connect, so a few thousand hosts is plenty. */
const MAX_PINS = 4096;

/**
 * SSRF guard. `check` resolves a host (every address, not just the first) and refuses it when
 * any address is loopback, private, link-local, CGNAT, multicast, unspecified, unique-local or
 * otherwise not public, unless the allowlist names the host or the address. The checked
 * addresses are pinned, and `lookup` (given to the undici Agent as `connect.lookup`) hands the
 * socket exactly those, so a DNS answer that changes between check and connect (rebinding)
 * cannot point the connection somewhere else. Whatever `lookup` returns is checked again.
 */
export class DnsGuard {
  private readonly pins = new Map<string, ResolvedAddress[]>();

  constructor(
    private readonly allowlist: HostAllowlist,
    private readonly resolver: Resolver = systemResolver,
  ) {}

  /** Throws SeismoError "forbidden" for a refused host, "fetch_failed" when DNS fails. */
  async check(url: URL): Promise<ResolvedAddress[]> {
    const hostname = bareHostname(url.hostname);
    const literal = parseIp(hostname);
    if (literal) {
      // An IP literal never goes through lookup, so this check is the only one; it is enough
      // because nothing can re-resolve it.
      const address = literal.toString();
      const reason = refusalReason(address, this.allowlist);
      if (reason) throw refused(url, `address ${reason}`);
      return [{ address, family: literal.kind() === "ipv6" ? 6 : 4 }];
    }
    const addresses = await this.resolve(hostname, url);
    this.assertAllowed(hostname, addresses, url);
    this.pin(hostname, addresses);
    return addresses;
  }

  /** net-compatible lookup for undici's `connect.lookup`: answers from the pins, checked again. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const host = bareHostname(hostname);
    const pinned = this.pins.get(host);
    const url = new URL(`http://${host.includes(":") ? `[${host}]` : host}/`);
    const answer = pinned
      ? Promise.resolve(pinned)
      : this.resolve(host, url).then((addresses) => {
          this.pin(host, addresses);
          return addresses;
        });
    answer
      .then((addresses) => {
        this.assertAllowed(host, addresses, url);
        const wanted = options.family === 4 || options.family === 6 ? options.family : null;
        const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
        const first = usable[0];
        if (!first) throw Object.assign(new Error(`no IPv${wanted} address for ${host}`), { code: "ENOTFOUND" });
        if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };

  private async resolve(hostname: string, url: URL): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolver(hostname);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "lookup error";
      throw new SeismoError("fetch_failed", `GET ${url.href}: DNS lookup of ${hostname} failed (${code})`, {
        cause: error,
        // NXDOMAIN may be a typo or an outage; let the queue's retry limit decide.
        retryable: true,
        details: { reason: "dns", code },
      });
    }
    if (addresses.length === 0) {
      throw new SeismoError("fetch_failed", `GET ${url.href}: ${hostname} has no addresses`, {
        retryable: true,
        details: { reason: "dns" },
      });
    }
    return addresses;
  }

  private assertAllowed(hostname: string, addresses: ResolvedAddress[], url: URL): void {
    if (this.allowlist.allowsHostname(hostname)) return;
    for (const { address } of addresses) {
      const reason = refusalReason(address, this.allowlist);
      if (reason) throw refused(url, `${hostname} resolves to ${reason}`);
    }
  }

  private pin(hostname: string, addresses: ResolvedAddress[]): void {
    this.pins.delete(hostname);
    this.pins.set(hostname, addresses);
    if (this.pins.size > MAX_PINS) {
      const oldest = this.pins.keys().next().value;
      if (oldest !== undefined) this.pins.delete(oldest);
    }
  }
}

function bareHostname(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

function refused(url: URL, reason: string): SeismoError {
  return new SeismoError("forbidden", `GET ${url.href} refused: ${reason} (not in allowHosts)`, {
    retryable: false,
    details: { reason: "address_refused", url: url.href },
  });
}
