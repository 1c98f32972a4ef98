import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database.ts";
import { type DatabaseHandle, resultRows } from "./client.ts";
import { decodeRealArray, realArrayBytes } from "./real-array.ts";

describe("real[] read in binary", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  async function roundTrip(literal: string): Promise<Float32Array | null> {
    const result = await handle.db.execute(
      sql`SELECT ${realArrayBytes(sql.raw(`${literal}::real[]`))} AS v`,
    );
    const [row] = resultRows<{ v: Uint8Array | null }>(result);
    return decodeRealArray(row?.v ?? null);
  }

  it("gives back every float exactly, in order, as the text form does", async () => {
    const values = [0.1, -2.5e-7, 3.4028234e38, -1.5, 1 / 3, 123456.789];
    const decoded = await roundTrip(`ARRAY[${values.join(",")}]`);
    expect(Array.from(decoded ?? [])).toEqual(Array.from(Float32Array.from(values)));
  });

  it("reads a 512-dimension vector, an empty array and NULL", async () => {
    const many = Array.from({ length: 512 }, (_, i) => Math.sin(i) / 7);
    expect(Array.from((await roundTrip(`ARRAY[${many.join(",")}]`)) ?? [])).toEqual(
      Array.from(Float32Array.from(many)),
    );
    expect(await roundTrip("'{}'")).toEqual(new Float32Array(0));
    expect(await roundTrip("NULL")).toBeNull();
  });

  it("refuses a NULL element and an array of two dimensions rather than guess", async () => {
    await expect(roundTrip("ARRAY[1, NULL, 3]")).rejects.toThrow(/element 2 is NULL/);
    await expect(roundTrip("ARRAY[[1, 2], [3, 4]]")).rejects.toThrow(/2 dimensions/);
  });
});
