#include "domain/ordering/feedback.hpp"

#include <algorithm>

#include "domain/accounts/ports.hpp"
#include "domain/ordering/loading.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

using namespace ordering_loading;

namespace {

constexpr std::size_t kProviderFeedbackLimit = 200;

bool answered(const std::vector<Feedback>& feedback, FeedbackSource source) {
  return std::any_of(feedback.begin(), feedback.end(),
                     [&](const Feedback& f) { return f.source == source; });
}

}  // namespace

Result<FeedbackLink> issue_feedback_link(OrderingServices& s, const Actor& actor,
                                         const std::string& order_id) {
  return transact<FeedbackLink>(s.db, Access::write, [&](Transaction& tx) -> Result<FeedbackLink> {
    auto ctx = delivered_order_of(tx, actor, order_id, Party::coach,
                                  "feedback is asked for after the service ended");
    if (!ctx) return ctx.error();
    if (answered(tx.orders().feedback_for_order(order_id), FeedbackSource::customer))
      return Error::conflict("feedback-given", "the customer has already given feedback");
    const auto issued = s.secrets.new_token();
    const Timestamp expires =
        now(s) + std::chrono::duration_cast<std::chrono::microseconds>(s.feedback_link_lifetime);
    tx.orders().add_feedback_token({issued.hash, order_id, now(s), expires, std::nullopt});
    tx.audit().append(event(s, actor, "feedback_link.issued", "order", order_id, "", ""));
    return FeedbackLink{issued.token, expires};
  });
}

Result<FeedbackForm> read_feedback_form(OrderingServices& s, const std::string& token) {
  return transact<FeedbackForm>(s.db, Access::read, [&](Transaction& tx) -> Result<FeedbackForm> {
    auto t = tx.orders().find_feedback_token(s.secrets.hash_token(token));
    auto order = t ? tx.orders().find(t->order_id) : std::nullopt;
    auto provider = order ? tx.organisations().find(order->provider_id) : std::nullopt;
    auto category = order ? tx.categories().find(order->category_id) : std::nullopt;
    if (!t || !order || !provider || !category) return Error::not_found("feedback link");
    return FeedbackForm{provider->name, category->name, t->used_at.has_value(), t->expires_at};
  });
}

Result<FeedbackReceived> give_feedback(OrderingServices& s, const std::string& token,
                                       FeedbackInput in) {
  if (auto ok = check_score(in.score, in.comment); !ok) return ok.error();
  return transact<FeedbackReceived>(
      s.db, Access::write, [&](Transaction& tx) -> Result<FeedbackReceived> {
        const auto hash = s.secrets.hash_token(token);
        auto t = tx.orders().find_feedback_token(hash);
        auto order = t ? tx.orders().find(t->order_id) : std::nullopt;
        if (!t || !order) return Error::not_found("feedback link");
        if (t->used_at) return Error::conflict("feedback-given", "this link has already been used");
        if (now(s) >= t->expires_at)
          return Error::conflict("link-expired", "this link has expired");
        if (answered(tx.orders().feedback_for_order(order->id), FeedbackSource::customer))
          return Error::conflict("feedback-given", "feedback for this service was already given");
        if (!tx.orders().use_feedback_token(hash, now(s)))
          return Error::conflict("feedback-given", "this link has already been used");
        tx.orders().add_feedback({s.secrets.new_id(), order->id, order->provider_id,
                                  order->category_id, FeedbackSource::customer, in.score,
                                  in.comment, in.language, now(s)});
        tx.audit().append(audit_event(now(s), nullptr, "feedback.given", "order", order->id, "",
                                      "customer score " + std::to_string(in.score)));
        return FeedbackReceived{};
      });
}

Result<Feedback> rate_provider(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               RatingInput in) {
  if (auto ok = check_score(in.score, in.comment); !ok) return ok.error();
  return transact<Feedback>(s.db, Access::write, [&](Transaction& tx) -> Result<Feedback> {
    auto ctx = delivered_order_of(tx, actor, order_id, Party::coach,
                                  "a provider is rated after the service ended");
    if (!ctx) return ctx.error();
    if (answered(tx.orders().feedback_for_order(order_id), FeedbackSource::coach))
      return Error::conflict("already-rated", "the service has already been rated by a coach");
    Feedback f{s.secrets.new_id(),
               order_id,
               ctx->order.provider_id,
               ctx->order.category_id,
               FeedbackSource::coach,
               in.score,
               in.comment,
               "",
               now(s)};
    tx.orders().add_feedback(f);
    tx.audit().append(event(s, actor, "feedback.rated", "order", order_id, "",
                            "coach score " + std::to_string(in.score)));
    return f;
  });
}

Result<std::vector<Feedback>> provider_feedback(OrderingServices& s, const Actor& actor,
                                                const std::string& provider_id) {
  if (actor.is(Role::provider) && actor.organisation_id != provider_id)
    return Error::not_found("provider");
  return transact<std::vector<Feedback>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Feedback>> {
        auto provider = tx.organisations().find(provider_id);
        if (!provider || provider->kind != OrganisationKind::provider)
          return Error::not_found("provider");
        std::vector<Feedback> out;
        for (auto& f : tx.orders().feedback_for_provider(provider_id, kProviderFeedbackLimit))
          out.push_back(without_order(std::move(f)));
        return out;
      });
}

}  // namespace tarjotin::domain
