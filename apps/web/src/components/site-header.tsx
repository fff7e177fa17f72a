import type { Lang } from "../i18n/lang";
import type { Messages } from "../i18n/messages-en";

export function SiteHeader({ t, lang, path }: { t: Messages; lang: Lang; path: string }) {
  const other: Lang = lang === "ja" ? "en" : "ja";
  const switchHref = `/lang?to=${other}&next=${encodeURIComponent(path)}`;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <div className="site-header-inner">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">検</span> {t.siteName}
          <span className="brand-tagline">{t.tagline}</span>
        </a>
        <nav aria-label="Main">
          <ul>
            <li><a href="/">{t.nav.leaderboard}</a></li>
            <li><a href="/trends">{t.nav.trends}</a></li>
            <li><a href="/compare">{t.nav.compare}</a></li>
            <li><a href="/methodology">{t.nav.methodology}</a></li>
            <li><a href="/api/openapi.json">{t.nav.api}</a></li>
            <li><a href="/signin">{t.signin.link}</a></li>
          </ul>
        </nav>
        <div className="lang-switch" role="group" aria-label={t.language}>
          <span aria-current="true" lang={lang} className="lang-current">{lang === "ja" ? "日本語" : "English"}</span>
          <a href={switchHref} lang={other} hrefLang={other} data-testid="lang-switch">{other === "ja" ? "日本語" : "English"}</a>
        </div>
      </div>
    </header>
  );
}
