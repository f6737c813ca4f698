import type { SqlClient } from "./index.ts";

/** A statement of data-modifying WITH parts and their parameters. */
export class Statement {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  param(value: unknown, cast: string): string {
    this.params.push(value);
    return `$${this.params.length}::${cast}`;
  }

  async run(tx: SqlClient): Promise<void> {
    if (this.parts.length > 0) await tx.query(`WITH ${this.parts.join(",\n")} SELECT 1`, this.params);
  }
}
