// The competitions a provider was invited to, per category it is admitted to.
import { localised } from "../../i18n";
import { CompetitionList, CompetitionsPage } from "./OfficerCompetitions";

export function ProviderCompetitions() {
  return (
    <CompetitionsPage
      each={(c) => (
        <section key={c.id} aria-labelledby={`c-${c.id}`}>
          <h2 id={`c-${c.id}`}>{localised(c.name)}</h2>
          <CompetitionList categoryId={c.id} />
        </section>
      )}
    />
  );
}
