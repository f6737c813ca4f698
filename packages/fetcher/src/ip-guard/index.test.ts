import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAddress, HostAllowlist, refusalReason } from "./index.ts";

const octet = fc.integer({ min: 0, max: 255 });
const dotted = (o: number[]) => o.join(".");
const toInt = (o: number[]) => o.reduce((n, b) => n * 256 + b, 0);

/** Addresses inside a v4 network, e.g. inNet([10], 8). */
function inNet(prefix: number[], bits: number) {
  return fc.tuple(octet, octet, octet, octet).map((random) => {
    const base = toInt([...prefix, 0, 0, 0, 0].slice(0, 4));
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    const value = ((base & mask) | (toInt(random) & ~mask)) >>> 0;
    return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
  });
}

const REFUSED_V4: Array<[number[], number]> = [
  [[10], 8],
  [[172, 16], 12],
  [[192, 168], 16],
  [[127], 8],
  [[169, 254], 16],
  [[100, 64], 10],
  [[0], 8],
  [[224], 4],
];

describe("classifyAddress", () => {
  it("refuses every address in loopback, private, link-local, CGNAT, unspecified and multicast", () => {
    for (const [prefix, bits] of REFUSED_V4) {
      fc.assert(
        fc.property(inNet(prefix, bits), (o) => {
          expect(classifyAddress(dotted(o))?.public).toBe(false);
        }),
      );
    }
  });

  it("classifies decimal, hex, octal and short spellings like the dotted quad", () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (o) => {
        const expected = classifyAddress(dotted(o));
        const spellings = [
          String(toInt(o)),
          `0x${toInt(o).toString(16)}`,
          o.map((b) => `0${b.toString(8)}`).join("."),
          o.map((b) => `0x${b.toString(16)}`).join("."),
          `${o[0]}.${((o[1] ?? 0) << 16) + ((o[2] ?? 0) << 8) + (o[3] ?? 0)}`,
        ];
        for (const spelling of spellings) expect(classifyAddress(spelling)).toEqual(expected);
      }),
    );
  });

  it("judges IPv4-mapped IPv6 by its IPv4 address", () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (o) => {
        const v4 = classifyAddress(dotted(o));
        const mapped = classifyAddress(`[::ffff:${dotted(o)}]`);
        expect(mapped?.public).toBe(v4?.public);
        expect(mapped?.range).toBe(v4?.range);
      }),
    );
  });

  it("refuses IPv6 loopback, unique-local fc00::/7 and link-local fe80::/10", () => {
    const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.integer({ min: 0xfc00, max: 0xfdff }), hex, hex, (head, a, b) => {
        expect(classifyAddress(`${head.toString(16)}:${a}::${b}`)?.public).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0xfe80, max: 0xfebf }), hex, (head, a) => {
        expect(classifyAddress(`${head.toString(16)}::${a}`)?.range).toBe("linkLocal");
      }),
    );
    expect(classifyAddress("::1")?.range).toBe("loopback");
    expect(classifyAddress("::")?.range).toBe("unspecified");
    expect(classifyAddress("fe80::1%eth0")?.range).toBe("linkLocal");
  });

  it("accepts ordinary public addresses", () => {
    for (const address of ["8.8.8.8", "93.184.216.34", "2606:4700::6810:85e5", "[2a00:1450:4001::200e]"]) {
      expect(classifyAddress(address)?.public).toBe(true);
    }
  });

  it("returns a verdict or null for any string, never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.ipV4(), fc.ipV4Extended(), fc.ipV6()), (input) => {
        const verdict = classifyAddress(input);
        expect(verdict === null || typeof verdict.public === "boolean").toBe(true);
      }),
    );
  });

  it("parses every IP fast-check can spell, in every notation", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6()), (ip) => {
        expect(classifyAddress(ip)).not.toBeNull();
      }),
    );
  });
});

describe("HostAllowlist", () => {
  it("lets an address inside a listed CIDR through and names refused ones", () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 32 }), (o, bits) => {
        const list = new HostAllowlist([`${dotted(o)}/${bits}`]);
        expect(list.allowsAddress(dotted(o))).toBe(true);
        expect(refusalReason(dotted(o), list)).toBeNull();
      }),
    );
    const list = new HostAllowlist(["127.0.0.1", "::1", "Wire.Example."]);
    expect(list.allowsAddress("::ffff:127.0.0.1")).toBe(true);
    expect(list.allowsAddress("127.0.0.2")).toBe(false);
    expect(list.allowsHostname("wire.example")).toBe(true);
    expect(refusalReason("127.0.0.2", list)).toBe("127.0.0.2, a loopback address");
  });
});
