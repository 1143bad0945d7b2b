// Every page: a skip link, the header with the main menu for the signed-in role, the language
// switch (on every page, one click away) and the page's own content in <main>.
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { languageNames, languages, lang, setLanguage, t, type WordKey } from "../i18n";
import { navigate, takePageChange } from "../router";
import { signOut, useSession, type Role } from "../session";

const menus: Record<Role, [string, WordKey][]> = {
  coach: [["/coach", "customers"], ["/orders", "orders"]],
  provider: [
    ["/orders", "inbox"],
    ["/provider/offerings", "offerings"],
    ["/provider/applications", "myApplications"],
    ["/provider/competitions", "competitions"],
    ["/notifications", "notifications"],
  ],
  officer: [
    ["/officer", "reviewQueue"],
    ["/officer/dps", "setUp"],
    ["/officer/competitions", "competitions"],
    ["/officer/reports", "scorecards"],
  ],
  auditor: [["/officer/reports", "scorecards"]],
  admin: [["/admin", "users"], ["/officer/reports", "scorecards"]],
};

export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
  const session = useSession();
  useEffect(() => {
    document.title = `${title} – ${t("appName")}`;
  }, [title, lang()]);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (takePageChange() && lost) document.getElementById("main")?.focus({ preventScroll: true });
  }, [title]);
  const menu = session ? menus[session.role] : [];
  return (
    <>
      <a class="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header class="site-header">
        <div class="header-row">
          <a class="brand" href="/">
            {t("appName")}
          </a>
          <LanguageSwitch />
        </div>
        <nav aria-label={t("mainNav")} class="main-nav">
          <ul>
            <li>
              <a href="/">{t("publishedDps")}</a>
            </li>
            {menu.map(([href, word]) => (
              <li key={href}>
                <a href={href}>{t(word)}</a>
              </li>
            ))}
            <li class="session">
              {session ? (
                <>
                  <span>
                    {t("signedInAs")}: {session.organisationName}
                  </span>{" "}
                  <a href="/password">{t("changePassword")}</a>{" "}
                  <button
                    type="button"
                    onClick={async () => {
                      await signOut();
                      navigate("/");
                    }}
                  >
                    {t("signOut")}
                  </button>
                </>
              ) : (
                <a href="/sign-in">{t("signIn")}</a>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}

// The bare page of the customer's feedback link: no menus, only the language switch.
export function BarePage({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} – ${t("appName")}`;
  }, [title, lang()]);
  return (
    <>
      <header class="site-header bare">
        <div class="header-row">
          <span class="brand">{t("appName")}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} class="narrow">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}

function LanguageSwitch() {
  return (
    <nav aria-label={t("language")} class="languages">
      <ul>
        {languages.map((l) => (
          <li key={l}>
            <button type="button" lang={l} aria-pressed={lang() === l} onClick={() => setLanguage(l)}>
              {languageNames[l]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Loading() {
  return <p aria-live="polite">{t("loading")}</p>;
}

export function Failed() {
  return <p role="alert">{t("failed")}</p>;
}
