// What the organisation was told, newest first.
import { api } from "../../api/client";
import { formatTime, t, useLanguage } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";

export function Notifications() {
  useLanguage();
  const list = useLoad(() => api.GET("/v1/notifications"), []);
  return (
    <Layout title={t("notifications")}>
      {!list.data ? (
        list.failed ? <Failed /> : <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul class="plain">
          {list.data.items.map((n) => (
            <li key={n.id}>
              <time dateTime={n.created_at}>{formatTime(n.created_at)}</time> — {n.text}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
