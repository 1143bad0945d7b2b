// The browser client: one page per path, drawn from the public /v1 API only.
import { render } from "preact";
import { lang, setLanguage, t, useLanguage } from "./i18n";
import { interceptLinks, match, usePath } from "./router";
import { AdminPage } from "./screens/admin/AdminPage";
import { CompetitionPage } from "./screens/competition/CompetitionPage";
import { OfficerCompetitions } from "./screens/competition/OfficerCompetitions";
import { ProviderCompetitions } from "./screens/competition/ProviderCompetitions";
import { ChoiceScreen } from "./screens/coach/ChoiceScreen";
import { CoachHome } from "./screens/coach/CoachHome";
import { CustomerPage } from "./screens/coach/CustomerPage";
import { FeedbackPage } from "./screens/feedback/FeedbackPage";
import { ApplicationReview } from "./screens/officer/ApplicationReview";
import { DpsList, DpsSetUp } from "./screens/officer/DpsSetUp";
import { Reports } from "./screens/officer/Reports";
import { ReviewQueue } from "./screens/officer/ReviewQueue";
import { OrderPage } from "./screens/orders/OrderPage";
import { OrdersPage } from "./screens/orders/OrdersPage";
import { Notifications } from "./screens/provider/Notifications";
import { OfferingsPage } from "./screens/provider/OfferingsPage";
import { ApplicationPage } from "./screens/provider/ApplicationPage";
import { ApplicationsPage } from "./screens/provider/ApplicationsPage";
import { ChangePassword } from "./screens/public/ChangePassword";
import { DpsPage } from "./screens/public/DpsPage";
import { Home } from "./screens/public/Home";
import { Register } from "./screens/public/Register";
import { SignIn } from "./screens/public/SignIn";
import { loadSession, useSession } from "./session";
import { Layout, Loading } from "./ui/Layout";
import "./styles.css";

type Page = (params: Record<string, string>) => preact.JSX.Element;

// Pages anyone may open, then pages that need a session.
const open: [string, Page][] = [
  ["/", () => <Home />],
  ["/dps/:id", (p) => <DpsPage id={p.id} />],
  ["/sign-in", () => <SignIn />],
  ["/register", () => <Register />],
  ["/feedback/:token", (p) => <FeedbackPage token={p.token} />],
];
const signedIn: [string, Page][] = [
  ["/password", () => <ChangePassword />],
  ["/coach", () => <CoachHome />],
  ["/coach/customers/:id", (p) => <CustomerPage id={p.id} />],
  ["/coach/choice-sets/:id", (p) => <ChoiceScreen id={p.id} />],
  ["/orders", () => <OrdersPage />],
  ["/orders/:id", (p) => <OrderPage id={p.id} />],
  ["/provider/offerings", () => <OfferingsPage />],
  ["/provider/applications", () => <ApplicationsPage />],
  ["/provider/applications/:id", (p) => <ApplicationPage id={p.id} />],
  ["/notifications", () => <Notifications />],
  ["/officer", () => <ReviewQueue />],
  ["/officer/applications/:id", (p) => <ApplicationReview id={p.id} />],
  ["/officer/reports", () => <Reports />],
  ["/officer/competitions", () => <OfficerCompetitions />],
  ["/officer/dps", () => <DpsList />],
  ["/admin", () => <AdminPage />],
  ["/admin/organisations/:id", (p) => <AdminPage id={p.id} />],
  ["/officer/dps/:id", (p) => <DpsSetUp id={p.id} />],
  ["/provider/competitions", () => <ProviderCompetitions />],
  ["/competitions/:id", (p) => <CompetitionPage id={p.id} />],
];

function App() {
  useLanguage();
  const path = usePath();
  const session = useSession();
  for (const [pattern, page] of open) {
    const params = match(pattern, path);
    if (params) return page(params);
  }
  for (const [pattern, page] of signedIn) {
    const params = match(pattern, path);
    if (!params) continue;
    if (session === undefined) return <Layout title={t("loading")}><Loading /></Layout>;
    if (session === null) return <SignIn />;
    // The server refuses everything else until then; the page goes straight to the one form.
    if (session.passwordChangeRequired) return <ChangePassword />;
    return page(params);
  }
  return (
    <Layout title={t("notFound")}>
      <p>
        <a href="/">{t("home")}</a>
      </p>
    </Layout>
  );
}

interceptLinks();
setLanguage(lang());
// The feedback page needs no session; every other page asks who is signed in.
if (!location.pathname.startsWith("/feedback/")) void loadSession();
render(<App />, document.getElementById("app")!);
