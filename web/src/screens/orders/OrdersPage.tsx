// Orders newest first: the coach's unit's, or the provider's inbox. Filtered by state on the
// server (`?state=`), so the inbox of a busy provider stays short, and shown a page at a time:
// "Show more" appends the next page the server's `next` cursor points to. In the inbox a new
// order is accepted from its row; a decline needs a reason, given on the order's own page.
import { useEffect, useState } from "preact/hooks";
import type { Schemas } from "../../api/client";
import { api } from "../../api/client";
import { formatTime, localised, t, tCode, useLanguage } from "../../i18n";
import { languageNames, municipalityName } from "../../names";
import { useSession } from "../../session";
import { ErrorSummary } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useLoad } from "../../ui/useLoad";

const pageSize = 100;
type OrderSummary = Schemas["order-summary-list"]["items"][number];

const states = ["placed", "accepted", "started", "completed", "interrupted", "declined", "cancelled"] as const;
type State = (typeof states)[number];

export function OrdersPage() {
  useLanguage();
  const session = useSession();
  const [state, setState] = useState<State | "">("");
  const customer = new URLSearchParams(location.search).get("customer_id") ?? undefined;
  const filters = { ...(state ? { state } : {}), ...(customer ? { customer_id: customer } : {}) };
  const orders = useLoad(() => api.GET("/v1/orders", { params: { query: { ...filters, limit: pageSize } } }), [state, customer]);
  const [more, setMore] = useState<OrderSummary[]>([]);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    setMore([]);
    setNext(orders.data?.next);
  }, [orders.data]);
  const showMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    const { data } = await api.GET("/v1/orders", { params: { query: { ...filters, limit: pageSize, after: next } } });
    setLoadingMore(false);
    if (!data) return;
    setMore((shown) => [...shown, ...data.items]);
    setNext(data.next);
  };
  const shown = orders.data ? [...orders.data.items, ...more] : [];
  const provider = session?.role === "provider";
  const { problem, run } = useAct();
  const accept = (id: string) =>
    run(() => api.POST("/v1/orders/{order_id}/transitions", { params: { path: { order_id: id } }, body: { act: "accept" } }), orders.reload);
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
      <ErrorSummary problem={problem} />
      {orders.failed ? (
        <Failed />
      ) : !orders.data ? (
        <Loading />
      ) : orders.data.items.length === 0 ? (
        <p>{t("noOrders")}</p>
      ) : (
        <table class="table stack">
          <caption class="visually-hidden">{provider ? t("inbox") : t("orders")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("placedAt")}</th>
              <th scope="col">{provider ? t("customerFacts") : t("provider")}</th>
              <th scope="col">{t("category")}</th>
              <th scope="col">{t("stateLabel")}</th>
              {provider && <th scope="col">{t("actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => (
              <tr key={o.id}>
                <td data-label={t("placedAt")}>
                  <a href={`/orders/${o.id}`}>{formatTime(o.placed_at)}</a>
                </td>
                <td data-label={provider ? t("customerFacts") : t("provider")}>
                  {provider
                    ? `${languageNames(o.customer_languages ?? [])} · ${municipalityName(o.customer_region ?? "")}`
                    : `${o.provider_name}${o.customer_reference ? " · " + o.customer_reference : ""}`}
                </td>
                <td data-label={t("category")}>{localised(o.category_name)}</td>
                <td data-label={t("stateLabel")}>{tCode("state_", o.state)}</td>
                {provider && (
                  <td>
                    {o.state === "placed" && (
                      <button type="button" class="primary" onClick={() => accept(o.id)} aria-label={`${t("accept")}: ${formatTime(o.placed_at)}, ${localised(o.category_name)}`}>
                        {t("accept")}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button type="button" onClick={showMore} disabled={loadingMore}>
          {t("showMore")}
        </button>
      ) : null}
    </Layout>
  );
}
