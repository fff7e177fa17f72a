import type { ReactNode } from "react";
import type { Metadata, Viewport } from "next";
import { SiteHeader } from "../components/site-header";
import { requestLang, requestPath } from "../i18n/request-lang";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kensa — MCP readiness grades", template: "%s · Kensa" },
  description: "Readiness grades and benchmarks for the MCP servers of SaaS vendors.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ lang, t }, path] = await Promise.all([requestLang(), requestPath()]);
  return (
    <html lang={lang}>
      <body>
        <SiteHeader t={t} lang={lang} path={path} />
        <main id="main" tabIndex={-1}>{children}</main>
        <footer className="site-footer">
          <p>
            <a href="/methodology">{t.footer.methodology}</a> · <a href="/api/openapi.json">{t.footer.openapi}</a> · {t.footer.attribution}
          </p>
        </footer>
      </body>
    </html>
  );
}
