// Orders newest first: the coach's unit's, or the provider's inbox. Filtered by state on the
// server (`?state=`), so the inbox of a busy provider stays short.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { formatTime, localised, t, tCode, useLanguage } from "../../i18n";
import { useSession } from "../../session";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";

const states = ["placed", "accepted", "started", "completed", "interrupted", "declined", "cancelled"] as const;
type State = (typeof states)[number];

export function OrdersPage() {
  useLanguage();
  const session = useSession();
  const [state, setState] = useState<State | "">("");
  const customer = new URLSearchParams(location.search).get("customer_id") ?? undefined;
  const orders = useLoad(
    () => api.GET("/v1/orders", { params: { query: { ...(state ? { state } : {}), ...(customer ? { customer_id: customer } : {}) } } }),
    [state, customer],
  );
  const provider = session?.role === "provider";
  return (
    <Layout title={provider ? t("inbox") : t("orders")}>
      <div class="form inline">
        <label for="state-filter">{t("filterState")}</label>
        <select id="state-filter" value={state} onChange={(e) => setState(e.currentTarget.value as State | "")}>
          <option value="">{t("all")}</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {tCode("state_", s)}
            </option>
          ))}
        </select>
      </div>
      {orders.failed ? (
        <Failed />
      ) : !orders.data ? (
        <Loading />
      ) : orders.data.items.length === 0 ? (
        <p>{t("noOrders")}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{provider ? t("inbox") : t("orders")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("placedAt")}</th>
              <th scope="col">{provider ? t("customerFacts") : t("provider")}</th>
              <th scope="col">{t("category")}</th>
              <th scope="col">{t("stateLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <a href={`/orders/${o.id}`}>{formatTime(o.placed_at)}</a>
                </td>
                <td>
                  {provider
                    ? `${(o.customer_languages ?? []).join(", ")} · ${o.customer_region ?? ""}`
                    : `${o.provider_name}${o.customer_reference ? " · " + o.customer_reference : ""}`}
                </td>
                <td>{localised(o.category_name)}</td>
                <td>{tCode("state_", o.state)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
