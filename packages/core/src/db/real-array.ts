// Vectors (`real[]` columns) read in PostgreSQL's binary array form. The text form costs both
// sides: the server prints every float as decimal text and node-postgres parses it back, one
// string at a time — for the batches' candidates that was a third of a worker's time.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/** `column` (a `real[]`) as `array_send` writes it: bytea, null where the column is null. */
export function realArrayBytes(column: SQLWrapper): SQL<Uint8Array | null> {
  return sql<Uint8Array | null>`array_send(${column})`;
}

/** PostgreSQL's type id of `real` (float4), the element type `realArrayBytes` answers. */
const FLOAT4_OID = 700;

/**
 * A one-dimensional `real[]` from `realArrayBytes`' bytes (node-postgres answers a Buffer,
 * PGlite a Uint8Array): the header (dimensions, null flag, element type, length, lower bound)
 * then each element as its length (4) and a big-endian float. Null stays null.
 */
export function decodeRealArray(bytes: Uint8Array | null): Float32Array | null {
  if (bytes === null) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = view.getInt32(0);
  if (dimensions === 0) return new Float32Array(0);
  if (dimensions !== 1 || view.getInt32(8) !== FLOAT4_OID) {
    throw new Error(
      `Expected a one-dimensional real[] (array_send), got ${dimensions} dimensions of type ${view.getInt32(8)}`,
    );
  }
  const length = view.getInt32(12);
  const values = new Float32Array(length);
  let offset = 20;
  for (let i = 0; i < length; i++) {
    if (view.getInt32(offset) !== 4) throw new Error(`real[] element ${i + 1} is NULL`);
    values[i] = view.getFloat32(offset + 4);
    offset += 8;
  }
  return values;
}
