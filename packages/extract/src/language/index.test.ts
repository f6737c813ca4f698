import { describe, expect, it } from "vitest";
import { detectLanguage, primaryLanguage } from "./index.ts";

describe("primaryLanguage", () => {
  it("reduces locales and BCP 47 tags to the primary subtag", () => {
    expect(primaryLanguage("en-US")).toBe("en");
    expect(primaryLanguage("sr_Latn_RS")).toBe("sr");
    expect(primaryLanguage(" SQ ")).toBe("sq");
    expect(primaryLanguage("und")).toBeNull();
    expect(primaryLanguage("")).toBeNull();
  });
});

describe("detectLanguage", () => {
  it("recognizes Albanian, which the statistical model lacks", () => {
    expect(
      detectLanguage(
        "Kryeministri tha se qeveria do të vazhdojë dialogun me partnerët ndërkombëtarë dhe se siguria në veri mbetet prioritet.",
      ),
    ).toBe("sq");
  });

  it("recognizes Serbian in Latin script", () => {
    expect(
      detectLanguage(
        "Vlada je u petak usvojila novi set mera za podršku poljoprivrednicima, koji uključuje subvencije za gorivo i đubrivo.",
      ),
    ).toBe("sr");
  });

  it("recognizes Serbian in Cyrillic script and English", () => {
    expect(
      detectLanguage("Представници влада састали су се у Београду како би разговарали о енергетској сарадњи."),
    ).toBe("sr");
    expect(detectLanguage("The government said on Friday that talks with the opposition would resume next week.")).toBe(
      "en",
    );
  });

  it("does not guess on a few words", () => {
    expect(detectLanguage("Hello")).toBeNull();
  });
});
