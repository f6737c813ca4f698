import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./index.ts";

describe("parseConfig", () => {
  it("uses the embedded defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe("./data");
    expect(config.queuePrefix).toBe("{seismo}");
    expect(config.port).toBe(3000);
    expect(config.role).toBe("all");
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).port).toBe(3000);
  });

  it("lists every bad variable in one error", () => {
    expect(() => parseConfig({ PORT: "abc", SEISMO_ROLE: "boss" })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: "abc", SEISMO_ROLE: "boss" });
    } catch (error) {
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/SEISMO_ROLE/);
    }
  });

  it("refuses a queue prefix with two hash tags, which would split keys across cluster slots", () => {
    expect(() => parseConfig({ SEISMO_QUEUE_PREFIX: "{a}{b}" })).toThrow(/SEISMO_QUEUE_PREFIX/);
  });

  it("keeps raw HTML 30 days by default, none with 0, and refuses a negative period", () => {
    expect(parseConfig({}).retainRawHtmlDays).toBe(30);
    expect(parseConfig({ SEISMO_RETAIN_RAW_HTML_DAYS: "0" }).retainRawHtmlDays).toBe(0);
    expect(() => parseConfig({ SEISMO_RETAIN_RAW_HTML_DAYS: "-1" })).toThrow(/SEISMO_RETAIN_RAW_HTML_DAYS/);
  });

  it("takes an SMTP URL for e-mail alerts and refuses anything else", () => {
    expect(parseConfig({}).email).toEqual({ smtpUrl: undefined, from: "Seismo alerts <seismo@localhost>" });
    expect(parseConfig({ SEISMO_SMTP_URL: "smtp://127.0.0.1:2525" }).email.smtpUrl).toBe("smtp://127.0.0.1:2525");
    expect(() => parseConfig({ SEISMO_SMTP_URL: "http://mail.example" })).toThrow(/SEISMO_SMTP_URL/);
  });

  it("parses booleans written the usual ways", () => {
    expect(parseConfig({ SEISMO_OFFLINE: "yes" }).offline).toBe(true);
    expect(parseConfig({ SEISMO_SAMPLE_SOURCE: "0" }).sampleSource).toBe(false);
  });
});
