import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Locale routing: "/" goes to the browser's language (then the AURA_LOCALE cookie's).
export default createMiddleware(routing);

export const config = {
  // Not the API, Next's own files, or anything with a file extension.
  matcher: ["/((?!api|_next|.*\\..*).*)"],
};
