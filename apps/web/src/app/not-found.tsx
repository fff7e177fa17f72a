import { requestLang } from "../i18n/request-lang";

export default async function NotFound() {
  const { t } = await requestLang();
  return (
    <>
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFound}</p>
      <p><a href="/">{t.errors.back}</a></p>
    </>
  );
}
