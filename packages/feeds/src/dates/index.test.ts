import { describe, expect, it } from "vitest";
import { normalizeDate } from "./index.ts";

describe("normalizeDate", () => {
  it.each([
    ["Sun, 06 Jul 2014 12:56:00 GMT", "2014-07-06T12:56:00.000Z"],
    ["Thu, 12 Nov 2015 21:16:39 +0000", "2015-11-12T21:16:39.000Z"],
    ["06 Nov 2015 19:32:00 EST", "2015-11-07T00:32:00.000Z"],
    ["Tue, 10 Jun 2003 04:00:00 CEST", "2003-06-10T02:00:00.000Z"],
    ["Wed, 02 Oct 2002 13:00:00 GMT+2", "2002-10-02T11:00:00.000Z"],
    ["Seg, 05 Set 2016 11:23:00 -0300", "2016-09-05T14:23:00.000Z"],
    ["03 Apr 02 1500 GMT", "2002-04-03T15:00:00.000Z"],
    ["2017-06-15T10:29:47-07:00", "2017-06-15T17:29:47.000Z"],
    ["2003-12-13T18:30:02.25+01:00", "2003-12-13T17:30:02.250Z"],
    ["2014-07-06T12:56:00+0000", "2014-07-06T12:56:00.000Z"],
    ["2014-07-06 12:56:00", "2014-07-06T12:56:00.000Z"],
    ["2014-07-06", "2014-07-06T00:00:00.000Z"],
    ["July 6, 2014 12:56 PM EST", "2014-07-06T17:56:00.000Z"],
    ["Sun Jul 06 2014 12:56:00 GMT+0100 (CEST)", "2014-07-06T11:56:00.000Z"],
    ["Sun Jul  6 12:56:00 2014", "2014-07-06T12:56:00.000Z"],
  ])("reads %j", (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it.each(["", "garbage", "Mon, 31 Feb 2014 10:00:00 GMT", "2014-13-01", "Sun, 06 Jul 2014 12:56:00 XYZT"])(
    "returns null for %j",
    (input) => {
      expect(normalizeDate(input)).toBeNull();
    },
  );

  it("treats a date without a zone as UTC whatever the host zone", () => {
    expect(normalizeDate("2024-01-01T00:00:00")).toBe("2024-01-01T00:00:00.000Z");
  });
});
