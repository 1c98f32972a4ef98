#!/usr/bin/env node
// Runs the TypeScript CLI directly: internal packages need no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/bin.ts");
