// The filter form: a plain GET form, so filtering works without JavaScript and the URL is the state.
import type { LeaderboardQuery } from "../api/leaderboard-params";
import { label, type Lang } from "../i18n/lang";
import type { Messages } from "../i18n/messages-en";
import { gradeOrder } from "../lib/grades";

const authMethods = ["oauth2_1_pkce", "oauth2", "enterprise_sso", "api_key", "none", "unknown"];

export function LeaderboardFilters({ t, query, categories }: { t: Messages; lang: Lang; query: LeaderboardQuery; categories: string[] }) {
  const l = t.leaderboard;
  const yesNo = (v: boolean | undefined) => (v === undefined ? "" : String(v));
  return (
    <form className="filters" method="get" action="/" role="search" aria-label={l.filters}>
      <div className="field field-wide">
        <label htmlFor="f-q">{l.search}</label>
        <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={l.searchPlaceholder} maxLength={100} />
      </div>
      <Select id="f-category" name="category" label={l.category} value={query.category[0] ?? ""} any={l.any}
        options={categories.map((c) => [c, label(t.categories, c)])} />
      <Select id="f-grade" name="grade" label={l.grade} value={query.grade[0] ?? ""} any={l.any}
        options={[...gradeOrder.map((g) => [g, g] as [string, string]), ["ungraded", l.ungraded]]} />
      <Select id="f-auth" name="auth" label={l.auth} value={query.auth[0] ?? ""} any={l.any}
        options={authMethods.map((a) => [a, label(t.authMethods, a)])} />
      <Select id="f-sso" name="sso" label={l.sso} value={yesNo(query.sso)} any={l.any} options={[["true", l.yes], ["false", l.no]]} />
      <Select id="f-iac" name="iac" label={l.iac} value={yesNo(query.iac)} any={l.any} options={[["true", l.yes], ["false", l.no]]} />
      <Select id="f-source" name="source" label={l.source} value={query.source ?? ""} any={l.any} options={[["live", t.live], ["package", t.package.filter], ["sandbox", t.sandbox.label]]} />
      <Select id="f-window" name="window" label={l.window} value={String(query.window)} options={["7", "30", "90"].map((d) => [d, l.windowDays(Number(d))])} />
      {query.sort !== "grade" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.order ? <input type="hidden" name="order" value={query.order} /> : null}
      {query.pageSize !== 50 ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
      <div className="field field-actions">
        <button type="submit">{l.apply}</button>
        <a href="/">{l.reset}</a>
      </div>
    </form>
  );
}

function Select({ id, name, label: text, value, options, any }: { id: string; name: string; label: string; value: string; options: [string, string][]; any?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <select id={id} name={name} defaultValue={value}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}
