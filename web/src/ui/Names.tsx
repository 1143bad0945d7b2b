// A category or an organisation named where the API gives only its id: an ellipsis while the
// name loads (or when it cannot be read), rather than a fragment of the id.
import { readCategory, readOrganisation } from "../api/names";
import { localised } from "../i18n";
import { useLoad } from "./useLoad";

export function CategoryName({ id }: { id: string }) {
  const c = useLoad(() => readCategory(id), [id]);
  return <>{c.data ? localised(c.data.name) : "…"}</>;
}

export function OrganisationName({ id }: { id: string }) {
  const o = useLoad(() => readOrganisation(id), [id]);
  return <>{o.data?.name ?? "…"}</>;
}
