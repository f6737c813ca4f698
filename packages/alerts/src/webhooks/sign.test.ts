import { describe, expect, it } from "vitest";
import { generateSecret, isValidSecret, sign, signedHeaders, verifyWebhook } from "./sign.ts";

describe("Standard Webhooks signatures", () => {
  it("matches the specification's example", () => {
    // From the Standard Webhooks specification (and the svix libraries' tests).
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = '{"test": 2432232314}';
    expect(sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("verifies what it signs, and nothing tampered with", () => {
    const secret = generateSecret();
    expect(isValidSecret(secret)).toBe(true);
    const now = Date.now();
    const headers = signedHeaders(secret, "msg_1", '{"a":1}', now);
    expect(verifyWebhook(secret, { ...headers }, '{"a":1}', { now })).toBe(true);
    expect(verifyWebhook(secret, { ...headers }, '{"a":2}', { now })).toBe(false);
    expect(verifyWebhook(generateSecret(), { ...headers }, '{"a":1}', { now })).toBe(false);
    expect(verifyWebhook(secret, { ...headers, "webhook-id": "msg_2" }, '{"a":1}', { now })).toBe(false);
  });

  it("refuses an old timestamp and accepts any of several signatures", () => {
    const secret = generateSecret();
    const now = Date.now();
    const headers = signedHeaders(secret, "msg_1", "x", now - 10 * 60_000);
    expect(verifyWebhook(secret, { ...headers }, "x", { now })).toBe(false);
    const fresh = signedHeaders(secret, "msg_1", "x", now);
    const rotated = { ...fresh, "webhook-signature": `v1,b2xk ${fresh["webhook-signature"]}` };
    expect(verifyWebhook(secret, rotated, "x", { now })).toBe(true);
  });
});
