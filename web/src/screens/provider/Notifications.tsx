// What the organisation was told, newest first, in the reader's language. A notification
// carries its kind and its subject (a competition or a category) beside a text the server
// writes in English for webhooks; the page says the kind in words, names the subject from the
// API, and keeps from the text only the officer's reason at its end. A kind the page does not
// know yet is shown as the server's text.
import { api, type Schemas } from "../../api/client";
import { readCategory } from "../../api/names";
import { formatTime, localised, t, useLanguage, type WordKey } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";

type Notification = Schemas["notification-list"]["items"][number];

const kinds: Record<string, WordKey> = {
  "competition.invited": "notice_invited",
  "competition.deadline_moved": "notice_deadline_moved",
  "competition.answer_published": "notice_answer_published",
  "competition.cancelled": "notice_cancelled",
  "competition.awarded": "notice_awarded",
  "admission.suspended": "notice_suspended",
  "admission.reinstated": "notice_reinstated",
  "admission.excluded": "notice_excluded",
};

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
              <time dateTime={n.created_at}>{formatTime(n.created_at)}</time> — {kinds[n.kind] ? <Notice n={n} word={kinds[n.kind]} /> : n.text}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function Notice({ n, word }: { n: Notification; word: WordKey }) {
  const subject = useLoad(async () => {
    if (n.competition_id) {
      const c = await api.GET("/v1/competitions/{competition_id}", { params: { path: { competition_id: n.competition_id } } });
      return { data: c.data && { name: c.data.title, link: `/competitions/${c.data.id}`, named: `'${c.data.title}'` } };
    }
    if (n.category_id) {
      const c = await readCategory(n.category_id);
      return { data: c.data && { name: localised(c.data.name), link: "", named: c.data.name.fi } };
    }
    return { data: undefined };
  }, [n.id]);
  const s = subject.data;
  if (!s) return <>{subject.failed ? n.text : t(word)}</>;
  // The server writes the reason last: "... <category's Finnish name> (<reason>)" for an
  // admission, "... '<title>' was cancelled: <reason>" for a competition.
  const at = n.text.indexOf(s.named);
  const after = at < 0 ? "" : n.text.slice(at + s.named.length);
  const reason = /^ \((.*)\)$/s.exec(after)?.[1] ?? /^ was cancelled: (.*)$/s.exec(after)?.[1];
  return (
    <>
      {t(word)}: {s.link ? <a href={s.link}>{s.name}</a> : s.name}
      {reason && ` — ${reason}`}
    </>
  );
}
