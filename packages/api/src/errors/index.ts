import { type ErrorBody, type ErrorCode, SeismoError } from "@seismo/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export function errorBody(c: Context, code: ErrorCode | string, message: string): ErrorBody {
  return { error: { code, message, requestId: (c.get("requestId") as string | undefined) ?? "" } };
}

export function sendError(c: Context, status: ContentfulStatusCode, code: ErrorCode | string, message: string) {
  return c.json(errorBody(c, code, message), status);
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "invalid_payload",
  503: "unavailable",
};

/** Maps any thrown error to the one error shape; unknown errors are logged and hidden. */
export function toErrorResponse(c: Context, error: unknown, log: (err: unknown) => void) {
  if (error instanceof SeismoError) {
    return sendError(c, error.httpStatus as ContentfulStatusCode, error.code, error.message);
  }
  if (error instanceof HTTPException) {
    return sendError(c, error.status as ContentfulStatusCode, STATUS_CODES[error.status] ?? "error", error.message);
  }
  log(error);
  return sendError(c, 500, "internal", "internal error; the server log has details under this requestId");
}
