import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AURA server (packages/cli `aura start`) serves these pages and the API on one port.
  typedRoutes: false,
};

export default withNextIntl(config);
