import { z } from "zod";

export const ERROR_CODES = [
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "invalid_payload",
  "fetch_failed",
  "parse_failed",
  "unavailable",
  "rate_limited",
  "too_large",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_payload: 422,
  fetch_failed: 502,
  parse_failed: 422,
  unavailable: 503,
  rate_limited: 429,
  too_large: 413,
  internal: 500,
};

const RETRYABLE_CODES = new Set<ErrorCode>(["fetch_failed", "unavailable", "internal"]);

/** The one error type Seismo code throws on purpose; `code` is stable, `message` is for people. */
export class SeismoError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Whether trying again later may succeed (a timeout may; a malformed page will not). */
  readonly retryable: boolean;
  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "SeismoError";
    this.code = code;
    this.details = options.details;
    this.retryable = options.retryable ?? RETRYABLE_CODES.has(code);
  }
  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

/** The API's one error shape. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns a zod failure into one readable line: "field.path: problem; other: problem". */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}
