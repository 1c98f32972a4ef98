// zod for the contract's schemas (the shapes the doors take and show). Extended with
// zod-to-openapi's metadata before any schema is made, so that the API's document keeps a
// nullable reference nullable (`allOf: [$ref, {nullable: true}]`) instead of marking the
// referenced component itself nullable, which schemas made with plain zod lead it to do.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
