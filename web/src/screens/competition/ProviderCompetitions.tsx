// The competitions a provider was invited to, per category it is admitted to.
import { localised, t, useLanguage } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";
import { miniCompetitionCategories } from "./common";
import { CompetitionList } from "./OfficerCompetitions";

export function ProviderCompetitions() {
  useLanguage();
  const categories = useLoad(miniCompetitionCategories, []);
  if (!categories.data) return <Layout title={t("competitions")}>{categories.failed ? <Failed /> : <Loading />}</Layout>;
  return (
    <Layout title={t("competitions")}>
      {categories.data.map((c) => (
        <section key={c.id} aria-labelledby={`c-${c.id}`}>
          <h2 id={`c-${c.id}`}>{localised(c.name)}</h2>
          <CompetitionList categoryId={c.id} />
        </section>
      ))}
    </Layout>
  );
}
