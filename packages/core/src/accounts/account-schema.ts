// Accounts as the API takes and shows them (the sign-in itself is better-auth's, in the API).
import { z } from "../shared/contract-zod.ts";

export const userViewSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string().nullable() })
  .meta({ id: "User" });
export type UserView = z.infer<typeof userViewSchema>;

export const signUpSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    email: z.email().max(254),
    password: z.string().min(8).max(128),
  })
  .meta({ id: "SignUp" });

export const signInSchema = z
  .strictObject({
    email: z.email().max(254),
    password: z.string().min(1).max(128),
  })
  .meta({ id: "SignIn" });

export const apiTokenInputSchema = z
  .strictObject({ name: z.string().trim().min(1).max(80) })
  .meta({ id: "TokenInput" });

export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    token: z.string().meta({ description: "Shown once: only its hash is kept" }),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof apiTokenSchema>;
